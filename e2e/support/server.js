// A static server for the release build (dist/), on 127.0.0.1 only. Unknown paths get index.html,
// as any single-page-app host must be configured, so deep links and reloads work.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * `at`: the folder the site is served from ('/', or '/aware/' as a school's own site might serve
 * it); a path outside it gets `beside` (another page of the same origin), or a 404.
 * `headers(path)`: extra response headers for a file (the embed tests send the release's CSP).
 */
export async function serve(root, port = 0, { at = '/', beside, headers = () => ({}) } = {}) {
  const server = createServer(async (req, res) => {
    const requested = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!requested.startsWith(at)) {
      if (beside === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': TYPES['.html'] }).end(beside);
      return;
    }
    const path = normalize(`/${requested.slice(at.length)}`).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
    } catch {
      // Files (with an extension) that do not exist are real 404s; screens fall back to the app.
      if (extname(path)) {
        res.writeHead(404).end();
        return;
      }
      file = join(root, 'index.html');
    }
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers(path) });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
