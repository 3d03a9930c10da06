// Classroom sessions (issue 14), as a teacher runs one: a whole lesson presented from the
// teacher's own device with the presenter view in a second window, kept in step over a
// BroadcastChannel, by keyboard only (→/Space/PageDown next, ← back, B blank, F full screen, Esc
// leave; every button reached by Tab); two questions polled by entering counts (+/−, typed, undo),
// one polled again after discussion, the answer revealed; the summary exported (no names, no
// times of day). axe on both views in both languages, the class's view at projector sizes, and
// the printables (answer cards, worksheet, answer key) printed to PDF on A4 and Letter.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { LOCALES, eventually, expectClean, siteUrl, startApp, ui } from '../support/app.js';
import { expectNoViolations } from '../support/axe.js';
import { BANDS, builtContent, loadLocales, plainText } from '../support/content.js';
import { escapeRegExp, openTeacherArea, parseCsv, sealedKinds, storage } from '../support/study.js';

const LESSON = 'what-is-trafficking';
/** The lesson as a class of 12–14 sees it (the compiled content), in each language. */
const lessonIn = (locale, band = BANDS.younger) => builtContent(locale, { band }).lessons.find((l) => l.id === LESSON);
const lesson = lessonIn('en');
const { m, expectScreen } = ui('en');
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

// The two polled questions: the first single-answer and the first multiple-answer one.
const single = lesson.quiz.find((item) => item.kind === 'single');
const multiple = lesson.quiz.find((item) => item.kind === 'multiple');
// Counts per letter, and (multiple-answer) how many answered. The single-answer question is
// polled again after discussion.
const PLAN = {
  [single.id]: { before: [3, 12, 4, 1], after: [1, 17, 2, 0] },
  [multiple.id]: { before: [14, 3, 11, 2], answered: 20 },
};
/** Whole percent, halves rounded up (aware_core::classroom::poll). */
const share = (count, base) => Math.floor((200 * count + base) / (2 * base));

let app;
let temp;
before(async () => {
  app = await startApp();
  temp = mkdtempSync(join(tmpdir(), 'aware-classroom-'));
});
after(async () => {
  await app?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

// --- Keyboard -----------------------------------------------------------------------------------

/** Presses Tab until `locator` has focus, as a keyboard user reaches a control (never Shift+Tab:
 * Shift three times is the quick exit). */
async function tabTo(page, locator, limit = 150) {
  const target = await locator.elementHandle();
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${locator} was not reached by Tab in ${limit} presses`);
}

/** Tabs to `locator` and presses `key` on it (Enter activates a button or link). */
async function activate(page, locator, key = 'Enter') {
  await tabTo(page, locator);
  await page.keyboard.press(key);
}

/** Types `value` into the number box `locator`, reached by Tab, and leaves it with Tab. */
async function typeNumber(page, locator, value) {
  await tabTo(page, locator);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(String(value));
  await page.keyboard.press('Tab');
}

// --- The two windows --------------------------------------------------------------------------

/** What a window of the session shows of the lesson: its count line, heading and paragraphs (the
 * class's and the presenter's show the same screen, at heading levels 1 and 2). */
async function place(page) {
  const slide = page.locator('.slide');
  if ((await slide.count()) === 0) return 'blank';
  return (await slide.locator(':is(h1, h2, h3, h4, p, li)').allTextContents()).map((t) => t.trim()).join(' | ');
}

/** Both windows show the same screen, "Screen `number` of `total`" in `locale`. */
async function expectInStep(audience, presenter, number, total, locale = 'en') {
  const count = ui(locale).m('teacher-present-screen', { number, total });
  for (const page of [audience, presenter]) {
    await eventually(async () => assert.equal((await page.locator('.slide .present-count').first().textContent())?.trim(), count));
  }
  await eventually(async () => assert.equal(await place(presenter), await place(audience)));
}

/** The screen number and deck length the class's view shows (English). */
async function screenOf(page) {
  const text = (await page.locator('.slide .present-count').first().textContent()).trim();
  const match = /^Screen (\d+) of (\d+)$/.exec(text);
  assert.ok(match, `a count line: ${text}`);
  return [Number(match[1]), Number(match[2])];
}

/** Records console errors of a window the app opened itself (the presenter's), as openPage does. */
function watch(page, problems) {
  page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => problems.consoleErrors.push(String(err)));
  page.on('request', (req) => {
    if (new URL(req.url()).origin !== app.origin) problems.foreignRequests.push(req.url());
  });
  return page;
}

/** Opens the presenter view from the class's view, by keyboard: "Controls", then the button. */
async function openPresenter(audience, context, problems) {
  const controls = audience.locator('details.present-controls');
  if (!(await controls.evaluate((details) => details.open))) {
    await activate(audience, controls.locator('summary'));
  }
  const [presenter] = await Promise.all([
    context.waitForEvent('page'),
    activate(audience, audience.getByRole('button', { name: m('teacher-present-open-presenter'), exact: true })),
  ]);
  watch(presenter, problems);
  await presenter.waitForLoadState();
  await eventually(async () => assert.equal(
    (await presenter.getByRole('heading', { level: 1 }).textContent())?.trim(),
    m('teacher-present-presenter-title', { lesson: lesson.title }),
  ));
  return presenter;
}

/** A button of the presenter's poll panel. */
const pollButton = (page, id, l = ui('en')) => page.locator('.poll-panel').getByRole('button', { name: l.m(id), exact: true });

/** The tally table's cell texts by row (letter) and column (round), as shown in `page`. */
async function tally(page) {
  const table = page.locator('.slide table.tally');
  await table.waitFor();
  const header = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) =>
    [...tr.children].map((cell) => cell.textContent.trim())));
  return { header, rows };
}

/** The tally rows expected for `counts` per round (a base per round). */
function expectedRows(rounds) {
  const n = rounds[0].counts.length;
  return Array.from({ length: n }, (_, k) => [
    letters[k],
    ...rounds.map(({ counts, base }) => m('teacher-poll-share', { count: counts[k], percent: share(counts[k], base) })),
  ]);
}

/** Enters one round's counts in the presenter view, by keyboard: the first letter by + (one
 * too many, then undo) and −, the others typed; for a multiple-answer question how many answered. */
async function enterCounts(presenter, counts, answered) {
  const plus = (k) => presenter.getByRole('button', { name: m('teacher-poll-plus', { letter: letters[k] }), exact: true });
  const minus = (k) => presenter.getByRole('button', { name: m('teacher-poll-minus', { letter: letters[k] }), exact: true });
  const box = (k) => presenter.getByLabel(m('teacher-poll-count', { letter: letters[k] }), { exact: true });
  const value = async (k) => Number(await box(k).inputValue());
  // + one more than wanted, − once, + once more, then undo the last +.
  await tabTo(presenter, plus(0));
  for (let i = 0; i <= counts[0]; i++) await presenter.keyboard.press('Enter');
  await eventually(async () => assert.equal(await value(0), counts[0] + 1));
  await activate(presenter, minus(0));
  await eventually(async () => assert.equal(await value(0), counts[0]));
  await activate(presenter, plus(0));
  await eventually(async () => assert.equal(await value(0), counts[0] + 1));
  await activate(presenter, pollButton(presenter, 'teacher-poll-undo'));
  await eventually(async () => assert.equal(await value(0), counts[0]));
  for (let k = 1; k < counts.length; k++) {
    await typeNumber(presenter, box(k), counts[k]);
    await eventually(async () => assert.equal(await value(k), counts[k]));
  }
  if (answered !== undefined) {
    const field = presenter.getByLabel(m('teacher-poll-answered'), { exact: true });
    await typeNumber(presenter, field, answered);
    await eventually(async () => assert.equal(Number(await field.inputValue()), answered));
  }
}

describe('a classroom session, keyboard only, with the presenter view in a second window', () => {
  let context;
  let audience;
  let presenter;
  let problems;
  let session;
  let total;

  before(async () => {
    ({ context, page: audience, problems } = await app.open());
    await context.grantPermissions([]);
  });
  after(async () => {
    await context?.close();
  });

  test('starting: the age group and language are chosen, the class\'s view opens on the lesson, and the presenter view opens beside it', async () => {
    const address = `teacher.html#/present/${LESSON}`;
    await audience.goto(siteUrl(app.origin, address));
    await expectScreen(audience, app.origin, address, m('teacher-present-title', { lesson: lesson.title }));
    // Both age groups are offered for a lesson for 12–18; the younger is chosen by arrow keys.
    const younger = audience.getByRole('radio', { name: m('teacher-present-band-younger'), exact: true });
    const older = audience.getByRole('radio', { name: m('teacher-present-band-older'), exact: true });
    await tabTo(audience, younger);
    await audience.keyboard.press('ArrowRight');
    assert.ok(await older.isChecked());
    await audience.keyboard.press('ArrowLeft');
    assert.ok(await younger.isChecked());
    assert.ok(await audience.getByRole('radio', { name: 'English', exact: true }).isChecked());
    await activate(audience, audience.getByRole('button', { name: m('teacher-present-start'), exact: true }));
    await audience.waitForURL(/#\/sessions\/[0-9a-f]{16}\/present$/);
    session = /sessions\/([0-9a-f]{16})\//.exec(audience.url())[1];
    await eventually(async () => assert.equal((await audience.getByRole('heading', { level: 1 }).textContent())?.trim(), lesson.title));
    [, total] = await screenOf(audience);
    // Opening, at least a section, every question, closing.
    assert.ok(total >= lesson.quiz.length + 3, `${total} screens`);
    // No site navigation; "Exit this page" stays.
    assert.equal(await audience.locator('.site-header, .site-footer').count(), 0);
    await audience.locator('#aware-exit').waitFor();
    assert.match(await audience.locator('#aware-exit').textContent(), new RegExp(escapeRegExp(m('exit-this-page'))));

    presenter = await openPresenter(audience, context, problems);
    await expectInStep(audience, presenter, 1, total);
    // The presenter's own: the guide's notes, the next screen, the elapsed time, whether the
    // class's screen is open. The class's view shows none of it.
    await presenter.getByRole('heading', { name: m('teacher-present-notes'), exact: true }).waitFor();
    await presenter.getByRole('heading', { name: m('teacher-present-up-next'), exact: true }).waitFor();
    await presenter.getByText(m('teacher-present-class-screen-open'), { exact: false }).waitFor();
    const elapsed = new RegExp(escapeRegExp(m('teacher-present-elapsed', { minutes: 111, seconds: 222 }))
      .replace('111', '\\d+').replace('222', '\\d+'));
    await presenter.getByText(elapsed).waitFor();
    assert.equal(await audience.getByText(elapsed).count(), 0, 'nothing is timed on the class\'s screen');
    expectClean(problems);
  });

  test('→, Space and a clicker\'s PageDown go on, ← and PageUp go back, in either window; both stay in step', async () => {
    // Back on the first screen is refused, and says so.
    await presenter.keyboard.press('ArrowLeft');
    await presenter.getByText(m('teacher-present-at-start'), { exact: true }).waitFor();
    await expectInStep(audience, presenter, 1, total);
    await audience.keyboard.press('ArrowRight');
    await expectInStep(audience, presenter, 2, total);
    await presenter.keyboard.press('ArrowRight');
    await expectInStep(audience, presenter, 3, total);
    await presenter.keyboard.press('ArrowLeft');
    await expectInStep(audience, presenter, 2, total);
    await audience.keyboard.press('PageDown');
    await expectInStep(audience, presenter, 3, total);
    await audience.keyboard.press('PageUp');
    await expectInStep(audience, presenter, 2, total);
    // Space turns the page where focus is on the page itself (on a button it presses the button).
    await audience.locator('.slide').first().evaluate(() => document.activeElement?.blur());
    await audience.keyboard.press('Space');
    await expectInStep(audience, presenter, 3, total);
    await audience.keyboard.press('ArrowLeft');
    await expectInStep(audience, presenter, 2, total);
    expectClean(problems);
  });

  test('B blanks the class\'s screen and shows it again, from either window; F is full screen', async () => {
    await audience.keyboard.press('b');
    await audience.locator('.present-blank').waitFor();
    assert.equal(await audience.locator('.slide').count(), 0, 'nothing of the lesson on a blank screen');
    await presenter.getByText(m('teacher-present-blanked'), { exact: false }).first().waitFor();
    // The presenter still sees the screen it is on.
    assert.equal(await presenter.locator('.slide').count(), 1);
    await presenter.keyboard.press('B');
    await audience.locator('.present-blank').waitFor({ state: 'detached' });
    await expectInStep(audience, presenter, 2, total);

    const fullScreen = () => audience.evaluate(() => document.fullscreenElement !== null);
    await audience.keyboard.press('f');
    await eventually(async () => assert.equal(await fullScreen(), true));
    await audience.keyboard.press('f');
    await eventually(async () => assert.equal(await fullScreen(), false));
    expectClean(problems);
  });

  test('closing either window leaves the other usable, and a window opened again joins at the same place', async () => {
    await presenter.close({ runBeforeUnload: true });
    await audience.keyboard.press('ArrowRight');
    await eventually(async () => assert.deepEqual(await screenOf(audience), [3, total]));
    presenter = await openPresenter(audience, context, problems);
    await expectInStep(audience, presenter, 3, total);

    const address = audience.url();
    await audience.close({ runBeforeUnload: true });
    await presenter.getByText(m('teacher-present-class-screen-closed'), { exact: false }).waitFor({ timeout: 15000 });
    await presenter.keyboard.press('ArrowLeft');
    await eventually(async () => assert.equal(
      (await presenter.locator('.slide .present-count').first().textContent())?.trim(),
      m('teacher-present-screen', { number: 2, total }),
    ));
    // The class's window opened again (as the teacher would, from the address) takes the place
    // the presenter holds, not the one it saved last.
    audience = watch(await context.newPage(), problems);
    await audience.goto(address);
    await expectInStep(audience, presenter, 2, total);
    await presenter.getByText(m('teacher-present-class-screen-open'), { exact: false }).waitFor({ timeout: 15000 });
    expectClean(problems);
  });

  test('the whole lesson: scenarios played, two questions polled (+/−, typed, undo), one polled again, the answers revealed', async () => {
    const polled = new Set();
    let turns = 0;
    const keys = [[audience, 'ArrowRight'], [presenter, 'ArrowRight'], [audience, 'PageDown'], [presenter, 'PageDown']];
    for (let guard = 0; guard < 400; guard++) {
      const [number] = await screenOf(audience);
      // A scenario step with choices waits for the class's choice, entered in the presenter view.
      const choices = presenter.locator('.slide .present-options button');
      if ((await choices.count()) > 0 && (await presenter.locator('.slide .present-options button[aria-pressed="true"]').count()) === 0) {
        // "Next" waits for the choice, and the presenter is told why.
        await presenter.keyboard.press('ArrowRight');
        await presenter.getByText(m('teacher-present-choose-first'), { exact: true }).waitFor();
        await activate(presenter, choices.first());
        await audience.getByText(m('teacher-present-class-chose', { choice: (await choices.first().textContent()).trim() }), { exact: true }).waitFor();
        await eventually(async () => assert.equal(await place(presenter), await place(audience)));
      }
      const heading = (await audience.locator('.slide h1').textContent()).trim();
      const question = lesson.quiz.find((item) => item.prompt === heading);
      if (question && PLAN[question.id] && !polled.has(question.id)) {
        polled.add(question.id);
        await pollQuestion(question);
      }
      if (number === total) break;
      const before = await place(audience);
      const [page, key] = keys[turns++ % keys.length];
      // Focus on a button of the presenter's is fine for the arrow and Page keys.
      await page.keyboard.press(key);
      await eventually(async () => assert.notEqual(await place(audience), before));
      await eventually(async () => assert.equal(await place(presenter), await place(audience)));
    }
    assert.deepEqual(await screenOf(audience), [total, total], 'the last screen reached');
    assert.deepEqual([...polled].sort(), Object.keys(PLAN).sort(), 'both planned questions polled');
    // The closing screen: the key points and where to get help; next is refused.
    await presenter.keyboard.press('ArrowRight');
    await presenter.getByText(m('teacher-present-at-end'), { exact: true }).waitFor();
    await presenter.getByText(m('teacher-present-up-next-none'), { exact: true }).waitFor();
    expectClean(problems);
  });

  /** Polls the question on screen as PLAN says, checking both windows at each step. */
  async function pollQuestion(item) {
    const plan = PLAN[item.id];
    const optionCount = item.options.length;
    assert.equal(plan.before.length, optionCount, `${item.id}: a count per option`);
    // The presenter's notes: the guide's part about the quiz (how to poll, what to discuss).
    const quizNotes = lesson.teacher_guide[1].blocks
      .map((block) => block.Subheading && plainText(block.Subheading))
      .find((heading) => heading?.toLowerCase().includes(m('teacher-present-guide-quiz')));
    assert.ok(quizNotes, 'the guide has a part about the quiz');
    await eventually(async () => assert.equal((await presenter.locator('.presenter-side h3').first().textContent({ timeout: 1000 }))?.trim(), quizNotes));
    await activate(presenter, pollButton(presenter, 'teacher-poll-open'));
    await enterCounts(presenter, plan.before, plan.answered);
    const base = plan.answered ?? plan.before.reduce((a, b) => a + b, 0);
    const first = expectedRows([{ counts: plan.before, base }]);
    for (const page of [audience, presenter]) {
      await eventually(async () => assert.deepEqual(await tally(page), { header: [m('teacher-poll-option'), m('teacher-poll-before')], rows: first }));
    }
    // Never a name, never a rank: the rows stay in letter order whatever the counts.
    await activate(presenter, pollButton(presenter, 'teacher-poll-close'));
    if (plan.after) {
      await activate(presenter, pollButton(presenter, 'teacher-poll-repoll'));
      await presenter.getByRole('group', { name: m('teacher-poll-after'), exact: true }).waitFor();
      await enterCounts(presenter, plan.after);
      await activate(presenter, pollButton(presenter, 'teacher-poll-close'));
      const afterBase = plan.after.reduce((a, b) => a + b, 0);
      const both = expectedRows([{ counts: plan.before, base }, { counts: plan.after, base: afterBase }]);
      for (const page of [audience, presenter]) {
        // Before and after discussion side by side, in one table.
        await eventually(async () => assert.deepEqual(await tally(page), {
          header: [m('teacher-poll-option'), m('teacher-poll-before'), m('teacher-poll-after')], rows: both,
        }));
      }
    }
    // Nothing revealed until the teacher says so.
    assert.equal(await audience.locator('.slide .present-explanation').count(), 0);
    await activate(presenter, pollButton(presenter, 'teacher-poll-reveal'));
    for (const page of [audience, presenter]) {
      const slide = page.locator('.slide');
      await slide.getByText(m('teacher-poll-discuss'), { exact: true }).waitFor();
      const explanations = (await slide.locator('.present-explanation').allTextContents()).map((t) => t.trim());
      assert.deepEqual(explanations, item.options.map((o) => o.explanation), `${item.id}: every option explained`);
      const marked = await slide.locator('.present-options li').evaluateAll((lis) => lis.map((li) => li.classList.contains('is-correct')));
      assert.deepEqual(marked, item.options.map((o) => o.correct), `${item.id}: the key`);
    }
    assert.equal(await pollButton(presenter, 'teacher-poll-reveal').count(), 0, 'revealed once');
  }

  test('axe: the class\'s and the presenter\'s views in both languages; switching language keeps the place', async () => {
    // Back to the single-answer question: both tallies and the answer shown, the most there is.
    const number = 1 + (await deckIndexOf(single.prompt));
    for (const locale of LOCALES) {
      const l = ui(locale);
      const name = loadLocales()[locale].name;
      await activate(presenter, presenter.locator('.present-languages').getByRole('button', { name, exact: true }));
      await expectInStep(audience, presenter, number, total, locale);
      for (const page of [audience, presenter]) {
        await eventually(async () => assert.equal(await page.locator('html').getAttribute('lang'), locale));
        const prompt = lessonIn(locale).quiz.find((item) => item.id === single.id).prompt;
        await page.locator('.slide').getByText(prompt, { exact: true }).waitFor();
        await page.locator('.slide').getByText(l.m('teacher-poll-discuss'), { exact: true }).waitFor();
      }
      await expectNoViolations(audience, `the class's view of a revealed question, both polls (${locale})`);
      await expectNoViolations(presenter, `the presenter view of a revealed question, both polls (${locale})`);
      // The class's controls opened, and a blank screen.
      const controls = audience.locator('details.present-controls');
      if (!(await controls.evaluate((details) => details.open))) await activate(audience, controls.locator('summary'));
      await expectNoViolations(audience, `the class's view with its controls open (${locale})`);
      await presenter.keyboard.press('b');
      await audience.locator('.present-blank').waitFor();
      await expectNoViolations(audience, `the class's blank screen (${locale})`);
      await expectNoViolations(presenter, `the presenter view while the class's screen is blank (${locale})`);
      await presenter.keyboard.press('b');
      await audience.locator('.present-blank').waitFor({ state: 'detached' });
    }
    // English again, for the tests that follow.
    await activate(presenter, presenter.locator('.present-languages').getByRole('button', { name: 'English', exact: true }));
    await expectInStep(audience, presenter, number, total);
    expectClean(problems);
  });

  /** The deck index (from 0) of the question with this prompt, found by walking back from the end. */
  async function deckIndexOf(prompt) {
    for (let guard = 0; guard < 200; guard++) {
      if ((await audience.locator('.slide h1').textContent()).trim() === prompt) return (await screenOf(audience))[0] - 1;
      const before = await place(audience);
      await presenter.keyboard.press('ArrowLeft');
      await eventually(async () => assert.notEqual(await place(audience), before));
    }
    assert.fail(`no screen shows ${prompt}`);
  }

  test('projector sizes 1024×768 and 1920×1080: on every screen nothing is cut off or wider than the screen, and the text is large', async () => {
    await eventually(async () => assert.ok((await screenOf(audience))[0] > 1));
    // From the first screen to the last.
    for (let guard = 0; guard < 400 && (await screenOf(audience))[0] > 1; guard++) {
      const before = await place(audience);
      await presenter.keyboard.press('PageUp');
      await eventually(async () => assert.notEqual(await place(audience), before));
    }
    const seen = [];
    for (let guard = 0; guard < 400; guard++) {
      for (const [width, height] of [[1024, 768], [1920, 1080]]) {
        await audience.setViewportSize({ width, height });
        const found = await audience.evaluate(() => {
          const view = document.documentElement.clientWidth;
          const out = [];
          if (document.documentElement.scrollWidth > view) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${view})`);
          let smallest = Infinity;
          for (const element of document.querySelectorAll('.slide, .slide *')) {
            const box = element.getBoundingClientRect();
            if (box.width <= 1 || box.height <= 1) continue; // hidden, or for screen readers only
            const name = `${element.tagName.toLowerCase()}.${element.className} "${element.textContent.trim().slice(0, 40)}"`;
            if (box.left < -0.5 || box.right > view + 0.5) out.push(`${name} runs off the screen (${box.left}–${box.right})`);
            const style = getComputedStyle(element);
            if (style.overflowX !== 'visible' && element.scrollWidth > element.clientWidth + 1) out.push(`${name} is cut off`);
            const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
            if (ownText) smallest = Math.min(smallest, parseFloat(style.fontSize));
          }
          return { out, smallest, body: parseFloat(getComputedStyle(document.querySelector('.slide')).fontSize) };
        });
        const where = `${await place(audience)} at ${width}×${height}`;
        assert.deepEqual(found.out, [], where);
        // Read from the back of a classroom: the text at least 32 px at 1024×768 (about 4 % of
        // the screen's height), and nothing, not even a citation mark, under 16 px.
        assert.ok(found.body >= 32, `${where}: body text ${found.body} px`);
        assert.ok(found.smallest >= 16, `${where}: the smallest text is ${found.smallest} px`);
      }
      seen.push(await place(audience));
      const [number] = await screenOf(audience);
      if (number === total) break;
      const before = await place(audience);
      const choices = presenter.locator('.slide .present-options button');
      if ((await choices.count()) > 0 && (await presenter.locator('.slide .present-options button[aria-pressed="true"]').count()) === 0) {
        await activate(presenter, choices.first());
      } else {
        await presenter.keyboard.press('PageDown');
      }
      await eventually(async () => assert.notEqual(await place(audience), before));
    }
    assert.ok(seen.length >= total, `every screen seen (${seen.length} views of ${total} screens)`);
    await audience.setViewportSize({ width: 1280, height: 720 });
    expectClean(problems);
  });

  test('Esc leaves for the summary: both tallies, printable, and CSV and JSON with the counts, no names and no times of day', async () => {
    await presenter.keyboard.press('Escape');
    // What a device keeps of a class is the teacher's alone: the summary opens behind the
    // passphrase, chosen here on first use (the session, kept in the clear until then, is
    // sealed with the rest).
    await openTeacherArea(presenter, m, { firstUse: true });
    await expectScreen(presenter, app.origin, `teacher.html#/sessions/${session}`, m('teacher-session-summary-title', { lesson: lesson.title }));
    assert.equal((await storage(presenter))['aware.sessions'], undefined, 'no session is left in the clear');
    assert.ok((await sealedKinds(presenter)).includes('sessions'), 'the session is kept sealed');
    // The class's window goes on by itself.
    await audience.keyboard.press('ArrowLeft');
    await eventually(async () => assert.equal((await screenOf(audience))[0], total - 1));
    const sections = presenter.locator('.summary-question');
    assert.equal(await sections.count(), 2, 'the two polled questions');
    await expectNoViolations(presenter, 'the session summary');

    const csvFile = await keyboardDownload(presenter, m('teacher-session-csv'));
    assert.equal(csvFile.name, `aware-session-${session}-summary.csv`);
    const rows = parseCsv(csvFile.text.replace(/^\uFEFF/, ''));
    const header = rows[0];
    assert.deepEqual(header, ['session', 'date', 'lesson', 'lesson_version', 'band', 'language', 'item', 'kind', 'option', 'letter', 'key',
      'before', 'after', 'before_answered', 'after_answered', 'revealed', 'after_key_shown']);
    const cell = (row, column) => row[header.indexOf(column)];
    const today = new Date().toISOString().slice(0, 10);
    assert.equal(rows.length - 1, lesson.quiz.reduce((n, item) => n + item.options.length, 0), 'a row per question and option');
    for (const row of rows.slice(1)) {
      assert.equal(cell(row, 'session'), session);
      // A day, never a time (the date is the teacher's local day: today or yesterday in UTC).
      assert.match(cell(row, 'date'), /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(Math.abs(Date.parse(cell(row, 'date')) - Date.parse(today)) <= 86_400_000);
      assert.ok(!row.some((value) => /\d{1,2}:\d{2}|T\d{2}/.test(value)), `no time of day in ${row}`);
      assert.equal(cell(row, 'band'), BANDS.younger);
      const item = lesson.quiz.find((q) => q.id === cell(row, 'item'));
      const k = item.options.findIndex((o) => o.id === cell(row, 'option'));
      assert.equal(cell(row, 'letter'), letters[k]);
      assert.equal(cell(row, 'key'), item.options[k].correct ? 'correct' : 'incorrect');
      const plan = PLAN[item.id];
      assert.equal(cell(row, 'before'), plan ? String(plan.before[k]) : '');
      assert.equal(cell(row, 'after'), plan?.after ? String(plan.after[k]) : '');
      const sum = (counts) => String(counts.reduce((a, b) => a + b, 0));
      assert.equal(cell(row, 'before_answered'), plan ? (plan.answered ? String(plan.answered) : sum(plan.before)) : '');
      assert.equal(cell(row, 'after_answered'), plan?.after ? sum(plan.after) : '');
      assert.equal(cell(row, 'revealed'), plan ? 'true' : 'false');
      assert.equal(cell(row, 'after_key_shown'), 'false', 'polled again before the answer was shown');
    }

    const jsonFile = await keyboardDownload(presenter, m('teacher-session-json'));
    const summary = JSON.parse(jsonFile.text);
    assert.equal(summary.format, 'aware-session-summary');
    assert.equal(summary.session, session);
    assert.equal(summary.date, cell(rows[1], 'date'));
    const keys = new Set();
    const walk = (value) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) { keys.add(key); walk(inner); }
      else if (typeof value === 'string') assert.ok(!/\d{1,2}:\d{2}|T\d{2}/.test(value), `no time of day: ${value}`);
    };
    walk(summary);
    assert.deepEqual([...keys].filter((key) => /name|time|student|card|user/i.test(key)), [], 'no field for a name or a time');
    for (const [id, plan] of Object.entries(PLAN)) {
      const question = summary.questions.find((q) => q.item === id);
      assert.deepEqual(question.options.map((o) => o.before), plan.before);
      assert.deepEqual(question.options.map((o) => o.after), plan.after ?? plan.before.map(() => null));
    }
    expectClean(problems);
  });

  /** Presses the summary's button `name` by keyboard and returns the download: { name, text }. */
  async function keyboardDownload(page, name) {
    const button = page.getByRole('button', { name, exact: true });
    await tabTo(page, button);
    const [saved] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    return { name: saved.suggestedFilename(), text: readFileSync(await saved.path(), 'utf8') };
  }
});

// --- Printables -------------------------------------------------------------------------------

const PAPERS = {
  A4: { format: 'A4', points: [595.28, 841.89] },
  Letter: { format: 'Letter', points: [612, 792] },
};

/** Prints `page` to PDF (Chromium's print, with the page's print stylesheet) and reads it back
 * with poppler: { pages: [text of each page, whitespace collapsed], size: [w, h] in points }. */
async function printed(page, paper, name) {
  const file = join(temp, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: PAPERS[paper].format, preferCSSPageSize: true, printBackground: true }));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)[1]);
  const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
  // pdftotext ends each page with a form feed.
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, -1).map((p) => p.replace(/\s+/g, ' ').trim());
  assert.equal(pages.length, count, `${name}: pdftotext and pdfinfo agree on the pages`);
  return { pages, size: [Number(w), Number(h)] };
}

function expectPaper(size, paper, name) {
  const [w, h] = PAPERS[paper].points;
  // Chromium rounds a page to whole CSS pixels.
  assert.ok(Math.abs(size[0] - w) < 1.5 && Math.abs(size[1] - h) < 1.5, `${name}: ${size} pt is ${paper}`);
}

const collapse = (text) => text.replace(/\s+/g, ' ').trim();

describe('printables, printed to PDF in Chromium on A4 and Letter', () => {
  test('answer cards: a page per card, each with the letters A to D', async () => {
    const { context, page, problems } = await app.open();
    await page.goto(siteUrl(app.origin, 'teacher.html#/answer-cards'));
    await expectScreen(page, app.origin, 'teacher.html#/answer-cards', m('teacher-answer-cards-title'));
    await page.getByLabel(m('teacher-answer-cards-count'), { exact: true }).fill('3');
    await eventually(async () => assert.equal(await page.locator('.answer-card').count(), 3));
    for (const paper of Object.keys(PAPERS)) {
      const { pages, size } = await printed(page, paper, `cards-${paper}`);
      expectPaper(size, paper, `answer cards on ${paper}`);
      assert.equal(pages.length, 3, `three cards on ${paper}: three pages`);
      for (const text of pages) assert.equal(text.replace(/\s/g, ''), 'ABCD', `a card on ${paper}: the four letters and nothing else`);
    }
    expectClean(problems);
    await context.close();
  });

  for (const locale of LOCALES) {
    const l = ui(locale);
    const bands = locale === 'en' ? [BANDS.younger, BANDS.older] : [BANDS.younger];
    test(`${locale}: the worksheet and the answer key of ${LESSON}, for ${bands.join(' and ')}: the pages the screen says, no question split, nothing for older students on a younger sheet`, async () => {
      const { context, page, problems } = await app.open({ locale: l.browserLocale });
      const title = lessonIn(locale).title;
      const guide = `teacher.html#/guides/${LESSON}`;
      await l.visit(page, app.origin, guide, l.m('teacher-guide-title', { lesson: title }));
      // The guide links to the worksheets.
      await activate(page, page.getByRole('link', { name: l.m('teacher-worksheet-link'), exact: true }));
      const address = `teacher.html#/guides/${LESSON}/worksheets`;
      await l.expectScreen(page, app.origin, address, l.m('teacher-worksheet-title', { lesson: title }));
      await expectNoViolations(page, `the worksheets screen (${locale})`);
      const older = lessonIn(locale, BANDS.older);
      for (const band of bands) {
        const seen = lessonIn(locale, band);
        const olderOnly = older.quiz.filter((item) => !seen.quiz.some((mine) => mine.id === item.id));
        await page.getByRole('radio', { name: l.m(band === BANDS.younger ? 'teacher-present-band-younger' : 'teacher-present-band-older'), exact: true }).check();
        for (const [sheet, label] of [['worksheet', 'teacher-worksheet-sheet-class'], ['key', 'teacher-worksheet-sheet-key']]) {
          await page.getByRole('radio', { name: l.m(label), exact: true }).check();
          for (const paper of Object.keys(PAPERS)) {
            await page.getByRole('radio', { name: l.m(paper === 'A4' ? 'teacher-worksheet-paper-a4' : 'teacher-worksheet-paper-letter'), exact: true }).check();
            const name = `${locale}-${band}-${sheet}-${paper}`;
            const onScreen = page.locator(`svg.worksheet-page.paper-${paper.toLowerCase()}`);
            await onScreen.first().waitFor();
            const shown = await onScreen.count();
            await page.getByText(l.m('teacher-worksheet-pages', { sheet: l.m(label), pages: shown }), { exact: true }).waitFor();
            const { pages, size } = await printed(page, paper, name);
            expectPaper(size, paper, name);
            assert.equal(pages.length, shown, `${name}: one printed page per page on screen, no blank page`);
            pages.forEach((text, n) => assert.ok(
              text.includes(collapse(l.m('teacher-worksheet-page', { number: n + 1, total: shown }))),
              `${name}: page ${n + 1} is numbered`,
            ));
            assert.ok(pages[0].startsWith(collapse(seen.title)), `${name}: the title first`);
            assert.equal(pages[0].includes(collapse(l.m('teacher-worksheet-sheet-key'))), sheet === 'key', `${name}: the key says it is the key`);
            // Every question of the band's quiz, whole on one page, in order.
            let last = 0;
            for (const [k, item] of seen.quiz.entries()) {
              const on = pages.map((text, n) => (text.includes(collapse(item.prompt)) ? n : -1)).filter((n) => n >= 0);
              assert.equal(on.length, 1, `${name}: question ${k + 1} on exactly one page`);
              const text = pages[on[0]];
              assert.ok(on[0] >= last, `${name}: questions in order`);
              last = on[0];
              assert.ok(text.includes(`${k + 1}. ${collapse(item.prompt)}`), `${name}: question ${k + 1} numbered`);
              for (const option of item.options) {
                const words = item.kind === 'true-false' ? l.m(option.id === 'true' ? 'quiz-true' : 'quiz-false') : option.text;
                assert.ok(text.includes(collapse(words)), `${name}: question ${k + 1}, option ${option.id} on its question's page`);
                assert.equal(text.includes(collapse(option.explanation)), sheet === 'key', `${name}: option ${option.id}'s explanation on the key only`);
              }
            }
            for (const item of olderOnly) {
              assert.ok(!pages.some((text) => text.includes(collapse(item.prompt))), `${name}: ${item.id} is for ages 15–18 only`);
            }
            assert.ok(!pages.join(' ').includes(l.m('teacher-worksheet-print')), `${name}: no button printed`);
          }
        }
      }
      expectClean(problems);
      await context.close();
    });
  }
});
