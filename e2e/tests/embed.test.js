// A campaign's page on one loopback origin embeds Aware, served from another, with the snippet
// of docs/embedding.md (examples/campaign/): the quiz fits its height, the page hears events
// with nothing identifying in them, messages from any other frame or origin are ignored, "Exit
// this page" takes the whole window away, and the quiz's xAPI statements reach a real learning
// record store (LaRS behind the shipped proxy, e2e/support/lrs.js), even when the store is down
// while the quiz is taken and the page is reloaded meanwhile.
//
// Needs the pages Trunk built (scripts/build.sh leaves them in target/pages; AWARE_PAGES
// overrides): the test packages them itself with a deployment naming its own origins.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { eventually, expectClean, ui } from '../support/app.js';
import { launch, openPage } from '../support/browser.js';
import { ROOT, loadLesson } from '../support/content.js';
import { readStatements, startLrs } from '../support/lrs.js';
import { serve } from '../support/server.js';

const LESSON = 'myths-and-facts';
/** The frame embed.js made (the spoofing test adds others). */
const FRAME = '[data-aware-quiz] > iframe';
const EXIT_URL = 'https://www.bbc.co.uk/weather';
const SNIPPET_HOST = 'https://aware.example.org';
const { m, answer } = ui('en');
const lesson = loadLesson(LESSON, 'en');
/** The fields each event may carry, and nothing else (docs/embedding.md, "Events"). */
const FIELDS = {
  ready: [],
  resize: ['height'],
  started: ['lesson'],
  answered: ['correct', 'item', 'lesson'],
  completed: ['lesson', 'max', 'score'],
};

let stack;
let browser;
const servers = [];
const dirs = [];
let aware;
let campaign;
let stranger;

function tempDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `aware-embed-${name}-`));
  dirs.push(dir);
  return dir;
}

async function start(dir, options) {
  const started = await serve(dir, 0, options);
  servers.push(started.server);
  return started;
}

/** `_headers` (Netlify syntax) as { path: { header: value } }. */
function readHeaders(file) {
  const headers = {};
  let path;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line)) headers[(path = line.trim())] = {};
    else if (path && line.trim()) {
      const at = line.indexOf(':');
      headers[path][line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return headers;
}

/** A page that posts Aware-shaped lies to its parent, to any origin, then a marker. */
const SPOOF_JS = `
for (const lie of [{ aware: 1, type: 'resize', height: 19999 }, { aware: 1, type: 'completed', lesson: '${LESSON}', score: 9, max: 9 }]) parent.postMessage(lie, '*');
parent.postMessage({ spoof: 'done' }, '*');
`;
const SPOOF_HTML = '<!doctype html><title>spoof</title><script src="spoof.js"></script>';

before(async () => {
  const pages = process.env.AWARE_PAGES ?? join(ROOT, 'target', 'pages');
  const site = tempDir('site');
  let headers = {};
  aware = await start(site, { headers: (path) => headers[path] ?? {} });
  const campaignDir = tempDir('campaign');
  campaign = await start(campaignDir);
  const strangerDir = tempDir('stranger');
  stranger = await start(strangerDir);
  stack = await startLrs({ origins: [aware.origin] });

  const deployment = join(tempDir('deployment'), 'deployment.toml');
  writeFileSync(
    deployment,
    [
      `exit_url = "${EXIT_URL}"`,
      'default_locale = "en"',
      'min_group_size = 10',
      `embed_origins = ["${campaign.origin}"]`,
      '[xapi]',
      `statements_url = "${stack.statementsUrl}"`,
      'version = "1.0.3"',
      `site_url = "${aware.origin}"`,
      '',
    ].join('\n'),
  );
  const packaged = spawnSync(
    'cargo',
    ['run', '--quiet', '--profile', 'host', '--target-dir', 'target/host-tools', '-p', 'aware-cli', '--',
      'package', '--deployment', deployment, '--out', site, ...['index', 'check', 'teacher'].map((p) => join(pages, p))],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(packaged.status, 0, `aware package failed:\n${packaged.stderr}`);
  headers = readHeaders(join(site, '_headers'));

  for (const dir of [site, strangerDir]) {
    writeFileSync(join(dir, 'spoof.js'), SPOOF_JS);
    writeFileSync(join(dir, 'spoof.html'), SPOOF_HTML);
  }
  const example = join(ROOT, 'examples', 'campaign');
  const page = readFileSync(join(example, 'index.html'), 'utf8');
  assert.ok(page.includes(`${SNIPPET_HOST}/embed.js`), 'the example carries the snippet');
  writeFileSync(join(campaignDir, 'index.html'), page.replaceAll(SNIPPET_HOST, aware.origin));
  for (const file of ['campaign.js', 'campaign.css']) copyFileSync(join(example, file), join(campaignDir, file));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const server of servers) await new Promise((done) => server.close(done));
  await stack?.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Records, in the campaign's window, every `aware` event and every message that reaches it. */
function recordInTop() {
  if (window !== window.top) return;
  window.awareEvents = [];
  window.messages = [];
  document.addEventListener('aware', (event) => window.awareEvents.push(event.detail));
  window.addEventListener('message', (event) => {
    window.messages.push({ origin: event.origin, data: JSON.parse(JSON.stringify(event.data ?? null)) });
  });
}

/** The campaign's page in a fresh browser profile (or in `context`, for a reload). */
async function openCampaign(context) {
  let opened;
  if (context) {
    opened = { context, page: await context.newPage(), problems: { consoleErrors: [], foreignRequests: [] } };
  } else {
    opened = await openPage(browser, campaign.origin, { initScript: recordInTop });
    opened.context.setDefaultTimeout(8000);
    await opened.context.route(`${new URL(EXIT_URL).origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' }),
    );
  }
  await opened.page.goto(`${campaign.origin}/`);
  const frame = opened.page.frameLocator(FRAME);
  await frame.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
  return { ...opened, frame };
}

const events = (page) => page.evaluate(() => window.awareEvents);
const without = (list, ...types) => list.filter((e) => !types.includes(e.type));

/** The iframe's height and its content's, in whole CSS pixels. */
async function heights(page) {
  const element = await page.locator(FRAME).evaluate((frame) => frame.getBoundingClientRect().height);
  const content = await page
    .frames()
    .find((f) => f.url().startsWith(`${aware.origin}/embed.html`))
    .evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
  return { element, content };
}

async function expectHeightFollows(page) {
  await eventually(async () => {
    const { element, content } = await heights(page);
    assert.equal(element, Math.max(100, content), 'the frame is as tall as the quiz');
  });
}

/** Answers every item of the lesson in the frame: the first wrong once, then right; the rest right. */
async function takeQuiz(page, frame, { firstWrong }) {
  for (const [index, item] of lesson.quiz.entries()) {
    await frame.getByRole('group', { name: item.prompt, exact: true }).waitFor();
    if (firstWrong && index === 0) {
      const wrong = item.options.map((o) => o.id).filter((id) => !item.correct.includes(id));
      await answer(frame, item, [wrong[0]]);
      await frame.getByText(m('quiz-incorrect'), { exact: true }).waitFor();
      await expectHeightFollows(page);
      await frame.getByRole('button', { name: m('quiz-try-again'), exact: true }).click();
    }
    await answer(frame, item, item.correct);
    await frame.getByText(m('quiz-correct'), { exact: true }).waitFor();
    const last = index === lesson.quiz.length - 1;
    await frame.getByRole('link', { name: m(last ? 'quiz-finish' : 'quiz-next'), exact: true }).click();
  }
  await frame.getByRole('heading', { level: 1, name: m('result-title') }).waitFor();
}

const storedStatements = () => readStatements(stack);

const VERB = (name) => `http://adlnet.gov/expapi/verbs/${name}`;

/** The statements of each attempt (actor), checked: one `attempted`, one `answered` per item,
 * one `completed` with the score, all about this deployment's quiz, with nothing personal.
 * `scores`: each attempt's score, in any order. */
function expectAttempts(statements, scores) {
  const byActor = new Map();
  for (const s of statements) byActor.set(s.actor.account.name, [...(byActor.get(s.actor.account.name) ?? []), s]);
  assert.equal(byActor.size, scores.length, 'one anonymous actor per attempt');
  const found = [];
  for (const [name, own] of byActor) {
    assert.match(name, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const verbs = own.map((s) => s.verb.id);
    assert.equal(verbs.filter((v) => v === VERB('attempted')).length, 1);
    assert.equal(verbs.filter((v) => v === VERB('answered')).length, lesson.quiz.length, 'each item once');
    assert.equal(verbs.filter((v) => v === VERB('completed')).length, 1);
    const completed = own.find((s) => s.verb.id === VERB('completed'));
    assert.equal(completed.result.score.max, lesson.quiz.length);
    found.push(completed.result.score.raw);
    for (const statement of own) {
      assert.deepEqual(Object.keys(statement.actor.account).sort(), ['homePage', 'name']);
      assert.equal(statement.actor.account.homePage, aware.origin);
      assert.ok(statement.object.id.startsWith(`${aware.origin}/xapi/lessons/${LESSON}/`), statement.object.id);
      assert.equal(statement.context.language, 'en');
      assert.equal(statement.context.registration, undefined);
      assert.ok([undefined, statement.stored].includes(statement.timestamp), 'no time but the store\'s own');
    }
  }
  assert.deepEqual(found.sort(), [...scores].sort());
  assert.ok(!JSON.stringify(statements).includes(campaign.origin), 'the store never learns the campaign page');
}

test('the snippet shows the quiz at its content\'s height and tells the page what happens, with nothing identifying', async () => {
  const { context, page, frame, problems } = await openCampaign();
  const iframe = page.locator(FRAME);
  assert.equal(await iframe.getAttribute('title'), 'Quiz: myths and facts about trafficking');
  assert.equal(await iframe.getAttribute('loading'), 'lazy');
  assert.equal(await iframe.getAttribute('referrerpolicy'), 'no-referrer');
  assert.equal(await iframe.getAttribute('allow'), "camera 'none'; microphone 'none'; geolocation 'none'");
  assert.equal(await iframe.getAttribute('src'), `${aware.origin}/embed.html?lesson=${LESSON}&lang=en#/lessons/${LESSON}/quiz/1`);
  // The embed view: the quiz, "Get help" and "Exit this page", and no way into the rest of the site.
  await frame.getByRole('link', { name: m('nav-get-help'), exact: true }).waitFor();
  await frame.getByRole('button', { name: `${m('exit-this-page-hidden-prefix')} ${m('exit-this-page')}` }).waitFor();
  assert.equal(await frame.getByRole('link', { name: m('nav-lessons'), exact: true }).count(), 0);
  await eventually(async () => assert.deepEqual(without(await events(page), 'resize', 'ready'), [{ type: 'started', lesson: LESSON }]));
  await expectHeightFollows(page);

  await takeQuiz(page, frame, { firstWrong: true });
  await expectHeightFollows(page);
  const expected = [
    { type: 'started', lesson: LESSON },
    ...lesson.quiz.map((item, index) => ({ type: 'answered', lesson: LESSON, item: item.id, correct: index !== 0 })),
    { type: 'completed', lesson: LESSON, score: lesson.quiz.length - 1, max: lesson.quiz.length },
  ];
  await eventually(async () => assert.deepEqual(without(await events(page), 'resize', 'ready'), expected));
  const all = await events(page);
  assert.equal(all[0].type, 'ready', 'the quiz answers the page\'s hello first');
  assert.ok(all.some((e) => e.type === 'resize'), 'heights are reported');

  // What the quiz posted, exactly: the protocol's fields and nothing else.
  const posted = (await page.evaluate(() => window.messages)).filter((message) => message.origin === aware.origin);
  assert.ok(posted.length >= expected.length);
  for (const { data } of posted) {
    const { aware: version, type, ...fields } = data;
    assert.equal(version, 1);
    assert.deepEqual(Object.keys(fields).sort(), FIELDS[type], JSON.stringify(data));
  }

  const statements = await eventually(
    async () => {
      const stored = await storedStatements();
      assert.equal(stored.filter((s) => s.verb.id === VERB('completed')).length, 1, 'the attempt has arrived');
      return stored;
    },
    { timeout: 30_000, interval: 250 },
  );
  expectAttempts(statements, [lesson.quiz.length - 1]);
  expectClean(problems, { allowedOrigins: [aware.origin, stack.writeOrigin] });
  await context.close();
});

test('messages from another frame, another origin or the page itself are ignored', async () => {
  const { context, page, problems } = await openCampaign();
  await eventually(async () => assert.ok((await events(page)).some((e) => e.type === 'started')));
  await expectHeightFollows(page);
  const before = await events(page);
  await page.evaluate(
    ([awareOrigin, strangerOrigin]) => {
      for (const origin of [awareOrigin, strangerOrigin]) {
        const spoof = document.createElement('iframe');
        spoof.src = `${origin}/spoof.html`;
        document.body.append(spoof);
      }
      window.postMessage({ aware: 1, type: 'resize', height: 19999 }, '*');
      window.postMessage({ spoof: 'done' }, '*');
    },
    [aware.origin, stranger.origin],
  );
  // Messages from one window arrive in order: after each marker, its lies have been handled.
  await eventually(async () => {
    const markers = (await page.evaluate(() => window.messages)).filter((message) => message.data?.spoof === 'done');
    assert.deepEqual(markers.map((message) => message.origin).sort(), [aware.origin, campaign.origin, stranger.origin].sort());
  });
  assert.deepEqual(await events(page), before, 'no event from a spoofed message');
  const { element } = await heights(page);
  assert.notEqual(element, 19999);
  await expectHeightFollows(page);
  expectClean(problems, { allowedOrigins: [aware.origin, stranger.origin, stack.writeOrigin] });
  await context.close();
});

test('"Exit this page" inside the frame takes the whole window to the exit site', async () => {
  const { context, page, frame } = await openCampaign();
  await frame.getByRole('button', { name: `${m('exit-this-page-hidden-prefix')} ${m('exit-this-page')}` }).click();
  await page.waitForURL(EXIT_URL);
  assert.equal(page.mainFrame().url(), EXIT_URL);
  await context.close();
});

/** How many statements of each verb (the verb id's last part). */
const verbCounts = (statements) =>
  Object.fromEntries(
    ['attempted', 'answered', 'completed'].map((verb) => [verb, statements.filter((s) => s.verb.id === VERB(verb)).length]),
  );

test('statements made while the store is down survive a reload and each arrives exactly once', async () => {
  // Earlier tests' attempts (one finished, others only started) are not this test's.
  const earlier = new Set((await storedStatements()).map((s) => s.actor.account.name));
  await stack.store.stop();
  const first = await openCampaign();
  // Not a perfect score: LaRS 0.2.0 refuses `raw` equal to `max` (400 "raw is out-of-bounds",
  // its range check excludes the upper bound), although xAPI allows it; see docs/embedding.md.
  await takeQuiz(first.page, first.frame, { firstWrong: true });
  await eventually(async () => assert.ok((await events(first.page)).some((e) => e.type === 'completed')));
  // The statements wait in the outbox of Aware's origin (in the campaign's storage partition).
  const embedded = first.page.frames().find((f) => f.url().startsWith(`${aware.origin}/embed.html`));
  const waiting = await embedded.evaluate(() => localStorage.getItem('aware.xapi.outbox'));
  assert.ok(waiting && waiting.includes(VERB('completed')), 'the completed statement waits');
  await first.page.close();

  await stack.store.start();
  const again = await openCampaign(first.context);
  const outbox = () =>
    again.page
      .frames()
      .find((f) => f.url().startsWith(`${aware.origin}/embed.html`))
      .evaluate(() => localStorage.getItem('aware.xapi.outbox'));
  const statements = await eventually(
    async () => {
      const stored = await storedStatements();
      const fresh = stored.filter((s) => !earlier.has(s.actor.account.name));
      if (verbCounts(fresh).completed === 0) {
        // What the outbox holds and has counted, to tell a refusal from a statement not yet sent.
        const kept = JSON.parse((await outbox()) ?? '{}');
        assert.fail(`no completed statement stored; outbox: ${JSON.stringify({ ...kept, pending: kept.pending?.map((p) => p.verb?.id ?? p) })}`);
      }
      assert.deepEqual(verbCounts(fresh), { attempted: 1, answered: lesson.quiz.length, completed: 1 });
      assert.equal(new Set(stored.map((s) => s.id)).size, stored.length, 'no statement twice');
      return fresh;
    },
    { timeout: 60_000, interval: 500 },
  );
  expectAttempts(statements, [lesson.quiz.length - 1]);
  // Nothing reported twice after the reload, either.
  assert.deepEqual(without(await events(again.page), 'resize', 'ready'), []);
  await again.context.close();
});
