// Aware's xAPI statements against a real learning record store (LaRS on PostgreSQL) behind the
// shipped nginx configuration: stored and read back, resent harmlessly, posted only by listed
// origins, never readable or credentialed through the browser route, and reported by
// `aware xapi-report`. No browser: the statements come from `aware xapi-sample`, made by the
// same core code the app uses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { http, readStatements, startLrs } from '../support/lrs.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where Aware is served from: the origin the embedded quiz posts from. */
const AWARE_ORIGIN = 'https://aware.example.org';
const OTHER_ORIGIN = 'https://aware.example.org.evil.example';
const OTHER_SITE = 'https://other-aware.example.org';
/** What the deployment's browsers send; the proxy replaces it with what the store speaks. */
const DEPLOYMENT_VERSION = '1.0.3';
const LESSONS = ['myths-and-facts', 'how-recruitment-works'];
const ATTEMPTS = 6;
const MIN_GROUP = 5;
const BATCH = 20;

let stack;
let work;
let deployment;
/** Every response the browser route gave, to look for the credential in. */
const browserResponses = [];
/** Statement ids the store holds, by the tests' own account. */
const stored = new Map();

/** The `aware` command line (built by cargo when needed). */
function aware(args, env = {}) {
  const result = spawnSync('cargo', ['run', '--quiet', '-p', 'aware-cli', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(result.status, 0, `aware ${args[0]} failed:\n${result.stderr}`);
  return result.stdout;
}

/** A request to the browser route, as the embedded quiz makes it. */
async function fromBrowser(method, { origin = AWARE_ORIGIN, body, headers = {}, url = stack.statementsUrl } = {}) {
  const response = await http(method, url, {
    headers: {
      Origin: origin,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'X-Experience-API-Version': DEPLOYMENT_VERSION }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  browserResponses.push(response);
  return response;
}

/** Every statement the read route returns, oldest first, following `more`. */
const readAll = () => readStatements(stack);

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'aware-xapi-test-'));
  deployment = join(work, 'deployment.toml');
  writeFileSync(
    deployment,
    [
      'exit_url = "https://www.bbc.co.uk/weather"',
      'default_locale = "en"',
      `min_group_size = ${MIN_GROUP}`,
      'embed_origins = ["https://campaign.example.org"]',
      '[xapi]',
      'statements_url = "http://127.0.0.1:9/xapi/statements"',
      `version = "${DEPLOYMENT_VERSION}"`,
      `site_url = "${AWARE_ORIGIN}"`,
      '',
    ].join('\n'),
  );
  const began = performance.now();
  stack = await startLrs({ origins: [AWARE_ORIGIN] });
  console.log(`# LRS stack started in ${Math.round(performance.now() - began)} ms (${JSON.stringify(stack.timings)})`);
});

after(async () => {
  await stack?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The statement as another deployment of Aware would make it: the report must skip it. */
function elsewhere(statement) {
  return JSON.parse(JSON.stringify(statement).replaceAll(AWARE_ORIGIN, OTHER_SITE));
}

function sample(seed) {
  const lessons = LESSONS.flatMap((id) => ['--lesson', id]);
  const args = ['xapi-sample', 'lessons', '--deployment', deployment, '--attempts', String(ATTEMPTS), '--seed', String(seed)];
  return JSON.parse(aware([...args, ...lessons]));
}

test('statements posted through the browser route are all stored, as sent', async () => {
  const statements = sample(1);
  assert.ok(statements.length > 2 * BATCH, `${statements.length} statements, more than a page of the store`);
  for (let at = 0; at < statements.length; at += BATCH) {
    const batch = statements.slice(at, at + BATCH);
    const response = await fromBrowser('POST', { body: batch });
    assert.equal(response.status, 200, response.body);
    assert.deepEqual(JSON.parse(response.body), batch.map((s) => s.id), 'the store keeps the client-made ids');
    assert.equal(response.headers['access-control-allow-origin'], AWARE_ORIGIN);
    for (const statement of batch) stored.set(statement.id, statement);
  }

  const read = await readAll();
  assert.deepEqual(new Set(read.map((s) => s.id)), new Set(stored.keys()));
  for (const statement of read) {
    const sent = stored.get(statement.id);
    for (const key of ['actor', 'verb', 'result']) assert.deepEqual(statement[key], sent[key], `${key} of ${statement.id}`);
    assert.equal(statement.object.id, sent.object.id);
    assert.equal(statement.context.language, sent.context.language);
    assert.deepEqual(Object.keys(statement.actor.account).sort(), ['homePage', 'name'], 'nothing but a random account');
    assert.equal(statement.context.registration, undefined);
    assert.ok(statement.stored, 'the store records when it received the statement');
    assert.ok([undefined, statement.stored].includes(statement.timestamp), 'no time but the store\'s own');
  }
});

test('an identical resend is accepted and a conflicting one refused', async () => {
  const [first] = stored.values();
  const identical = await fromBrowser('POST', { body: [first] });
  assert.equal(identical.status, 204, identical.body);
  const changed = { ...first, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } } };
  const conflicting = await fromBrowser('POST', { body: [changed] });
  assert.equal(conflicting.status, 409, conflicting.body);
  assert.equal(conflicting.headers['access-control-allow-origin'], AWARE_ORIGIN, 'the outbox can read the 409');
  const fresh = elsewhere(sample(2)[0]);
  const put = (statement) => fromBrowser('PUT', { body: statement, url: `${stack.statementsUrl}?statementId=${statement.id}` });
  const byPut = await put(fresh);
  assert.equal(byPut.status, 204, byPut.body);
  stored.set(fresh.id, fresh);
  // A PUT of a stored id without a precondition: LaRS answers 409 (xAPI lets it), which the
  // outbox counts as arrived, like a 204.
  assert.ok([204, 409].includes((await put(fresh)).status));
  assert.equal((await readAll()).length, stored.size, 'nothing was stored twice');
});

test('a malformed statement is refused with 400, readable by the outbox', async () => {
  const [first] = stored.values();
  const malformed = { ...first, id: '00000000-0000-4000-8000-000000000001', result: { score: { scaled: 2 } } };
  const response = await fromBrowser('POST', { body: [malformed] });
  assert.equal(response.status, 400, response.body);
  assert.equal(response.headers['access-control-allow-origin'], AWARE_ORIGIN);
});

test('while the store is down the proxy answers 502, which the outbox retries; then it arrives', async () => {
  const statement = elsewhere(sample(3)[0]);
  await stack.store.stop();
  const down = await fromBrowser('POST', { body: [statement] });
  assert.equal(down.status, 502);
  assert.equal(down.headers['access-control-allow-origin'], AWARE_ORIGIN, 'a 5xx, not a network error, to the outbox');
  await stack.store.start();
  const back = await fromBrowser('POST', { body: [statement] });
  assert.equal(back.status, 200, back.body);
  stored.set(statement.id, statement);
  assert.equal((await readAll()).length, stored.size);
});

test('CORS preflights are answered for the listed origin only', async () => {
  const preflight = (origin) =>
    fromBrowser('OPTIONS', {
      origin,
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-experience-api-version' },
    });
  const listed = await preflight(AWARE_ORIGIN);
  assert.equal(listed.status, 204);
  assert.equal(listed.headers['access-control-allow-origin'], AWARE_ORIGIN);
  assert.match(listed.headers['access-control-allow-methods'], /\bPOST\b/);
  assert.match(listed.headers['access-control-allow-headers'], /Content-Type/i);
  assert.match(listed.headers['access-control-allow-headers'], /X-Experience-API-Version/i);
  assert.equal(listed.headers['access-control-allow-credentials'], undefined);

  for (const origin of [OTHER_ORIGIN, 'null', 'https://campaign.example.org']) {
    const refused = await preflight(origin);
    assert.equal(refused.status, 403, origin);
    assert.equal(refused.headers['access-control-allow-origin'], undefined, origin);
  }
  const [first] = stored.values();
  const other = { ...first, id: '00000000-0000-4000-8000-0000000000aa' };
  assert.equal((await fromBrowser('POST', { origin: OTHER_ORIGIN, body: [other] })).status, 403);
  const noOrigin = await http('POST', stack.statementsUrl, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([other]) });
  browserResponses.push(noOrigin);
  assert.equal(noOrigin.status, 403);
  assert.equal((await readAll()).length, stored.size, 'nothing from another origin was stored');
});

test('the browser route only writes statements', async () => {
  for (const method of ['GET', 'HEAD', 'DELETE', 'PATCH']) {
    const response = await fromBrowser(method);
    assert.equal(response.status, 405, method);
    assert.equal(response.body.includes('"statements"'), false, `${method} reads nothing`);
  }
  for (const path of ['/statements', '/about', '/xapi/about', '/xapi/activities/state', '/extensions/users', '/xapi/statements/more/']) {
    const response = await fromBrowser('GET', { url: `${stack.writeOrigin}${path}` });
    assert.equal(response.status, 404, path);
  }
});

test('the store credential never reaches the browser', () => {
  assert.ok(browserResponses.length > 10);
  for (const response of browserResponses) {
    const seen = `${JSON.stringify(response.headers)}\n${response.body}`;
    for (const secret of stack.secrets) assert.equal(seen.includes(secret), false, `a response showed ${secret.slice(0, 4)}…`);
    assert.equal(response.headers.server, 'nginx', 'no version in the Server header');
  }
});

test('the read route needs a reader password and only reads statements', async () => {
  const url = `${stack.readEndpoint}/statements`;
  assert.equal((await http('GET', url)).status, 401);
  assert.equal((await http('GET', url, { headers: { Authorization: 'Basic YW5hbHlzdDp3cm9uZw==' } })).status, 401);
  const withReader = { Authorization: stack.readerAuth, 'Content-Type': 'application/json' };
  const [first] = stored.values();
  const post = await http('POST', url, { headers: withReader, body: JSON.stringify([{ ...first, id: '00000000-0000-4000-8000-0000000000bb' }]) });
  assert.equal(post.status, 403);
  for (const path of ['/extensions/users', '/agents?agent={}', '/activities/state']) {
    assert.equal((await http('GET', `${stack.readEndpoint}${path}`, { headers: withReader })).status, 404, path);
  }
  assert.equal((await readAll()).length, stored.size);
});

test('aware xapi-report pages through the store and reports each quiz, suppressed', async () => {
  const env = { AWARE_LRS_AUTH: stack.readerAuth };
  const report = JSON.parse(aware(['xapi-report', stack.readEndpoint, '--deployment', deployment, '--json'], env));
  assert.equal(report.statements_read, stored.size);
  const others = [...stored.values()].filter((s) => s.object.id.startsWith(OTHER_SITE)).length;
  assert.ok(others > 0);
  assert.equal(report.statements_used, stored.size - others);
  assert.equal(report.min_group_size, MIN_GROUP);
  assert.deepEqual(report.quizzes.map((q) => q.lesson).sort(), [...LESSONS].sort());
  const sent = [...stored.values()];
  for (const quiz of report.quizzes) {
    const prefix = `${AWARE_ORIGIN}/xapi/lessons/${quiz.lesson}/v${quiz.version}/quiz`;
    const about = sent.filter((s) => s.object.id.startsWith(prefix));
    const actors = (verb) => new Set(about.filter((s) => s.verb.id.endsWith(verb)).map((s) => s.actor.account.name)).size;
    assert.deepEqual(quiz.started, { shown: new Set(about.map((s) => s.actor.account.name)).size }, quiz.lesson);
    assert.ok(quiz.started.shown >= ATTEMPTS);
    assert.deepEqual(quiz.completed, { shown: actors('/completed') }, quiz.lesson);
    for (const item of quiz.items) {
      const answers = about.filter((s) => s.object.id === `${prefix}/${item.item}`);
      assert.deepEqual(item.answered, { shown: answers.length }, item.item);
      const right = answers.filter((s) => s.result.success).length;
      if ('shown' in item.correct) assert.equal(item.correct.shown, right, item.item);
      else if (item.correct.hidden === 'small_count') assert.ok(right > 0 && right < MIN_GROUP, item.item);
      else assert.equal(item.correct.hidden, 'complementary', item.item);
    }
    const scores = quiz.scores.filter((cell) => 'shown' in cell).reduce((sum, cell) => sum + cell.shown, 0);
    assert.ok(scores <= quiz.completed.shown);
  }
  const text = aware(['xapi-report', stack.readEndpoint, '--deployment', deployment], env);
  assert.match(text, new RegExp(`quizzes completed +${ATTEMPTS}\\n`));
  // Each hidden count says why, in the words of crates/cli/src/report_text.rs (`hidden_because`).
  assert.match(text, /hidden \((fewer than 5 in all|it would tell how 1 to 4 students answered)\)/);
});

test('aware xapi-report refuses to run without a credential, and with a wrong one', () => {
  const args = ['run', '--quiet', '-p', 'aware-cli', '--', 'xapi-report', stack.readEndpoint, '--deployment', deployment];
  const without = spawnSync('cargo', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AWARE_LRS_AUTH: '' } });
  assert.equal(without.status, 1);
  const unset = { ...process.env };
  delete unset.AWARE_LRS_AUTH;
  const missing = spawnSync('cargo', args, { cwd: ROOT, encoding: 'utf8', env: unset });
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /AWARE_LRS_AUTH/);
  const wrong = spawnSync('cargo', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, AWARE_LRS_AUTH: 'Basic eDp5' } });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, /401/);
});
