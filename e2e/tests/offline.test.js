// Aware without a connection (issue 12, §3 and §4): after one visit the service worker that
// `aware package` writes (web/sw.js) keeps the whole release, so a lesson and its quiz work with
// the network off, in every language; a new deployment waits behind a quiet "A new version is
// ready" and never reloads a quiz under a student; and the single file for a USB stick
// (dist-usb/aware.html) works from a file:// address with no server at all.
//
// The served copies live in a folder of their own (a copy of dist/, and a second release packaged
// from the same pages with another deployment, as a school's next deployment would be), so the
// tests never change dist/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';

import { LOCALES, distDir, eventually, expectClean, ui } from '../support/app.js';
import { launch, openPage } from '../support/browser.js';
import { ROOT, loadLesson, loadLocales } from '../support/content.js';
import { serve } from '../support/server.js';

/** The single file scripts/build.sh writes; AWARE_SINGLE_FILE overrides it. */
const SINGLE_FILE = process.env.AWARE_SINGLE_FILE ?? resolve(distDir(), '..', 'dist-usb', 'aware.html');
/** The pages Trunk built, which `aware package` puts together (scripts/build.sh). */
const PAGES = join(ROOT, 'target', 'pages');
/** The `aware` command scripts/build.sh built (cargo's `host` profile in target/host-tools). */
const AWARE = process.env.AWARE_CLI ?? join(ROOT, 'target', 'host-tools', 'host', 'aware');
/** A comment in the next release's student page: how a test tells which version a device runs. */
const NEXT_MARK = 'the next release';

const LESSON = 'what-is-trafficking';
/** The age band a teacher's link sets (`?band=`), so the course lists the lessons at once. */
const BAND = '?band=15-18';

let workDir;
let browser;
before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'aware-offline-'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** A static server of a copy of dist/ behind a link that `deploy` moves to another release. */
async function startSite() {
  const first = join(workDir, `release-${Date.now()}`);
  await cp(distDir(), first, { recursive: true });
  const current = join(workDir, `current-${Date.now()}`);
  await symlink(first, current);
  const { server, origin } = await serve(current);
  return {
    origin,
    /** Serves `release` from now on, all at once, as a host's atomic deployment does. */
    async deploy(release) {
      const next = `${current}.next`;
      await symlink(release, next);
      await rename(next, current);
    },
    stop: () => new Promise((done) => {
      server.close(done);
      // A browser's keep-alive connections would hold the close back.
      server.closeAllConnections();
    }),
  };
}

/** A fresh profile on `origin`, its page reporting console errors and other origins' requests. */
async function open(origin, locale) {
  const opened = await openPage(browser, origin, { locale: ui(locale).browserLocale });
  opened.context.setDefaultTimeout(10000);
  return opened;
}

/** Waits until this version's service worker controls the page and has kept every file. */
async function expectKeptOffline(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await eventually(async () => assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'controlled'), { timeout: 10000 });
}

/** Opens lesson `LESSON`'s first section, then its first question, and answers it right. */
async function walkLessonAndQuiz(page, base, locale) {
  const L = ui(locale);
  const lesson = loadLesson(LESSON, locale);
  await page.goto(`${base}#/lessons/${LESSON}/section/1`);
  await page.getByRole('main').getByRole('heading', { name: lesson.sections[0], exact: true }).waitFor();
  await page.goto(`${base}#/lessons/${LESSON}/quiz/1`);
  await L.answerRight(page, lesson.quiz[0]);
}

/** The course page, in `locale`: its heading and the lesson's card. */
async function expectCourse(page, locale) {
  const { m } = ui(locale);
  await page.getByRole('heading', { level: 1, name: m('course-title'), exact: true }).waitFor();
  await page.getByRole('link', { name: loadLesson(LESSON, locale).title, exact: true }).waitFor();
  await eventually(async () => assert.equal(await page.locator('html').getAttribute('lang'), locale));
}

/** Switches the interface with the header's language buttons. */
async function switchTo(page, locale) {
  await page.getByRole('banner').getByRole('button', { name: loadLocales()[locale].name, exact: true }).click();
}

describe('after one visit, with the network off', () => {
  for (const locale of LOCALES) {
    test(`a reload, a lesson, its quiz and the other language work in ${locale}`, async () => {
      const site = await startSite();
      const { page, problems, context } = await open(site.origin, locale);
      await page.goto(`${site.origin}/index.html${BAND}#/`);
      await expectCourse(page, locale);
      await expectKeptOffline(page);
      // Off the network, and the host gone too: nothing can come from anywhere but the device.
      await context.setOffline(true);
      await site.stop();
      await page.reload();
      await expectCourse(page, locale);
      await walkLessonAndQuiz(page, `${site.origin}/index.html${BAND}`, locale);
      const other = LOCALES.find((id) => id !== locale);
      await page.goto(`${site.origin}/index.html${BAND}#/`);
      await expectCourse(page, locale);
      await switchTo(page, other);
      await expectCourse(page, other);
      // "Get help" and the teacher's screens are kept too.
      await page.goto(`${site.origin}/index.html${BAND}#/help`);
      await page.getByRole('heading', { level: 1, name: ui(other).m('help-title'), exact: true }).waitFor();
      await page.goto(`${site.origin}/teacher.html#/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expectClean(problems);
      await context.close();
    });
  }
});

let packagedNext;
/** The next release: the pages Trunk built, the student's page changed (as any new build changes
 * it), packaged again by `aware package` into a folder of its own. Made once. */
function nextRelease() {
  packagedNext ??= (async () => {
    assert.ok(existsSync(AWARE) && existsSync(PAGES), `${AWARE} and ${PAGES} come from scripts/build.sh`);
    const pages = join(workDir, 'pages-next');
    await cp(PAGES, pages, { recursive: true });
    const studentPage = join(pages, 'index', 'index.html');
    await writeFile(studentPage, (await readFile(studentPage, 'utf8')).replace('</body>', `<!-- ${NEXT_MARK} -->\n  </body>`));
    const next = join(workDir, 'release-next');
    execFileSync(AWARE, ['package', '--deployment', process.env.AWARE_DEPLOYMENT ?? 'deployment.toml', '--out', next,
      join(pages, 'index'), join(pages, 'check'), join(pages, 'teacher')], { cwd: ROOT, stdio: 'inherit' });
    return next;
  })();
  return packagedNext;
}

describe('a new deployment', () => {
  test('waits behind "A new version is ready" during a quiz and starts on the next screen', async (t) => {
    const next = await nextRelease();
    const site = await startSite();
    // Closed whatever happens: an open server would keep this file's process from ending.
    t.after(() => site.stop());
    /** Whether the page the service worker gives is the next release's. */
    const servesNext = (page) => page.evaluate(async (mark) => (await (await fetch('index.html')).text()).includes(mark), NEXT_MARK);

    const { m } = ui('en');
    const { page, problems, context } = await open(site.origin, 'en');
    await page.goto(`${site.origin}/index.html${BAND}#/`);
    await expectCourse(page, 'en');
    await expectKeptOffline(page);
    assert.equal(await servesNext(page), false);

    // In the middle of a quiz: one question answered, the page marked so a reload would show.
    const lesson = loadLesson(LESSON, 'en');
    await page.goto(`${site.origin}/index.html${BAND}#/lessons/${LESSON}/quiz/1`);
    await ui('en').answerRight(page, lesson.quiz[0]);
    await page.evaluate(() => { window.awareTestMark = true; });
    await site.deploy(next);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByRole('status').getByText(m('update-ready'), { exact: true }).waitFor({ timeout: 20000 });
    await page.getByRole('button', { name: m('update-apply'), exact: true }).waitFor();
    await page.getByRole('link', { name: m('quiz-next'), exact: true }).click();
    await page.waitForURL(`${site.origin}/index.html${BAND}#/lessons/${LESSON}/quiz/2`);
    await page.getByRole('group', { name: lesson.quiz[1].prompt, exact: true }).waitFor();
    assert.equal(await page.evaluate(() => window.awareTestMark), true, 'no reload within the quiz');
    assert.equal(await servesNext(page), false, 'the first version until the student leaves the quiz');

    // Leaving the quiz starts the new version.
    await page.getByRole('banner').getByRole('link', { name: m('nav-lessons'), exact: true }).click();
    await eventually(async () => assert.equal(await page.evaluate(() => window.awareTestMark), undefined, 'reloaded'), { timeout: 10000 });
    await expectCourse(page, 'en');
    assert.equal(await servesNext(page), true, 'the new version');
    assert.equal(await page.getByText(m('update-ready'), { exact: true }).count(), 0);
    expectClean(problems);
    await context.close();
  });

  test('"Start it now" starts the new version at once, on the same screen', async (t) => {
    // Chosen by the student, on the awareness check's one screen, which never starts it alone.
    const site = await startSite();
    t.after(() => site.stop());
    const { m } = ui('en');
    const { page, problems, context } = await open(site.origin, 'en');
    await page.goto(`${site.origin}/check.html#/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectKeptOffline(page);
    await page.evaluate(() => { window.awareTestMark = true; });
    await site.deploy(await nextRelease());
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.getByRole('button', { name: m('update-apply'), exact: true }).click({ timeout: 20000 });
    await eventually(async () => assert.equal(await page.evaluate(() => window.awareTestMark), undefined, 'reloaded'), { timeout: 10000 });
    assert.equal(new URL(page.url()).pathname, '/check.html');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expectClean(problems);
    await context.close();
  });
});

describe('the single file, opened from a disk', () => {
  for (const locale of LOCALES) {
    test(`walks a lesson and its quiz from file:// in ${locale}, with no server`, async () => {
      assert.ok(existsSync(SINGLE_FILE), `${SINGLE_FILE} comes from scripts/build.sh`);
      const address = pathToFileURL(SINGLE_FILE).href;
      const { page, problems, context } = await open('null', locale);
      const requests = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`${address}${BAND}#/`);
      await expectCourse(page, locale);
      await walkLessonAndQuiz(page, `${address}${BAND}`, locale);
      const other = LOCALES.find((id) => id !== locale);
      await page.goto(`${address}${BAND}#/`);
      await switchTo(page, other);
      await expectCourse(page, other);
      // Nothing but the file itself (and its own screens) was ever asked for.
      assert.deepEqual([...new Set(requests.map((url) => url.split(/[?#]/)[0]))], [address]);
      // No link leads to a page that is not on the stick (the awareness check is served only).
      assert.equal(await page.locator('a[href*="check.html"]').count(), 0);
      // Any refusal by its Content-Security-Policy would be a console error.
      expectClean(problems, { allowedOrigins: ['null'] });
      await context.close();
    });
  }
});
