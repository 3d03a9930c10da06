// A campaign's page on one loopback origin embeds Aware, served from another, with the snippet
// of docs/embedding.md (examples/campaign/): the quiz fits its height, the page hears events
// with nothing identifying in them, messages from any other frame or origin are ignored, "Exit
// this page" takes the whole window away, and the quiz's xAPI statements reach a real learning
// record store (LaRS behind the shipped proxy, e2e/support/lrs.js), a perfect score included,
// even when the store is down while the quiz is taken and the page is reloaded meanwhile. The
// snippet's other forms work too (the whole lesson; a plain <iframe> without the script, at a
// fixed height, by keyboard), and browsers show the embed view only in the listed sites' pages
// (its frame-ancestors), and Aware's other pages in nobody's.
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
import { ROOT, builtLessons, loadLesson } from '../support/content.js';
import { readStatements, startLrs } from '../support/lrs.js';
import { serve } from '../support/server.js';

const LESSON = 'myths-and-facts';
/** The frame embed.js made (the spoofing test adds others). */
const FRAME = '[data-aware-quiz] > iframe';
const EXIT_URL = 'https://www.bbc.co.uk/weather';
const SNIPPET_HOST = 'https://aware.example.org';
const { m, answer } = ui('en');
const lesson = loadLesson(LESSON, 'en');
/** The sections a student sees before a band is chosen (the embed view asks for none). */
const sections = builtLessons('en').find((l) => l.id === LESSON).sections;
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
/** The site's `_headers`, as the Aware server sends them. */
let siteHeaders = {};

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

/** The ```html example of docs/embedding.md that contains `marker`, for Aware at `origin`. */
function fromDocs(marker, origin) {
  const docs = readFileSync(join(ROOT, 'docs', 'embedding.md'), 'utf8');
  const block = [...docs.matchAll(/```html\n([\s\S]*?)```/g)].map((match) => match[1]).find((b) => b.includes(marker));
  assert.ok(block, `docs/embedding.md shows ${marker}`);
  assert.ok(block.includes('https://AWARE-HOST/'), 'the example names Aware\'s host as AWARE-HOST');
  return block.replaceAll('https://AWARE-HOST', origin);
}

/** A campaign's page: a heading, a link before the frame (keyboard users meet it first), `frame`. */
const framing = (title, frame) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>` +
  `<h1>${title}</h1><p><a href="#more">More about the campaign</a></p>${frame}<p id="more">The end.</p></html>`;

/** A page that posts Aware-shaped lies to its parent, to any origin, then a marker. */
const SPOOF_JS = `
for (const lie of [{ aware: 1, type: 'resize', height: 19999 }, { aware: 1, type: 'completed', lesson: '${LESSON}', score: 9, max: 9 }]) parent.postMessage(lie, '*');
parent.postMessage({ spoof: 'done' }, '*');
`;
const SPOOF_HTML = '<!doctype html><title>spoof</title><script src="spoof.js"></script>';

before(async () => {
  const pages = process.env.AWARE_PAGES ?? join(ROOT, 'target', 'pages');
  const site = tempDir('site');
  aware = await start(site, { headers: (path) => siteHeaders[path] ?? {} });
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
      `pass_mark = ${PASS_MARK}`,
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
  siteHeaders = readHeaders(join(site, '_headers'));

  for (const dir of [site, strangerDir]) {
    writeFileSync(join(dir, 'spoof.js'), SPOOF_JS);
    writeFileSync(join(dir, 'spoof.html'), SPOOF_HTML);
  }
  const example = join(ROOT, 'examples', 'campaign');
  const page = readFileSync(join(example, 'index.html'), 'utf8');
  assert.ok(page.includes(`${SNIPPET_HOST}/embed.js`), 'the example carries the snippet');
  const snippetPage = page.replaceAll(SNIPPET_HOST, aware.origin);
  writeFileSync(join(campaignDir, 'index.html'), snippetPage);
  for (const file of ['campaign.js', 'campaign.css']) copyFileSync(join(example, file), join(campaignDir, file));
  // The whole lesson: the same snippet with `data-aware-whole`.
  const whole = snippetPage.replace(`data-aware-quiz="${LESSON}"`, `data-aware-quiz="${LESSON}" data-aware-whole`);
  assert.notEqual(whole, snippetPage);
  writeFileSync(join(campaignDir, 'whole.html'), whole);
  // Without data-lang, on a page in Mongolian.
  const mongolian = snippetPage.replace('<html lang="en">', '<html lang="mn">').replace(' data-lang="en"', '');
  assert.ok(!mongolian.includes('data-lang') && mongolian.includes('<html lang="mn">'));
  writeFileSync(join(campaignDir, 'mn.html'), mongolian);
  // Without the script: the frame of docs/embedding.md, in English.
  const plain = fromDocs('<iframe', aware.origin).replace('lang=mn', 'lang=en');
  writeFileSync(join(campaignDir, 'plain.html'), framing('A plain frame', plain));
  // A listed site framing one of Aware's ordinary pages, which nobody may frame.
  const student = `<iframe src="${aware.origin}/index.html#/lessons/${LESSON}/quiz/1" title="Aware"></iframe>`;
  writeFileSync(join(campaignDir, 'student-page.html'), framing('The student page', student));
  // A site that is not listed, with the same snippet.
  writeFileSync(join(strangerDir, 'index.html'), snippetPage);
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

/** A page of the campaign (`path`, default its snippet page) in a fresh browser profile (or in
 * `context`, for a reload), once the embedded lesson shows its title. */
async function openCampaign(context, { path = '/' } = {}) {
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
  await opened.page.goto(`${campaign.origin}${path}`);
  const frame = opened.page.frameLocator(FRAME);
  await frame.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
  return { ...opened, frame };
}

const events = (page) => page.evaluate(() => window.awareEvents);
/** The embed view's frame in `page`. */
const embedded = (page) => page.frames().find((f) => f.url().startsWith(`${aware.origin}/embed.html`));
/** The outbox the embed view keeps in its storage, as stored (`crates/core/src/xapi/outbox.rs`). */
const outboxOf = async (page) => JSON.parse((await embedded(page).evaluate(() => localStorage.getItem('aware.xapi.outbox'))) ?? 'null');
const without = (list, ...types) => list.filter((e) => !types.includes(e.type));

/** The iframe's height and its content's, in whole CSS pixels. */
async function heights(page) {
  const element = await page.locator(FRAME).evaluate((frame) => frame.getBoundingClientRect().height);
  const content = await embedded(page).evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
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

/** The events of `takeQuiz(…, { firstWrong: true })`, in order (without `ready` and `resize`). */
const FIRST_WRONG_EVENTS = [
  { type: 'started', lesson: LESSON },
  ...lesson.quiz.map((item, index) => ({ type: 'answered', lesson: LESSON, item: item.id, correct: index !== 0 })),
  { type: 'completed', lesson: LESSON, score: lesson.quiz.length - 1, max: lesson.quiz.length },
];

const storedStatements = () => readStatements(stack);

const VERB = (name) => `http://adlnet.gov/expapi/verbs/${name}`;

/** The pass mark this campaign sets (`[xapi] pass_mark`, a percentage of items right first time). */
const PASS_MARK = 80;

/** The statements of each attempt (actor), checked: one `attempted`, one `answered` per item,
 * one `completed` with the score and one `passed` or `failed` by the pass mark, all about this
 * deployment's quiz, with nothing personal.
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
    // The campaign set a pass mark: the attempt is also passed or failed, by the same score.
    const { raw, max } = completed.result.score;
    const passed = raw * 100 >= PASS_MARK * max;
    const judged = own.filter((s) => s.verb.id === VERB('passed') || s.verb.id === VERB('failed'));
    assert.deepEqual(judged.map((s) => s.verb.id), [VERB(passed ? 'passed' : 'failed')], `${raw} of ${max} against ${PASS_MARK} %`);
    assert.deepEqual(judged[0].result, { ...completed.result, success: passed });
    assert.equal(judged[0].object.id, completed.object.id);
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
  await eventually(async () => assert.deepEqual(without(await events(page), 'resize', 'ready'), FIRST_WRONG_EVENTS));
  const all = await events(page);
  assert.equal(all[0].type, 'ready', 'the quiz answers the page\'s hello first');
  assert.ok(all.some((e) => e.type === 'resize'), 'heights are reported');

  // What the quiz posted, exactly: the protocol's fields and nothing else.
  const posted = (await page.evaluate(() => window.messages)).filter((message) => message.origin === aware.origin);
  assert.ok(posted.length >= FIRST_WRONG_EVENTS.length);
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
  // The embed view downloads what a student's first visit downloads, never the teacher's screens
  // or the awareness check.
  const downloaded = problems.foreignRequests.filter((url) => url.startsWith(aware.origin)).map((url) => new URL(url).pathname);
  assert.ok(downloaded.some((path) => /^\/aware-student-[0-9a-f]+_bg\.wasm$/.test(path)), downloaded.join(' '));
  assert.deepEqual(downloaded.filter((path) => /teacher|check/.test(path)), []);
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
  await takeQuiz(first.page, first.frame, { firstWrong: true });
  await eventually(async () => assert.ok((await events(first.page)).some((e) => e.type === 'completed')));
  // The statements wait in the outbox of Aware's origin (in the campaign's storage partition).
  const waiting = await embedded(first.page).evaluate(() => localStorage.getItem('aware.xapi.outbox'));
  assert.ok(waiting && waiting.includes(VERB('completed')), 'the completed statement waits');
  await first.page.close();

  await stack.store.start();
  const again = await openCampaign(first.context);
  const statements = await eventually(
    async () => {
      const stored = await storedStatements();
      const fresh = stored.filter((s) => !earlier.has(s.actor.account.name));
      if (verbCounts(fresh).completed === 0) {
        // What the outbox holds and has counted, to tell a refusal from a statement not yet sent.
        const kept = (await outboxOf(again.page)) ?? {};
        assert.fail(`no completed statement stored; outbox: ${JSON.stringify({ ...kept, statements: kept.statements?.map((p) => p.verb?.id ?? p) })}`);
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

test('a perfect score: every statement, the score with raw equal to max included, is read back exactly once', async () => {
  const earlier = new Set((await storedStatements()).map((s) => s.actor.account.name));
  const { context, page, frame, problems } = await openCampaign();
  await takeQuiz(page, frame, { firstWrong: false });
  const max = lesson.quiz.length;
  await eventually(async () =>
    assert.deepEqual((await events(page)).filter((e) => e.type === 'completed'), [{ type: 'completed', lesson: LESSON, score: max, max }]),
  );
  // Everything sent, nothing refused: what the store holds now is all there will ever be.
  await eventually(
    async () => {
      const { statements, refused, overflowed } = await outboxOf(page);
      assert.deepEqual({ statements, refused, overflowed }, { statements: [], refused: 0, overflowed: 0 });
    },
    { timeout: 30_000, interval: 250 },
  );
  const stored = await storedStatements();
  assert.equal(new Set(stored.map((s) => s.id)).size, stored.length, 'no statement twice');
  const fresh = stored.filter((s) => !earlier.has(s.actor.account.name));
  assert.deepEqual(verbCounts(fresh), { attempted: 1, answered: max, completed: 1 });
  expectAttempts(fresh, [max]);
  const answered = fresh.filter((s) => s.verb.id === VERB('answered'));
  assert.deepEqual(answered.map((s) => s.object.id.split('/').at(-1)).sort(), lesson.quiz.map((item) => item.id).sort());
  assert.ok(answered.every((s) => s.result.success === true), 'every item right on the first try');
  const completed = fresh.find((s) => s.verb.id === VERB('completed'));
  assert.deepEqual(completed.result, { score: { scaled: 1, raw: max, min: 0, max }, completion: true });
  expectClean(problems, { allowedOrigins: [aware.origin, stack.writeOrigin] });
  await context.close();
});

test('data-aware-whole shows the whole lesson, section by section, then its quiz, at the content\'s height', async () => {
  const { context, page, frame, problems } = await openCampaign(undefined, { path: '/whole.html' });
  assert.equal(
    await page.locator(FRAME).getAttribute('src'),
    `${aware.origin}/embed.html?lesson=${LESSON}&lang=en#/lessons/${LESSON}/section/1`,
  );
  assert.equal(await frame.getByRole('link', { name: m('nav-lessons'), exact: true }).count(), 0, 'no way into the rest of the site');
  const pager = frame.getByRole('navigation', { name: m('lesson-pager') });
  for (const [index, heading] of sections.entries()) {
    await frame.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
    await expectHeightFollows(page);
    const last = index === sections.length - 1;
    await pager.getByRole('link', { name: m(last ? 'lesson-start-quiz' : 'lesson-next'), exact: true }).click();
  }
  await takeQuiz(page, frame, { firstWrong: true });
  await expectHeightFollows(page);
  await eventually(async () => assert.deepEqual(without(await events(page), 'resize', 'ready'), FIRST_WRONG_EVENTS));
  expectClean(problems, { allowedOrigins: [aware.origin, stack.writeOrigin] });
  await context.close();
});

test('without data-lang the quiz speaks the language of the page around it', async () => {
  const { context, page } = await openPage(browser, campaign.origin, { initScript: recordInTop });
  context.setDefaultTimeout(8000);
  await page.goto(`${campaign.origin}/mn.html`);
  assert.equal(await page.locator(FRAME).getAttribute('src'), `${aware.origin}/embed.html?lesson=${LESSON}&lang=mn#/lessons/${LESSON}/quiz/1`);
  const frame = page.frameLocator(FRAME);
  await frame.getByRole('heading', { level: 1, name: loadLesson(LESSON, 'mn').title }).waitFor();
  await frame.getByRole('group', { name: loadLesson(LESSON, 'mn').quiz[0].prompt, exact: true }).waitFor();
  assert.equal(await frame.locator('html').getAttribute('lang'), 'mn');
  await context.close();
});

/** What has the keyboard focus inside `frame`: its role-ish kind, its name, whether checked. */
const focusedIn = (frame) =>
  frame.evaluate(() => {
    const element = document.hasFocus() ? document.activeElement : null;
    if (!element || element === document.body) return null;
    const label = element.labels?.length
      ? [...element.labels].map((l) => l.textContent.replace(/\s+/g, ' ').trim()).join(' ')
      : element.textContent.replace(/\s+/g, ' ').trim();
    return { kind: element.type === 'radio' || element.type === 'checkbox' ? element.type : element.tagName.toLowerCase(), label, checked: element.checked };
  });

/** Presses Tab (at most `limit` times) until `wanted(focused)`, unless it already holds;
 * returns what has the focus. */
async function tabTo(page, frame, wanted, what, limit = 80) {
  for (let presses = 0; presses <= limit; presses += 1) {
    const focused = await focusedIn(frame);
    if (focused && wanted(focused)) return focused;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${what}`);
}

/** Answers `item` right with the keyboard alone: Tab into its choices, arrows or Space to
 * choose, Tab to "Check answer", Enter; then Tab to the next step and Enter. */
async function answerByKeyboard(page, frame, item, last) {
  await frame.getByRole('group', { name: item.prompt, exact: true }).waitFor();
  const correct = item.options.filter((o) => item.correct.includes(o.id)).map((o) => o.text);
  if (item.type === 'multiple') {
    // Each checkbox in turn (the app shuffles them): Space on the right ones.
    let focused = await tabTo(page, frame, (f) => f.kind === 'checkbox', 'the choices');
    while (focused?.kind === 'checkbox') {
      if (correct.includes(focused.label) !== focused.checked) await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      focused = await focusedIn(frame);
    }
  } else {
    let focused = await tabTo(page, frame, (f) => f.kind === 'radio', 'the choices');
    // Arrows move through a radio group and choose as they go.
    for (let moves = 0; focused.label !== correct[0] && moves < item.options.length; moves += 1) {
      await page.keyboard.press('ArrowDown');
      focused = await focusedIn(frame);
    }
    assert.equal(focused.label, correct[0]);
    if (!focused.checked) await page.keyboard.press('Space');
  }
  await tabTo(page, frame, (f) => f.kind === 'button' && f.label === m('quiz-check'), '"Check answer"');
  await page.keyboard.press('Enter');
  await frame.getByText(m('quiz-correct'), { exact: true }).waitFor();
  const next = m(last ? 'quiz-finish' : 'quiz-next');
  await tabTo(page, frame, (f) => f.kind === 'a' && f.label === next, `"${next}"`);
  await page.keyboard.press('Enter');
}

test('a plain <iframe> without embed.js works at its fixed height: the quiz scrolls and the keyboard reaches everything', async () => {
  const { context, page, problems } = await openPage(browser, campaign.origin, { initScript: recordInTop });
  context.setDefaultTimeout(8000);
  // A phone's width, so that a question and its explanation are taller than the frame.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${campaign.origin}/plain.html`);
  const iframe = page.locator('iframe');
  const fixed = await iframe.evaluate((element) => element.getBoundingClientRect().height);
  assert.equal(fixed, 720, 'the height docs/embedding.md gives');
  const frame = page.frameLocator('iframe');
  await frame.getByRole('heading', { level: 1, name: lesson.title }).waitFor();
  // The campaign's own link first, then the quiz's controls: the frame is in the page's tab order.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'More about the campaign');
  for (const [index, item] of lesson.quiz.entries()) {
    await answerByKeyboard(page, embedded(page), item, index === lesson.quiz.length - 1);
    if (index === 0) {
      // After the first answer the explanation and "Next question" were below the frame's
      // bottom: the frame scrolled its content to the focused link.
      const { scrolled, taller } = await embedded(page).evaluate(() => ({
        scrolled: document.scrollingElement.scrollTop > 0 || window.scrollY > 0,
        taller: document.scrollingElement.scrollHeight > window.innerHeight,
      }));
      assert.ok(taller, 'the content is taller than the frame');
      assert.ok(scrolled, 'the frame scrolled to what has the focus');
    }
  }
  await frame.getByRole('heading', { level: 1, name: m('result-title') }).waitFor();
  assert.equal(await iframe.evaluate((element) => element.getBoundingClientRect().height), fixed, 'nothing resized the frame');
  assert.deepEqual(await page.evaluate(() => window.messages), [], 'without the script the quiz tells the page nothing');
  expectClean(problems, { allowedOrigins: [aware.origin] });
  await context.close();
});

/** `frame-ancestors` of a Content-Security-Policy. */
const frameAncestors = (policy) =>
  policy.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('frame-ancestors '));

/** Opens `url`, whose page frames Aware, and waits until Chromium has refused the frame for its
 * `frame-ancestors` (`ancestors`: it says so in the console) and shows its own error page in
 * its place. */
async function expectFrameRefused(url, ancestors) {
  const { context, page } = await openPage(browser, new URL(url).origin, { initScript: recordInTop });
  context.setDefaultTimeout(8000);
  const refusal = page.waitForEvent('console', (message) => message.text().includes('frame-ancestors'));
  await page.goto(url);
  const said = (await refusal).text();
  assert.ok(said.startsWith(`Framing '${aware.origin}/'`), said);
  assert.ok(said.includes(`violates the following Content Security Policy directive: "frame-ancestors ${ancestors}"`), said);
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  await eventually(async () => assert.equal(frame.url(), 'chrome-error://chromewebdata/'));
  assert.deepEqual(await page.evaluate(() => window.awareEvents), [], 'no event from a refused frame');
  await context.close();
}

test('the embed view may be framed only by the listed sites, and Aware\'s other pages by nobody', async () => {
  // The policy as packaged and as served.
  const policies = Object.entries(siteHeaders).filter(([, headers]) => headers['Content-Security-Policy']);
  const paths = policies.map(([path]) => path);
  for (const page of ['/embed.html', '/index.html', '/check.html', '/teacher.html']) assert.ok(paths.includes(page), page);
  for (const [path, headers] of policies) {
    const expected = path === '/embed.html' ? campaign.origin : "'none'";
    assert.equal(frameAncestors(headers['Content-Security-Policy']), `frame-ancestors ${expected}`, path);
  }
  for (const [path, expected] of [['/embed.html', campaign.origin], ['/index.html', "'none'"], ['/', "'none'"]]) {
    const served = (await fetch(`${aware.origin}${path}`)).headers.get('content-security-policy');
    assert.equal(frameAncestors(served), `frame-ancestors ${expected}`, `${path} as served`);
  }
  // A listed site's page shows the quiz ...
  const listed = await openCampaign();
  await eventually(async () => assert.ok((await events(listed.page)).some((e) => e.type === 'ready')));
  await listed.context.close();
  // ... the same snippet on a site that is not listed shows nothing, and neither does a listed
  // site that frames the student's own page.
  await expectFrameRefused(`${stranger.origin}/`, campaign.origin);
  await expectFrameRefused(`${campaign.origin}/student-page.html`, "'none'");
});
