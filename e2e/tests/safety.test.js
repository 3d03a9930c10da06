// Safety features a student must be able to rely on: "Get help" everywhere, "Exit this page" on
// every screen, and Shift pressed three times exiting as the link does, leaving no app page behind
// the Back button. (The exit link itself, from every point of a history, with and without the
// Navigation API, on a phone and by keyboard: exit.test.js.)
// The exit site is intercepted with a tiny local page, so nothing leaves the machine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import {
  answerRight, expectClean, expectScreen, expectTitle, startApp, visit,
} from '../support/app.js';
import { ROOT, loadHelp, loadLesson, parseToml } from '../support/content.js';

const lesson1 = loadLesson('what-is-trafficking');
const lesson2 = loadLesson('myths-and-facts');
const lessons = [lesson1, lesson2];
const EXIT_URL = parseToml(readFileSync(join(ROOT, 'deployment.toml'), 'utf8'), 'deployment.toml').exit_url;
const EXIT_ORIGIN = new URL(EXIT_URL).origin;

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.stop();
});

/** Every kind of screen, with its address and `<h1>`. */
function screens() {
  const mid = Math.ceil(lesson1.sections.length / 2);
  return [
    { path: 'index.html?band=12-14#/', heading: 'Lessons' },
    { path: `index.html?band=12-14#/lessons/${lesson1.id}/section/1`, heading: lesson1.title },
    { path: `index.html?band=12-14#/lessons/${lesson1.id}/section/${mid}`, heading: lesson1.title },
    { path: `index.html?band=12-14#/lessons/${lesson1.id}/section/${lesson1.sections.length}`, heading: lesson1.title },
    { path: `index.html?band=12-14#/lessons/${lesson2.id}/section/1`, heading: lesson2.title },
    { path: `index.html?band=12-14#/lessons/${lesson1.id}/quiz/1`, heading: lesson1.title },
    { path: `index.html?band=12-14#/lessons/${lesson2.id}/quiz/${lesson2.quiz.length}`, heading: lesson2.title },
    { path: `index.html?band=12-14#/lessons/${lesson1.id}/result`, heading: 'What you learned' },
    { path: 'index.html?band=12-14#/help', heading: 'Get help' },
    { path: 'index.html?band=12-14#/nope', heading: 'Page not found' },
    { path: `index.html?band=12-14#/lessons/${lesson1.id}/section/99`, heading: 'This lesson has no section 99.' },
    { path: 'index.html?band=12-14#/lessons/no-such-lesson/quiz/1', heading: "We couldn't find that lesson." },
  ];
}

/** A page for the exit site, served from here: the test sees where the app went, offline. */
async function interceptExitSite(context) {
  const visits = [];
  await context.route(`${EXIT_ORIGIN}/**`, (route) => {
    visits.push(route.request().url());
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="en"><title>Weather</title><h1>Weather forecast</h1></html>',
    });
  });
  return visits;
}

/** Opens the app and walks through several screens in-app, so it has several history entries. */
async function browseAFewScreens(page) {
  await visit(page, app.origin, 'index.html?band=12-14#/', 'Lessons');
  await page.getByRole('link', { name: lesson1.title, exact: true }).click();
  await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/section/1`, lesson1.title);
  await page.getByRole('link', { name: 'Next section', exact: true }).click();
  await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/section/2`, lesson1.title);
  await page.getByRole('banner').getByRole('link', { name: 'Get help', exact: true }).click();
  await expectScreen(page, app.origin, 'index.html?band=12-14#/help', 'Get help');
  assert.ok(await page.evaluate(() => history.length) >= 4, 'the app has several history entries');
}

/** After an exit: the exit site is shown, and Back does not lead into the app. */
async function expectExitedForGood(page) {
  await page.waitForURL(EXIT_URL);
  await page.getByRole('heading', { name: 'Weather forecast' }).waitFor();
  await page.goBack();
  // Give a (wrong) Back into the app time to show; the address must stay out of the app.
  await page.waitForLoadState();
  await page.waitForTimeout(300);
  const url = page.url();
  assert.ok(!url.startsWith(app.origin), `after the exit, Back must not return to the app, but went to ${url}`);
}

describe('"Get help"', () => {
  test('is a link in the header of every screen, and leads to the help page', async () => {
    const { page, problems, context } = await app.open();
    for (const screen of screens()) {
      await visit(page, app.origin, screen.path, screen.heading);
      const help = page.getByRole('banner').getByRole('link', { name: 'Get help', exact: true });
      assert.equal(await help.count(), 1, `"Get help" on ${screen.path}`);
      assert.ok(await help.isVisible(), `"Get help" is visible on ${screen.path}`);
      assert.equal(await help.getAttribute('href'), '#/help');
      const exit = page.locator('#aware-exit-bar').getByRole('button', { name: 'Exit this page' });
      assert.ok(await exit.isVisible(), `"Exit this page" is visible on ${screen.path}`);
    }
    // From inside a quiz, the link goes to the help page.
    await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/1`, lesson1.title);
    await page.getByRole('banner').getByRole('link', { name: 'Get help', exact: true }).click();
    await expectScreen(page, app.origin, 'index.html?band=12-14#/help', 'Get help');
    expectClean(problems);
    await context.close();
  });

  test('the help page lists the helplines with tap-to-call links: "Call 108" and "Call 102"', async () => {
    const { page, problems, context } = await app.open();
    await visit(page, app.origin, 'index.html?band=12-14#/help', 'Get help');
    await expectTitle(page, 'Get help');
    for (const [name, number] of [['Child Helpline', '108'], ['Police', '102']]) {
      const contact = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
      const call = contact.getByRole('link', { name: `Call ${number}`, exact: true });
      assert.equal(await call.getAttribute('href'), `tel:${number}`, `${name}: tel: link`);
    }
    // Every helpline of lessons/help.toml is on the page.
    const contacts = loadHelp();
    assert.equal(await page.getByRole('main').getByRole('link', { name: /^Call / }).count(), contacts.length);
    for (const contact of contacts) {
      const call = page.getByRole('link', { name: `Call ${contact.number}`, exact: true });
      assert.equal(await call.getAttribute('href'), `tel:${contact.number.replace(/ /g, '')}`);
      // Where the number is listed, and when someone saw it there: never "checked" without a test call.
      await page.getByText(new RegExp(`^Listed by .+ on ${contact.listed_on}\\.$`)).first().waitFor();
      if (contact.test_call !== 'none') {
        await page.getByText(`A test call got through on ${contact.test_call}.`, { exact: true }).first().waitFor();
      }
    }
    // The first section of each lesson also points to help, before any difficult content.
    for (const lesson of lessons) {
      await visit(page, app.origin, `index.html?band=12-14#/lessons/${lesson.id}/section/1`, lesson.title);
      await page.getByRole('main').getByRole('link', { name: 'Get help', exact: true }).click();
      await expectScreen(page, app.origin, 'index.html?band=12-14#/help', 'Get help');
    }
    expectClean(problems);
    await context.close();
  });
});

describe('"Exit this page" by pressing Shift three times', () => {
  test('pressing Shift three times exits the same way', async () => {
    const { page, problems, context } = await app.open();
    const visits = await interceptExitSite(context);
    await browseAFewScreens(page);
    // In the middle of a quiz, with an answer given.
    await page.goBack();
    await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/section/2`, lesson1.title);
    for (let n = 3; n <= lesson1.sections.length; n++) {
      await page.getByRole('link', { name: 'Next section', exact: true }).click();
      await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/section/${n}`, lesson1.title);
    }
    await page.getByRole('link', { name: 'Start the quiz', exact: true }).click();
    await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/1`, lesson1.title);
    await answerRight(page, lesson1.quiz[0]);
    await page.getByRole('link', { name: 'Next question', exact: true }).click();
    await expectScreen(page, app.origin, `index.html?band=12-14#/lessons/${lesson1.id}/quiz/2`, lesson1.title);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expectExitedForGood(page);
    assert.equal(visits[0], EXIT_URL);
    expectClean(problems, { allowedOrigins: [EXIT_ORIGIN] });
    await context.close();
  });

  test('Shift twice, then a letter, does not exit: the count starts again', async () => {
    const { page, problems, context } = await app.open();
    const visits = await interceptExitSite(context);
    await browseAFewScreens(page);
    // Announced beside the exit link, in its bar.
    const announcement = (text) => page.locator('#aware-exit-bar').getByRole('status').filter({ hasText: text });
    await page.keyboard.press('Shift');
    await announcement('Shift, press 2 more times to exit.').waitFor({ state: 'attached' });
    await page.keyboard.press('Shift');
    await announcement('Shift, press 1 more time to exit.').waitFor({ state: 'attached' });
    await page.keyboard.press('a');
    // Had the letter not reset the count, this Shift would be the third and exit.
    await page.keyboard.press('Shift');
    await announcement('Shift, press 2 more times to exit.').waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    assert.equal(page.url(), `${app.origin}/index.html?band=12-14#/help`, 'still on the same screen');
    assert.deepEqual(visits, [], 'the exit site was not visited');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('aware-exiting')), false);

    // Shift held as a modifier (Shift+A) does not count either.
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift');
    await announcement('Shift, press 2 more times to exit.').waitFor({ state: 'attached' });
    await page.keyboard.press('Shift+B');
    await page.waitForTimeout(300);
    assert.deepEqual(visits, []);
    assert.equal(page.url(), `${app.origin}/index.html?band=12-14#/help`);
    expectClean(problems);
    await context.close();
  });
});
