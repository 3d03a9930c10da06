# Aware: user interface text (English).
# Lesson text is not here: it lives in lessons/<lesson>/en/. Phone numbers are not here either:
# they come from lessons/help.toml and are passed in as { $number }.

app-name = Aware
page-title = { $page } – Aware

## Frame shown on every screen
skip-to-content = Skip to main content
nav-lessons = Lessons
nav-get-help = Get help
language-switcher = Language
exit-this-page = Exit this page
exit-this-page-hidden-prefix = Emergency
exit-shift-hint = Or press Shift 3 times
exit-shift-progress = { $remaining ->
    [one] Shift, press 1 more time to exit.
   *[other] Shift, press { $remaining } more times to exit.
}
exit-shift-expired = Exit this page expired.
exit-loading = Loading.
footer-privacy = Aware keeps your answers on this device only. No names, no accounts, no tracking.

## Storage notices
storage-unavailable = Your progress can't be saved on this device, so it will be lost when you close this page. You can still use all lessons and quizzes.
storage-write-failed = Your latest progress could not be saved on this device (it may be full). You can keep going, but it may be lost when you close this page.
storage-unreadable = We couldn't read the progress saved on this device, so we started afresh. Nothing was deleted: the old data is kept on this device.
storage-migrated = Your saved progress was updated to work with this version of Aware.
notice-dismiss = OK, hide this message

## Loading lessons
content-loading = Loading lessons…
content-failed = The lessons could not be loaded. Check your connection and try again. ({ $reason })
content-retry = Try again

## Course page
course-title = Lessons
course-intro = Short lessons about staying safe from human trafficking, each with a quiz. Go at your own pace: there is no timer and no score for speed.
lesson-meta = Ages { $min }–{ $max } · { $minutes } minutes
status-not-started = Not started
status-reading = Reading: { $read } of { $total } sections
status-quiz = Quiz: { $answered } of { $total } questions answered
status-completed = Completed: { $right } of { $total } right on the first try

## Lesson pages
lesson-section-count = Section { $current } of { $total }
lesson-objectives = In this lesson you will
lesson-pager = Sections
lesson-previous = Previous section
lesson-next = Next section
lesson-start-quiz = Start the quiz
lesson-key-points = Key points
lesson-sources = Sources
lesson-source-entry = { $publisher } ({ $year }). { $title }.
citation-label = source { $number }
callout-note = Note
callout-example = Example
callout-discuss = Talk about it
callout-older = For ages 15–18
lesson-not-found = We couldn't find that lesson.
section-not-found = This lesson has no section { $number }.
back-to-lessons = Back to lessons

## Scenarios
scenario-choices = What would you do?
scenario-you-chose = You chose: { $choice }
scenario-why = Why it matters:
scenario-continue = Continue
scenario-ending = This is one ending of the story. Start again to see what other choices lead to.
scenario-restart = Start the story again

## Teacher guide
teacher-guide-link = Teacher guide
teacher-guide-title = Teacher guide: { $lesson }
teacher-guide-print = Print this guide
teacher-guide-open-lesson = Open the lesson
teacher-guide-script = Scenario to read aloud: { $title }
teacher-guide-goes-to = (Go to step { $number }.)
teacher-guide-ending = This is an ending.
translation-unreviewed = This lesson or the app's words in { $language } have not yet been checked by a native speaker. If something reads wrong, please tell the programme team.

## Quiz
quiz-question-count = Question { $current } of { $total }
quiz-select-all = Select all that apply.
quiz-true = True
quiz-false = False
quiz-check = Check answer
quiz-choose-first = Choose an answer first.
quiz-error-summary = There is a problem
quiz-correct = That's right.
quiz-incorrect = Not quite. Have a look at why, then try again.
quiz-missed = { $missed ->
    [one] There is 1 more right answer to find.
   *[other] There are { $missed } more right answers to find.
}
quiz-you-chose = You chose: { $option }
quiz-try-again = Try again
quiz-next = Next question
quiz-finish = See what you learned
quiz-not-found = This quiz has no question { $number }.

## Quiz result
result-title = What you learned
result-first-try = You got { $right } of { $total } questions right on your first try.
result-all-solved = You found the right answer to every question.
result-unanswered = { $count ->
    [one] 1 question is still waiting for an answer.
   *[other] { $count } questions are still waiting for an answer.
}
result-continue = Go to the next unanswered question
result-key-points = Key points to remember
result-retake = Take the quiz again

## Help page
help-title = Get help
help-intro = If something in a lesson worries you, or something is happening to you or someone you know, you are not alone. Talking to someone helps.
help-call = Call { $number }
help-last-checked = Number last checked: { $date }. Source: { $source }.
help-child-helpline-name = Child Helpline
help-child-helpline-description = Free and open 24 hours, from any phone. For children and young people: if you are worried about yourself or a friend, or something feels wrong. They listen and can help.
help-police-name = Police
help-police-description = If you or someone else is in danger right now.
help-trusted-adult = You can also talk to an adult you trust: a parent or relative, a teacher, the school doctor or social worker.
help-privacy-title = Keeping your visit private
help-privacy = The "Exit this page" button takes you to a weather website straight away. It does not delete your browsing history: if you are worried someone may check this device, use a private window or clear your history.

## Not found
not-found-title = Page not found
not-found-body = There is no page at this address.
