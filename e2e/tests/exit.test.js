// "Exit this page" leaves nothing behind (web/exit.js): after an exit, neither Back nor Forward,
// pressed up to 10 times from any point of a deep history, shows any Aware screen. Each case runs
// with the Navigation API and without it (an init script removes it), and also with Aware served
// from a folder beside another page of the same origin, with sessionStorage blocked, before the
// WebAssembly has loaded, and framed by a campaign's page. Every site but Aware (the exit site, a
// search page the student came from, the campaign) is answered from here: nothing leaves the
// machine.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { eventually, expectClean, startApp } from '../support/app.js';
import { ROOT, parseToml } from '../support/content.js';
import { host } from '../support/host.js';
import { packageSite } from '../support/package.js';

const EXIT_URL = parseToml(readFileSync(join(ROOT, 'deployment.toml'), 'utf8'), 'deployment.toml').exit_url;
const EXIT_ORIGIN = new URL(EXIT_URL).origin;
/** Where the student was before Aware: another site. */
const SEARCH_URL = 'http://search.example/';
const ALLOWED = [EXIT_ORIGIN, new URL(SEARCH_URL).origin];
const BLANK_TITLE = '\u200b';
const PRESSES = 10;

/** The browser without the Navigation API (as Firefox and Safari were until 2025). */
const WITHOUT_NAVIGATION_API = 'delete Window.prototype.navigation; delete window.navigation;';
/** Storage blocked (a browser set to block site data): every use of sessionStorage throws. */
const SESSION_STORAGE_BLOCKED = `Object.defineProperty(window, 'sessionStorage', {
  get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
});`;

const htmlPage = (title, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;

/** Answers the other sites from here; returns the exit site's visits. */
async function otherSites(context) {
  const visits = [];
  await context.route(`${EXIT_ORIGIN}/**`, (route) => {
    visits.push(route.request().url());
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: htmlPage('Weather forecast') });
  });
  await context.route(`${SEARCH_URL}**`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: htmlPage('Search') }));
  return visits;
}

/**
 * Counts starts of an app's WebAssembly in every page and frame of `context` (its download alone
 * does not count: pages preload it). After an exit, no Aware screen may start.
 */
async function countAppStarts(context) {
  const counter = { count: 0 };
  await context.exposeBinding('awareTestAppStarts', () => { counter.count += 1; });
  await context.addInitScript(() => {
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = function counted(...args) {
        window.awareTestAppStarts?.();
        return original.apply(this, args);
      };
    }
  });
  return counter;
}

/** Whether an address is one of Aware's (the test server serves nothing else there, but `beside`). */
const isAware = (url, base) => url.startsWith(base);

/**
 * Walks Aware the way a student does, in new page loads and within a page, from the search page:
 * [search,] [beside,] index#/, #/help, #/lessons/…, check.html, index#/help, #/ (six Aware entries).
 */
async function browse(page, base, { beside, fromSearch = true } = {}) {
  if (fromSearch) await page.goto(SEARCH_URL);
  if (beside) await page.goto(beside);
  await page.goto(`${base}index.html#/`);
  await page.evaluate(() => { location.hash = '#/help'; });
  await page.waitForURL(/#\/help$/);
  await page.evaluate(() => { location.hash = '#/lessons/what-is-trafficking/section/1'; });
  await page.waitForURL(/section\/1$/);
  await page.goto(`${base}check.html`);
  await page.goto(`${base}index.html#/help`);
  await page.evaluate(() => { location.hash = '#/'; });
  await page.waitForURL(/#\/$/);
}

/** Presses the exit link (the static one the app enhances) and waits for the exit site. */
async function exit(page) {
  await page.locator('#aware-exit').click();
  await page.waitForURL(EXIT_URL);
  await page.getByRole('heading', { name: 'Weather forecast' }).waitFor();
}

/** Where the tab is once a Back or Forward has settled: never an Aware screen. */
async function expectNotAware(page, base, what) {
  await page.waitForLoadState();
  // An entry the exit left (only ever ahead of the exit site) sends itself on to the exit site.
  await eventually(() => assert.ok(!isAware(page.url(), base), `${what}: shows ${page.url()}`), { timeout: 3000 });
}

/**
 * After an exit: Back, up to 10 times (to the start of the tab), then Forward up to 10 times, and
 * Back again from the far end: never an Aware screen, and the app's WebAssembly never starts.
 */
async function expectNothingLeft(page, base, wasm) {
  const fetchedBefore = wasm.count;
  for (const [direction, go] of [['Back', () => page.goBack()], ['Forward', () => page.goForward()], ['Back', () => page.goBack()]]) {
    for (let press = 1; press <= PRESSES; press++) {
      const moved = await go();
      await expectNotAware(page, base, `${direction} ${press}`);
      if (moved === null) break; // nothing further that way
    }
  }
  assert.equal(wasm.count, fetchedBefore, 'no Aware page started its app after the exit');
}

/** A fresh tab of `app` with the other sites answered, Aware at `base`; `scripts`: init scripts. */
async function openTab(app, base, scripts) {
  const script = scripts.filter(Boolean).join('\n');
  const opened = await app.open({ initScript: script || undefined });
  const visits = await otherSites(opened.context);
  return { ...opened, visits, wasm: await countAppStarts(opened.context), base };
}

/**
 * Browses Aware (`browse`), goes Back `back` times (to `at`; reloads it with `reload`), exits
 * there, and checks that nothing of Aware is left and nothing went wrong.
 */
async function exitLeavesNothing(tab, { back = 0, at, reload = false, ...browsing } = {}) {
  const { page, context, problems, visits, wasm, base } = tab;
  await browse(page, base, browsing);
  for (let i = 0; i < back; i++) await page.goBack();
  if (at) await page.waitForURL(at);
  if (reload) await page.reload();
  await exit(page);
  assert.equal(visits[0], EXIT_URL);
  await expectNothingLeft(page, base, wasm);
  expectClean(problems, { allowedOrigins: ALLOWED });
  await context.close();
}

for (const [mode, initScript] of [['with the Navigation API', undefined], ['without the Navigation API', WITHOUT_NAVIGATION_API]]) {
  describe(`"Exit this page" ${mode}`, () => {
    let app;
    before(async () => {
      app = await startApp();
    });
    after(async () => {
      await app?.stop();
    });
    const open = (scripts = [initScript]) => openTab(app, `${app.origin}/`, scripts);

    test('the init script does what it says', async () => {
      const { page, context, base } = await open();
      await page.goto(`${base}index.html#/`);
      assert.equal(await page.evaluate(() => 'navigation' in window), initScript === undefined);
      await context.close();
    });

    test('from the end of a deep history: Back and Forward, 10 times each, never show Aware', async () => {
      await exitLeavesNothing(await open());
    });

    test('from the middle of a history (Aware entries ahead, in another page load): nothing left', async () => {
      // check.html, with index.html's entries ahead.
      await exitLeavesNothing(await open(), { back: 2, at: /check\.html$/ });
    });

    test('from the middle of one page load\'s entries, after a reload: nothing left', async () => {
      await exitLeavesNothing(await open(), { back: 1, at: /index\.html#\/help$/, reload: true });
    });

    test('with sessionStorage blocked: nothing left', async () => {
      const tab = await open([initScript, SESSION_STORAGE_BLOCKED]);
      await tab.page.goto(SEARCH_URL);
      const storage = () => { try { return typeof sessionStorage.length; } catch { return 'blocked'; } };
      assert.equal(await tab.page.evaluate(storage), 'blocked');
      // index.html#/help: a page load that followed check.html's, which it learns only from a note.
      await exitLeavesNothing(tab, { back: 1, at: /index\.html#\/help$/ });
    });

    test('before the app has loaded (its WebAssembly never arrives): the static link exits and leaves nothing', async () => {
      const { page, context, problems, wasm, base } = await open();
      await context.route('**/*.wasm', () => {}); // held: the app never starts
      await page.goto(SEARCH_URL);
      await page.goto(`${base}index.html#/`);
      await page.evaluate(() => { location.hash = '#/help'; });
      await page.goto(`${base}check.html`);
      await page.evaluate(() => { location.hash = '#/again'; });
      assert.equal(await page.locator('#aware-app').evaluate((root) => root.childElementCount), 0, 'the app has not started');
      await exit(page);
      await expectNothingLeft(page, base, wasm);
      expectClean(problems, { allowedOrigins: ALLOWED });
      await context.close();
    });

    test('blanks the tab title at once, in the same task as the press', async () => {
      const { page, context, base } = await open();
      await page.goto(`${base}index.html#/help`);
      await eventually(async () => assert.notEqual(await page.title(), 'Aware', 'the app has titled the screen'));
      const title = await page.evaluate(() => {
        document.getElementById('aware-exit').click();
        return document.title;
      });
      assert.equal(title, BLANK_TITLE);
      await page.waitForURL(EXIT_URL);
      await context.close();
    });

    test('inside a campaign page\'s frame, the exit navigates the top window and leaves no Aware frame', async () => {
      const { page, context, wasm } = await open();
      // The campaign's site, on another origin of this machine (Chromium keeps sites on the
      // internet from framing local addresses), and Aware as a deployment that lets it frame the
      // quiz (embed_origins; this suite's own site may be framed by nobody), with its headers.
      const campaignPages = {};
      const nothing = mkdtempSync(join(tmpdir(), 'aware-campaign-'));
      const campaign = await host(nothing, { base: '/none/', pages: campaignPages });
      const site = packageSite({ embed_origins: [campaign.origin] });
      const framed = await host(site.dir);
      const base = framed.url();
      campaignPages['/'] = htmlPage('Campaign', `<iframe title="Quiz" src="${base}embed.html#/" width="400" height="600"></iframe>`);
      await page.goto(SEARCH_URL);
      await page.goto(`${campaign.origin}/`);
      const frame = page.frame({ url: (url) => url.href.startsWith(base) });
      assert.ok(frame, 'Aware is framed');
      await frame.locator('#aware-exit').waitFor();
      await frame.evaluate(() => { location.hash = '#/help'; });
      await frame.evaluate(() => { location.hash = '#/'; });
      await frame.locator('#aware-exit').click();
      await page.waitForURL(EXIT_URL);
      const fetchedBefore = wasm.count;
      /** A frame of Aware that shows anything (not hidden by the exit). */
      const awareShown = async () => {
        for (const f of page.frames()) {
          if (!f.url().startsWith(base)) continue;
          const shown = await f.evaluate(() => !document.documentElement.classList.contains('aware-exiting')).catch(() => false);
          if (shown) return f.url();
        }
        return null;
      };
      for (const go of [() => page.goBack(), () => page.goForward(), () => page.goBack()]) {
        for (let press = 1; press <= PRESSES; press++) {
          const moved = await go();
          await page.waitForLoadState();
          await eventually(async () => assert.equal(await awareShown(), null));
          if (moved === null) break;
        }
      }
      assert.equal(wasm.count, fetchedBefore, 'no framed Aware started its app after the exit');
      await context.close();
      await campaign.close();
      await framed.close();
      site.remove();
      rmSync(nothing, { recursive: true });
    });
  });

  describe(`"Exit this page" ${mode}, Aware served from /aware/ beside another page of the school's site`, () => {
    let app;
    before(async () => {
      app = await startApp({ at: '/aware/', beside: htmlPage('School news') });
    });
    after(async () => {
      await app?.stop();
    });
    const open = () => openTab(app, `${app.origin}/aware/`, [initScript]);

    test('from deep in Aware after another page of the site: nothing of Aware left', async () => {
      await exitLeavesNothing(await open(), { beside: `${app.origin}/news.html` });
    });

    test('Back from the exit site reaches the site\'s own page before Aware, not further', async () => {
      const { page: tab, context, base } = await open();
      await browse(tab, base, { beside: `${app.origin}/news.html` });
      await exit(tab);
      await tab.goBack();
      await tab.waitForURL(`${app.origin}/news.html`);
      await context.close();
    });

    if (initScript === undefined) {
      test('Aware, the site\'s page, then Aware again: both visits are gone', async () => {
        const tab = await open();
        await tab.page.goto(SEARCH_URL);
        await tab.page.goto(`${tab.base}index.html#/`);
        await tab.page.evaluate(() => { location.hash = '#/help'; });
        await exitLeavesNothing(tab, { beside: `${app.origin}/news.html`, fromSearch: false });
      });
    }
  });
}

describe('"Exit this page" on a phone', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.stop();
  });

  test('is at least 24×24 px, covers nothing at the top, and is in view after scrolling a long lesson to the end', async () => {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await phone.goto(`${app.origin}/index.html#/lessons/what-is-trafficking/section/1`);
    const link = phone.locator('#aware-exit');
    await phone.locator('main h1').waitFor();
    const atTop = await link.boundingBox();
    assert.ok(atTop.width >= 24 && atTop.height >= 24, `the exit link is ${atTop.width}×${atTop.height}`);
    // At the top, the bar is in the flow above the app: nothing of the app lies under it.
    const layout = await phone.evaluate(() => ({
      bar: document.getElementById('aware-exit-bar').getBoundingClientRect().bottom,
      app: document.getElementById('aware-app').getBoundingClientRect().top,
      scrollable: document.documentElement.scrollHeight - innerHeight,
    }));
    assert.ok(layout.app >= layout.bar, `the app starts (${layout.app}) below the bar (${layout.bar})`);
    assert.ok(layout.scrollable > 300, `the lesson is longer than the screen (${layout.scrollable})`);
    await phone.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await eventually(async () => {
      const scrolled = await link.boundingBox();
      assert.ok(scrolled.y >= 0 && scrolled.y + scrolled.height <= 640, `in view after scrolling: ${JSON.stringify(scrolled)}`);
    });
    // On top of what scrolled under it, so a tap reaches it.
    assert.equal(await phone.evaluate(() => {
      const box = document.getElementById('aware-exit').getBoundingClientRect();
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)?.closest('#aware-exit') !== null;
    }), true);
    await context.close();
  });
});

describe('"Exit this page" by keyboard', () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.stop();
  });

  test('Tab from loading: the skip link first, then "Exit this page", then the header', async () => {
    const { page, context, problems } = await app.open();
    await page.goto(`${app.origin}/index.html#/help`);
    await page.locator('main h1').waitFor();
    const focused = () => page.evaluate(() => document.activeElement.textContent.trim().replace(/\s+/g, ' '));
    const expected = ['Skip to main content', 'Emergency Exit this page', 'Aware'];
    for (const [i, want] of expected.entries()) {
      await page.keyboard.press('Tab');
      assert.equal(await focused(), want, `Tab press ${i + 1}`);
    }
    expectClean(problems);
    await context.close();
  });
});

describe('web/exit.js: where an entry is in the tab', async () => {
  // A module of the site, not of this package: loaded as the browser loads it.
  const source = readFileSync(join(ROOT, 'web', 'exit.js'), 'utf8');
  const exitJs = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

  test('a link within a page follows the entry before it; a page load continues a run only from the entry just before', () => {
    const check = (previous, note, length, expected) => assert.deepEqual(exitJs.newRecord(previous, note, length), expected);
    check({ a: 3, d: 2 }, null, 9, { a: 4, d: 3 }); // a link within the page: forward entries were dropped
    check(null, null, 1, { a: 0, d: 0 }); // the tab's first page
    check(null, { a: 4, d: 2 }, 6, { a: 5, d: 3 }); // index.html → check.html
    check(null, { a: 3, d: 2 }, 6, { a: 5, d: 0 }); // another page came between
    check(null, { exit: true }, 6, { a: 5, d: 0 });
  });

  test('notes and records that are not Aware\'s, or out of range, are ignored', () => {
    const note = (text, expected) => assert.deepEqual(exitJs.readNote(text), expected, String(text));
    note(exitJs.writeNote({ a: 4, d: 2 }), { a: 4, d: 2 });
    note(exitJs.writeNote({ exit: true }), { exit: true });
    note('aware-exit:{"a":1,"d":2}', null); // more Aware entries before it than entries
    note('aware-exit:{"a":-1,"d":0}', null);
    note('aware-exit:{"a":1e9,"d":0}', null);
    note('aware-exit:{nope', null);
    note('someone else\'s window.name', null);
    note(null, null);
    const record = (state, expected) => assert.deepEqual(exitJs.readRecord(state), expected, JSON.stringify(state));
    record(exitJs.withRecord({ router: 1 }, { a: 2, d: 1 }), { a: 2, d: 1 });
    assert.equal(exitJs.withRecord({ router: 1 }, { a: 2, d: 1 }).router, 1, 'the rest of the state is kept');
    record(exitJs.withRecord(null, { leave: true }), { leave: true });
    record({ awareExit: { a: 1.5, d: 0 } }, null);
    record('text', null);
    record(null, null);
  });

  test('the first Aware entry: marked entries at or before the current one (only this page load\'s in a frame)', () => {
    const entries = [
      { index: 0, marked: false, sameDocument: false }, // the school's own page
      { index: 1, marked: true, sameDocument: false },
      { index: 2, marked: false, sameDocument: false },
      { index: 3, marked: true, sameDocument: true },
      { index: 4, marked: true, sameDocument: true },
      { index: 5, marked: true, sameDocument: true },
    ];
    assert.equal(exitJs.firstAwareIndex(entries, 4, false), 1);
    assert.equal(exitJs.firstAwareIndex(entries, 4, true), 3);
    assert.equal(exitJs.firstAwareIndex(entries, 0, false), 0);
  });
});
