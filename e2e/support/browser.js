// Launches Debian's Chromium through playwright-core (no browser download), with the flags this
// network-less machine needs, and records anything a test must fail on: console errors, uncaught
// exceptions, requests to other origins, and Content-Security-Policy violations (each
// `securitypolicyviolation` event of any page or frame, reported to the test through a binding).
import { chromium } from 'playwright-core';

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
}

/** Every policy violation of every page opened so far, for the suite's final check (app.js). */
export const policyViolations = [];

/** Runs in every page and frame before its own scripts: reports policy violations. */
function reportViolations() {
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__awarePolicyViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} on ${event.documentURI}` +
      (event.sourceFile ? ` (${event.sourceFile}:${event.lineNumber})` : ''));
  });
}

/** A fresh browser profile (context) whose page reports console errors, foreign requests and
 * policy violations. */
export async function openPage(browser, origin, { locale = 'en-GB', initScript } = {}) {
  const context = await browser.newContext({ locale });
  const problems = { consoleErrors: [], foreignRequests: [], policyViolations: [] };
  await context.exposeBinding('__awarePolicyViolation', (_source, text) => {
    problems.policyViolations.push(text);
    policyViolations.push(text);
  });
  await context.addInitScript(reportViolations);
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => problems.consoleErrors.push(String(err)));
  page.on('request', (req) => {
    if (new URL(req.url()).origin !== origin) problems.foreignRequests.push(req.url());
  });
  return { context, page, problems };
}
