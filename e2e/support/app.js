// Shared pieces of the end-to-end tests: starting the app, waiting for screens, answering
// questions the way a student does, and the checks every test ends with.
import assert from 'node:assert/strict';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch, openPage, policyViolations } from './browser.js';
import { host } from './host.js';
import { localized } from './l10n.js';

export { LOCALES } from './l10n.js';

/** What a student's browser sends as its language (Chromium's accept-language) for each locale. */
export const BROWSER_LOCALES = { en: 'en-GB', mn: 'mn-MN' };

export const E2E_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** dist/ of the release build; AWARE_DIST (absolute, or relative to e2e/) overrides it. */
export function distDir() {
  const dist = process.env.AWARE_DIST ?? '../dist';
  return isAbsolute(dist) ? dist : resolve(E2E_DIR, dist);
}

/**
 * Starts the static host (support/host.js: the headers of dist/_headers, the policy included)
 * and Chromium. Call `stop()` in `after`: it fails the test file if any page it opened met a
 * Content-Security-Policy violation, whether or not that test checked. `served`: the site at a
 * sub-path (`at: '/aware/'`) beside another page of the same origin (`beside`, at `/news.html`).
 */
export async function startApp(served) {
  const site = await host(distDir(), served && { base: served.at, pages: { '/news.html': served.beside } });
  const origin = site.origin;
  const browser = await launch();
  return {
    origin,
    site,
    browser,
    /** A fresh profile (own storage and history) on the app's origin; `locale` is the browser's
     * language tag (default en-GB, see BROWSER_LOCALES). */
    async open(options) {
      const opened = await openPage(browser, origin, options);
      // The app answers in milliseconds; a missing element should fail fast, not after 30 s.
      opened.context.setDefaultTimeout(8000);
      return opened;
    },
    async stop() {
      await browser.close();
      await site.close();
      assert.deepEqual(policyViolations, [], 'Content-Security-Policy violations in this file\'s pages');
    },
  };
}

/**
 * The full URL of `address` ('index.html#/help') on the site at `origin`. The student page's
 * course screen asks for the age band before it lists lessons, so the tests open it as a
 * teacher's link does, `index.html?band=12-14#/…` (or `?band=15-18` for lessons for 15-18 only);
 * student-flow.test.js checks the first visit without one.
 */
export const siteUrl = (origin, address) => `${origin}/${address.replace(/^\//, '')}`;

/** Retries `check` (an async function that throws on failure) until it passes or time runs out. */
export async function eventually(check, { timeout = 5000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

/** The page's one `<h1>`. */
export const h1 = (page) => page.getByRole('heading', { level: 1 });

/** Asserts that `locator` (eventually) has exactly this text content, whitespace trimmed. */
export async function expectText(locator, text) {
  await eventually(async () => assert.equal((await locator.textContent({ timeout: 1000 }))?.trim(), text));
}

/** Asserts the exact text is visible somewhere on the page (exactly once). */
export async function expectVisibleText(page, text) {
  const locator = page.getByText(text, { exact: true });
  await locator.waitFor({ state: 'visible' });
  assert.equal(await locator.count(), 1, `"${text}" should appear once`);
}

/** Text that starts with `text` and does not go on with a digit ("Section 1 of 6", maybe followed by a link). */
export const startingWith = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`);

/** Asserts a count line such as "Section 1 of 6" or "Question 2 of 10" is shown, exactly once. */
export async function expectCount(page, text) {
  const locator = page.getByRole('main').getByText(startingWith(text));
  await locator.waitFor({ state: 'visible' });
  assert.equal(await locator.count(), 1, `"${text}" should appear once`);
}

/** The form control a student clicks for one option of a quiz item. */
export function optionControl(page, item, optionId) {
  const option = item.options.find((o) => o.id === optionId);
  assert.ok(option, `${item.id} has no option ${optionId}`);
  const role = item.type === 'multiple' ? 'checkbox' : 'radio';
  return page.getByRole(role, { name: option.text, exact: true });
}

/**
 * The options of `item` in the order the page shows them: the app shuffles each question's
 * options (so the answer is never "always the first"), so tests find a choice by its text, and
 * use this where the order itself matters (keyboard use, "focus on the first choice").
 */
export async function shownOptions(page, item) {
  const role = item.type === 'multiple' ? 'checkbox' : 'radio';
  const group = page.getByRole('group', { name: item.prompt, exact: true });
  await group.waitFor();
  const labels = await group.getByRole(role).evaluateAll((controls) =>
    controls.map((control) => [...control.labels].map((label) => label.textContent.replace(/\s+/g, ' ').trim()).join(' ')));
  return labels.map((label) => {
    const option = item.options.find((o) => o.text === label);
    assert.ok(option, `${item.id}: the page shows a choice "${label}" the lesson does not have`);
    return option;
  });
}

/** The options of `item` that are wrong, as ids. */
export const wrongOptions = (item) => item.options.map((o) => o.id).filter((id) => !item.correct.includes(id));

/**
 * The helpers that depend on the interface language, expecting the text of `locale`
 * (locales/<locale>/app.ftl): `m(id, args)` gives a message; `browserLocale` is what to open
 * the browser with so a student gets this language without choosing it.
 */
export function ui(locale) {
  const m = localized(locale);
  const RIGHT = m('quiz-correct');
  const WRONG = m('quiz-incorrect');

  /** Waits until the screen at `address` (a page of the site and its screen:
   * 'index.html#/lessons/<id>/quiz/1', 'teacher.html#/studies/<id>', 'check.html') shows
   * `heading` as its `<h1>` (and the lessons have loaded). */
  async function expectScreen(page, origin, address, heading) {
    const expected = siteUrl(origin, address);
    // A predicate, not a glob: addresses have `?` and `#` in them.
    await page.waitForURL((url) => url.href === expected);
    await eventually(async () => assert.equal((await h1(page).textContent())?.trim(), heading));
    await page.getByText(m('content-loading')).waitFor({ state: 'detached' });
    await eventually(async () => assert.equal(await page.locator('html').getAttribute('lang'), locale, '<html lang>'));
  }

  /** Goes to `address` by typing it in the address bar: a full page load, except that an address
   * differing from the current one only after `#` changes the screen in the same page, as in a
   * browser (use `page.reload()` for a new visit). */
  async function visit(page, origin, address, heading) {
    await page.goto(siteUrl(origin, address));
    await expectScreen(page, origin, address, heading);
  }

  /** document.title ("<page> – Aware") and <html lang> of the current screen. */
  async function expectTitle(page, pageName) {
    await eventually(async () => assert.equal(await page.title(), m('page-title', { page: pageName })));
    assert.equal(await page.locator('html').getAttribute('lang'), locale);
  }

  /** Chooses the given options of the question on screen and presses "Check answer". */
  async function answer(page, item, optionIds) {
    await page.getByRole('group', { name: item.prompt, exact: true }).waitFor();
    for (const id of optionIds) await optionControl(page, item, id).check();
    await page.getByRole('button', { name: m('quiz-check'), exact: true }).click();
  }

  /** Answers the question on screen correctly and checks the feedback. */
  async function answerRight(page, item) {
    await answer(page, item, item.correct);
    await page.getByText(RIGHT, { exact: true }).waitFor();
  }

  return {
    locale, m, browserLocale: BROWSER_LOCALES[locale], RIGHT, WRONG,
    expectScreen, visit, expectTitle, answer, answerRight,
  };
}

// The English helpers, for the tests that check English-specific details.
export const { RIGHT, WRONG, expectScreen, visit, expectTitle, answer, answerRight } = ui('en');

/** Every test ends with this: no policy violation, nothing went wrong in the console, nothing left the machine. */
export function expectClean(problems, { allowedOrigins = [] } = {}) {
  assert.deepEqual(problems.policyViolations, [], 'Content-Security-Policy violations');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  const foreign = problems.foreignRequests.filter((url) => !allowedOrigins.includes(new URL(url).origin));
  assert.deepEqual(foreign, [], 'requests to other origins');
}
