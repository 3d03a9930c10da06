// The pre/post awareness check and the teacher's study screens, as the tests drive them: the
// assessment's items and answer keys (assessment/**, read like the lessons, so tests use exactly
// the text a student sees), participant codes and the form a study gives each code
// (crates/core/src/study/code.rs, design.rs), numbers written as the class report writes them
// (crates/core/src/report/format.rs), and the files the app saves (downloads).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { eventually, h1, siteUrl, ui } from './app.js';
import { ROOT, parseToml } from './content.js';

export const FIXTURES = join(ROOT, 'crates', 'core', 'tests', 'fixtures', 'report');

/** A fixture class of crates/core/tests/fixtures/report: its results file and what generate.py
 * computed for it ({ path, name, text, records, expected }). */
export function fixtureClass(name) {
  const path = join(FIXTURES, `${name}.results.json`);
  const text = readFileSync(path, 'utf8');
  return {
    path,
    name: `${name}.results.json`,
    text,
    records: JSON.parse(text).records,
    expected: JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')),
  };
}

// --- The assessment -------------------------------------------------------------------------------

/**
 * The awareness check of assessment/assessment.toml with the texts of `locale`:
 * { version, labels: { likert: [5], declined, true, false },
 *   scales: [{ id, name }],
 *   knowledge: [{ id, pair, form, version, type, prompt, explanation, options: [{ id, text }], correct }],
 *   likert: [{ id, scale, version, reversed, statement }],
 *   retired: [{ id, version }] } (the item versions of assessment/retired.toml).
 * Items are in file order, which is the order the check shows them in.
 */
export function loadAssessment(locale = 'en') {
  const read = (...parts) => readFileSync(join(ROOT, 'assessment', ...parts), 'utf8');
  const structure = parseToml(read('assessment.toml'), 'assessment/assessment.toml');
  const words = parseToml(read(locale, 'assessment.toml'), `assessment/${locale}/assessment.toml`);
  const labels = { likert: words.likert_labels, declined: words.declined, true: words.true, false: words.false };
  assert.equal(labels.likert?.length, 5, `assessment/${locale}: five agreement labels`);
  const knowledge = structure.knowledge.map((item) => {
    const text = words.knowledge[item.id];
    if (!text?.prompt || !text.explanation) throw new Error(`assessment/${locale}: no text for ${item.id}`);
    const trueFalse = item.type === 'true-false';
    const options = trueFalse
      ? [{ id: 'true', text: labels.true }, { id: 'false', text: labels.false }]
      : item.options.map((id) => ({ id, text: text[id] }));
    for (const option of options) if (!option.text) throw new Error(`assessment/${locale}: ${item.id} option ${option.id} lacks text`);
    return {
      id: item.id,
      pair: item.pair,
      form: item.form,
      version: item.version,
      type: item.type,
      prompt: text.prompt,
      explanation: text.explanation,
      options,
      correct: trueFalse ? String(item.answer) : item.correct,
    };
  });
  const likert = structure.likert.map((item) => {
    const statement = words.likert[item.id]?.statement;
    if (!statement) throw new Error(`assessment/${locale}: no statement for ${item.id}`);
    return { id: item.id, scale: item.scale, version: item.version, reversed: item.reversed, statement };
  });
  const scales = structure.scale.map(({ id }) => ({ id, name: words.scale[id].name }));
  // Earlier versions of changed items (never shown, but described in the codebook and the CSV).
  const retiredToml = parseToml(read('retired.toml'), 'assessment/retired.toml');
  const retired = [...(retiredToml.knowledge ?? []), ...(retiredToml.likert ?? [])].map(({ id, version }) => ({ id, version }));
  return { version: structure.version, labels, scales, knowledge, likert, retired };
}

/** The knowledge items of one form (A or B), in the order the check shows them. */
export const itemsOn = (assessment, form) => assessment.knowledge.filter((item) => item.form === form);

// --- Codes, study ids and forms (study/code.rs, study/design.rs) ---------------------------------

export const ALPHABET = '346789ACDEFHJKMNPRTVWXY';

const weightedSum = (compact) =>
  [...compact].reduce((sum, c, i) => sum + (compact.length - i) * ALPHABET.indexOf(c), 0);

/** Whether a compact code or study id (no dash) passes its check character. */
export const passesCheck = (compact) => [...compact].every((c) => ALPHABET.includes(c)) && weightedSum(compact) % 23 === 0;

/** Without the dash, as results files and exports write it. */
export const compact = (text) => text.replace(/-/g, '');

/** Grouped as the app shows it: codes `K7M-4PX`, study ids `ACDEF-HJKMN`. */
export const grouped = (text) => {
  const plain = compact(text);
  const size = plain.length === 10 ? 5 : 3;
  return plain.match(new RegExp(`.{1,${size}}`, 'g')).join('-');
};

/** design.rs: a crossover when the study id's first character has an odd value. */
export const designOf = (study) => (ALPHABET.indexOf(compact(study)[0]) % 2 === 1 ? 'crossover' : 'parallel');

/** design.rs: a parallel study sits A first; a crossover sits A first when the code's first value
 * is even. The post-test is the other form. */
export function formOf(study, code, phase) {
  const first = designOf(study) === 'parallel' || ALPHABET.indexOf(compact(code)[0]) % 2 === 0 ? 'A' : 'B';
  return phase === 'pre' ? first : first === 'A' ? 'B' : 'A';
}

/** The code with one character replaced by another character of the alphabet: a typo. */
export function withOneWrongCharacter(code, position = 2) {
  const plain = compact(code);
  const next = ALPHABET[(ALPHABET.indexOf(plain[position]) + 1) % ALPHABET.length];
  const typo = plain.slice(0, position) + next + plain.slice(position + 1);
  assert.equal(passesCheck(typo), false, `${typo} is refused by the check character`);
  return grouped(typo);
}

/** The code with two different characters swapped (not necessarily neighbours). */
export function withTwoSwapped(code) {
  const chars = [...compact(code)];
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + 1; j < chars.length; j++) {
      if (chars[i] === chars[j]) continue;
      [chars[i], chars[j]] = [chars[j], chars[i]];
      const swapped = chars.join('');
      assert.equal(passesCheck(swapped), false, `${swapped} is refused by the check character`);
      return grouped(swapped);
    }
  }
  throw new Error(`${code} has no two different characters`);
}

/** Latin capitals of the alphabet and the Cyrillic letters that look the same (code.rs `value_of`). */
const CYRILLIC = { A: 'А', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', P: 'Р', T: 'Т', X: 'Х', Y: 'У' };

/** What a student on a Mongolian keyboard may type for a code or study id: Cyrillic look-alikes,
 * lower case, and no dash. `count` is how many characters came out Cyrillic. */
export function typedOnAMongolianKeyboard(text) {
  let count = 0;
  const typed = [...compact(text)].map((c) => {
    if (!CYRILLIC[c]) return c.toLowerCase();
    count++;
    // Every other look-alike in upper case, the rest in lower case, as a hurried student types.
    return count % 2 ? CYRILLIC[c] : CYRILLIC[c].toLowerCase();
  }).join('');
  return { typed, count };
}

// --- Numbers as the report writes them (report/format.rs, study/suppression.rs) ------------------

/** `value` with `decimals` places, rounded as Rust's `format!("{:.N}")` rounds: the exact binary
 * value, ties to even (JavaScript's toFixed rounds ties up, so it cannot be used directly). */
function unsignedFixed(value, decimals) {
  const [int, frac] = Math.abs(value).toFixed(100).split('.');
  const rest = frac.slice(decimals);
  let digits = int + frac.slice(0, decimals);
  const above = rest[0] > '5' || (rest[0] === '5' && /[1-9]/.test(rest.slice(1)));
  const tie = rest[0] === '5' && !/[1-9]/.test(rest.slice(1));
  if (above || (tie && Number(digits.at(-1)) % 2 === 1)) {
    digits = (BigInt(digits) + 1n).toString().padStart(digits.length, '0');
  }
  if (decimals === 0) return digits;
  const point = digits.length - decimals;
  return `${digits.slice(0, point) || '0'}.${digits.slice(point)}`;
}

/** format.rs `fixed`: "−" (the minus sign) for negatives, and none for a negative that rounds to zero. */
export function fixed(value, decimals) {
  const text = unsignedFixed(value, decimals);
  return value < 0 && /[1-9]/.test(text) ? `−${text}` : text;
}

/** format.rs `p_value`: "< 0.001" below a thousandth, else three decimals. */
export const pValue = (p) => (p < 0.001 ? '< 0.001' : fixed(p, 3));

/** format.rs `percent`: a mean percentage with one decimal. */
export const percent = (value) => `${fixed(value, 1)} %`;

/** suppression.rs `Percent` as generate.py writes it (a number, "at_most_5", "at_least_95"), shown. */
export function percentShown(coded) {
  if (coded === 'at_most_5') return '≤ 5 %';
  if (coded === 'at_least_95') return '≥ 95 %';
  assert.equal(typeof coded, 'number', `a coded percentage: ${JSON.stringify(coded)}`);
  return `${coded} %`;
}

// --- Screens ----------------------------------------------------------------------------------------

/** Waits for the `<h1>` to read `heading` exactly. */
export async function expectHeading(page, heading) {
  await eventually(async () => assert.equal((await h1(page).textContent())?.trim(), heading));
}

/** The passphrase the tests' teacher chooses (teacher/gate.rs wants at least 10 characters). */
export const PASSPHRASE = 'kettle orbit willow 42';

/**
 * Opens the teacher's area (src/pages/teacher/gate.rs), which every new page load of the
 * teacher's screens asks for, the way a teacher does: `firstUse` (no teacher set up on this
 * device yet) chooses the passphrase, typed twice; otherwise it is entered once. The gate must
 * be the screen shown; afterwards it is gone.
 */
export async function openTeacherArea(page, m, { firstUse = false, passphrase = PASSPHRASE } = {}) {
  const title = m(firstUse ? 'teacher-gate-setup-title' : 'teacher-gate-unlock-title');
  await expectHeading(page, title);
  await page.getByLabel(m('teacher-gate-passphrase'), { exact: true }).fill(passphrase);
  if (firstUse) await page.getByLabel(m('teacher-gate-passphrase-again'), { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: m(firstUse ? 'teacher-gate-set-up' : 'teacher-gate-unlock'), exact: true }).click();
  // Deriving the key from the passphrase (PBKDF2, 600,000 rounds) takes a moment.
  await eventually(async () => assert.notEqual((await h1(page).textContent())?.trim(), title), { timeout: 15000 });
}

/**
 * Goes to a teacher's screen by typing its address (`teacher.html#/…`) and waits for `heading`. A
 * new page load asks for the passphrase first (`openTeacherArea`, with `firstUse`); an address
 * that differs from the current one only after `#` stays in the same page, where the area is
 * open already.
 */
export async function visitTeacher(page, origin, address, heading, { l = ui('en'), ...gate } = {}) {
  const url = siteUrl(origin, address);
  const samePage = page.url().split('#')[0] === url.split('#')[0];
  await page.goto(url);
  if (!samePage) await openTeacherArea(page, l.m, gate);
  await l.expectScreen(page, origin, address, heading);
}

/** The kinds of the sealed envelopes this device keeps for its teacher (`aware.teacher.sealed`,
 * crates/core/src/store/teacher/envelope.rs): where a device with a teacher's passphrase keeps
 * results, imported or handed in, and studies. */
export async function sealedKinds(page) {
  const log = (await storage(page))['aware.teacher.sealed'];
  return log ? JSON.parse(log).envelopes.map((envelope) => envelope.kind) : [];
}

/** The study id and the codes printed on the code cards page. */
export async function readCodeCards(page, m) {
  const cards = page.getByRole('main').getByRole('listitem');
  await cards.first().waitFor();
  const valueAfter = async (card, label) => {
    const text = (await card.getByText(new RegExp(`^${escapeRegExp(label)}`)).textContent()).trim();
    return text.slice(label.length).trim();
  };
  const studies = new Set();
  const codes = [];
  for (const card of await cards.all()) {
    await card.getByText(m('cards-card-title'), { exact: true }).waitFor();
    await card.getByText(m('cards-card-note'), { exact: true }).waitFor();
    studies.add(await valueAfter(card, m('check-study-id')));
    codes.push(await valueAfter(card, m('check-code')));
  }
  assert.equal(studies.size, 1, 'every card carries the same study id');
  const [study] = studies;
  return { study, codes };
}

/** Cards enough for a fixture class (33 students at most) whichever form each code sits first. */
export const CLASS_CARDS = 80;

/**
 * Creates a study on the teacher's page (open at `teacher.html#/`) as a teacher does: `label`,
 * the recommended design (crossover) and `cards` code cards; then reads its codes from the
 * printable cards. Returns { id (compact), study (grouped), codes }.
 */
export async function createStudy(page, m, { label = '', cards = CLASS_CARDS } = {}) {
  if (label) await page.getByLabel(m('teacher-label'), { exact: true }).fill(label);
  await page.getByLabel(m('teacher-cards'), { exact: true }).fill(String(cards));
  await page.getByRole('button', { name: m('teacher-create'), exact: true }).click();
  await page.waitForURL(new RegExp(`/teacher\\.html#/studies/[${ALPHABET}]{10}$`));
  const id = page.url().split('/').pop();
  await expectHeading(page, m('teacher-study-name', { id: grouped(id) }));
  await page.getByRole('link', { name: m('teacher-print-cards'), exact: true }).click();
  await expectHeading(page, m('cards-title'));
  const { study, codes } = await readCodeCards(page, m);
  assert.equal(study, grouped(id), 'the cards are the new study\'s');
  assert.equal(codes.length, cards, 'one card per code');
  return { id, study, codes };
}

/**
 * A fixture class (`fixtureClass`) as its students hand it in to a study made on this device:
 * each participant of the fixture is given a code of `codes` (the study's cards) that sits the
 * same form first (design.rs), and each record keeps the fixture's answers, phase, form and date
 * with the study id `id` and that code. Only who is who changes, so what generate.py computed for
 * the class still holds. Returns the results file the teacher collects ({ name, text, records })
 * and `codes`, the code each fixture participant was given.
 */
export function handedIn(fixture, id, codes) {
  const spare = { A: [], B: [] };
  for (const code of codes) spare[formOf(id, code, 'pre')].push(compact(code));
  const given = new Map();
  for (const { code, phase, form } of fixture.records) {
    if (given.has(code)) continue;
    const first = phase === 'pre' ? form : form === 'A' ? 'B' : 'A';
    const issued = spare[first].shift();
    assert.ok(issued, `${fixture.name}: more students sit form ${first} first than the study has cards for`);
    given.set(code, issued);
  }
  const records = fixture.records.map((record) => ({ ...record, study: compact(id), code: given.get(record.code) }));
  for (const record of records) {
    assert.equal(record.form, formOf(id, record.code, record.phase), `${record.code} ${record.phase}: the form the study gives`);
  }
  const text = JSON.stringify({ ...JSON.parse(fixture.text), records }, null, 2);
  return { name: `aware-${compact(id)}-results.json`, text, records, codes: given };
}

/** The fixture class's records under the study id `id` with the fixture's own codes, which that
 * study never issued: a file of results the report must leave out ({ name, text, records }). */
export function notIssued(fixture, id, codes) {
  const records = fixture.records.map((record) => ({ ...record, study: compact(id) }));
  const issued = new Set(codes.map(compact));
  for (const { code } of records) assert.ok(!issued.has(code), `${code} is not on the study's cards`);
  const text = JSON.stringify({ ...JSON.parse(fixture.text), records }, null, 2);
  return { name: `aware-results-other-cards.json`, text, records };
}

export const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What a student does with each question, by item id: an option id (knowledge), 1–5 or
 * "declined" (statements); items not in the plan are left out.
 * `right` knowledge items answered correctly, then `wrong` answered wrongly, the rest left out;
 * the first statement "prefer not to answer", the last left out, the others `likert` in turn.
 */
export function answerPlan(assessment, form, { right, wrong, likert = [4, 2, 5, 3, 1] }) {
  const items = itemsOn(assessment, form);
  assert.ok(right + wrong <= items.length);
  const plan = {};
  items.forEach((item, i) => {
    if (i < right) plan[item.id] = item.correct;
    else if (i < right + wrong) plan[item.id] = item.options.find((o) => o.id !== item.correct).id;
  });
  assessment.likert.forEach((item, i) => {
    if (i === 0) plan[item.id] = 'declined';
    else if (i < assessment.likert.length - 1) plan[item.id] = likert[i % likert.length];
  });
  return plan;
}

/** Every question answered: knowledge right, statements `likert`. */
export function fullPlan(assessment, form, likert = 4) {
  const plan = {};
  for (const item of itemsOn(assessment, form)) plan[item.id] = item.correct;
  for (const item of assessment.likert) plan[item.id] = likert;
  return plan;
}

/** The answers a results file should hold for `plan`, sorted by item: [{ item, version, response }]. */
export function expectedAnswers(assessment, plan) {
  const versions = new Map([...assessment.knowledge, ...assessment.likert].map((item) => [item.id, item.version]));
  const isStatement = new Set(assessment.likert.map((item) => item.id));
  return Object.entries(plan)
    .map(([item, chosen]) => ({
      item,
      version: versions.get(item),
      response: chosen === 'declined' ? 'declined' : isStatement.has(item) ? { likert: chosen } : { chose: [chosen] },
    }))
    .sort((a, b) => (a.item < b.item ? -1 : 1));
}

/** The question group of a test page: "Question n of total" and the prompt. */
export function questionGroup(page, m, number, total, text) {
  return page.getByRole('group', { name: `${m('check-question-number', { number, total })} ${text}`, exact: true });
}

/**
 * Answers the test on screen as `plan` says, checking every question of the form is shown, in
 * order, with its options (and "prefer not to answer" on every statement).
 */
export async function answerTest(page, m, assessment, form, plan) {
  const items = itemsOn(assessment, form);
  const total = items.length + assessment.likert.length;
  assert.equal(await page.getByRole('main').getByRole('group').count(), total, `${total} questions on one page`);
  for (const [index, item] of items.entries()) {
    const group = questionGroup(page, m, index + 1, total, item.prompt);
    const names = await group.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.labels[0].textContent.trim()));
    assert.deepEqual(names, item.options.map((o) => o.text), `the options of ${item.id}`);
    if (plan[item.id] === undefined) continue;
    const option = item.options.find((o) => o.id === plan[item.id]);
    await group.getByRole('radio', { name: option.text, exact: true }).check();
  }
  const agreement = [...assessment.labels.likert, assessment.labels.declined];
  for (const [index, item] of assessment.likert.entries()) {
    const group = questionGroup(page, m, items.length + index + 1, total, item.statement);
    const names = await group.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.labels[0].textContent.trim()));
    assert.deepEqual(names, agreement, `the answers to "${item.id}", with "prefer not to answer"`);
    const chosen = plan[item.id];
    if (chosen === undefined) continue;
    const label = chosen === 'declined' ? assessment.labels.declined : assessment.labels.likert[chosen - 1];
    await group.getByRole('radio', { name: label, exact: true }).check();
  }
  return { total, answered: Object.keys(plan).length };
}

/** How many knowledge items of `form` the plan answers correctly. */
export const rightIn = (assessment, form, plan) => itemsOn(assessment, form).filter((item) => plan[item.id] === item.correct).length;

/**
 * Clicks `button` and returns the download it starts: { name, text } (the text as saved, a
 * byte-order mark included).
 */
export async function download(page, button) {
  const [saved] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await saved.path();
  assert.ok(path, `the download of ${saved.suggestedFilename()} finished`);
  return { name: saved.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** localStorage of the page's origin, as an object. */
export const storage = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));

/** A CSV file (RFC 4180, CRLF) as rows of cells. Throws on anything malformed. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') { quoted = true; i++; continue; }
    if (c === '"') throw new Error(`a quote inside an unquoted cell, row ${rows.length + 1}`);
    if (c === ',') { row.push(cell); cell = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 2; continue; }
    if (c === '\n' || c === '\r') throw new Error(`a line break that is not CRLF, row ${rows.length + 1}`);
    cell += c;
    i++;
  }
  if (quoted) throw new Error('an unterminated quoted cell');
  if (cell !== '' || row.length > 0) throw new Error('the last line does not end in CRLF');
  return rows;
}
