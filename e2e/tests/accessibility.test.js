// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every screen and state a student or a teacher can
// reach, in every language of the app (the browser asks for it, as a student's would), and the
// keyboard path through the header. A failure names each rule, the elements, and the fix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  E2E_DIR, LOCALES, WRONG, distDir, eventually, expectClean, expectScreen, shownOptions, startApp, ui, visit, wrongOptions,
} from '../support/app.js';
import { expectNoViolations } from '../support/axe.js';
import { builtLessons, loadLesson, loadLocales } from '../support/content.js';
import {
  PASSPHRASE, answerPlan, answerTest, compact, createStudy, download, expectHeading, fixtureClass, formOf, grouped, handedIn,
  loadAssessment, openTeacherArea, readCodeCards, visitTeacher, withOneWrongCharacter,
} from '../support/study.js';

// The keyboard checks below are in English; the axe sweep runs for every locale.
const lesson1 = loadLesson('what-is-trafficking');
const lessons = builtLessons();
const EXIT_URL = 'https://www.bbc.co.uk/weather';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

for (const locale of LOCALES) {
  describe(locale, () => {
    const { m, RIGHT, WRONG, answer, answerRight, browserLocale, expectScreen, visit } = ui(locale);
    const lesson1 = loadLesson('what-is-trafficking', locale);
    const lesson2 = loadLesson('myths-and-facts', locale);
    // Every lesson in the build: new lessons are checked as soon as they are built.
    const lessons = builtLessons(locale);
    const open = (options) => app.open({ locale: browserLocale, ...options });

    describe('axe: no WCAG A/AA violations', () => {
      let page;
      let problems;
      let context;
      before(async () => {
        ({ page, problems, context } = await open());
      });
      after(async () => {
        await context?.close();
      });

      test('the checker itself reports a planted violation (so a pass means something)', async () => {
        await visit(page, app.origin, 'index.html?band=12-14#/', m('course-title'));
        await page.evaluate(() => {
          const img = document.createElement('img');
          // The site's own icon: an image from anywhere else would (rightly) break the page's policy.
          img.src = document.querySelector('link[rel~="icon"]').href;
          img.id = 'planted';
          document.querySelector('main').append(img);
        });
        await assert.rejects(expectNoViolations(page, 'a planted image without alt'), (error) => {
          assert.match(error.message, /image-alt \(critical\): Images must have alternative text/);
          assert.match(error.message, /at #planted/);
          return true;
        });
        await page.reload();
        await expectScreen(page, app.origin, 'index.html?band=12-14#/', m('course-title'));
        expectClean(problems);
      });

      test('course page', async () => {
        await visit(page, app.origin, 'index.html?band=12-14#/', m('course-title'));
        await expectNoViolations(page, 'the course page');
        expectClean(problems);
      });

      for (const lesson of lessons) {
        test(`${lesson.id}: every section`, async () => {
          const total = lesson.sections.length;
          assert.ok(total >= 3, 'first, middle and last sections are distinct');
          for (let n = 1; n <= total; n++) {
            await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson.id}/section/${n}`, lesson.title);
            await page.getByRole('heading', { level: 2, name: lesson.sections[n - 1], exact: true }).waitFor();
            await expectNoViolations(page, `${lesson.id} section ${n} of ${total}`);
          }
          expectClean(problems);
        });
      }

      test('a question: before answering, with the error, after a wrong answer, after the right answer', async () => {
        const item = lesson1.quiz[0];
        await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/1`, lesson1.title);
        await page.getByRole('group', { name: item.prompt, exact: true }).waitFor();
        await expectNoViolations(page, 'a question before answering');

        await page.getByRole('button', { name: m('quiz-check'), exact: true }).click();
        await page.getByRole('alert').getByText(m('quiz-error-summary'), { exact: true }).waitFor();
        await expectNoViolations(page, `a question with the "${m('quiz-choose-first')}" error`);

        await answer(page, item, [wrongOptions(item)[0]]);
        await page.getByText(WRONG, { exact: true }).waitFor();
        await expectNoViolations(page, 'a question after a wrong answer');

        await page.getByRole('button', { name: m('quiz-try-again'), exact: true }).click();
        await answerRight(page, item);
        await expectNoViolations(page, 'a question after the right answer');
        expectClean(problems);
      });

      test('a multiple-choice question, before and after answering (partly wrong)', async () => {
        const n = lesson1.quiz.findIndex((item) => item.type === 'multiple') + 1;
        const item = lesson1.quiz[n - 1];
        await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/${n}`, lesson1.title);
        await page.getByText(m('quiz-select-all'), { exact: true }).waitFor();
        await expectNoViolations(page, 'a multiple-choice question');
        await answer(page, item, [item.correct[0], wrongOptions(item)[0]]);
        await page.getByText(WRONG, { exact: true }).waitFor();
        await expectNoViolations(page, 'a multiple-choice question after a partly wrong answer');
        expectClean(problems);
      });

      test('a true/false question, before and after answering', async () => {
        const n = lesson1.quiz.findIndex((item) => item.type === 'true-false') + 1;
        await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/${n}`, lesson1.title);
        await page.getByRole('radio', { name: m('quiz-true'), exact: true }).waitFor();
        await expectNoViolations(page, 'a true/false question');
        await answerRight(page, lesson1.quiz[n - 1]);
        await expectNoViolations(page, 'a true/false question after the right answer');
        expectClean(problems);
      });

      test('result page: unfinished, and after every question is answered', async () => {
        await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson2.id}/result`, m('result-title'));
        await page.getByRole('link', { name: m('result-continue'), exact: true }).waitFor();
        await expectNoViolations(page, 'the result page of an unfinished quiz');

        await page.getByRole('link', { name: m('result-continue'), exact: true }).click();
        for (let n = 1; n <= lesson2.quiz.length; n++) {
          await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson2.id}/quiz/${n}`, lesson2.title);
          await answerRight(page, lesson2.quiz[n - 1]);
          const last = n === lesson2.quiz.length;
          await page.getByRole('link', { name: m(last ? 'quiz-finish' : 'quiz-next'), exact: true }).click();
        }
        await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson2.id}/result`, m('result-title'));
        await page.getByText(m('result-all-solved'), { exact: true }).waitFor();
        await expectNoViolations(page, 'the result page of a finished quiz');

        await page.getByRole('banner').getByRole('link', { name: m('nav-lessons'), exact: true }).click();
        await expectScreen(page, app.origin, 'index.html?band=12-14#/', m('course-title'));
        const total = lesson2.quiz.length;
        await page.getByText(m('status-completed', { right: total, total }), { exact: true }).waitFor();
        await expectNoViolations(page, 'the course page with progress');
        expectClean(problems);
      });

      test('help page', async () => {
        await visit(page, app.origin, 'index.html?band=12-14#/help', m('help-title'));
        await expectNoViolations(page, 'the help page');
        expectClean(problems);
      });

      test('not-found pages', async () => {
        await visit(page, app.origin, 'index.html?band=12-14#/nope', m('not-found-title'));
        await expectNoViolations(page, 'the not-found page');
        await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/section/99`, m('section-not-found', { number: 99 }));
        await expectNoViolations(page, 'a missing section');
        await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/99`, m('quiz-not-found', { number: 99 }));
        await expectNoViolations(page, 'a missing question');
        expectClean(problems);
      });

      test('while the "Shift" exit shortcut is counting', async () => {
        await visit(page, app.origin, 'index.html?band=12-14#/', m('course-title'));
        await page.keyboard.press('Shift');
        await page.locator('#aware-exit-bar').getByRole('status')
          .filter({ hasText: m('exit-shift-progress', { remaining: 2 }) }).waitFor({ state: 'attached' });
        await expectNoViolations(page, 'the course page while the exit shortcut counts');
        expectClean(problems);
      });
    });

    describe('axe: scenarios and teacher guides', () => {
      let page;
      let problems;
      let context;
      before(async () => {
        ({ page, problems, context } = await open());
      });
      after(async () => {
        await context?.close();
      });

      for (const lesson of lessons.filter((l) => l.scenarioSections.length > 0)) {
        test(`${lesson.id}: the scenario, played to an ending (always the first choice)`, async () => {
          const n = lesson.scenarioSections[0];
          await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson.id}/section/${n}`, lesson.title);
          const scenario = page.getByRole('region', { name: lesson.scenarioTitles[0], exact: true });
          await scenario.waitFor();
          let step = 0;
          for (;;) {
            step++;
            assert.ok(step <= 30, 'the scenario reaches an ending within 30 steps');
            await expectNoViolations(page, `${lesson.id} scenario, step ${step}`);
            const restart = scenario.getByRole('button', { name: m('scenario-restart'), exact: true });
            const go = scenario.getByRole('button', { name: m('scenario-continue'), exact: true });
            if (await restart.count()) {
              await restart.click();
              await scenario.getByText(m('scenario-choices'), { exact: true }).waitFor();
              break;
            }
            if (await go.count()) await go.click();
            else {
              await scenario.getByText(m('scenario-choices'), { exact: true }).waitFor();
              const first = scenario.getByRole('listitem').getByRole('button').first();
              const choice = (await first.textContent()).trim();
              await first.click();
              await scenario.getByText(m('scenario-you-chose', { choice }), { exact: true }).waitFor();
            }
          }
          assert.ok(step >= 3, `a choice, its outcome and an ending were checked (${step} states)`);
          expectClean(problems);
        });
      }

      for (const lesson of lessons.filter((l) => l.hasTeacherGuide)) {
        test(`${lesson.id}: the teacher guide`, async () => {
          await visit(page, app.origin, `teacher.html#/guides/${lesson.id}`, m('teacher-guide-title', { lesson: lesson.title }));
          await expectNoViolations(page, `the teacher guide of ${lesson.id}`);
          expectClean(problems);
        });
      }
    });

    describe('axe: the awareness check and the teacher\'s screens', () => {
      const assessment = loadAssessment(locale);
      let page;
      let problems;
      let context;
      let study;
      let codes;
      before(async () => {
        ({ page, problems, context } = await open());
      });
      after(async () => {
        await context?.close();
      });
      const startField = (id) => page.getByLabel(m(id), { exact: true });
      const begin = () => page.getByRole('button', { name: m('check-begin'), exact: true }).click();

      test('the passphrase (choosing one, with an error), the teacher page (also with an error), a study page and the code cards', async () => {
        await page.goto(`${app.origin}/teacher.html#/`);
        await expectHeading(page, m('teacher-gate-setup-title'));
        await expectNoViolations(page, 'choosing the teacher\'s passphrase');
        await page.getByLabel(m('teacher-gate-passphrase'), { exact: true }).fill(PASSPHRASE);
        await page.getByRole('button', { name: m('teacher-gate-set-up'), exact: true }).click();
        await page.getByRole('alert').getByText(m('teacher-gate-mismatch'), { exact: true }).waitFor();
        await expectNoViolations(page, 'choosing the teacher\'s passphrase, typed differently the second time');
        await openTeacherArea(page, m, { firstUse: true });
        await expectScreen(page, app.origin, 'teacher.html#/', m('teacher-title'));
        await expectNoViolations(page, 'the teacher page');
        await page.getByLabel(m('teacher-cards'), { exact: true }).fill('0');
        await page.getByRole('button', { name: m('teacher-create'), exact: true }).click();
        await page.getByRole('alert').getByText(m('teacher-cards-invalid', { max: 1000 }), { exact: true }).waitFor();
        await expectNoViolations(page, 'the teacher page with a wrong number of cards');
        await page.getByLabel(m('teacher-cards'), { exact: true }).fill('3');
        await page.getByRole('button', { name: m('teacher-create'), exact: true }).click();
        await page.waitForURL(/\/teacher\.html#\/studies\/[^/]+$/);
        const id = page.url().split('/').pop();
        await expectScreen(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: grouped(id) }));
        await expectNoViolations(page, 'a study page');
        await page.getByRole('link', { name: m('teacher-print-cards'), exact: true }).click();
        await expectScreen(page, app.origin, `teacher.html#/studies/${id}/cards`, m('cards-title'));
        ({ study, codes } = await readCodeCards(page, m));
        await expectNoViolations(page, 'the code cards');
        expectClean(problems);
      });

      test('the check: start, its errors, the test, questions left out, the end', async () => {
        // On a student's own device: the teacher's device seals what is handed in, so it cannot
        // tell that a code has taken a check there already.
        const student = await open();
        const { page, problems } = student;
        const startField = (id) => page.getByLabel(m(id), { exact: true });
        const begin = () => page.getByRole('button', { name: m('check-begin'), exact: true }).click();
        await visit(page, app.origin, 'check.html#/', m('check-title'));
        await startField('check-study-id').waitFor();
        await expectNoViolations(page, 'the check\'s start');
        await begin();
        await page.getByRole('alert').getByText(m('check-error-empty', { field: m('check-study-id') }), { exact: true }).waitFor();
        await expectNoViolations(page, 'the check\'s start with both fields empty');
        await startField('check-study-id').fill(study);
        await startField('check-code').fill(withOneWrongCharacter(codes[0]));
        await begin();
        await page.getByRole('alert').getByText(m('check-error-typo', { field: m('check-code') }), { exact: true }).waitFor();
        await expectNoViolations(page, 'the check\'s start with a typo in the code');

        await startField('check-code').fill(codes[0]);
        await begin();
        await expectHeading(page, m('check-test-title-pre'));
        await expectNoViolations(page, 'the test');
        const form = formOf(study, codes[0], 'pre');
        const plan = answerPlan(assessment, form, { right: 5, wrong: 3 });
        const { total, answered } = await answerTest(page, m, assessment, form, plan);
        await page.getByRole('button', { name: m('check-hand-in'), exact: true }).click();
        await page.getByText(m('check-missing', { missing: total - answered }), { exact: true }).waitFor();
        await expectNoViolations(page, 'the test with questions left out');
        await page.getByRole('button', { name: m('check-hand-in-anyway'), exact: true }).click();
        await expectHeading(page, m('check-done-title'));
        await expectNoViolations(page, 'the end of the check');
        await download(page, page.getByRole('button', { name: m('check-file-save'), exact: true }));
        await page.getByText(m('check-file-saved'), { exact: true }).waitFor();
        await expectNoViolations(page, 'the end of the check, the file saved');

        // The same check again on this device: "Next student" leaves an empty form, and the same
        // code typed again is refused.
        await page.getByRole('button', { name: m('check-next-student'), exact: true }).click();
        await expectHeading(page, m('check-title'));
        assert.equal(await startField('check-code').inputValue(), '', 'the next student\'s form is empty');
        await startField('check-study-id').fill(study);
        await startField('check-code').fill(codes[0]);
        await page.getByRole('radio', { name: m('check-phase-pre') }).check();
        await begin();
        await page.getByRole('alert').getByText(m('check-error-pre-taken'), { exact: true }).waitFor();
        await expectNoViolations(page, 'the check\'s start when this check was taken already');
        expectClean(problems);
        await student.context.close();
      });

      test('class report: results hidden, an import with a refused file, and results shown', async () => {
        // A new visit (the teacher's page is still open): the passphrase first.
        await page.goto(`${app.origin}/teacher.html#/studies/${compact(study)}/report`);
        await page.reload();
        await expectHeading(page, m('teacher-gate-unlock-title'));
        await expectNoViolations(page, 'opening the teacher\'s area');
        await openTeacherArea(page, m);
        await expectScreen(page, app.origin, `teacher.html#/studies/${compact(study)}/report`, m('report-title'));
        await page.getByRole('note').getByText(m('report-hidden-title'), { exact: true }).waitFor();
        await expectNoViolations(page, 'the class report with results hidden');

        // A class of 30 in a study made here: the report counts only the codes on its cards.
        const class30 = fixtureClass('class-30');
        await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'), { l: ui(locale) });
        const { id, codes } = await createStudy(page, m);
        const file = handedIn(class30, id, codes);
        await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'), { l: ui(locale) });
        await page.getByLabel(m('import-choose'), { exact: true }).setInputFiles([
          { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) },
          { name: 'package.json', mimeType: 'application/json', buffer: readFileSync(join(E2E_DIR, 'package.json')) },
        ]);
        await page.getByText(m('import-summary', { files: 2, refused: 1 }), { exact: true }).waitFor();
        await expectNoViolations(page, 'the teacher page after an import with a refused file');
        await visitTeacher(page, app.origin, `teacher.html#/studies/${id}/report`, m('report-title'), { l: ui(locale) });
        await page.getByRole('heading', { level: 2, name: m('report-summary-title'), exact: true }).waitFor();
        await expectNoViolations(page, 'the class report with results');
        expectClean(problems);
      });
    });

    describe('axe: states with a notice or an error', () => {
      test('the storage notice (storage blocked)', async () => {
        const { page, problems, context } = await open({
          initScript: () => Object.defineProperty(window, 'localStorage', {
            configurable: true,
            get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
          }),
        });
        await visit(page, app.origin, 'index.html?band=12-14#/', m('course-title'));
        await page.getByText(m('storage-unavailable'), { exact: true }).waitFor();
        await expectNoViolations(page, 'the course page with the storage notice');
        await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/1`, lesson1.title);
        await page.getByText(m('storage-unavailable'), { exact: true }).waitFor();
        await expectNoViolations(page, 'a question with the storage notice');
        expectClean(problems);
        await context.close();
      });

      test('the lessons could not be loaded', async () => {
        const { page, problems, context } = await open();
        await context.route(`${app.origin}/content/**`, (route) => route.fulfill({ status: 503, body: 'unavailable' }));
        await page.goto(`${app.origin}/index.html?band=12-14#/`);
        // The reason at the end of the message is the app's own; the words before it are the FTL's.
        const [before] = m('content-failed', { reason: '\u0000' }).split('\u0000');
        await page.getByRole('alert').getByText(new RegExp(`^${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.+\\)$`)).waitFor();
        await page.getByRole('button', { name: m('content-retry'), exact: true }).waitFor();
        assert.equal(await page.locator('html').getAttribute('lang'), locale);
        await expectNoViolations(page, 'the course page when lessons failed to load');
        // The browser reports the failed download itself; that is the only error allowed here.
        problems.consoleErrors = problems.consoleErrors.filter((e) => !/Failed to load resource: .* 503/.test(e));
        // "Try again" recovers once the lessons can be downloaded.
        await context.unroute(`${app.origin}/content/**`);
        await page.getByRole('button', { name: m('content-retry'), exact: true }).click();
        await page.getByRole('link', { name: lesson1.title, exact: true }).waitFor();
        expectClean(problems);
        await context.close();
      });
    });
  }); // describe(locale)
}

describe('keyboard', () => {
  const startScreens = [
    ['the course page', 'index.html?band=12-14#/', 'Lessons'],
    ['a question', `index.html?band=12-14#/lessons/${lesson1.id}/quiz/1`, lesson1.title],
  ];
  for (const [name, path, heading] of startScreens) {
    test(`Tab from loading ${name}: skip link, "Exit this page", brand, "Lessons", "Awareness check", "Get help", the languages`, async () => {
      const { page, problems, context } = await app.open();
      await visit(page, app.origin, path, heading);
      const focused = () => page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el.tagName.toLowerCase(), text: el.textContent.trim().replace(/\s+/g, ' '), href: el.getAttribute('href') };
      });
      const expected = [
        { tag: 'a', text: 'Skip to main content', href: '#main' },
        // The static exit link, in its bar above the app (web/index.html), before the header.
        { tag: 'a', text: 'Emergency Exit this page', href: EXIT_URL },
        { tag: 'a', text: 'Aware', href: '#/' },
        { tag: 'a', text: 'Lessons', href: '#/' },
        { tag: 'a', text: 'Awareness check', href: 'check.html#/' },
        { tag: 'a', text: 'Get help', href: '#/help' },
        // Then the language buttons, each named in its own language.
        ...Object.values(loadLocales()).map(({ name }) => ({ tag: 'button', text: name, href: null })),
      ];
      for (const [i, want] of expected.entries()) {
        await page.keyboard.press('Tab');
        assert.deepEqual(await focused(), want, `Tab press ${i + 1}`);
        if (i === 0) {
          // The skip link is visible while focused.
          const box = await page.getByRole('link', { name: 'Skip to main content' }).boundingBox();
          assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 1, `the focused skip link is on screen (${JSON.stringify(box)})`);
        }
      }
      expectClean(problems);
      await context.close();
    });
  }

  test('the skip link moves focus to the main content', async () => {
    const { page, problems, context } = await app.open();
    await visit(page, app.origin, 'index.html?band=12-14#/', 'Lessons');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.equal(page.url(), `${app.origin}/index.html?band=12-14#/`, 'the skip link does not change the address');
    // The next Tab goes into the main content: its first control, "Change" beside the age group.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Change');
    expectClean(problems);
    await context.close();
  });

  test('a question can be answered with the keyboard alone; focus follows "Check answer" and "Try again"', async () => {
    const { page, problems, context } = await app.open();
    const item = lesson1.quiz[0];
    const focused = () => page.evaluate(() => document.activeElement.textContent.trim() || document.activeElement.labels?.[0]?.textContent.trim());
    /** Arrow keys move through the radio group and choose (Space chooses the first); Enter submits the form. */
    const chooseAndSubmit = async (index) => {
      if (index === 0) await page.keyboard.press('Space');
      for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    };
    await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/1`, lesson1.title);
    // The choices in the order shown (shuffled): arrow keys follow that order.
    const shown = await shownOptions(page, item);
    await page.getByRole('radio').first().focus();

    // A wrong answer: the button that was pressed is gone, so focus moves on to "Try again".
    const wrong = shown.findIndex((o) => !item.correct.includes(o.id));
    await chooseAndSubmit(wrong);
    await page.getByText(WRONG, { exact: true }).waitFor();
    await eventually(async () => assert.equal(await focused(), 'Try again', 'after a wrong answer, focus is on "Try again"'));
    // "Try again" clears the choice, shows the choices in a new order (a new attempt: the place of
    // the answer gives nothing away) and puts focus back on the first of them.
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await page.getByRole('button', { name: 'Check answer', exact: true }).count(), 1));
    const again = await shownOptions(page, item);
    await eventually(async () => assert.equal(await focused(), again[0].text, 'after "Try again", focus is on the first choice'));
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'no choice is made any more');

    const right = again.findIndex((o) => o.id === item.correct[0]);
    await chooseAndSubmit(right);
    await page.getByText("That's right.", { exact: true }).waitFor();
    await eventually(async () => assert.equal(await focused(), 'Next question', 'after the right answer, focus is on "Next question"'));
    await page.keyboard.press('Enter');
    await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/2`, lesson1.title);
    expectClean(problems);
    await context.close();
  });

  for (const key of ['Enter', 'Space']) {
    test(`"Exit this page" (a link with role=button) works with ${key}`, async () => {
      const { page, problems, context } = await app.open();
      await context.route('https://www.bbc.co.uk/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Weather</title>' }));
      await visit(page, app.origin, 'index.html?band=12-14#/help', 'Get help');
      await page.getByRole('button', { name: 'Exit this page' }).focus();
      await page.keyboard.press(key);
      await page.waitForURL(EXIT_URL, { timeout: 3000 });
      expectClean(problems, { allowedOrigins: [new URL(EXIT_URL).origin] });
      await context.close();
    });
  }
});
