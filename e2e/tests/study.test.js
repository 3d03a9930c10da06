// The pre/post awareness check and the teacher's study screens, the way a class uses them: a
// teacher creates a study and prints code cards; students, each on their own device, take the check
// before the lessons and again after them and save a results file; the teacher imports the files,
// reads the class report and exports anonymised data. Also a shared computer, typos in codes, bad
// and repeated files, two tabs, the report's numbers against a class computed independently
// (crates/core/tests/fixtures/report, generate.py), privacy, printing, and the check in Mongolian.
// Interface text comes from locales/<locale>/app.ftl (support/l10n.js), the check's questions and
// answer keys from assessment/** (support/study.js).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { E2E_DIR, expectClean, h1, startApp, ui } from '../support/app.js';
import {
  ALPHABET, answerPlan, answerTest, compact, createStudy, designOf, download, escapeRegExp, expectHeading, expectedAnswers,
  fixed, fixtureClass, formOf, fullPlan, grouped, handedIn, itemsOn, loadAssessment, parseCsv, passesCheck,
  notIssued, pValue, percent, percentShown, readCodeCards, rightIn, sealedKinds, storage, typedOnAMongolianKeyboard,
  openTeacherArea, visitTeacher, withOneWrongCharacter, withTwoSwapped,
} from '../support/study.js';

const { m, expectScreen, expectTitle } = ui('en');
const assessment = loadAssessment('en');
const assessmentMn = loadAssessment('mn');
const class30 = fixtureClass('class-30');
const class6 = fixtureClass('class-6');
const KNOWLEDGE_ITEMS = itemsOn(assessment, 'A').length;
const K = 10; // min_group_size of deployment.toml
const LABEL = 'Class 8B, autumn';
const LABEL_30 = 'Class 9A, spring';
const CARDS = 8;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** The fields and buttons of the check's start screen. */
const startScreen = (page, l = m) => ({
  study: page.getByLabel(l('check-study-id'), { exact: true }),
  code: page.getByLabel(l('check-code'), { exact: true }),
  pre: page.getByRole('radio', { name: l('check-phase-pre') }),
  post: page.getByRole('radio', { name: l('check-phase-post') }),
  remember: page.getByRole('checkbox', { name: l('check-remember') }),
  begin: page.getByRole('button', { name: l('check-begin'), exact: true }),
});

/** Opens the check from the header, as a student does. */
async function openCheck(page, l = ui('en')) {
  await l.visit(page, app.origin, 'index.html?band=12-14#/', l.m('course-title'));
  await page.getByRole('banner').getByRole('link', { name: l.m('nav-check'), exact: true }).click();
  await l.expectScreen(page, app.origin, 'check.html#/', l.m('check-title'));
  await startScreen(page, l.m).begin.waitFor();
}

/** Hands in: with questions left out, the student is asked once, then hands in anyway. */
async function handIn(page, missing, l = m) {
  await page.getByRole('button', { name: l('check-hand-in'), exact: true }).click();
  if (missing > 0) {
    const status = page.getByRole('status').filter({ hasText: l('check-missing', { missing }) });
    await status.getByText(l('check-missing', { missing }), { exact: true }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'status',
      'focus moves to the message about the questions left out');
    await page.getByRole('button', { name: l('check-hand-in-anyway'), exact: true }).click();
  }
  await expectHeading(page, l('check-done-title'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-heading', 'the done step starts at its heading');
}

/** The browser's local calendar day, as records write it. */
const today = (page) => page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

/** Checks a results file the student saved and returns its records. */
async function expectResultsFile(page, file, { study, code, sittings, locale = 'en', l = assessment }) {
  assert.equal(file.name, `aware-results-${compact(study)}.json`, 'the file is named by the study, never the code');
  const json = JSON.parse(file.text);
  assert.deepEqual(Object.keys(json).sort(), ['format', 'records', 'version']);
  assert.equal(json.format, 'aware-results');
  assert.equal(json.version, 1);
  assert.equal(json.records.length, sittings.length, 'one record per check taken with this code on this device');
  const date = await today(page);
  for (const { phase, plan } of sittings) {
    const record = json.records.find((r) => r.phase === phase);
    assert.ok(record, `the file has the ${phase}-test`);
    // Nothing but these fields: no name, no time, no device details.
    assert.deepEqual(Object.keys(record).sort(), ['answers', 'code', 'content_version', 'date', 'form', 'locale', 'phase', 'study']);
    assert.equal(record.study, compact(study));
    assert.equal(record.code, compact(code));
    assert.equal(record.form, formOf(study, code, phase), `the ${phase}-test's form follows the study's design`);
    assert.equal(record.locale, locale);
    assert.equal(record.content_version, l.version);
    assert.equal(record.date, date, 'the day only');
    const sorted = [...record.answers].sort((a, b) => (a.item < b.item ? -1 : 1));
    assert.deepEqual(sorted, expectedAnswers(l, plan), `the ${phase}-test's answers are exactly those given`);
  }
  return json.records;
}

/** Rows of a table as text, cell by cell (header cells included), whitespace collapsed. */
const tableRows = (table) => table.getByRole('row').evaluateAll((rows) =>
  rows.map((row) => [...row.cells].map((cell) => cell.innerText.replace(/\s+/g, ' ').trim())));

/** The terms and definitions of the report's "Who took part". */
async function reportCounts(page) {
  const region = page.getByRole('region', { name: m('report-counts-title'), exact: true });
  const terms = (await region.getByRole('term').allTextContents()).map((s) => s.trim());
  const values = (await region.getByRole('definition').allTextContents()).map((s) => s.trim());
  return Object.fromEntries(terms.map((term, i) => [term, values[i]]));
}

/** What "Who took part" shows for these counts (the share of participants who took both). */
function countsShown({ pre, post, matched }) {
  const participants = pre + post - matched;
  return {
    [m('report-count-pre')]: String(pre),
    [m('report-count-post')]: String(post),
    [m('report-count-matched')]: String(matched),
    [m('report-match-rate')]: participants > 0 ? percent((100 * matched) / participants) : '–',
  };
}

/** A study in the teacher's list ("Your studies"), by its grouped id. */
const studyCard = (page, id) => page.getByRole('region', { name: m('teacher-studies-title'), exact: true })
  .getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: m('teacher-study-name', { id }), exact: true }) });

/** A file for setInputFiles, named as the student's browser saved it. */
const asUpload = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** The import outcome: the summary line and one line per file, in the order given. */
async function expectImport(region, { files, refused, lines }) {
  const status = region.getByRole('status');
  await status.getByText(m('import-summary', { files, refused }), { exact: true }).waitFor();
  const shown = (await status.getByRole('listitem').allTextContents()).map((s) => s.trim());
  assert.deepEqual(shown, lines.map(([name, text]) => `${name}: ${text}`));
}

const added = (count, duplicates) => m('import-added', { added: count, duplicates });

/** Text that starts as message `id` does, up to its first variable (`variables`: all of them). */
function startOf(id, variables) {
  const [start] = m(id, Object.fromEntries(variables.map((name) => [name, '\u0000']))).split('\u0000');
  return new RegExp(`^${escapeRegExp(start)}`);
}

describe('a study from the code cards to the class report', () => {
  // The teacher's device, and each student's own device (a browser profile each).
  let teacher;
  let study;
  let codes;
  const students = [];
  // The class of 30's study, made on the teacher's device too, and what its students hand in.
  let class30Here;

  before(async () => {
    teacher = await app.open();
  });
  after(async () => {
    for (const student of students) await student.context?.close();
    await teacher?.context.close();
  });

  test('the teacher creates a study on the teacher\'s page and reads the codes from the printable code cards', async () => {
    const { page, problems } = teacher;
    // The teacher's page has its own address (no student screen links to it). On its first use
    // on this device the teacher chooses the passphrase that locks the results kept here.
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'), { firstUse: true });
    await expectTitle(page, m('teacher-title'));
    await page.getByText(m('teacher-no-studies'), { exact: true }).waitFor();

    await page.getByLabel(m('teacher-label'), { exact: true }).fill(LABEL);
    assert.equal(await page.getByRole('radio', { name: m('teacher-design-crossover') }).isChecked(), true,
      'half and half (crossover) is the recommended default');
    // A count the app cannot print is refused, with the reason next to the field.
    const cards = page.getByLabel(m('teacher-cards'), { exact: true });
    await cards.fill('0');
    await page.getByRole('button', { name: m('teacher-create'), exact: true }).click();
    await page.getByRole('alert').getByText(m('teacher-cards-invalid', { max: 1000 }), { exact: true }).waitFor();
    assert.equal(await cards.evaluate((el) => el === document.activeElement), true, 'focus moves to the count');
    await cards.fill(String(CARDS));
    await page.getByRole('button', { name: m('teacher-create'), exact: true }).click();

    await page.waitForURL(new RegExp(`^${escapeRegExp(app.origin)}/teacher\\.html#/studies/[${ALPHABET}]{10}$`));
    const id = page.url().split('/').pop();
    assert.ok(passesCheck(id), `${id} carries its check character`);
    assert.equal(designOf(id), 'crossover', 'the study id says which design it has');
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: grouped(id) }));
    await page.getByText(LABEL, { exact: true }).waitFor();
    await page.getByText(grouped(id), { exact: true }).waitFor();
    await page.getByText(m('teacher-study-counts', { pre: 0, post: 0 }), { exact: true }).waitFor();

    await page.getByRole('link', { name: m('teacher-print-cards'), exact: true }).click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}/cards`, m('cards-title'));
    await page.getByText(m('cards-intro', { count: CARDS }), { exact: true }).waitFor();
    ({ study, codes } = await readCodeCards(page, m));
    assert.equal(study, grouped(id), 'the cards show the study id, grouped for reading');
    assert.equal(codes.length, CARDS, 'one card per code');
    assert.equal(new Set(codes).size, CARDS, 'the codes are all different');
    for (const code of codes) {
      assert.match(code, new RegExp(`^[${ALPHABET}]{3}-[${ALPHABET}]{3}$`));
      assert.ok(passesCheck(compact(code)), `${code} carries its check character`);
    }
    assert.equal(await page.getByText(LABEL).count(), 0, 'the teacher\'s own name for the study is not on the cards');

    await page.getByRole('link', { name: m('cards-back'), exact: true }).click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: grouped(id) }));
    expectClean(problems);
  });

  test('two students, each on their own device, take the check "before the lessons" and save their results file', async () => {
    for (const [n, code] of codes.slice(0, 2).entries()) {
      const opened = await app.open();
      const student = { ...opened, code, sittings: [], files: [] };
      students.push(student);
      const { page, problems } = student;
      await openCheck(page);
      const fields = startScreen(page);
      assert.equal(await fields.study.inputValue(), '', 'a new device knows no study');
      assert.equal(await fields.code.inputValue(), '');
      assert.equal(await fields.pre.isChecked(), true, 'the first time, "before the lessons" is chosen');
      // Devices are often shared: a code is remembered only when the student asks for it.
      assert.equal(await fields.remember.isChecked(), false, 'the code is not remembered unless the student asks');
      await fields.remember.check();
      const start = await page.evaluate(() => history.length);

      await fields.study.fill(study);
      await fields.code.fill(code);
      await fields.begin.click();
      await expectHeading(page, m('check-test-title-pre'));
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-heading', 'the test starts at its heading');
      await page.getByText(m('check-you-are', { code }), { exact: true }).waitFor();

      // Some right, some wrong, some left out; the first statement "prefer not to answer".
      const form = formOf(study, code, 'pre');
      const plan = answerPlan(assessment, form, { right: 4 + n, wrong: 5 });
      const { total, answered } = await answerTest(page, m, assessment, form, plan);
      assert.equal(await page.getByText(m('check-review-not-right'), { exact: true }).count(), 0, 'no feedback before handing in');
      await handIn(page, total - answered);

      const right = rightIn(assessment, form, plan);
      await page.getByText(m('check-done-saved'), { exact: true }).waitFor();
      await page.getByText(m('check-done-score', { right, total: KNOWLEDGE_ITEMS }), { exact: true }).waitFor();
      // The knowledge answers, explained: one right, one wrong, one left out.
      const review = page.getByRole('region', { name: m('check-review-title'), exact: true }).getByRole('listitem');
      assert.equal(await review.count(), KNOWLEDGE_ITEMS);
      const items = itemsOn(assessment, form);
      const optionText = (item, id) => item.options.find((o) => o.id === id).text;
      const first = review.nth(0);
      await first.getByText(m('check-review-right'), { exact: true }).waitFor();
      await first.getByText(m('check-review-your-answer', { answer: optionText(items[0], items[0].correct) }), { exact: true }).waitFor();
      const wrong = review.nth(right);
      await wrong.getByText(m('check-review-not-right'), { exact: true }).waitFor();
      const missed = items[right];
      await wrong.getByText(m('check-review-your-answer', { answer: optionText(missed, plan[missed.id]) }), { exact: true }).waitFor();
      await wrong.getByText(m('check-review-right-answer', { answer: optionText(missed, missed.correct) }), { exact: true }).waitFor();
      await wrong.getByText(missed.explanation, { exact: true }).waitFor();
      await review.nth(KNOWLEDGE_ITEMS - 1).getByText(m('check-review-no-answer'), { exact: true }).waitFor();

      const file = await download(page, page.getByRole('button', { name: m('check-file-save'), exact: true }));
      await page.getByRole('status').getByText(m('check-file-saved'), { exact: true }).waitFor();
      student.sittings.push({ phase: 'pre', plan });
      student.pre = await expectResultsFile(page, file, { study, code, sittings: student.sittings });
      student.files.push(file);

      assert.equal(page.url(), `${app.origin}/check.html#/`, 'the address never changed');
      assert.equal(await page.evaluate(() => history.length), start, 'no history entry for the test or its end');
      const stored = await storage(page);
      assert.ok(stored['aware.participant'], 'the device remembers the participant');
      assert.equal(JSON.parse(stored['aware.results']).records.length, 1, 'the attempt is kept on the device');
      expectClean(problems);
    }
  });

  test('later, on the same devices: the code is filled in, "after the lessons" is chosen, and the file holds both checks', async () => {
    for (const [n, student] of students.entries()) {
      const { page, problems, code } = student;
      await openCheck(page);
      const fields = startScreen(page);
      assert.equal(await fields.study.inputValue(), study, 'the device remembers the study id');
      assert.equal(await fields.code.inputValue(), code, 'the device remembers the code');
      assert.equal(await fields.post.isChecked(), true, 'having taken the first check here, "after the lessons" is chosen');
      assert.equal(await fields.pre.isChecked(), false);

      if (n === 0) {
        // The first check again by mistake: refused, and the link goes to the choice.
        await fields.pre.check();
        await fields.begin.click();
        const alert = page.getByRole('alert');
        await alert.getByRole('heading', { name: m('check-error-summary'), exact: true }).waitFor();
        await alert.getByRole('link', { name: m('check-error-pre-taken'), exact: true }).click();
        assert.equal(await fields.pre.evaluate((el) => el === document.activeElement), true, 'the link moves focus to the choice');
        assert.equal(page.url(), `${app.origin}/check.html#/`, 'the link does not change the address');
        await fields.post.check();
      }
      await fields.begin.click();
      await expectHeading(page, m('check-test-title-post'));
      const form = formOf(study, code, 'post');
      assert.notEqual(form, formOf(study, code, 'pre'), 'the second check has the other set of questions');
      const plan = answerPlan(assessment, form, { right: 8 + n, wrong: 2 });
      const { total, answered } = await answerTest(page, m, assessment, form, plan);
      await handIn(page, total - answered);
      const score = m('check-done-score', { right: rightIn(assessment, form, plan), total: KNOWLEDGE_ITEMS });
      await page.getByText(score, { exact: true }).waitFor();

      const file = await download(page, page.getByRole('button', { name: m('check-file-save'), exact: true }));
      student.sittings.push({ phase: 'post', plan });
      const records = await expectResultsFile(page, file, { study, code, sittings: student.sittings });
      assert.deepEqual(records.find((r) => r.phase === 'pre'), student.pre[0], 'the first check is unchanged');
      student.files.push(file);
      expectClean(problems);
    }
  });

  test('the teacher imports every file at once and sees the counts; below 10 pairs the results are hidden, and why', async () => {
    const { page, problems } = teacher;
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'));
    // As they arrive from the students: a second save of the same name gets " (1)".
    const [a, b] = students;
    const second = (name) => name.replace(/\.json$/, ' (1).json');
    const uploads = [
      asUpload(a.files[0].name, a.files[0].text),
      asUpload(second(a.files[1].name), a.files[1].text),
      asUpload(b.files[0].name, b.files[0].text),
      asUpload(second(b.files[1].name), b.files[1].text),
    ];
    const region = page.getByRole('region', { name: m('teacher-import-title'), exact: true });
    await region.getByLabel(m('import-choose'), { exact: true }).setInputFiles(uploads);
    await expectImport(region, {
      files: 4,
      refused: 0,
      lines: [
        [uploads[0].name, added(1, 0)],
        [uploads[1].name, added(1, 1)],
        [uploads[2].name, added(1, 0)],
        [uploads[3].name, added(1, 1)],
      ],
    });
    const card = studyCard(page, study);
    await card.getByText(LABEL, { exact: true }).waitFor();
    await card.getByText(m('teacher-study-counts', { pre: 2, post: 2 }), { exact: true }).waitFor();

    await card.getByRole('link', { name: m('teacher-study-name', { id: study }), exact: true }).click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${compact(study)}`, m('teacher-study-name', { id: study }));
    await page.getByText(m('teacher-study-counts', { pre: 2, post: 2 }), { exact: true }).waitFor();
    await page.getByRole('link', { name: m('teacher-open-report'), exact: true }).click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${compact(study)}/report`, m('report-title'));
    await expectTitle(page, m('report-title'));

    assert.deepEqual(await reportCounts(page), countsShown({ pre: 2, post: 2, matched: 2 }));
    const note = page.getByRole('note');
    await note.getByRole('heading', { name: m('report-hidden-title'), exact: true }).waitFor();
    await note.getByText(m('report-hidden', { matched: 2, k: K }), { exact: true }).waitFor();
    await note.getByText(m('report-hidden-why'), { exact: true }).waitFor();
    // No statistic at all: no table, no chart, no mean, no percentage correct, no p-value.
    const main = page.getByRole('main');
    assert.equal(await main.getByRole('table').count(), 0, 'no table');
    assert.equal(await main.getByRole('img').count(), 0, 'no chart');
    for (const id of ['report-summary-title', 'report-knowledge-title', 'report-items-title', 'report-scales-title']) {
      assert.equal(await main.getByRole('heading', { name: m(id) }).count(), 0, `no "${m(id)}"`);
    }
    const text = (await main.innerText()).replace(countsShown({ pre: 2, post: 2, matched: 2 })[m('report-match-rate')], '');
    assert.doesNotMatch(text, /%/, 'the only percentage is the share who took both, a count');
    assert.doesNotMatch(text, /\bp\s*[=<]|\bSD\b|\bt\(/, 'no test statistic');
    assert.doesNotMatch(text, /\d[.,]\d/, 'no mean');
    expectClean(problems);
  });

  test('the class of 30: the report shows what generate.py computed, written as the app writes numbers', async () => {
    const { page, problems } = teacher;
    const expected = class30.expected.reports.find((r) => r.min_group_size === K);
    const { counts, results } = expected;
    // The class's own study, made on this device: its students hand in the class of 30's answers
    // under the codes on its cards.
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'));
    const made = await createStudy(page, m, { label: LABEL_30 });
    assert.equal(designOf(made.id), 'crossover', 'the class of 30 sat a crossover study');
    class30Here = { ...made, file: handedIn(class30, made.id, made.codes) };
    const { id, file } = class30Here;
    // Results under the study id with codes not on its cards (another class's): left out.
    const strangers = notIssued(class6, id, made.codes);
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'));
    const region = page.getByRole('region', { name: m('teacher-import-title'), exact: true });
    await region.getByLabel(m('import-choose'), { exact: true }).setInputFiles([
      asUpload(file.name, file.text),
      asUpload(strangers.name, strangers.text),
    ]);
    await expectImport(region, {
      files: 2,
      refused: 0,
      lines: [[file.name, added(file.records.length, 0)], [strangers.name, added(strangers.records.length, 0)]],
    });
    // The study's card counts every record it holds; the report only those of its cards.
    const strangersPre = strangers.records.filter((r) => r.phase === 'pre').length;
    const strangersPost = strangers.records.length - strangersPre;
    const card = studyCard(page, grouped(id));
    await card.getByText(LABEL_30, { exact: true }).waitFor();
    await card.getByText(m('teacher-study-counts', { pre: counts.pre + strangersPre, post: counts.post + strangersPost }), { exact: true }).waitFor();
    await card.getByRole('link').click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: grouped(id) }));
    await page.getByRole('link', { name: m('teacher-open-report'), exact: true }).click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}/report`, m('report-title'));
    await page.getByRole('heading', { level: 2, name: m('report-summary-title'), exact: true }).waitFor();

    // Who took part.
    assert.deepEqual(await reportCounts(page), countsShown(counts));
    assert.equal(counts.not_scored + counts.repeated, 0);
    assert.equal(await page.getByText(startOf('report-ignored', ['other', 'repeated'])).count(), 0, 'nothing scored left out, so no line about it');
    await page.getByText(m('report-not-issued', { count: strangers.records.length }), { exact: true }).waitFor();
    assert.equal(await page.getByText(m('report-not-created-here')).count(), 0, 'the study was made here');

    // The summary, sentence by sentence. generate.py writes the report's own JSON: a part is
    // { shown: value } or { hidden: reason }; a p-value { exact } or only its side of 5 %.
    assert.ok('shown' in results.knowledge, 'the class of 30 shows its knowledge scores');
    const k = results.knowledge.shown;
    const significant = (p) => (typeof p === 'object' ? p.exact < 0.05 : p === 'below_0.05');
    const chance = (p) => (significant(p) ? 'unlikely' : 'possible');
    const effectWords = (d) => (Math.abs(d) < 0.2 ? 'negligible' : Math.abs(d) < 0.5 ? 'small' : Math.abs(d) < 0.8 ? 'medium' : 'large');
    const pIs = (p) => (p < 0.001 ? 'p < 0.001' : `p = ${pValue(p)}`);
    const pShown = (p) => (typeof p === 'object' ? pValue(p.exact) : p === 'below_0.05' ? '< 0.05' : '≥ 0.05');
    const hiddenPart = (reason) => m('report-hidden-part', {
      reason: { small_count: 'few', complementary: 'complementary' }[reason] ?? 'group', k: K, kk: 2 * K, few: K - 1,
    });
    const scaleName = (id) => assessment.scales.find((s) => s.id === id).name;
    const summary = [
      m('report-summary-knowledge', { direction: 'rose', pre: percent(k.pre_mean), post: percent(k.post_mean), n: k.n }),
      m('report-summary-gain', { gain: fixed(k.gain, 2), band: m(`report-band-gain-${k.gain_band}`) }),
      m('report-summary-chance', { chance: chance({ exact: k.paired.p }), p: pIs(k.paired.p) }),
      m('report-summary-effect', { g: fixed(k.paired.g_z, 2), size: m(`report-effect-${effectWords(k.paired.g_z)}`) }),
      ...results.scales.map((scale) => ('shown' in scale.score
        ? m('report-summary-scale', {
          scale: scaleName(scale.id),
          pre: fixed(scale.score.shown.pre_mean, 2),
          post: fixed(scale.score.shown.post_mean, 2),
          chance: chance(scale.score.shown.p),
        })
        : m('report-summary-scale-hidden', { scale: scaleName(scale.id) }))),
    ];
    const summaryRegion = page.getByRole('region', { name: m('report-summary-title'), exact: true });
    assert.deepEqual((await summaryRegion.getByRole('paragraph').allTextContents()).map((s) => s.trim()), summary);

    // Knowledge, for evaluators.
    const knowledge = page.getByRole('table', { name: m('report-knowledge-title'), exact: true });
    assert.deepEqual(await tableRows(knowledge), [
      [m('report-k-n'), String(k.n)],
      [m('report-k-pre'), `${percent(k.pre_mean)} (SD ${fixed(k.pre_sd, 1)})`],
      [m('report-k-post'), `${percent(k.post_mean)} (SD ${fixed(k.post_sd, 1)})`],
      [m('report-k-change'), fixed(k.mean_change, 1)],
      [m('report-k-gain'), fixed(k.gain, 2)],
      [m('report-k-t'), `t(${k.paired.df}) = ${fixed(k.paired.t, 2)}, ${pIs(k.paired.p)}`],
      [m('report-k-dz'), fixed(k.paired.d_z, 2)],
      [m('report-k-gz'), fixed(k.paired.g_z, 2)],
      [m('report-k-dz-ci'), `[${fixed(k.paired.d_z_ci_lower, 2)}; ${fixed(k.paired.d_z_ci_upper, 2)}]`],
    ]);

    // Each question: the table and the chart's text alternative (questions with both shares shown).
    const promptOf = (itemId) => assessment.knowledge.find((item) => item.id === itemId).prompt;
    const share = (cell) => ('shown' in cell ? percentShown(cell.shown) : hiddenPart(cell.hidden));
    const questions = page.getByRole('table', { name: m('report-items-title'), exact: true });
    assert.deepEqual(await tableRows(questions), [
      ['#', m('report-col-question'), m('report-before'), m('report-after'), m('report-col-p'), m('report-col-p-holm')],
      ...results.items.map((item, i) => [
        String(i + 1), promptOf(item.item_a), share(item.pre), share(item.post),
        ...('shown' in item.test ? [pShown(item.test.shown.p), pShown(item.test.shown.p_holm)] : [hiddenPart(item.test.hidden)]),
      ]),
    ]);
    const itemsAlt = results.items
      .map((item, i) => ('shown' in item.pre && 'shown' in item.post
        ? `${i + 1}: ${m('report-before')} ${percentShown(item.pre.shown)}, ${m('report-after')} ${percentShown(item.post.shown)}`
        : null))
      .filter((line) => line !== null)
      .join('; ');
    await page.getByRole('img', { name: `${m('report-items-chart')}. ${itemsAlt}`, exact: true }).waitFor();

    // How scores changed: hidden cells are said to be hidden, in the text alternative too.
    const bands = ['fell', 'same', 'rose-up-to-25', 'rose-more-than-25'];
    assert.ok(results.changes.some((cell) => 'hidden' in cell), 'the class has a hidden band (generate.py requires it)');
    const bandsAlt = results.changes
      .map((cell, i) => `${m(`report-band-${bands[i]}`)}: ${'hidden' in cell ? m('report-cell-hidden') : cell.shown}`)
      .join('; ');
    const changes = page.getByRole('region', { name: m('report-changes-title'), exact: true });
    await changes.getByRole('img', { name: `${m('report-changes-chart')}. ${bandsAlt}`, exact: true }).waitFor();
    await changes.getByText(m('report-cells-hidden', { k: K }), { exact: true }).waitFor();
    // The chart's own labels: a hidden band is labelled "hidden", never with its count.
    assert.equal(await changes.getByRole('img').textContent(),
      results.changes.map((cell, i) => `${'hidden' in cell ? m('report-cell-hidden') : cell.shown}${m(`report-band-${bands[i]}`)}`)
        .join(''));

    // Attitudes: every statement and the scale score, then Cronbach's α.
    const cells = (change) => ('shown' in change
      ? [fixed(change.shown.pre_mean, 2), fixed(change.shown.post_mean, 2), pShown(change.shown.p), String(change.shown.n)]
      : [hiddenPart(change.hidden)]);
    for (const scale of results.scales) {
      const table = page.getByRole('table', { name: scaleName(scale.id), exact: true });
      assert.deepEqual(await tableRows(table), [
        [m('report-col-statement'), m('report-before'), m('report-after'), m('report-col-p'), m('report-col-n')],
        ...scale.statements.map((statement) => {
          const { statement: text, reversed } = assessment.likert.find((item) => item.id === statement.id);
          assert.equal(reversed, statement.reversed);
          return [reversed ? `${text} ${m('report-reversed')}` : text, ...cells(statement.change)];
        }),
        [m('report-scale-score'), ...cells(scale.score)],
      ], `the table of "${scale.id}"`);
    }
    const alpha = (cell) => ('hidden' in cell ? hiddenPart(cell.hidden) : cell.shown === null ? m('report-not-defined') : fixed(cell.shown, 2));
    const alphas = page.getByRole('region', { name: m('report-scales-title'), exact: true }).getByText(startOf('report-alpha', ['pre', 'post']));
    assert.deepEqual((await alphas.allTextContents()).map((s) => s.trim()),
      results.scales.map((scale) => m('report-alpha', { pre: alpha(scale.alpha_pre), post: alpha(scale.alpha_post) })), 'α of each scale, in order');
    await page.getByText(m('report-privacy', { k: K }), { exact: true }).waitFor();
    // The codes of the class appear nowhere in the report.
    const text = await page.getByRole('main').innerText();
    for (const { code } of [...file.records, ...strangers.records]) {
      assert.ok(!text.includes(code) && !text.includes(grouped(code)), `code ${code} is shown`);
    }
    expectClean(problems);
  });

  test('a study not created on this device: its results are kept, its report counts none and says why', async () => {
    const { page, problems } = teacher;
    // The class of 30 as generate.py wrote it: a study this device never made.
    const id = class30.expected.input.study;
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'));
    const region = page.getByRole('region', { name: m('teacher-import-title'), exact: true });
    await region.getByLabel(m('import-choose'), { exact: true }).setInputFiles(class30.path);
    await expectImport(region, { files: 1, refused: 0, lines: [[class30.name, added(class30.records.length, 0)]] });
    const { counts } = class30.expected.reports.find((r) => r.min_group_size === K);
    const card = studyCard(page, grouped(id));
    await card.getByText(m('teacher-study-imported'), { exact: true }).waitFor();
    await card.getByText(m('teacher-study-counts', { pre: counts.pre, post: counts.post }), { exact: true }).waitFor();
    await card.getByRole('link').click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: grouped(id) }));
    assert.equal(await page.getByRole('link', { name: m('teacher-print-cards') }).count(), 0, 'no cards for a study made elsewhere');
    await page.getByRole('link', { name: m('teacher-open-report'), exact: true }).click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}/report`, m('report-title'));
    await page.getByText(m('report-not-created-here'), { exact: true }).waitFor();
    assert.deepEqual(await reportCounts(page), countsShown({ pre: 0, post: 0, matched: 0 }), 'no result counts');
    await page.getByRole('note').getByText(m('report-hidden', { matched: 0, k: K }), { exact: true }).waitFor();
    assert.equal(await page.getByRole('main').getByRole('table').count(), 0);
    expectClean(problems);
  });

  test('the report prints without the header, the footer or its buttons; the code cards print as cards alone', async () => {
    const { page, problems } = teacher;
    const { id } = class30Here;
    await visitTeacher(page, app.origin, `teacher.html#/studies/${id}/report`, m('report-title'));
    await page.getByRole('heading', { level: 2, name: m('report-summary-title'), exact: true }).waitFor();
    await page.emulateMedia({ media: 'print' });
    try {
      const hidden = [
        ['the header', page.getByRole('banner', { includeHidden: true })],
        ['the footer', page.getByRole('contentinfo', { includeHidden: true })],
        ['"Print the report"', page.getByRole('button', { name: m('report-print'), includeHidden: true })],
        ['"Back to the study"', page.getByRole('link', { name: m('cards-back'), includeHidden: true })],
        ['"Exit this page"', page.getByRole('button', { name: m('exit-this-page'), includeHidden: true })],
      ];
      for (const [what, locator] of hidden) {
        assert.equal(await locator.count(), 1, `the report page has ${what}`);
        assert.equal(await locator.isVisible(), false, `${what} is hidden in print`);
      }
      const main = page.getByRole('main');
      assert.ok(await main.getByRole('heading', { level: 1, name: m('report-title') }).isVisible(), 'the title prints');
      assert.ok(await main.getByText(m('teacher-study-name', { id: grouped(id) }), { exact: true }).isVisible(), 'the study prints');
      for (const table of await main.getByRole('table').all()) assert.ok(await table.isVisible(), 'every table prints');
      for (const chart of await main.getByRole('img').all()) assert.ok(await chart.isVisible(), 'every chart prints');
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF file');
    } finally {
      await page.emulateMedia({ media: null });
    }
    // The code cards print as cards alone.
    await visitTeacher(page, app.origin, `teacher.html#/studies/${compact(study)}/cards`, m('cards-title'));
    await page.emulateMedia({ media: 'print' });
    try {
      assert.equal(await h1(page).isVisible(), false, 'the cards page prints no heading');
      assert.equal(await page.getByRole('button', { name: m('cards-print') }).isVisible(), false);
      assert.equal(await page.getByRole('banner').isVisible(), false);
      const cards = page.getByRole('main').getByRole('listitem');
      assert.equal(await cards.count(), CARDS);
      for (const card of await cards.all()) assert.ok(await card.isVisible(), 'every card prints');
    } finally {
      await page.emulateMedia({ media: null });
    }
    expectClean(problems);
  });

  test('typos in a code are refused with the typo message, nothing is kept; Cyrillic look-alikes in lower case are accepted', async () => {
    // The unused card with the most Cyrillic look-alikes, typed on a Mongolian keyboard.
    const spare = codes.slice(2);
    const lookAlikes = (code) => typedOnAMongolianKeyboard(study).count + typedOnAMongolianKeyboard(code).count;
    const code = spare.reduce((best, c) => (lookAlikes(c) > lookAlikes(best) ? c : best));
    codes.splice(codes.indexOf(code), 1);
    const { page, problems, context } = await app.open();
    await openCheck(page);
    const fields = startScreen(page);
    const typo = m('check-error-typo', { field: m('check-code') });

    for (const [what, typed] of [['one wrong character', withOneWrongCharacter(code)], ['two characters swapped', withTwoSwapped(code)]]) {
      await fields.study.fill(study);
      await fields.code.fill(typed);
      await fields.begin.click();
      const alert = page.getByRole('alert');
      await alert.getByRole('heading', { name: m('check-error-summary'), exact: true }).waitFor();
      assert.deepEqual((await alert.getByRole('link').allTextContents()).map((s) => s.trim()), [typo], `${what}: only the code is wrong`);
      assert.equal(await page.evaluate(() => document.activeElement?.contains(document.querySelector('[role=alert]'))), true,
        `${what}: focus moves to the error summary`);
      assert.equal(await fields.code.getAttribute('aria-invalid'), 'true');
      assert.equal(await fields.study.getAttribute('aria-invalid'), null, 'the study id is right');
      const description = await fields.code.evaluate((input) => input.getAttribute('aria-describedby').split(/\s+/)
        .map((id) => document.getElementById(id).textContent.trim()).join(' '));
      assert.equal(description, `${m('check-code-hint')} ${typo}`, `${what}: the field is described by the message`);
      await alert.getByRole('link', { name: typo, exact: true }).click();
      assert.equal(await fields.code.evaluate((el) => el === document.activeElement), true, `${what}: the link moves focus to the code`);
      assert.equal(page.url(), `${app.origin}/check.html#/`, `${what}: the link does not change the address`);
      await expectHeading(page, m('check-title'));
      assert.equal(await fields.code.inputValue(), typed, 'what the student typed is still there to correct');
    }
    // A typo in the study id is named as such.
    await fields.study.fill(withTwoSwapped(study));
    await fields.code.fill(code);
    await fields.begin.click();
    await page.getByRole('alert').getByRole('link', { name: m('check-error-typo', { field: m('check-study-id') }), exact: true }).waitFor();
    const stored = await storage(page);
    assert.equal(stored['aware.participant'], undefined, 'a refused code is not remembered');
    assert.equal(stored['aware.results'], undefined, 'nothing is recorded');

    const typedStudy = typedOnAMongolianKeyboard(study);
    const typedCode = typedOnAMongolianKeyboard(code);
    assert.ok(typedStudy.count + typedCode.count >= 2, `Cyrillic look-alikes typed: ${typedStudy.typed} ${typedCode.typed}`);
    await fields.study.fill(typedStudy.typed);
    await fields.code.fill(typedCode.typed);
    await fields.begin.click();
    await expectHeading(page, m('check-test-title-pre'));
    await page.getByText(m('check-you-are', { code }), { exact: true }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    // Handing in nothing is refused; stopping without handing in keeps no attempt.
    await page.getByRole('button', { name: m('check-hand-in'), exact: true }).click();
    await page.getByRole('status').getByText(m('check-nothing-answered'), { exact: true }).waitFor();
    await expectHeading(page, m('check-test-title-pre'));
    await page.getByRole('button', { name: m('check-cancel'), exact: true }).click();
    await expectHeading(page, m('check-title'));
    const after = await storage(page);
    assert.equal(after['aware.results'], undefined, 'a test stopped without handing in is not recorded');
    expectClean(problems);
    await context.close();
  });

  test('a computer lab: two students in turn on one computer, neither remembered; the device keeps both records', async () => {
    const { page, problems, context } = await app.open();
    const lab = codes.splice(2, 2);
    const plans = [];
    await openCheck(page);
    for (const [n, code] of lab.entries()) {
      const fields = startScreen(page);
      assert.equal(await fields.study.inputValue(), '', `student ${n + 1} sees no earlier study id`);
      assert.equal(await fields.code.inputValue(), '', `student ${n + 1} sees no earlier code`);
      assert.equal(await fields.remember.isChecked(), false, 'nothing is remembered unless asked');
      await fields.study.fill(study);
      await fields.code.fill(code);
      await fields.begin.click();
      await expectHeading(page, m('check-test-title-pre'));
      const form = formOf(study, code, 'pre');
      const plan = n === 0 ? fullPlan(assessment, form) : answerPlan(assessment, form, { right: 6, wrong: 3 });
      plans.push(plan);
      const { total, answered } = await answerTest(page, m, assessment, form, plan);
      await handIn(page, total - answered);
      await page.getByRole('button', { name: m('check-next-student'), exact: true }).click();
      await expectHeading(page, m('check-title'));
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'page-heading', 'the next student starts at the heading');
    }
    const stored = await storage(page);
    assert.equal(stored['aware.participant'], undefined, 'no code is remembered');
    assert.equal(JSON.parse(stored['aware.results']).records.length, 2, 'the device keeps both records');

    // The teacher exports this computer's results from the study page (the first teacher here:
    // choosing the passphrase locks the results the students left in the clear).
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'), { firstUse: true });
    assert.equal((await storage(page))['aware.results'], undefined, 'no result is left in the clear');
    assert.deepEqual(await sealedKinds(page), ['results'], 'the students\' results are sealed for the teacher');
    const card = studyCard(page, study);
    await card.getByText(m('teacher-study-counts', { pre: 2, post: 0 }), { exact: true }).waitFor();
    await card.getByRole('link').click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${compact(study)}`, m('teacher-study-name', { id: study }));
    assert.equal(await page.getByRole('link', { name: m('teacher-print-cards') }).count(), 0, 'the cards are on the teacher\'s device only');
    const file = await download(page, page.getByRole('button', { name: m('export-results-json'), exact: true }));
    assert.equal(file.name, `aware-${compact(study)}-results.json`);
    const json = JSON.parse(file.text);
    assert.equal(json.format, 'aware-results');
    assert.deepEqual(json.records.map((r) => r.code).sort(), lab.map(compact).sort(), 'both students\' records');
    for (const [n, code] of lab.entries()) {
      const record = json.records.find((r) => r.code === compact(code));
      assert.equal(record.phase, 'pre');
      const sorted = [...record.answers].sort((a, b) => (a.item < b.item ? -1 : 1));
      assert.deepEqual(sorted, expectedAnswers(assessment, plans[n]), `student ${n + 1}'s answers`);
    }
    await visitTeacher(page, app.origin, `teacher.html#/studies/${compact(study)}/cards`, m('teacher-study-not-found'));
    await page.getByText(m('cards-not-here'), { exact: true }).waitFor();
    expectClean(problems);
    await context.close();
  });

  test('exports from the study page: results CSV, codebook, results file and report summary, with nothing that names anyone', async () => {
    const { page, problems } = teacher;
    const id = compact(study);
    await visitTeacher(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: study }));
    const exports = page.getByRole('region', { name: m('export-title'), exact: true });
    await exports.getByText(m('export-intro'), { exact: true }).waitFor();
    const save = async (label) => {
      const file = await download(page, exports.getByRole('button', { name: m(label), exact: true }));
      await exports.getByRole('status').getByText(m('export-saved'), { exact: true }).waitFor();
      return file;
    };
    const ours = students.flatMap((s) => s.sittings.map(({ phase, plan }) => ({ code: compact(s.code), phase, plan })));
    const allCodes = [...codes, ...students.map((s) => s.code)];
    const noLabel = (text) => assert.ok(!text.includes(LABEL) && !text.includes('8B'), 'not the teacher\'s name for the class');

    // Results for a spreadsheet.
    const csv = await save('export-results-csv');
    assert.equal(csv.name, `aware-${id}-results.csv`);
    assert.equal(csv.text[0], '\uFEFF', 'a byte-order mark, so Excel reads Cyrillic right');
    const [header, ...rows] = parseCsv(csv.text.slice(1));
    const columns = [...assessment.knowledge, ...assessment.likert, ...assessment.retired].map((item) => `${item.id}.v${item.version}`);
    assert.deepEqual(header.slice(0, 5), ['study', 'code', 'phase', 'form', 'content_version']);
    assert.deepEqual([...header.slice(5)].sort(), [...columns].sort(), 'one column per version of a question, nothing else');
    assert.equal(rows.length, ours.length, 'one row per record of this study');
    for (const row of rows) {
      assert.equal(row.length, header.length);
      const cell = Object.fromEntries(header.map((name, i) => [name, row[i]]));
      const sitting = ours.find((s) => s.code === cell.code && s.phase === cell.phase);
      assert.ok(sitting, `a row of ${cell.code} ${cell.phase}`);
      assert.equal(cell.study, id);
      assert.equal(cell.form, formOf(id, cell.code, cell.phase));
      assert.equal(cell.content_version, String(assessment.version));
      for (const item of [...assessment.knowledge, ...assessment.likert]) {
        const chosen = sitting.plan[item.id];
        const want = chosen === undefined ? '' : String(chosen);
        assert.equal(cell[`${item.id}.v${item.version}`], want, `${cell.code} ${cell.phase} ${item.id}`);
      }
      for (const value of row) {
        assert.doesNotMatch(value, /^[=+\-@\t\r\0＝＋－＠]/, `a cell a spreadsheet would run: ${value}`);
        assert.doesNotMatch(value, /\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/, `no date or time: ${value}`);
      }
    }
    noLabel(csv.text);

    // The codebook: every question and answer, in both languages.
    const codebook = await save('export-codebook');
    assert.equal(codebook.name, `aware-${id}-codebook.csv`);
    assert.equal(codebook.text[0], '\uFEFF');
    const [bookHeader, ...book] = parseCsv(codebook.text.slice(1));
    assert.deepEqual(bookHeader, ['column', 'item', 'version', 'kind', 'scoring', 'value', 'key', 'text_en', 'text_mn']);
    const entry = (column, value) => {
      const found = book.find((r) => r[0] === column && r[5] === value);
      assert.ok(found, `the codebook describes ${column} ${value || '(the question)'}`);
      return found;
    };
    for (const item of assessment.knowledge) {
      const mn = assessmentMn.knowledge.find((i) => i.id === item.id);
      const column = `${item.id}.v${item.version}`;
      assert.deepEqual(entry(column, '').slice(7), [item.prompt, mn.prompt], `${item.id}: the question in English and Mongolian`);
      for (const option of item.options) {
        const row = entry(column, option.id);
        assert.equal(row[6], option.id === item.correct ? 'correct' : 'incorrect');
        assert.deepEqual(row.slice(7), [option.text, mn.options.find((o) => o.id === option.id).text]);
      }
    }
    for (const item of assessment.likert) {
      const mn = assessmentMn.likert.find((i) => i.id === item.id);
      const column = `${item.id}.v${item.version}`;
      assert.deepEqual(entry(column, '').slice(7), [item.statement, mn.statement]);
      for (let value = 1; value <= 5; value++) {
        const row = entry(column, String(value));
        assert.equal(row[6], String(item.reversed ? 6 - value : value), `${item.id} ${value}: scored after reverse coding`);
        assert.deepEqual(row.slice(7), [assessment.labels.likert[value - 1], assessmentMn.labels.likert[value - 1]]);
      }
      assert.equal(entry(column, 'declined')[6], 'no-score');
    }
    noLabel(codebook.text);

    // The results file: this study's records only, though the device also holds the class of 30.
    const results = await save('export-results-json');
    assert.equal(results.name, `aware-${id}-results.json`);
    const json = JSON.parse(results.text);
    assert.equal(json.format, 'aware-results');
    assert.equal(json.version, 1);
    const sortKey = (r) => `${r.code} ${r.phase}`;
    const fromStudents = students.flatMap((s) => JSON.parse(s.files.at(-1).text).records);
    assert.deepEqual(json.records.map(sortKey).sort(), fromStudents.map(sortKey).sort(), 'only this study\'s records');
    for (const record of json.records) {
      assert.deepEqual(record, fromStudents.find((r) => sortKey(r) === sortKey(record)), 'exactly as the students saved them');
    }
    noLabel(results.text);

    // The report summary: counts and nothing about anyone.
    const aggregate = await save('export-aggregate');
    assert.equal(aggregate.name, `aware-${id}-report.json`);
    const report = JSON.parse(aggregate.text);
    assert.deepEqual(report, {
      format: 2,
      assessment_version: assessment.version,
      min_group_size: K,
      counts: { pre: 2, post: 2, matched: 2, not_scored: 0, repeated: 0, not_issued: 0, earlier_versions: 0 },
      results: null,
    });
    for (const code of allCodes) {
      assert.ok(!aggregate.text.includes(compact(code)) && !aggregate.text.includes(code), `no code ${code}`);
    }
    assert.ok(!aggregate.text.includes(id), 'no study id');
    noLabel(aggregate.text);

    // The class of 30's summary is the report generate.py computed, without the small counts.
    const id30 = class30Here.id;
    await visitTeacher(page, app.origin, `teacher.html#/studies/${id30}`, m('teacher-study-name', { id: grouped(id30) }));
    const summary30 = JSON.parse((await download(page, exports.getByRole('button', { name: m('export-aggregate'), exact: true }))).text);
    // generate.py writes the report as published (format 2: hidden parts say only why).
    const full30 = class30.expected.reports.find((r) => r.min_group_size === K);
    assert.equal(full30.format, 2);
    // The study also holds another class's results under codes not on its cards (left out).
    const expected30 = { ...full30, counts: { ...full30.counts, not_issued: class6.records.length } };
    expectClose(summary30, expected30, 'report');
    for (const record of [...class30Here.file.records, ...class30.records]) {
      assert.ok(!JSON.stringify(summary30).includes(record.code), `no code ${record.code}`);
    }
    expectClean(problems);
  });

  test('privacy: an attempt goes nowhere, not even into the address, title or history; Back and Forward bring none of it back', async () => {
    const code = codes.splice(2, 1)[0];
    const { page, problems, context } = await app.open();
    await openCheck(page);
    const start = await page.evaluate(() => history.length);
    // Every request from here on, to any origin (the check has loaded: it needs nothing more).
    const requests = [];
    page.on('request', (request) => requests.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
    const leaks = async (where) => {
      const seen = await page.evaluate(() =>
        [location.href, document.title, JSON.stringify(history.state), JSON.stringify(sessionStorage)].join(' '));
      for (const secret of [code, compact(code), study, compact(study)]) {
        assert.ok(!seen.includes(secret), `${where}: "${secret}" is in the address, title, history or session`);
      }
      assert.equal(page.url(), `${app.origin}/check.html#/`, `${where}: the address is the check's`);
      assert.equal(await page.evaluate(() => history.length), start, `${where}: no new history entry`);
    };
    const fields = startScreen(page);
    await fields.study.fill(study);
    await fields.code.fill(code);
    await fields.begin.click();
    await expectHeading(page, m('check-test-title-pre'));
    await leaks('the test');
    const form = formOf(study, code, 'pre');
    const plan = answerPlan(assessment, form, { right: 3, wrong: 3 });
    const { total, answered } = await answerTest(page, m, assessment, form, plan);
    await handIn(page, total - answered);
    await leaks('the end of the check');
    await expectTitle(page, m('check-title'));
    await download(page, page.getByRole('button', { name: m('check-file-save'), exact: true }));
    await leaks('the results file saved');
    const sent = requests.filter((r) => !r.startsWith('GET blob:'));
    assert.deepEqual(sent, [], 'taking the check and saving the file make no request (the file is made on the device)');

    await page.goBack();
    await expectScreen(page, app.origin, 'index.html?band=12-14#/', m('course-title'));
    await page.goForward();
    await expectScreen(page, app.origin, 'check.html#/', m('check-title'));
    await startScreen(page).begin.waitFor();
    await page.getByRole('group', { name: m('check-which'), exact: true }).waitFor();
    assert.equal(await page.getByRole('main').getByRole('group').count(), 1, 'no question comes back, only the start\'s choice');
    assert.equal(await page.getByText(m('check-you-are', { code })).count(), 0, 'no attempt comes back');
    assert.equal(await page.getByText(m('check-done-title')).count(), 0);
    expectClean(problems);
    await context.close();
  });

  test('in Mongolian: a student whose browser asks for Mongolian takes the check from start to end', async () => {
    const M = ui('mn');
    const code = codes.splice(2, 1)[0];
    const { page, problems, context } = await app.open({ locale: M.browserLocale });
    await openCheck(page, M);
    const fields = startScreen(page, M.m);
    await fields.study.fill(study);
    await fields.code.fill(withOneWrongCharacter(code, 4));
    await fields.begin.click();
    await page.getByRole('alert').getByRole('link', { name: M.m('check-error-typo', { field: M.m('check-code') }), exact: true }).waitFor();
    await fields.code.fill(code);
    await fields.begin.click();
    await expectHeading(page, M.m('check-test-title-pre'));
    await page.getByText(M.m('check-you-are', { code }), { exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: M.m('check-part-knowledge'), exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: M.m('check-part-statements'), exact: true }).waitFor();
    const form = formOf(study, code, 'pre');
    const plan = answerPlan(assessmentMn, form, { right: 7, wrong: 3 });
    const { total, answered } = await answerTest(page, M.m, assessmentMn, form, plan);
    await handIn(page, total - answered, M.m);
    await M.expectTitle(page, M.m('check-title'));
    const score = M.m('check-done-score', { right: rightIn(assessmentMn, form, plan), total: KNOWLEDGE_ITEMS });
    await page.getByText(score, { exact: true }).waitFor();
    const review = page.getByRole('region', { name: M.m('check-review-title'), exact: true }).getByRole('listitem');
    const items = itemsOn(assessmentMn, form);
    await review.nth(0).getByText(items[0].explanation, { exact: true }).waitFor();
    const file = await download(page, page.getByRole('button', { name: M.m('check-file-save'), exact: true }));
    await page.getByRole('status').getByText(M.m('check-file-saved'), { exact: true }).waitFor();
    await expectResultsFile(page, file, { study, code, sittings: [{ phase: 'pre', plan }], locale: 'mn', l: assessmentMn });
    expectClean(problems);
    await context.close();
  });
});

test('the report summary writes each question\'s shares as the reference does (63, "at_most_5", "at_least_95")', async () => {
  const { page, problems, context } = await app.open();
  await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'), { firstUse: true });
  const { id, codes } = await createStudy(page, m);
  const file = handedIn(class30, id, codes);
  await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'));
  const region = page.getByRole('region', { name: m('teacher-import-title'), exact: true });
  await region.getByLabel(m('import-choose'), { exact: true }).setInputFiles(asUpload(file.name, file.text));
  await expectImport(region, { files: 1, refused: 0, lines: [[file.name, added(file.records.length, 0)]] });
  await visitTeacher(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: grouped(id) }));
  const exports = page.getByRole('region', { name: m('export-title'), exact: true });
  const report = JSON.parse((await download(page, exports.getByRole('button', { name: m('export-aggregate'), exact: true }))).text);
  const expected = class30.expected.reports.find((r) => r.min_group_size === K);
  const shares = (items) => items.map((item) => [item.pre, item.post]);
  assert.ok(shares(expected.results.items).flat().some((value) => typeof value.shown === 'string'),
    'the class has shares of 5 % or less and 95 % or more');
  assert.deepEqual(shares(report.results.items), shares(expected.results.items));
  expectClean(problems);
  await context.close();
});

describe('importing results files', () => {
  const damaged = (() => {
    // A results file cut off part-way, as a failed copy leaves it.
    const whole = JSON.stringify(JSON.parse(class6.text));
    const text = whole.slice(0, Math.floor(whole.length / 2));
    return { name: 'aware-results-cut-off.json', text };
  })();
  const packageJson = { name: 'package.json', text: readFileSync(join(E2E_DIR, 'package.json'), 'utf8') };

  test('a damaged file and other JSON are named with the reason, the good file imported; again, it is "already here"', async () => {
    const { page, problems, context } = await app.open();
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'), { firstUse: true });
    // The class of 6's study, made here; its students hand in the class of 6's answers.
    const { id, codes } = await createStudy(page, m);
    const file = handedIn(class6, id, codes);
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'));
    const sealedBefore = await sealedKinds(page);
    const region = page.getByRole('region', { name: m('teacher-import-title'), exact: true });
    const input = region.getByLabel(m('import-choose'), { exact: true });
    await input.setInputFiles([
      asUpload(damaged.name, damaged.text),
      asUpload(packageJson.name, packageJson.text),
      asUpload(file.name, file.text),
    ]);
    await expectImport(region, {
      files: 3,
      refused: 2,
      lines: [
        [damaged.name, m('import-not-json', { line: 1, column: damaged.text.length })],
        [packageJson.name, m('import-not-results')],
        [file.name, added(file.records.length, 0)],
      ],
    });
    const card = studyCard(page, grouped(id));
    const pre = file.records.filter((r) => r.phase === 'pre').length;
    const post = file.records.length - pre;
    await card.getByText(m('teacher-study-counts', { pre, post }), { exact: true }).waitFor();

    // The same file again: nothing new, every record already here.
    assert.deepEqual(await sealedKinds(page), [...sealedBefore, 'results'], 'the import is kept sealed for the teacher');
    await input.setInputFiles(asUpload(file.name, file.text));
    await expectImport(region, { files: 1, refused: 0, lines: [[file.name, added(0, file.records.length)]] });
    await card.getByText(m('teacher-study-counts', { pre, post }), { exact: true }).waitFor();
    assert.deepEqual(await sealedKinds(page), [...sealedBefore, 'results'], 'no record twice: nothing more is sealed');
    assert.equal((await storage(page))['aware.results'], undefined, 'nothing in the clear');

    // A class of 6 is below 10: its report shows the counts only.
    await card.getByRole('link').click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: grouped(id) }));
    await page.getByRole('link', { name: m('teacher-open-report'), exact: true }).click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}/report`, m('report-title'));
    const { counts } = class6.expected.reports.find((r) => r.min_group_size === K);
    assert.deepEqual(await reportCounts(page), countsShown(counts));
    await page.getByRole('note').getByText(m('report-hidden', { matched: counts.matched, k: K }), { exact: true }).waitFor();
    assert.equal(await page.getByRole('main').getByRole('table').count(), 0);
    expectClean(problems);
    await context.close();
  });

  test('files dropped on the import area are imported, on the study page too (other studies counted)', async () => {
    const { page, problems, context } = await app.open();
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'), { firstUse: true });
    const drop = async (region, files) => {
      // The drop zone is the area around the file picker.
      const zone = region.getByLabel(m('import-choose'), { exact: true }).locator('xpath=..');
      const dataTransfer = await page.evaluateHandle((list) => {
        const transfer = new DataTransfer();
        for (const { name, text } of list) transfer.items.add(new File([text], name, { type: 'application/json' }));
        return transfer;
      }, files);
      await zone.dispatchEvent('dragenter', { dataTransfer });
      await zone.dispatchEvent('dragover', { dataTransfer });
      await zone.dispatchEvent('drop', { dataTransfer });
    };
    const region = page.getByRole('region', { name: m('teacher-import-title'), exact: true });
    await drop(region, [{ name: class30.name, text: class30.text }, packageJson]);
    await expectImport(region, {
      files: 2,
      refused: 1,
      lines: [[class30.name, added(class30.records.length, 0)], [packageJson.name, m('import-not-results')]],
    });
    assert.equal(page.url(), `${app.origin}/teacher.html#/`, 'the browser did not open the dropped file');

    // On the class of 30's page, a file with another study's records says so.
    const id = class30.expected.input.study;
    await page.getByRole('link', { name: m('teacher-study-name', { id: grouped(id) }), exact: true }).click();
    await expectScreen(page, app.origin, `teacher.html#/studies/${id}`, m('teacher-study-name', { id: grouped(id) }));
    const here = page.getByRole('region', { name: m('teacher-results-title'), exact: true });
    await drop(here, [{ name: class6.name, text: class6.text }]);
    await expectImport(here, {
      files: 1,
      refused: 0,
      lines: [[class6.name, `${added(class6.records.length, 0)} ${m('import-other-studies', { count: class6.records.length })}`]],
    });
    const { pre, post } = class30.expected.reports[0].counts;
    await here.getByText(m('teacher-study-counts', { pre, post }), { exact: true }).waitFor();
    expectClean(problems);
    await context.close();
  });

  test('two tabs of the app on one device: what one tab imports is kept when the other imports too', async () => {
    const { page, problems, context } = await app.open();
    const other = await context.newPage();
    other.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
    other.on('pageerror', (err) => problems.consoleErrors.push(String(err)));
    other.on('request', (req) => { if (new URL(req.url()).origin !== app.origin) problems.foreignRequests.push(req.url()); });
    // Both tabs are open on the teacher page before either imports anything.
    await visitTeacher(page, app.origin, 'teacher.html#/', m('teacher-title'), { firstUse: true });
    await visitTeacher(other, app.origin, 'teacher.html#/', m('teacher-title'));
    const importInto = async (tab, fixture) => {
      const region = tab.getByRole('region', { name: m('teacher-import-title'), exact: true });
      await region.getByLabel(m('import-choose'), { exact: true }).setInputFiles(fixture.path);
      await expectImport(region, { files: 1, refused: 0, lines: [[fixture.name, added(fixture.records.length, 0)]] });
    };
    await importInto(page, class6);
    await importInto(other, class30);
    assert.deepEqual(await sealedKinds(page), ['results', 'results'], 'both imports are kept, sealed');
    // A new visit shows both classes (a reload: going to the address it is on changes nothing).
    await page.reload();
    await openTeacherArea(page, m);
    await expectScreen(page, app.origin, 'teacher.html#/', m('teacher-title'));
    for (const fixture of [class6, class30]) {
      const { pre, post } = fixture.expected.reports[0].counts;
      await studyCard(page, grouped(fixture.expected.input.study)).getByText(m('teacher-study-counts', { pre, post }), { exact: true }).waitFor();
    }
    expectClean(problems);
    await context.close();
  });
});

/** Deep equality where numbers may differ by a rounding error (1e-9, relative). */
function expectClose(actual, expected, path) {
  if (typeof expected === 'number' && typeof actual === 'number') {
    assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    assert.equal(actual, expected, path);
    return;
  }
  assert.equal(typeof actual, 'object', `${path} is an object`);
  assert.ok(actual !== null, `${path} is not null`);
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${path}: the same fields`);
  for (const key of Object.keys(expected)) expectClose(actual[key], expected[key], `${path}.${key}`);
}
