// Progress lives in localStorage. When storage is blocked, unreadable, from a newer app or from an
// older one, the student can still learn, is told plainly what happened, and nothing is lost.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  RIGHT, answerRight, expectClean, expectCount, expectScreen, startApp, visit,
} from '../support/app.js';
import { ROOT, loadLesson } from '../support/content.js';

const lesson1 = loadLesson('what-is-trafficking');
const lesson2 = loadLesson('myths-and-facts');
const KEY = 'aware.progress';
const BACKUP = 'aware.progress.backup';
/** The schema the app writes progress in: CURRENT_SCHEMA of aware_core::progress (one source of truth). */
const CURRENT_SCHEMA = Number(
  /pub const CURRENT_SCHEMA: u32 = (\d+);/.exec(readFileSync(join(ROOT, 'crates/core/src/progress/schema.rs'), 'utf8'))[1],
);

const NOTICE = {
  unavailable:
    "Your progress can't be saved on this device, so it will be lost when you close this page. You can still use all lessons and quizzes.",
  unreadable:
    "We couldn't read the progress saved on this device, so we started afresh. Nothing was deleted: the old data is kept on this device.",
  migrated: 'Your saved progress was updated to work with this version of Aware.',
  readOnly:
    'Some data on this device was saved by a newer version of Aware. It is left as it is; your changes are kept only until you close this page. Update Aware to keep them.',
};

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** Runs in the page before the app: any use of `window.localStorage` throws, as when it is blocked. */
function blockStorage() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

/** The notices area (a status region) shows exactly this one notice. */
async function expectNotice(page, text) {
  const notices = page.getByRole('status').filter({ hasText: text });
  await notices.getByText(text, { exact: true }).waitFor();
  assert.equal(await notices.count(), 1, 'the notice is in a status region, announced to screen readers');
}

/** A first visit, then `value` stored under aware.progress (and `extra` keys), then a reload. */
async function openWithStored(value, extra = {}) {
  const opened = await app.open();
  const { page } = opened;
  await visit(page, app.origin, 'index.html?band=12-14#/', 'Lessons');
  await page.evaluate(([key, value, extra]) => {
    localStorage.clear();
    localStorage.setItem(key, value);
    for (const [k, v] of Object.entries(extra)) localStorage.setItem(k, v);
  }, [KEY, value, extra]);
  await page.reload();
  await expectScreen(page, app.origin, 'index.html?band=12-14#/', 'Lessons');
  return opened;
}

const storage = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** Opens lesson 1 from the course page, reads to its quiz, answers question 1 right, goes back to
 * the course page (all in-app, so progress kept only in memory survives). */
async function useTheApp(page) {
  await page.getByRole('link', { name: lesson1.title, exact: true }).click();
  for (let n = 1; n < lesson1.sections.length; n++) {
    await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/section/${n}`, lesson1.title);
    await page.getByRole('link', { name: 'Next section', exact: true }).click();
  }
  await page.getByRole('link', { name: 'Start the quiz', exact: true }).click();
  await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/1`, lesson1.title);
  await answerRight(page, lesson1.quiz[0]);
  await page.getByRole('banner').getByRole('link', { name: 'Lessons', exact: true }).click();
  await expectScreen(page, app.origin, 'index.html?band=12-14#/', 'Lessons');
  await lessonCard(page, lesson1).getByText(`Quiz: 1 of ${lesson1.quiz.length} questions answered`, { exact: true }).waitFor();
}

const lessonCard = (page, lesson) =>
  page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: lesson.title, exact: true }) });

describe('blocked storage', () => {
  test('the app still works, keeps progress for this visit, and says it cannot be saved', async () => {
    const { page, problems, context } = await app.open({ initScript: blockStorage });
    await visit(page, app.origin, 'index.html?band=12-14#/', 'Lessons');
    assert.equal(await page.evaluate(() => { try { localStorage; return 'open'; } catch (e) { return e.name; } }), 'SecurityError',
      'the test really blocks storage');
    await expectNotice(page, NOTICE.unavailable);
    await useTheApp(page);
    await expectNotice(page, NOTICE.unavailable);
    // The notice can be hidden. (The awareness check's results have a notice of their own.)
    await page.getByText(NOTICE.unavailable, { exact: true }).locator('xpath=..')
      .getByRole('button', { name: 'OK, hide this message', exact: true }).click();
    assert.equal(await page.getByText(NOTICE.unavailable).count(), 0);
    expectClean(problems);
    await context.close();
  });
});

describe('unreadable storage', () => {
  for (const [name, raw] of [
    ['corrupt JSON', '{not json'],
  ]) {
    test(`${name}: the student is told, the raw text is kept under ${BACKUP}, and the app works`, async () => {
      const { page, problems, context } = await openWithStored(raw);
      await expectNotice(page, NOTICE.unreadable);
      await lessonCard(page, lesson1).getByText('Not started', { exact: true }).waitFor();
      let stored = await storage(page);
      assert.equal(stored[BACKUP], raw, 'the unreadable text is kept, unchanged, under the backup key');
      assert.notEqual(stored[KEY], raw, 'the unreadable document is no longer the progress');

      await useTheApp(page);
      stored = await storage(page);
      assert.equal(stored[BACKUP], raw, 'the backup survives new progress');
      const saved = JSON.parse(stored[KEY]);
      assert.equal(saved.schema, CURRENT_SCHEMA, 'new progress is written in the current schema');
      assert.equal(saved.lessons[lesson1.id].quiz[lesson1.quiz[0].id].solved, true);

      // The next visit reads the new progress without a notice.
      await page.reload();
      await expectScreen(page, app.origin, 'index.html?band=12-14#/', 'Lessons');
      await lessonCard(page, lesson1).getByText(`Quiz: 1 of ${lesson1.quiz.length} questions answered`, { exact: true }).waitFor();
      assert.equal(await page.getByText(NOTICE.unreadable).count(), 0, 'no notice once progress is readable again');
      expectClean(problems);
      await context.close();
    });
  }

  test('progress from a newer version: left as it is, the student is told, and the app works for this visit', async () => {
    // Another tab or a later deployment wrote it: an older app must not take it apart or move it.
    const raw = '{"schema":99,"lessons":{}}';
    const { page, problems, context } = await openWithStored(raw);
    await expectNotice(page, NOTICE.readOnly);
    await lessonCard(page, lesson1).getByText('Not started', { exact: true }).waitFor();
    await useTheApp(page);
    const stored = await storage(page);
    assert.equal(stored[KEY], raw, 'the newer document is untouched, byte for byte');
    assert.equal(stored[BACKUP], undefined, 'nothing is moved aside: it is not unreadable, only newer');
    expectClean(problems);
    await context.close();
  });

  test('a second unreadable document does not overwrite an earlier backup', async () => {
    const { page, problems, context } = await openWithStored('{still not json', { [BACKUP]: '{first backup' });
    await expectNotice(page, NOTICE.unreadable);
    const stored = await storage(page);
    assert.equal(stored[BACKUP], '{first backup');
    assert.equal(stored[`${BACKUP}.2`], '{still not json');
    expectClean(problems);
    await context.close();
  });
});

describe('progress from an older version', () => {
  const v1 = JSON.stringify({ schema: 1, lessons: { [lesson1.id]: { sections_read: 2, answers: { [lesson1.quiz[0].id]: true } } } });

  test('a v1 document is migrated: the student is told, and the course page shows the quiz progress', async () => {
    assert.equal(lesson1.quiz[0].id, 'three-parts', 'the brief\'s v1 fixture names this item');
    const { page, problems, context } = await openWithStored(v1);
    await expectNotice(page, NOTICE.migrated);
    await lessonCard(page, lesson1).getByText(`Quiz: 1 of ${lesson1.quiz.length} questions answered`, { exact: true }).waitFor();
    await lessonCard(page, lesson2).getByText('Not started', { exact: true }).waitFor();
    const stored = await storage(page);
    assert.equal(stored[BACKUP], undefined, 'a readable old document needs no backup');
    expectClean(problems);
    await context.close();
  });

  test('a question answered right in v1 is not shown as wrong', async () => {
    const { page, problems, context } = await openWithStored(v1);
    await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/1`, lesson1.title);
    await expectCount(page, `Question 1 of ${lesson1.quiz.length}`);
    // v1 kept only "answered right", not which option: the question may show the answer as right
    // or ask again, but it must not tell the student their right answer was wrong.
    assert.equal(await page.getByText('Not quite. Have a look at why, then try again.').count(), 0,
      'a migrated right answer is shown as "Not quite"');
    const asksAgain = await page.getByRole('button', { name: 'Check answer', exact: true }).count();
    const showsRight = await page.getByText(RIGHT, { exact: true }).count();
    assert.equal(asksAgain + showsRight, 1, 'the question either asks again or shows "That\'s right."');
    expectClean(problems);
    await context.close();
  });
});
