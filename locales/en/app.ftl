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
footer-privacy = Aware keeps your answers on this device only. No names, no accounts, no tracking.

## Storage notices
storage-unavailable = Your progress can't be saved on this device, so it will be lost when you close this page. You can still use all lessons and quizzes.
storage-write-failed = Your latest progress could not be saved on this device (it may be full). You can keep going, but it may be lost when you close this page.
storage-unreadable = We couldn't read the progress saved on this device, so we started afresh. Nothing was deleted: the old data is kept on this device.
storage-migrated = Your saved progress was updated to work with this version of Aware.
storage-read-only = Some data on this device was saved by a newer version of Aware. It is left as it is; your changes are kept only until you close this page. Update Aware to keep them.
storage-replaced = Another tab of Aware changed a setting at the same time; the choice made here is the one kept.
storage-backup-dropped = The oldest copy of data set aside on this device was deleted, so no more than three are kept.
storage-delete-failed = Some data could not be deleted from this device (the browser refused). Try again, or clear this site's data in the browser's settings.
notice-dismiss = OK, hide this message
update-ready = A new version of Aware is ready.
update-apply = Start it now

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
course-for-older = For ages 15 and over
band-question = Which age group are you in?
band-hint = Some lessons have parts for ages 15–18 only. Your teacher can tell you which group to choose.
band-younger = Ages 12–14
band-older = Ages 15–18
band-current = Age group: { $band }.
band-change = Change

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
lesson-for-older = This lesson is for ages 15 and over
lesson-for-older-detail = Your age group is 12–14, so this lesson is not shown. You can change your age group on the lessons page.
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
# Where the number was published and the day someone saw it there: not a check that it works.
help-listed = Listed by { $source } on { $date }.
# Only a call that got through shows that a number works.
help-test-call = A test call got through on { $date }.
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

## Navigation to the pre/post awareness check and the teacher's screens
nav-check = Awareness check
nav-teacher = For teachers

## Awareness check (pre-test and post-test), as students take it
check-title = Awareness check
check-loading = Loading the awareness check…
check-failed = The awareness check could not be loaded. Check your connection and try again. ({ $reason })
check-intro = Your class takes this check before the lessons and again after them, so your teacher can see what the class learned. It is not a test of you.
check-promise-no-names = No names: you type only the code from your card.
check-promise-no-timer = No timer: take as long as you need.
check-promise-skip = You can leave out any question, and say "prefer not to answer" to any statement.
check-study-id = Study ID
check-study-id-hint = Your teacher gives it to the class. It has 10 letters and numbers.
check-code = Your code
check-code-hint = It is on your card: 6 letters and numbers. Keep the card for the second check.
check-which = Which check is this?
check-phase-pre = Before the lessons
check-phase-pre-hint = The first time you take the check.
check-phase-post = After the lessons
check-phase-post-hint = The second time, with the same code.
check-remember = Remember my code on this device
check-remember-hint = Only on your own device: on a shared computer, leave this unticked so the next student does not see your code.
check-begin = Start the check
check-error-summary = There is a problem
check-error-empty = Fill in "{ $field }".
check-error-length = "{ $field }" should have { $expected } characters, but it has { $found }.
check-error-character = "{ $field }" never uses "{ $character }" (character { $position }). Check your card.
check-error-typo = "{ $field }" has a typo: a character is wrong or two are swapped. Check your card.
check-error-pre-taken = This code has already taken the check before the lessons on this device. Choose "After the lessons", or check your code.
check-error-post-taken = This code has already taken the check after the lessons on this device.
check-test-title-pre = Awareness check: before the lessons
check-test-title-post = Awareness check: after the lessons
check-you-are = Code { $code }
check-test-intro = Answer what you think. You will see the answers after you hand in.
check-part-knowledge = Part 1: What do you know?
check-part-knowledge-hint = Choose one answer for each question.
check-part-statements = Part 2: What do you think?
check-part-statements-hint = There are no right or wrong answers. Say how much you agree, or choose "prefer not to answer".
check-question-number = Question { $number } of { $total }
check-hand-in = Hand in
check-hand-in-anyway = Hand in anyway
check-cancel = Stop without handing in
check-missing = { $missing ->
    [one] You left 1 question without an answer. You can go back to it, or hand in anyway.
   *[other] You left { $missing } questions without an answer. You can go back to them, or hand in anyway.
}
check-nothing-answered = Answer at least one question before you hand in.
check-done-title = Thank you
check-done-saved = Your answers are saved on this device.
check-done-score = In part 1, you answered { $right } of { $total } questions correctly.
check-file-title = Your results file
check-file-intro = If you took the check on your own device, save your results file and give it to your teacher. It holds your code and your answers, never your name.
check-file-save = Save my results file
check-file-saved = Saved. Give the file to your teacher.
check-file-failed = The file could not be saved on this device. Tell your teacher.
check-next-student = Next student
check-review-title = The answers to part 1
check-review-right = Right
check-review-not-right = Not quite
check-review-no-answer = You did not answer this one.
check-review-your-answer = Your answer: { $answer }
check-review-right-answer = The right answer: { $answer }

## Teacher's screens: studies, code cards, import, export
teacher-title = Measure what your class learned
teacher-intro = Give your class the awareness check before and after the lessons, and see how their knowledge and attitudes changed. Students use codes, never names, and everything stays on this device.
teacher-step-create = Create a study and print the code cards.
teacher-step-pre = Hand the cards out at random. Each student takes the awareness check "before the lessons" with their code.
teacher-step-teach = Teach the lessons.
teacher-step-post = Students take the check "after the lessons" with the same code.
teacher-step-report = Import the students' results files and open the class report.
teacher-create-title = Create a study
teacher-label = Name for your own list (optional)
teacher-label-hint = For example "Class 8B, autumn". Do not write any student's name. The name stays on this device and is never exported.
teacher-design = Which question set does each student get?
teacher-design-crossover = Half and half (recommended)
teacher-design-crossover-hint = Half the class takes set A first and set B after; the other half the other way round. Differences between the two sets cancel out.
teacher-design-parallel = Everyone the same
teacher-design-parallel-hint = Everyone takes set A before the lessons and set B after.
teacher-cards = Number of code cards
teacher-cards-hint = One per student, and a few spare.
teacher-cards-invalid = Enter a number from 1 to { $max }.
teacher-no-randomness = This browser cannot make safe random codes. Try another browser.
teacher-create = Create the study
teacher-import-title = Import results files
teacher-import-intro = Choose or drop the files your students saved. Files already imported, and records already on this device, are skipped.
teacher-studies-title = Your studies
teacher-no-studies = No studies on this device yet.
teacher-study-name = Study { $id }
teacher-study-imported = Found in imported results.
teacher-study-counts = Before the lessons: { $pre }. After the lessons: { $post }.
teacher-study-created = Created { $date }
teacher-study-not-found = We couldn't find that study.
teacher-tell-class-title = What to tell your class
teacher-tell-class = Students open Aware, choose "Awareness check", and type this study ID and the code on their card:
teacher-print-cards = Print code cards
teacher-open-check = Open the awareness check
teacher-results-title = Results on this device
teacher-open-report = Open the class report
cards-title = Code cards
cards-intro = { $count } cards. Print, cut along the lines, and hand them out at random. Keep no list of who got which card.
cards-collect = Collecting the results files: ask students to copy their files together onto one USB stick or a shared folder at the end of the lesson. Do not collect them by e-mail, chat or messages: those show who sent each file, and so whose answers it holds.
cards-print = Print the cards
cards-back = Back to the study
cards-not-here = The cards of a study can be printed only on the device that created it.
cards-card-title = Aware – awareness check
cards-card-note = Keep this card for the second check. Do not write your name on it.
import-choose = Choose results files
import-hint = You can choose many files at once, or drop them here.
import-busy = Importing…
import-summary = { $files ->
    [one] 1 file read
   *[other] { $files } files read
}{ $refused ->
    [0] .
    [one] , 1 could not be imported:
   *[other] , { $refused } could not be imported:
}
import-added = { $added ->
    [one] 1 new record
   *[other] { $added } new records
}, { $duplicates } already here.
import-conflicts = { $conflicts ->
    [one] 1 record has the same code and check as one already here but different answers; the first one was kept.
   *[other] { $conflicts } records have the same code and check as ones already here but different answers; the first ones were kept.
}
import-other-studies = { $count ->
    [one] 1 of its records belongs to another study.
   *[other] { $count } of its records belong to other studies.
}
import-unreadable = the file could not be read ({ $reason }).
import-too-large = the file is too large to be a results file.
import-not-json = this is not a results file (it is damaged or another kind of file; line { $line }, column { $column }).
import-not-results = this is not an Aware results file.
import-newer-version = this file was made by a newer version of Aware (file version { $version }). Update Aware, then import it again.
import-damaged = the file is damaged ({ $detail }).
import-too-many = the file has more than { $max } records.
import-bad-record = record { $record } is damaged: { $detail }.
import-duplicate-record = record { $record } repeats record { $same }, so the file was not imported.
export-title = Export
export-intro = Exports hold codes and answers only: no names, no times, no device details.
export-aggregate = Report summary (JSON)
export-aggregate-hint = Only class-level numbers, with small groups hidden. Safe to share beyond the school.
export-results-csv = Results for a spreadsheet (CSV)
export-results-csv-hint = One row per student and check, one column per question. For your programme's evaluator, not for sharing widely.
export-results-json = Results file (JSON)
export-results-json-hint = All records of this study, to import on another device.
export-codebook = Codebook (CSV)
export-codebook-hint = What each column and value of the results means, in every language.
export-study = Study file for evaluators (JSON)
export-study-hint = Which codes this study printed on its cards, so that an evaluator pooling many schools counts only your students' results. Hand it over with the results files, and keep it from students.
export-saved = The file was saved.
export-failed = The file could not be saved on this device.
study-storage-unavailable = Awareness-check results can't be saved on this device, so they will be lost when you close this page. Save results files before you close it.
study-storage-write-failed = The latest awareness-check results could not be saved on this device (it may be full). Save results files before you close this page.
study-storage-unreadable = Some saved awareness-check data could not be read, so it was set aside. Nothing was deleted: it is kept on this device.

## Class report
report-title = Class report
report-print = Print the report
report-counts-title = Who took part
report-count-pre = Took the check before the lessons
report-count-post = Took the check after the lessons
report-count-matched = Took both (their change can be measured)
report-match-rate = Share of students who took both
report-ignored = Left out: { $other } from another version of the check, { $repeated } repeated.
report-not-issued = { $count ->
    [one] One result was left out: its code is not on this study's cards.
   *[other] { $count } results were left out: their codes are not on this study's cards.
}
report-not-created-here = This study was not created on this device, so the codes on its cards are not known here and no result counts. Open the report on the device where the study was created.
report-hidden-title = Results are hidden
report-hidden = Only { $matched } students took both checks. Results are shown when at least { $k } have.
report-hidden-why = With fewer students, a result could show what one student answered. Nothing is hidden forever: import more results files and the report appears.
report-summary-title = Summary
report-summary-knowledge = { $direction ->
    [rose] Knowledge rose from { $pre } to { $post } of answers correct, among the { $n } students who took both checks.
    [fell] Knowledge fell from { $pre } to { $post } of answers correct, among the { $n } students who took both checks.
   *[same] Knowledge stayed at { $pre } of answers correct, among the { $n } students who took both checks.
}
report-summary-gain = The class gained { $gain } of what it could still learn (normalised gain: { $band }).
report-band-gain-low = low
report-band-gain-medium = medium
report-band-gain-high = high
# $p is the p-value with its relation sign: "p = 0.012", or "p < 0.001".
report-summary-chance = { $chance ->
    [unlikely] A change this large is unlikely to be chance ({ $p }).
   *[possible] This change could be chance ({ $p }).
}
report-summary-effect = Effect size: { $g } ({ $size }).
report-effect-negligible = negligible
report-effect-small = small
report-effect-medium = medium
report-effect-large = large
report-summary-no-variation = Every student changed by the same amount, so no test or effect size can be computed.
report-summary-scale = { $scale }: average { $pre } before and { $post } after, out of 5 (higher is better). { $chance ->
    [unlikely] The change is unlikely to be chance.
   *[possible] The change could be chance.
}
report-summary-scale-hidden = { $scale }: hidden, so that no small group of students can be picked out.
report-knowledge-title = Knowledge: details for evaluators
report-knowledge-hidden = The knowledge scores are hidden: fewer than { $k } students scored away from the lowest or the highest possible score, so the averages would show how few did.
report-k-n = Students who took both checks
report-k-pre = Mean % correct before
report-k-post = Mean % correct after
report-k-change = Mean change (percentage points)
report-k-gain = Normalised gain ⟨g⟩ (Hake)
report-k-t = Paired t-test
report-k-dz = Effect size d_z
report-k-gz = Effect size g_z (Hedges' correction)
report-k-dz-ci = 95 % confidence interval of d_z
report-not-defined = not defined
report-items-title = Each question
report-items-hint = Each row is one question and its parallel question in the other set.
report-items-chart = Share of students who answered each question correctly, before and after
report-before = Before
report-after = After
report-col-question = Question (set A wording)
report-col-p = p
report-col-p-holm = p (Holm)
report-col-statement = Statement
report-col-n = Students
report-items-method = McNemar's test on the students who changed their answer (exact when fewer than 25 did), with Holm's adjustment for testing many questions. Where the exact p-value would show how few students changed their answer, only whether it is below 0.05 is shown ("< 0.05" or "≥ 0.05"). Shares of 5 % or less and 95 % or more are shown as "≤ 5 %" and "≥ 95 %".
report-changes-title = How individual scores changed
report-changes-chart = Number of students whose score fell, stayed the same, or rose
report-band-fell = Fell
report-band-same = Stayed the same
report-band-rose-up-to-25 = Rose by up to 25 points
report-band-rose-more-than-25 = Rose by more than 25 points
report-cell-hidden = hidden
report-cells-hidden = Some numbers are hidden: a number of students is shown only when it and the rest of the class are each none or at least { $k }, and no hidden number can be worked out from the others.
report-scales-title = Attitudes and help-seeking
report-scales-hint = Scores from 1 to 5 after reverse coding, so a higher score is always the attitude the lessons aim for. Wilcoxon signed-rank test.
report-reversed = (reverse-coded)
report-scale-score = Scale score (students who answered every statement)
report-hidden-part = { $reason ->
    [group] Hidden: too few students for this result (at least { $k } for the whole check or a scale, { $kk } for a single question).
    [few] Hidden: it would show how few students (from 1 to { $few }) answered one way.
   *[complementary] Hidden, so that another hidden number cannot be worked out.
}
report-alpha = Internal consistency (Cronbach's α): { $pre } before, { $post } after.
report-privacy-title = Why some results may be hidden
report-privacy = This report shows results only for groups of at least { $k } students, and hides numbers that could reveal what one student answered. The students' codes and answers never appear in it.

## Data on this device (every bundle)
data-title = Data on this device
data-intro = Aware keeps these things in this browser, on this device only. Nothing is sent anywhere. You can delete any of them, or everything.
data-kept-persistent = This browser keeps this data until it is deleted here.
data-kept-best-effort = This browser may delete this data by itself when the device runs short of space (some browsers also do after a few weeks without a visit).
data-keep-ask = Ask the browser to keep it
data-keep-refused = The browser said no: it decides by itself, often by how much this site is used.
data-kept-unknown = This browser does not say whether it may delete this data by itself.
data-nothing = Aware keeps nothing on this device.
data-progress = Progress in the lessons: sections read and quiz answers
data-results = Awareness-check results taken or imported here
data-studies = Teacher's studies and their code cards
data-sessions = Classroom sessions
data-participant = A remembered study id and code
data-locale = The chosen language
data-band = The chosen age group
data-outbox = Quiz answers waiting to be sent to a campaign's record store (no name or code)
data-teacher = The teacher's locked results and passphrase keys
data-backups = Copies of data set aside
data-other = Data from another version of Aware
data-amount = { $items ->
    [one] 1 item
   *[other] { $items } items
}, { $bytes } bytes
data-amount-bytes = { $bytes } bytes
data-delete = Delete
data-delete-named = Delete: { $what }
data-deleted = Deleted: { $what }.
data-teacher-kept = Only the teacher can delete this, on the teacher's screens.
data-backups-title = Copies set aside
data-backups-intro = Data Aware could not read, or saved by an older version, is kept aside here in case it is needed. You can download a copy, or put it back together with what is kept now (nothing is lost).
data-backup-download = Download
data-backup-restore = Put it back
data-restored = The copy was put back.
data-restore-newer = This copy was saved by a newer version of Aware. Update Aware to put it back.
data-restore-elsewhere = This copy is put back on the page that uses it: the awareness check, or the teacher's screens.
data-restore-failed = This copy cannot be put back; you can still download it.
data-download-failed = The download did not start. Try again.
data-delete-everything = Delete everything
data-delete-everything-warning = This deletes everything Aware keeps on this device, and it cannot be undone.
data-delete-everything-student = This deletes everything Aware keeps on this device except the teacher's locked results, and it cannot be undone.
data-delete-everything-confirm = Yes, delete everything
data-cancel = Cancel
data-deleted-everything = Everything was deleted.

## The teacher's passphrase and deleting a study's results
teacher-gate-setup-title = Set up the teacher's area on this device
teacher-gate-setup-intro = Choose a passphrase for this device. Students can still take the awareness check here, but the results kept on this device are locked: only someone with the passphrase can see, import, export or delete them.
teacher-gate-setup-warning = If this passphrase is lost, the results kept on this device are lost too: nobody can open them again, not even Aware. Write it down and keep it somewhere safe, away from this computer.
teacher-gate-passphrase = Passphrase
teacher-gate-passphrase-hint = At least { $min } characters. A few unrelated words are easy to remember and hard to guess.
teacher-gate-passphrase-again = The same passphrase again
teacher-gate-too-short = The passphrase must have at least { $min } characters.
teacher-gate-mismatch = The two passphrases are not the same. Type them again.
teacher-gate-set-up = Set up and open
teacher-gate-working = Working on it. This can take a few seconds.
teacher-gate-unlock-title = Open the teacher's area
teacher-gate-unlock-intro = Enter the passphrase chosen when the teacher's area was set up on this device.
teacher-gate-unlock = Open
teacher-gate-wrong = That passphrase does not open the teacher's area. Check it and try again.
teacher-gate-unavailable = This browser cannot lock results: it has no Web Crypto, or the page is not served over HTTPS. Open Aware over HTTPS in an up-to-date browser.
teacher-gate-unusable = The teacher's keys on this device cannot be used by this version of Aware, so the locked results cannot be opened. Update Aware, or put the keys back on "Data on this device".
teacher-gate-lock = Lock the teacher's area
teacher-delete-results-title = Delete this study's results
teacher-delete-results = Delete this study's results from this device
teacher-delete-results-warning = Every result of this study kept on this device will be deleted, locked ones too. Results files and exports saved elsewhere are not affected. This cannot be undone.
teacher-delete-results-confirm = Yes, delete these results
teacher-delete-results-done = { $count ->
    [one] 1 result was deleted.
   *[other] { $count } results were deleted.
}

## Classroom: presenting a lesson to a class, polling it, and the session summary (teacher only)
teacher-sessions-title = Present a lesson to a class
teacher-sessions-intro = Show a lesson on a projector or large screen, one screen at a time. The class answers questions with printed answer cards or by raising hands; you enter how many chose each letter. No names, nothing timed for students, and everything stays on this device.
teacher-sessions-lessons = Lessons
teacher-sessions-kept = Sessions on this device
teacher-sessions-none = No sessions on this device yet.
teacher-sessions-entry = { $lesson }, { $date }
teacher-sessions-unavailable = Sessions cannot be kept on this device: they last until this page is closed. Export a session's summary before closing.
teacher-sessions-write-failed = The latest session could not be saved on this device (its storage may be full). Export its summary before closing this page.
teacher-sessions-unreadable = The sessions kept on this device could not be read, so a new list was started. Nothing was deleted.
teacher-sessions-newer = The sessions on this device were saved by a newer version of Aware and are left as they are. New sessions last until this page is closed.
teacher-present-link = Present to a class
teacher-present-title = Present: { $lesson }
teacher-present-band = Age group of the class
teacher-present-band-younger = Ages 12–14
teacher-present-band-older = Ages 15–18
teacher-present-older-only = This lesson is for ages 15 and over, so it is presented to ages 15–18 only.
teacher-present-language = Language shown to the class
teacher-present-start = Start presenting
teacher-present-no-randomness = This browser cannot make a session ID. Please try another browser.
teacher-present-not-found = This session is not kept on this device.
teacher-present-waiting = Waiting for the other window of this session…
teacher-present-guide-scenario = scenario
teacher-present-guide-quiz = quiz
teacher-present-screen = Screen { $number } of { $total }
teacher-present-question = Question { $number } of { $total }
teacher-present-select-all = More than one answer can be right.
teacher-present-next = Next
teacher-present-back = Back
teacher-present-blank = Blank the screen
teacher-present-unblank = Show the screen again
teacher-present-blanked = The class's screen is blank.
teacher-present-fullscreen = Full screen
teacher-present-leave = Leave
teacher-present-controls = Controls
teacher-present-keys = Keys: → or Space for next, ← for back, B to blank the screen, F for full screen, Esc to leave.
teacher-present-open-presenter = Open the presenter view
teacher-present-popup-blocked = The browser did not open the window. Allow pop-ups for this site, or carry on in this window.
teacher-present-choose = What does the class choose?
teacher-present-class-chose = The class chose: { $choice }
teacher-present-why = Why:
teacher-present-restart = Play the scenario again
teacher-present-the-end = The end of the scenario.
teacher-present-choose-first = Choose what the class decided first.
teacher-present-at-end = This is the last screen.
teacher-present-at-start = This is the first screen.
teacher-present-refused = That cannot be done on this screen.
teacher-present-presenter-title = Presenter view: { $lesson }
teacher-present-notes = From the teacher guide
teacher-present-no-notes = This lesson's guide has no notes for this screen.
teacher-present-up-next = Next screen
teacher-present-up-next-none = This is the end of the lesson.
teacher-present-up-next-choice = Comes after the class chooses.
teacher-present-opening = Opening: title and content note
teacher-present-closing = Closing: key points and where to get help
teacher-present-elapsed = Time since you opened this view (only you see it): { $minutes } min { $seconds } s
teacher-present-disclosure = If a student tells you something
teacher-present-class-screen-open = The class's screen is open.
teacher-present-class-screen-closed = The class's screen is not open.
teacher-present-end = End and see the summary
teacher-poll-open = Poll the class
teacher-poll-title = How the class answered
teacher-poll-count = Number for { $letter }
teacher-poll-plus = One more for { $letter }
teacher-poll-minus = One fewer for { $letter }
teacher-poll-answered = Students who answered
teacher-poll-undo = Undo
teacher-poll-close = Close the poll
teacher-poll-repoll = Poll again after discussion
teacher-poll-reveal = Show the answer
teacher-poll-option = Answer
teacher-poll-before = First poll
teacher-poll-after = After discussion
teacher-poll-share = { $count } ({ $percent }%)
teacher-poll-correct = Correct answer
teacher-poll-discuss = Talk with the person next to you: why is this the answer? Then the class answers again.
teacher-poll-refused = That count cannot be changed: { $reason }
teacher-poll-too-large = the number is too large.
teacher-poll-at-zero = it is already 0.
teacher-poll-not-open = open the poll first.
teacher-session-summary-title = Session summary: { $lesson }
teacher-session-meta = Held on { $date }, { $band }, in { $language }.
teacher-session-print = Print the summary
teacher-session-csv = Export CSV
teacher-session-json = Export JSON
teacher-session-codebook = Export the codebook (CSV)
teacher-session-export-failed = The browser did not save the file. Please try again.
teacher-session-delete = Delete this session from this device
teacher-session-continue = Continue presenting
teacher-session-no-polls = No question was polled in this session.
teacher-session-not-polled = Not polled.
teacher-answer-cards-link = Print answer cards
teacher-answer-cards-title = Answer cards
teacher-answer-cards-intro = One card per student, to use again in every lesson. Students hold up the letter of their answer; you count each letter and enter the numbers. The cards have no names or numbers on them.
teacher-answer-cards-count = Number of cards
teacher-answer-cards-invalid = Enter a number of cards from 1 to { $max }.
teacher-answer-cards-print = Print the cards
teacher-answer-cards-card = Answer card
teacher-worksheet-link = Worksheets and answer keys
teacher-worksheet-link-for = Worksheets: { $lesson }
teacher-worksheet-title = Worksheets: { $lesson }
teacher-worksheet-intro = The lesson's quiz on paper, for a class without devices: a worksheet with a box to tick for each answer (no name goes on it), and the answer key for you, with every answer explained. Choose the age group, the sheet and the paper, then print.
teacher-worksheet-older-only = This lesson is for ages 15 and over, so its worksheets are for ages 15–18 only.
teacher-worksheet-sheet = Sheet
teacher-worksheet-sheet-class = Worksheet for the class
teacher-worksheet-sheet-key = Answer key, for the teacher
teacher-worksheet-paper = Paper
teacher-worksheet-paper-a4 = A4
teacher-worksheet-paper-letter = Letter (US)
teacher-worksheet-pages = { $pages ->
    [one] { $sheet }: 1 page.
   *[other] { $sheet }: { $pages } pages.
}
teacher-worksheet-print = Print
teacher-worksheet-too-long = A question of this lesson is too long for one page, so its worksheets cannot be printed here.
teacher-worksheet-choose-one = Tick one box.
teacher-worksheet-choose-all = Tick every box that fits.
teacher-worksheet-page = Page { $number } of { $total }
teacher-worksheet-page-label = { $sheet }, page { $number } of { $total }
