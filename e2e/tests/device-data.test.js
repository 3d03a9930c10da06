// "Data on this device" (src/components/device_data.rs) as a student and a teacher use it on a
// shared computer: what Aware keeps is listed in plain words, each kind can be deleted, and after
// "Delete everything" no `aware.*` key remains; a student cannot delete the teacher's locked
// results, the teacher can, and the teacher deletes one study's results (a programme's retention
// rule). The screen also says whether the browser may clear the data itself.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { answerRight, eventually, expectClean, startApp, ui } from '../support/app.js';
import { loadLesson } from '../support/content.js';
import {
  answerPlan, answerTest, createStudy, expectHeading, formOf, loadAssessment, openTeacherArea, sealedKinds, storage,
} from '../support/study.js';

const { m, visit, expectScreen } = ui('en');
const lesson = loadLesson('what-is-trafficking');
const assessment = loadAssessment('en');

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

const awareKeys = async (page) => Object.keys(await storage(page)).filter((key) => key.startsWith('aware.')).sort();

/** Opens "Data on this device" from the page's footer, as a student or teacher finds it. */
async function openDataScreen(page) {
  await page.getByRole('contentinfo').getByRole('link', { name: m('data-title'), exact: true }).click();
  await expectHeading(page, m('data-title'));
}

/** The row of one kind of data ("Progress in the lessons: …"). */
const row = (page, message) => page.getByRole('main').getByRole('listitem').filter({ hasText: m(message) });

/** The line about whether the browser may clear the data agrees with what the browser says. */
async function expectPersistenceLine(page) {
  const persisted = await page.evaluate(() => navigator.storage?.persisted?.() ?? null);
  const expected = persisted === true ? 'data-kept-persistent' : persisted === false ? 'data-kept-best-effort' : 'data-kept-unknown';
  await page.locator('#data-persistence').getByText(m(expected), { exact: true }).waitFor();
  if (persisted === false) {
    // The browser decides (Chromium by how the site is used); whatever it answers is shown.
    await page.getByRole('button', { name: m('data-keep-ask'), exact: true }).click();
    const now = await page.evaluate(() => navigator.storage.persisted());
    await page.locator('#data-persistence').getByText(m(now ? 'data-kept-persistent' : 'data-kept-best-effort'), { exact: true }).waitFor();
    if (!now) await page.locator('#data-persistence').getByRole('status').getByText(m('data-keep-refused'), { exact: true }).waitFor();
  }
}

/** Presses "Delete everything", checks the warning, and confirms. */
async function deleteEverything(page, warning) {
  await page.getByRole('button', { name: m('data-delete-everything'), exact: true }).click();
  await page.getByText(m(warning), { exact: true }).waitFor();
  await page.getByRole('button', { name: m('data-delete-everything-confirm'), exact: true }).click();
}

test('a student deletes one kind of data, then everything: no aware.* key remains', async () => {
  const { page, problems, context } = await app.open();
  const quiz = lesson.quiz[0];
  await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson.id}/quiz/1`, lesson.title);
  await answerRight(page, quiz);
  await eventually(async () => assert.ok((await awareKeys(page)).includes('aware.progress'), 'the answer is kept'));
  assert.ok((await awareKeys(page)).includes('aware.band'), 'the age band is kept');

  await openDataScreen(page);
  await expectPersistenceLine(page);
  await row(page, 'data-progress').waitFor();
  await row(page, 'data-band').waitFor();
  await row(page, 'data-progress').getByRole('button', { name: m('data-delete-named', { what: m('data-progress') }), exact: true }).click();
  await page.getByRole('status').getByText(m('data-deleted', { what: m('data-progress') }), { exact: true }).waitFor();
  assert.equal(await row(page, 'data-progress').count(), 0, 'the deleted kind is no longer listed');
  const left = await awareKeys(page);
  assert.ok(!left.includes('aware.progress'), 'progress is gone from storage');
  assert.ok(left.includes('aware.band'), 'the rest stays');

  await deleteEverything(page, 'data-delete-everything-warning');
  await page.getByRole('status').getByText(m('data-deleted-everything'), { exact: true }).waitFor();
  assert.deepEqual(await awareKeys(page), [], 'no aware.* key remains');
  await page.getByText(m('data-nothing'), { exact: true }).waitFor();
  // A new visit (without the teacher's `?band=` link, which would choose the band again):
  // nothing comes back.
  await visit(page, app.origin, 'index.html#/data', m('data-title'));
  await page.getByText(m('data-nothing'), { exact: true }).waitFor().catch(async (error) => {
    throw new Error(`${error.message}\n${await page.getByRole('main').innerText()}\n${JSON.stringify(await awareKeys(page))}`);
  });
  assert.deepEqual(await awareKeys(page), []);
  expectClean(problems);
  await context.close();
});

test('on a shared computer a student cannot delete the teacher\'s locked results; the teacher deletes one study\'s, then everything', async () => {
  const { page, problems, context } = await app.open();
  // The teacher sets up this computer and makes a study.
  await page.goto(`${app.origin}/teacher.html#/`);
  await openTeacherArea(page, m, { firstUse: true });
  const { id, study, codes } = await createStudy(page, m, { cards: 12 });

  // A student hands in the pre-test here: stored sealed, without the passphrase.
  await visit(page, app.origin, 'check.html#/', m('check-title'));
  await page.getByLabel(m('check-study-id'), { exact: true }).fill(study);
  await page.getByLabel(m('check-code'), { exact: true }).fill(codes[0]);
  await page.getByRole('button', { name: m('check-begin'), exact: true }).click();
  await expectHeading(page, m('check-test-title-pre'));
  const form = formOf(study, codes[0], 'pre');
  const plan = answerPlan(assessment, form, { right: 6, wrong: 3 });
  const { total, answered } = await answerTest(page, m, assessment, form, plan);
  await page.getByRole('button', { name: m('check-hand-in'), exact: true }).click();
  if (total > answered) await page.getByRole('button', { name: m('check-hand-in-anyway'), exact: true }).click();
  await expectHeading(page, m('check-done-title'));
  await eventually(async () => assert.deepEqual((await sealedKinds(page)).sort(), ['results', 'studies']));

  // The student's "Data on this device": the teacher's data is listed, and only the teacher may delete it.
  await openDataScreen(page);
  const teacherRow = row(page, 'data-teacher');
  await teacherRow.getByText(m('data-teacher-kept'), { exact: true }).waitFor();
  assert.equal(await teacherRow.getByRole('button').count(), 0, 'no delete button for the teacher\'s data');
  await deleteEverything(page, 'data-delete-everything-student');
  await page.getByRole('status').getByText(m('data-deleted-everything'), { exact: true }).waitFor();
  assert.deepEqual(await awareKeys(page), ['aware.teacher.keyring', 'aware.teacher.sealed'], 'only the teacher\'s locked data stays');

  // The teacher deletes this study's results (a retention rule), with a second, explicit press.
  await page.goto(`${app.origin}/teacher.html#/studies/${id}`);
  await openTeacherArea(page, m);
  await expectScreen(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: study }));
  await page.getByRole('button', { name: m('teacher-delete-results'), exact: true }).click();
  await page.getByText(m('teacher-delete-results-warning'), { exact: true }).waitFor();
  await page.getByRole('button', { name: m('teacher-delete-results-confirm'), exact: true }).click();
  await page.getByRole('status').getByText(m('teacher-delete-results-done', { count: 1 }), { exact: true }).waitFor();
  await eventually(async () => assert.deepEqual(await sealedKinds(page), ['studies'], 'what remains is sealed again, without the results'));

  // Then everything, from the teacher's own "Data on this device".
  await openDataScreen(page);
  assert.equal(await row(page, 'data-teacher').getByRole('button').count(), 1, 'the teacher may delete the locked data');
  await deleteEverything(page, 'data-delete-everything-warning');
  // Nothing is left to lock: the teacher's area asks to be set up again, as on a new device.
  await expectHeading(page, m('teacher-gate-setup-title'));
  assert.deepEqual(await awareKeys(page), [], 'no aware.* key remains');
  expectClean(problems);
  await context.close();
});
