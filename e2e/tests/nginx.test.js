// The release site behind Debian's nginx with the shipped configuration (deploy/nginx/aware.conf,
// aware-brotli.conf and the _headers.nginx `aware package` wrote): every file gets exactly the
// headers dist/_headers gives it, addresses without a file fall back to the student's page,
// missing files are 404s, and the precompressed `.br`/`.gz` are sent to browsers that accept them.
// Then the student's page, loaded through nginx in Chromium, runs with no policy violation.
// nginx is installed by scripts/env.sh (setup_lrs_tools) and started on loopback here.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { distDir, expectClean, h1, eventually } from '../support/app.js';
import { launch as launchBrowser, openPage } from '../support/browser.js';
import { headersFor, readHeaders } from '../support/host.js';
import { freePorts, launch, nginxBin, run, until } from '../support/lrs.js';

const DEPLOY = resolve(dirname(fileURLToPath(import.meta.url)), '../../deploy/nginx');
/** Debian's brotli_static module (libnginx-mod-http-brotli-static), when installed. */
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const brotli = existsSync(BROTLI_MODULE);

const dist = distDir();
const rules = readHeaders(readFileSync(join(dist, '_headers'), 'utf8'));
/** Every file of the site, as site paths ('/index.html'), the precompressed copies and header files left out. */
const files = (function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    if (/\.(br|gz)$/.test(name) || name.startsWith('_headers')) return [];
    return [`/${relative(dist, path).split('\\').join('/')}`];
  });
})(dist);

let work;
let server;
let origin;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'aware-nginx-'));
  mkdirSync(join(work, 'temp'));
  const [port] = await freePorts(1);
  const config = [
    brotli ? `load_module ${BROTLI_MODULE};` : '',
    'daemon off;',
    'worker_processes 1;',
    `pid ${work}/nginx.pid;`,
    `error_log ${work}/error.log warn;`,
    'events { worker_connections 64; }',
    'http {',
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    `    access_log ${work}/access.log;`,
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `    ${name}_temp_path ${work}/temp/${name};`),
    '    server_tokens off;',
    '    server {',
    `        listen 127.0.0.1:${port};`,
    `        root ${dist};`,
    `        include ${DEPLOY}/aware.conf;`,
    brotli ? `        include ${DEPLOY}/aware-brotli.conf;` : '',
    `        include ${dist}/_headers.nginx;`,
    '    }',
    '}',
    '',
  ].join('\n');
  writeFileSync(join(work, 'nginx.conf'), config);
  const nginx = nginxBin();
  const args = ['-p', work, '-c', join(work, 'nginx.conf'), '-e', join(work, 'error.log')];
  run(nginx, ['-t', '-q', ...args]);
  server = launch('nginx', nginx, args, { log: join(work, 'stderr.log'), signal: 'SIGQUIT' });
  origin = `http://127.0.0.1:${port}`;
  await until('nginx', async () => (await get('/index.html')).status === 200, { child: server });
});

after(async () => {
  await server?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** One GET, the body as bytes (nothing decompressed). */
function get(path, headers = {}) {
  return new Promise((done, fail) => {
    const req = request(`${origin}${path}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** Asserts `response` carries exactly the headers `_headers` gives `path` (names compared as HTTP does). */
function expectHeaders(response, path) {
  const expected = headersFor(rules, path);
  assert.ok(Object.keys(expected).length > 0, `_headers names ${path}`);
  for (const [name, value] of Object.entries(expected)) {
    assert.equal(response.headers[name.toLowerCase()], value, `${name} of ${path}`);
  }
  // Nothing that _headers sets for another path: one Cache-Control, one policy, no duplicates.
  for (const name of ['cache-control', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy']) {
    const set = Object.keys(expected).some((key) => key.toLowerCase() === name);
    if (!set) assert.equal(response.headers[name], undefined, `${path} gets no ${name}`);
  }
}

test('every file of the site gets exactly the headers of _headers', async () => {
  assert.ok(files.includes('/index.html') && files.length > 10, `the site's files are found (${files.length})`);
  for (const path of [...files, '/']) {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    expectHeaders(response, path);
  }
});

test('pages are revalidated; files whose names carry a hash are cached for a year', async () => {
  for (const page of ['/', '/index.html', '/check.html', '/teacher.html', '/embed.html']) {
    const response = await get(page);
    assert.equal(response.headers['cache-control'], 'no-cache', page);
    assert.match(response.headers['content-security-policy'], /default-src 'none'/, page);
  }
  const hashed = files.filter((path) => /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/.test(path));
  assert.ok(hashed.some((path) => path.endsWith('.wasm')), 'the wasm modules are hashed');
  for (const path of hashed) {
    assert.equal((await get(path)).headers['cache-control'], 'public, max-age=31536000, immutable', path);
  }
});

test('an address that is no file falls back to the student page; a missing file is a 404', async () => {
  const student = readFileSync(join(dist, 'index.html'));
  for (const path of ['/lessons/what-is-trafficking/quiz/1', '/help', '/teacher/studies/x']) {
    const response = await get(path);
    assert.equal(response.status, 200, path);
    assert.deepEqual(response.body, student, `${path} is the student's page`);
    expectHeaders(response, '/index.html');
  }
  for (const path of ['/missing.js', '/content/en/no-such-lesson.bin', '/aware-student-0123456789abcdef_bg.wasm']) {
    assert.equal((await get(path)).status, 404, path);
  }
  for (const path of ['/_headers', '/_headers.nginx']) {
    assert.equal((await get(path)).status, 404, `${path} is not served`);
  }
});

test('the precompressed files are sent to browsers that accept them, as written', async () => {
  const compressed = files.filter((path) => existsSync(join(dist, `${path}.gz`)));
  assert.ok(compressed.some((path) => path.endsWith('.wasm')) && compressed.some((path) => path.endsWith('.bin')), 'wasm and content are precompressed');
  for (const path of compressed) {
    const raw = readFileSync(join(dist, path));
    const gz = await get(path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', path);
    assert.deepEqual(gz.body, readFileSync(join(dist, `${path}.gz`)), `${path}.gz as written`);
    assert.match(gz.headers.vary ?? '', /accept-encoding/i, `${path} varies by encoding`);
    expectHeaders(gz, path);
    const plain = await get(path);
    assert.equal(plain.headers['content-encoding'], undefined, path);
    assert.deepEqual(plain.body, raw, `${path} uncompressed`);
    if (brotli) {
      const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br', path);
      assert.deepEqual(br.body, readFileSync(join(dist, `${path}.br`)), `${path}.br as written`);
    }
  }
  if (!brotli) console.log(`# ${BROTLI_MODULE} is not installed: brotli not checked`);
});

test('the student page runs through nginx without a policy violation', async () => {
  const browser = await launchBrowser();
  try {
    const { page, problems } = await openPage(browser, origin);
    await page.goto(`${origin}/index.html#/`);
    await eventually(async () => assert.ok(((await h1(page).textContent()) ?? '').trim().length > 0, 'a heading'));
    await page.goto(`${origin}/check.html`);
    await eventually(async () => assert.ok(((await h1(page).textContent()) ?? '').trim().length > 0, 'a heading'));
    expectClean(problems);
  } finally {
    await browser.close();
  }
});
