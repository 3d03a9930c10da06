// A static host for a built site (dist/ of scripts/build.sh), on 127.0.0.1 only: what the
// end-to-end tests (support/app.js) and the load benchmark (bench/load.js) load the app from. It
// sends the files the way a static host or CDN does, so the tests and the benchmark see what a
// student's browser gets:
// - Headers: exactly those of the site's `_headers` file (Netlify / Cloudflare Pages syntax,
//   written by `aware package`: the Content-Security-Policy and the rest), for every path a rule
//   of it names, several matching rules merged in file order. Nothing of its own beyond what HTTP
//   needs (Content-Type by extension, Content-Length, Content-Encoding, Vary, ETag,
//   Last-Modified). A site without `_headers` (one Trunk built alone) gets the caching rule
//   `aware package` would give it: a year for names that carry a content hash, else revalidation.
// - Compression from Accept-Encoding: brotli, else gzip, else none, for text, wasm and content
//   files (`encodings` limits what the host offers: hosts without brotli exist, and Chromium asks
//   for brotli on loopback even over plain HTTP). A precompressed `<file>.br` / `<file>.gz` beside
//   a file is sent as it is; otherwise the file is compressed at the highest level on its first
//   request and kept, as a CDN keeps what it compresses.
// - No fallback: screens are named after `#`, so an address that is no file is a 404, as on any
//   plain static host; `/` and a folder's `/` get its index.html; `_headers*` is never served.
// - The site at a sub-path (`base: '/aware/'`) beside other pages on the same origin (`pages`),
//   as a school's or a campaign's own site hosts it; `/aware` is redirected to `/aware/`.
// Over HTTP (HTTP/1.1), or over HTTPS (HTTP/2, with HTTP/1.1 for clients without it, as hosts
// serve TLS) with a self-signed certificate made at run time by `selfSignedCertificate`.
//
// API:
//   const site = await host(root, { base, pages, tls, encodings });
//   site.origin             'http://127.0.0.1:PORT'
//   site.base               '/' or the sub-path, with slashes at both ends ('/aware/')
//   site.url(address)       the full URL of an address in the site ('index.html#/help' →
//                           'http://127.0.0.1:PORT/aware/index.html#/help')
//   await site.close()
//   pages: { '/': '<!doctype html>…', '/other.html': { body, type, headers } }: pages outside the
//     site, sent as given (a string is text/html), never with the site's headers.
//   readHeaders(text) / headersFor(rules, path): the `_headers` file as rules, and the headers a
//     path gets (the nginx test compares nginx's responses with them).
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
/** Types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.bin', '.svg', '.txt', '.xml']);
/** Trunk's content hash: 16 hex digits, fewer when the hash starts with zeros (`aware package` counts 12 or more). */
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z0-9]+$/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESS = {
  br: (bytes) => brotli(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }),
  gzip: (bytes) => gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
};

/**
 * The rules of a `_headers` file: [{ path, pattern, headers: [[name, value]] }]. A path line
 * starts at the beginning of a line; its headers follow, indented, as `Name: value`; `#` starts
 * a comment. A `*` in a path matches anything (Netlify's splat). Anything else throws, so a file
 * this cannot read fails the tests instead of being served without its headers.
 */
export function readHeaders(text) {
  const rules = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      if (!line.startsWith('/')) throw new Error(`_headers:${i + 1}: a path must start with /: ${line}`);
      const path = line.trim();
      const pattern = new RegExp(`^${path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
      rules.push({ path, pattern, headers: [] });
      continue;
    }
    const header = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!header) throw new Error(`_headers:${i + 1}: not a header: ${line}`);
    if (rules.length === 0) throw new Error(`_headers:${i + 1}: a header before any path`);
    rules.at(-1).headers.push([header[1], header[2].trim()]);
  }
  return rules;
}

/** The headers `_headers` gives `path` (site-relative, starting with /): every matching rule's, in order. */
export function headersFor(rules, path) {
  const headers = {};
  for (const rule of rules) {
    if (!rule.pattern.test(path)) continue;
    for (const [name, value] of rule.headers) {
      const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
      // Netlify joins a header set twice with a comma, as HTTP allows for lists.
      if (existing) headers[existing] = `${headers[existing]}, ${value}`;
      else headers[name] = value;
    }
  }
  return headers;
}

/** The first of `offered` the client accepts, else none (`identity`). */
function chooseEncoding(offered, acceptEncoding = '') {
  const accepted = new Map();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
    accepted.set(name, q ? Number(q[1]) : 1);
  }
  return offered.find((name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0) ?? 'identity';
}

/** `base` with a slash at both ends. */
function normalizeBase(base) {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** A request handler serving `root` at `base`, and `pages` beside it. */
function staticFiles(root, { offered, base, pages }) {
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? readHeaders(readFileSync(headersFile, 'utf8')) : null;
  // (file, encoding) → Promise<{ body, etag }>: each representation is read or compressed once.
  const representations = new Map();
  const represent = (file, encoding) => {
    const key = `${file}\0${encoding}`;
    if (!representations.has(key)) {
      representations.set(key, (async () => {
        let body;
        if (encoding === 'identity') body = await readFile(file);
        else body = await readFile(`${file}.${encoding === 'br' ? 'br' : 'gz'}`)
          .catch(async () => COMPRESS[encoding](await readFile(file)));
        return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
      })());
    }
    return representations.get(key);
  };
  const isFile = (file) => stat(file).then((s) => (s.isFile() ? s : null), () => null);
  const notFound = (res) => res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');

  return async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      let path;
      try {
        path = normalize(`/${decodeURIComponent(new URL(req.url, 'http://host').pathname)}`);
      } catch {
        path = '\0';
      }
      if (Object.hasOwn(pages, path)) {
        const page = typeof pages[path] === 'string' ? { body: pages[path] } : pages[path];
        const body = Buffer.from(page.body);
        res.writeHead(200, { 'content-type': page.type ?? TYPES['.html'], 'content-length': body.length, ...page.headers });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      if (`${path}/` === base) {
        res.writeHead(301, { location: base }).end();
        return;
      }
      if (!path.startsWith(base) || path.includes('\0')) {
        notFound(res);
        return;
      }
      // The path inside the site, as `_headers` names it.
      const sitePath = `/${path.slice(base.length)}`;
      if (/^\/_headers/.test(sitePath)) {
        notFound(res);
        return;
      }
      const file = join(root, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
      const stats = await isFile(file);
      if (!stats) {
        notFound(res);
        return;
      }
      const ext = extname(file);
      const compressible = COMPRESSIBLE.has(ext);
      const encoding = compressible ? chooseEncoding(offered, req.headers['accept-encoding']) : 'identity';
      const { body, etag } = await represent(file, encoding);
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        etag,
        'last-modified': stats.mtime.toUTCString(),
        ...(rules
          ? headersFor(rules, sitePath)
          : { 'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache' }),
      };
      if (compressible) headers.vary = 'accept-encoding';
      if (req.headers['if-none-match']?.split(/\s*,\s*/).includes(etag)) {
        res.writeHead(304, headers).end();
        return;
      }
      if (encoding !== 'identity') headers['content-encoding'] = encoding;
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${error}\n`);
    }
  };
}

/**
 * A self-signed certificate for 127.0.0.1, made with the openssl command line in a temporary
 * folder that is removed at once. `spki` is the base64 SHA-256 of its public key, what Chromium's
 * --ignore-certificate-errors-spki-list takes to trust this one certificate and no other.
 */
export function selfSignedCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'aware-host-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    const key = readFileSync(join(dir, 'key.pem'));
    const cert = readFileSync(join(dir, 'cert.pem'));
    const spkiDer = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    return { key, cert, spki: createHash('sha256').update(spkiDer).digest('base64') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Serves `root` on 127.0.0.1 at a free port (see the top of this file): at `base` (default `/`),
 * with `pages` beside it, over HTTP or over HTTPS when `tls` ({ key, cert }) is given, compressed
 * with the first of `encodings` ('br', 'gzip') the browser accepts.
 */
export async function host(root, { tls, encodings = ['br', 'gzip'], base = '/', pages = {} } = {}) {
  const siteBase = normalizeBase(base);
  const handler = staticFiles(root, { offered: encodings, base: siteBase, pages });
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handler) : createServer(handler);
  // Browsers keep connections open: close them with the server, so `close` does not wait for them.
  const sockets = new Set();
  server.on(tls ? 'secureConnection' : 'connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
  return {
    origin,
    base: siteBase,
    url: (address = '') => `${origin}${siteBase}${address.replace(/^\//, '')}`,
    close: () => new Promise((resolve) => {
      server.close(resolve);
      for (const socket of sockets) socket.destroy();
    }),
  };
}
