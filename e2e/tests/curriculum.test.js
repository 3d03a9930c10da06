// The whole curriculum, in every language, the way a student and a teacher meet it: for every
// lesson of the course (compiled from lessons/ as the build compiles it; each in the age band that
// first sees it) read every section, play every path of its
// "what would you do?" story to an ending, answer every question right, reach the result, then
// open the lesson's teacher guide on the teacher's page, check it and print it (print styles and a PDF).
// One browser page per lesson, moved around in-app as a student would; the interface text is that
// of locales/<locale>/app.ftl, the lesson text that of the build.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  LOCALES, distDir, expectClean, expectCount, expectVisibleText, optionControl, startApp, ui,
} from '../support/app.js';
import { BANDS, builtContent, loadLesson, loadLocales, plainText, scenarioIds } from '../support/content.js';

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/**
 * Every path through a scenario, from its first step to an ending: a list of
 * { steps: [{ step, choice }], ending }. Throws on a loop or a `next` that names no step.
 */
function scenarioPaths(scenario) {
  const byId = new Map(scenario.steps.map((step) => [step.id, step]));
  const paths = [];
  const walk = (step, taken, seen) => {
    if (seen.has(step.id)) throw new Error(`${scenario.id}: the story loops at "${step.id}"`);
    if (step.choices.length === 0) {
      paths.push({ steps: taken, ending: step });
      return;
    }
    for (const choice of step.choices) {
      const next = byId.get(choice.next);
      if (!next) throw new Error(`${scenario.id}: "${step.id}" → "${choice.id}" leads to unknown step "${choice.next}"`);
      walk(next, [...taken, { step, choice }], new Set([...seen, step.id]));
    }
  };
  walk(scenario.steps[0], [], new Set());
  return paths;
}

/** A quiz item of the build in the shape the helpers use; true/false labels are the app's words. */
function quizItem(item, m) {
  return {
    id: item.id,
    type: item.kind,
    prompt: item.prompt,
    options: item.options.map((o) => ({
      id: o.id,
      text: item.kind === 'true-false' ? m(o.id === 'true' ? 'quiz-true' : 'quiz-false') : o.text,
      explanation: o.explanation,
    })),
    correct: item.options.filter((o) => o.correct).map((o) => o.id),
  };
}

// The locales are independent (own browser profiles), so they run side by side: the time goes on
// waiting for the page to render after each click, not on work.
describe('the curriculum', { concurrency: LOCALES.length }, () => {
  for (const locale of LOCALES) {
    describe(locale, { concurrency: 1 }, () => {
      const { m, answerRight, browserLocale, expectScreen, expectTitle } = ui(locale);
      const language = loadLocales()[locale];
      // Every lesson, each in the band that first sees it: the younger band's (the default), then
      // those for ages 15-18 only, opened with a teacher's `?band=15-18` link.
      const younger = builtContent(locale, { band: BANDS.younger }).lessons;
      const olderOnly = builtContent(locale, { band: BANDS.older }).lessons.filter((l) => !younger.some((y) => y.id === l.id));
      assert.ok(younger.length >= 1, `no lessons for ${BANDS.younger} in ${locale}`);
      assert.ok(olderOnly.length >= 1, `no lessons for ${BANDS.older} only in ${locale}`);
      const lessons = [
        ...younger.map((lesson) => ({ lesson, page: `index.html?band=${BANDS.younger}` })),
        ...olderOnly.map((lesson) => ({ lesson, page: `index.html?band=${BANDS.older}` })),
      ];

      for (const { lesson, page: studentPage } of lessons) {
        describe(`${lesson.id} (${studentPage})`, { concurrency: 1 }, () => {
          const sections = lesson.sections.map((section) => plainText(section.heading));
          const quiz = lesson.quiz.map((item) => quizItem(item, m));
          const guideHeadings = lesson.teacher_guide.map((section) => plainText(section.heading));
          const sectionPath = (n) => `${studentPage}#/lessons/${lesson.id}/section/${n}`;
          const quizPath = (n) => `${studentPage}#/lessons/${lesson.id}/quiz/${n}`;
          const coursePath = `${studentPage}#/`;
          let page;
          let problems;
          let context;
          before(async () => {
            ({ page, problems, context } = await app.open({ locale: browserLocale }));
          });
          after(async () => {
            await context?.close();
          });

          test('every section, and every path of the scenario to an ending', async () => {
            assert.deepEqual(sections, loadLesson(lesson.id, locale).sections, 'the build has the section headings of lessons/**');
            await page.goto(`${app.origin}/${coursePath}`);
            await expectScreen(page, app.origin, coursePath, m('course-title'));
            await page.getByRole('main').getByRole('link', { name: lesson.title, exact: true }).click();
            const pager = page.getByRole('navigation', { name: m('lesson-pager'), exact: true });
            let played = 0;
            for (let n = 1; n <= sections.length; n++) {
              await expectScreen(page, app.origin, sectionPath(n), lesson.title);
              await expectCount(page, m('lesson-section-count', { current: n, total: sections.length }));
              await page.getByRole('heading', { level: 2, name: sections[n - 1], exact: true }).waitFor();
              await expectTitle(page, `${lesson.title}: ${sections[n - 1]}`);
              for (const id of scenarioIds(lesson.sections[n - 1].blocks)) {
                const scenario = lesson.scenarios.find((s) => s.id === id);
                assert.ok(scenario, `section ${n} places scenario "${id}", which the lesson does not have`);
                played += await playEveryPath(page, m, scenario);
              }
              await pager.getByRole('link', { name: m(n < sections.length ? 'lesson-next' : 'lesson-start-quiz'), exact: true }).click();
            }
            assert.equal(played, lesson.scenarios.reduce((sum, s) => sum + scenarioPaths(s).length, 0),
              'every scenario of the lesson is placed in a section and every path was played');
            assert.ok(played >= 1, 'the lesson has a scenario');
            expectClean(problems);
          });

          test('every question answered right, then the result with every question solved', async () => {
            // The build's answer keys are the authors' (lessons/**).
            const source = loadLesson(lesson.id, locale);
            assert.deepEqual(quiz.map((i) => [i.id, i.type, i.prompt, i.correct]),
              source.quiz.map((i) => [i.id, i.type, i.prompt, i.correct]));
            for (let n = 1; n <= quiz.length; n++) {
              const item = quiz[n - 1];
              await expectScreen(page, app.origin, quizPath(n), lesson.title);
              await expectCount(page, m('quiz-question-count', { current: n, total: quiz.length }));
              await answerRight(page, item);
              for (const id of item.correct) {
                assert.equal(await optionControl(page, item, id).isChecked(), true);
                const option = item.options.find((o) => o.id === id);
                await page.getByText(option.explanation, { exact: true }).waitFor();
              }
              const last = n === quiz.length;
              await page.getByRole('link', { name: m(last ? 'quiz-finish' : 'quiz-next'), exact: true }).click();
            }
            await expectScreen(page, app.origin, `${studentPage}#/lessons/${lesson.id}/result`, m('result-title'));
            await expectVisibleText(page, m('result-first-try', { right: quiz.length, total: quiz.length }));
            await expectVisibleText(page, m('result-all-solved'));
            assert.equal(await page.getByRole('link', { name: m('result-continue') }).count(), 0, 'nothing is left to answer');
            const keyPoints = page.getByRole('region', { name: m('result-key-points'), exact: true });
            assert.deepEqual((await keyPoints.getByRole('listitem').allTextContents()).map((s) => s.trim()), lesson.key_points);
            expectClean(problems);
          });

          test('the teacher guide, on the teacher\'s page: its four sections and the read-aloud scenario', async () => {
            await page.getByRole('main').getByRole('link', { name: m('back-to-lessons'), exact: true }).click();
            await expectScreen(page, app.origin, coursePath, m('course-title'));
            // Student screens never link to the teacher's page (the bundles are split so a student
            // downloads none of it): a teacher opens the guide on teacher.html.
            const title = m('teacher-guide-title', { lesson: lesson.title });
            await page.goto(`${app.origin}/teacher.html#/guides/${lesson.id}`);
            await expectScreen(page, app.origin, `teacher.html#/guides/${lesson.id}`, title);
            await expectTitle(page, title);
            // Teachers are told when a native speaker has not yet checked the text, and only then.
            const unreviewed = page.getByText(m('translation-unreviewed', { language: language.name }), { exact: true });
            if (!lesson.reviewed || !language.reviewed) await expectVisibleText(page, m('translation-unreviewed', { language: language.name }));
            else assert.equal(await unreviewed.count(), 0, 'no "not yet checked" notice on reviewed text');

            // The four sections of lessons/README.md, in order, among the page's headings.
            assert.equal(guideHeadings.length, 4, `the guide has four sections: ${guideHeadings.join(' | ')}`);
            const h2s = (await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents()).map((s) => s.trim());
            const positions = guideHeadings.map((heading) => h2s.indexOf(heading));
            assert.ok(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])),
              `the guide's headings, in order: ${guideHeadings.join(' | ')}; the page has ${h2s.join(' | ')}`);

            // The script of each scenario: every step, every choice with its outcome, why and where it goes.
            for (const scenario of lesson.scenarios) {
              const heading = m('teacher-guide-script', { title: scenario.title });
              const script = page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading, exact: true }) });
              assert.equal(await script.count(), 1, `one "${heading}"`);
              await script.getByText(scenario.intro, { exact: true }).waitFor();
              const steps = script.locator(':scope > ol > li');
              assert.equal(await steps.count(), scenario.steps.length, 'one numbered item per step');
              const texts = await steps.evaluateAll((items) => items.map((li) => ({
                text: li.querySelector(':scope > p').textContent.trim(),
                choices: [...li.querySelectorAll(':scope > ul > li')].map((c) => c.textContent.replace(/\s+/g, ' ').trim()),
                all: li.textContent.replace(/\s+/g, ' ').trim(),
              })));
              const norm = (s) => s.replace(/\s+/g, ' ').trim();
              scenario.steps.forEach((step, i) => {
                const shown = texts[i];
                assert.equal(shown.text, step.text, `step ${i + 1} text`);
                if (step.choices.length === 0) {
                  assert.ok(shown.all.endsWith(m('teacher-guide-ending')), `step ${i + 1} is marked as an ending: ${shown.all}`);
                }
                assert.equal(shown.choices.length, step.choices.length, `step ${i + 1} lists every choice`);
                step.choices.forEach((choice, j) => {
                  const number = scenario.steps.findIndex((s) => s.id === choice.next) + 1;
                  const want = norm(`${choice.text} ${choice.consequence} ${choice.why} ${m('teacher-guide-goes-to', { number })}`);
                  assert.equal(shown.choices[j], want, `step ${i + 1}, choice ${j + 1}`);
                });
              });
            }
            expectClean(problems);
          });

          test('the teacher guide prints: no header, navigation or buttons; the guide itself; a PDF', async () => {
            await page.emulateMedia({ media: 'print' });
            try {
              const hidden = [
                ['the header', page.getByRole('banner', { includeHidden: true })],
                ['the footer', page.getByRole('contentinfo', { includeHidden: true })],
                ['navigation', page.getByRole('navigation', { includeHidden: true })],
                ['buttons', page.getByRole('button', { includeHidden: true })],
                ['the skip link', page.getByRole('link', { name: m('skip-to-content'), includeHidden: true })],
                ['"Open the lesson"', page.getByRole('link', { name: m('teacher-guide-open-lesson'), includeHidden: true })],
              ];
              for (const [what, locator] of hidden) {
                const count = await locator.count();
                assert.ok(count >= 1, `the guide page has ${what}`);
                for (let i = 0; i < count; i++) {
                  assert.equal(await locator.nth(i).isVisible(), false, `${what} (${i + 1} of ${count}) is hidden in print`);
                }
              }
              const main = page.getByRole('main');
              assert.ok(await main.getByRole('heading', { level: 1 }).isVisible(), 'the guide title prints');
              for (const heading of guideHeadings) {
                assert.ok(await main.getByRole('heading', { level: 2, name: heading, exact: true }).isVisible(), `"${heading}" prints`);
              }
              const firstParagraph = lesson.teacher_guide[0].blocks.find((b) => b.Paragraph);
              assert.ok(firstParagraph, 'the guide starts with a paragraph');
              assert.ok(await main.getByText(plainText(firstParagraph.Paragraph), { exact: true }).isVisible(), 'the guide text prints');
              for (const scenario of lesson.scenarios) {
                const heading = m('teacher-guide-script', { title: scenario.title });
                assert.ok(await main.getByRole('heading', { level: 2, name: heading, exact: true }).isVisible(), `"${heading}" prints`);
              }

              const pdf = await page.pdf({ format: 'A4' });
              assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF file');
              const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
              assert.ok(pages >= 1, `the PDF has at least one page (${pages})`);
              assert.ok(pdf.length > 10_000, `the PDF has content (${pdf.length} bytes, ${pages} pages)`);
            } finally {
              await page.emulateMedia({ media: null });
            }
            expectClean(problems);
          });
        });
      }
    });
  }
});

/** Plays every path of `scenario` from the start to an ending and back; returns the number of paths. */
async function playEveryPath(page, m, scenario) {
  const region = page.getByRole('region', { name: scenario.title, exact: true });
  await region.getByText(scenario.intro, { exact: true }).waitFor();
  const shows = (text) => region.getByText(text, { exact: true }).waitFor();
  const button = (name) => region.getByRole('button', { name, exact: true });
  // What the story shows now, read in one go: its paragraphs and its buttons.
  const now = () => region.evaluate((el) => ({
    paragraphs: [...el.querySelectorAll('p')].map((p) => p.textContent.replace(/\s+/g, ' ').trim()),
    buttons: [...el.querySelectorAll('button')].map((b) => b.textContent.trim()),
  }));
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const paths = scenarioPaths(scenario);
  for (const [p, path] of paths.entries()) {
    try {
      for (const { step, choice } of path.steps) {
        await shows(step.text);
        const asked = await now();
        assert.ok(asked.paragraphs.includes(m('scenario-choices')), `"${m('scenario-choices')}" is asked`);
        assert.deepEqual(asked.buttons, step.choices.map((c) => c.text), `the choices of "${step.id}"`);
        await button(choice.text).click();
        await shows(m('scenario-you-chose', { choice: choice.text }));
        const outcome = await now();
        assert.ok(outcome.paragraphs.includes(norm(choice.consequence)), `the consequence of "${choice.id}" is shown`);
        assert.ok(outcome.paragraphs.includes(norm(`${m('scenario-why')} ${choice.why}`)), `why "${choice.id}" matters is shown`);
        assert.deepEqual(outcome.buttons, [m('scenario-continue')]);
        await button(m('scenario-continue')).click();
      }
      await shows(path.ending.text);
      const ending = await now();
      assert.ok(ending.paragraphs.includes(m('scenario-ending')), 'the ending says it is one ending');
      assert.deepEqual(ending.buttons, [m('scenario-restart')], 'an ending offers only "Start the story again"');
      await button(m('scenario-restart')).click();
      await shows(scenario.steps[0].text);
    } catch (error) {
      const route = path.steps.map(({ step, choice }) => `${step.id} → ${choice.id}`).concat(path.ending.id).join(', ');
      error.message = `${scenario.id}, path ${p + 1} of ${paths.length} (${route}): ${error.message}`;
      throw error;
    }
  }
  return paths.length;
}
