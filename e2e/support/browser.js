// Launches Debian's Chromium through playwright-core (no browser download), with the flags this
// network-less machine needs, and records anything a test must fail on.
import { chromium } from 'playwright-core';

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
}

/** A fresh browser profile (context) whose page reports console errors and foreign requests. */
export async function openPage(browser, origin, { locale = 'en-GB', initScript } = {}) {
  const context = await browser.newContext({ locale });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  const problems = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => problems.consoleErrors.push(String(err)));
  page.on('request', (req) => {
    if (new URL(req.url()).origin !== origin) problems.foreignRequests.push(req.url());
  });
  return { context, page, problems };
}
