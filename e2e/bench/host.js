// A static host for a built site, on 127.0.0.1 only, for the load benchmark (load.js): it sends
// the files the way a static host or CDN does, so the benchmark sees what a student's browser gets.
// - Compression from Accept-Encoding: brotli, else gzip, else none, for text and wasm (a host can
//   be limited to gzip, as hosts without brotli are: Chromium asks for brotli on loopback even
//   over plain HTTP, so only the host can decide that the browser gets gzip). A
//   precompressed `<file>.br` / `<file>.gz` beside a file is sent as it is; otherwise the file is
//   compressed at the highest level (brotli 11, gzip 9) on its first request and kept, as a CDN
//   keeps what it compresses, so only a first (warm-up) request pays for compressing.
// - Content-Type by extension, `Vary: Accept-Encoding`, ETag (answering If-None-Match with 304)
//   and Last-Modified.
// - Cache-Control: a file whose name carries a content hash (Trunk's `name-<16 hex>.ext`) is
//   immutable for a year; anything else (index.html, content, a service worker) is revalidated.
// - An address without an extension that is no file gets index.html (the single-page-app
//   fallback every host of the app is configured with); a missing file with an extension is a 404.
// Over HTTP (HTTP/1.1) or HTTPS (HTTP/2, with HTTP/1.1 for clients without it, as hosts serve
// TLS) with a self-signed certificate made at run time by `selfSignedCertificate`.
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
/** Types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.txt', '.xml']);
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

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

/** A request handler serving `root`, compressing with the first of `offered` a client accepts. */
function staticFiles(root, offered) {
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
      let file = join(root, path.endsWith('/') ? `${path}index.html` : path);
      let stats = path.includes('\0') ? null : await isFile(file);
      if (!stats && !extname(path)) {
        file = join(root, 'index.html');
        stats = await isFile(file);
      }
      if (!stats) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
        return;
      }
      const ext = extname(file);
      const compressible = COMPRESSIBLE.has(ext);
      const encoding = compressible ? chooseEncoding(offered, req.headers['accept-encoding']) : 'identity';
      const { body, etag } = await represent(file, encoding);
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        etag,
        'last-modified': stats.mtime.toUTCString(),
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
  const dir = mkdtempSync(join(tmpdir(), 'aware-bench-tls-'));
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
 * Serves `root` on 127.0.0.1 at a free port: over HTTP, or over HTTPS when `tls` ({ key, cert })
 * is given; compressed with the first of `encodings` ('br', 'gzip') the browser accepts.
 * Returns `{ origin, close }`.
 */
export async function host(root, { tls, encodings = ['br', 'gzip'] } = {}) {
  const handler = staticFiles(root, encodings);
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handler) : createServer(handler);
  // Browsers keep connections open: close them with the server, so `close` does not wait for them.
  const sockets = new Set();
  server.on(tls ? 'secureConnection' : 'connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      server.close(resolve);
      for (const socket of sockets) socket.destroy();
    }),
  };
}
