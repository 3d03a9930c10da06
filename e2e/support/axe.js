// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on a whole page, failing with an actionable list of
// violations: each rule, the elements, and the fix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { E2E_DIR } from './app.js';

const AXE_SOURCE = readFileSync(join(E2E_DIR, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the whole document of `page`; `state` names what is on screen in the failure. */
export async function expectNoViolations(page, state) {
  // Evaluated through DevTools, not added as a <script>: the page's policy (rightly) blocks inline
  // scripts, and a test tool must not need the policy weakened.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  const report = result.violations
    .map((v) => [
      `- ${v.id} (${v.impact}): ${v.help}`,
      `  ${v.helpUrl}`,
      ...v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.failureSummary.replace(/\n/g, '\n      ')}`),
    ].join('\n'))
    .join('\n');
  assert.equal(result.violations.length, 0, `axe violations on ${state} (${page.url()}):\n${report}`);
}
