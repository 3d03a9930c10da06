// The release site packaged again for another deployment: the pages Trunk built (scripts/build.sh
// leaves them in target/pages; AWARE_PAGES overrides), put together by `aware package` with the
// repository's deployment.toml but for the settings a test changes (the campaign origins that
// may frame the quiz, say), so its _headers say what such a deployment's would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from './content.js';

/**
 * Packages the built pages with deployment.toml, each top-level key of `settings` replacing its
 * line there (`{ embed_origins: ['http://127.0.0.1:1234'] }`), into a new temporary folder.
 * Returns { dir, remove() }.
 */
export function packageSite(settings) {
  const pages = process.env.AWARE_PAGES ?? join(ROOT, 'target', 'pages');
  const dir = mkdtempSync(join(tmpdir(), 'aware-site-'));
  let deployment = readFileSync(join(ROOT, 'deployment.toml'), 'utf8');
  for (const [key, value] of Object.entries(settings)) {
    const line = new RegExp(`^${key} = .*$`, 'm');
    assert.match(deployment, line, `deployment.toml has ${key}`);
    deployment = deployment.replace(line, `${key} = ${JSON.stringify(value)}`);
  }
  const file = join(dir, 'deployment.toml');
  writeFileSync(file, deployment);
  const site = join(dir, 'site');
  const packaged = spawnSync(
    'cargo',
    ['run', '--quiet', '--profile', 'host', '--target-dir', 'target/host-tools', '-p', 'aware-cli', '--',
      'package', '--deployment', file, '--out', site, ...['index', 'check', 'teacher'].map((p) => join(pages, p))],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(packaged.status, 0, `aware package failed:\n${packaged.stderr}`);
  return { dir: site, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
