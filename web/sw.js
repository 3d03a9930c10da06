// The service worker: keeps one whole version of Aware on the device, so that after one visit
// every lesson, scenario and quiz, "Get help", the awareness check and the teacher's screens open
// without a connection, in every language.
//
// `aware package` writes dist/sw.js as this file after one line, `const PRECACHE = {version,
// files}`: every file of the release (each page but the embed view, the scripts, wasm, styles,
// icons, the web app manifest, every language's course index and lessons, the assessment), each
// with the SHA-256 of its bytes (as `integrity`), and a version that is a hash of that list. A
// new deployment changes the list, so the browser sees a new worker.
//
// - Install: a version is downloaded whole into the cache `aware-<version>`, each file checked
//   against its hash (a file the server already changed fails the install, which is tried again
//   later: a device never holds half of two versions). A file an older version on the device
//   has with the same hash is copied from there instead of downloaded.
// - A new version waits (no skipWaiting here) until the page lets it start: `web/boot.js` tells
//   the app, the app shows "A new version is ready" and posts `apply` when the student chooses
//   it or moves to another screen (never during a question; see src/state/update.rs).
// - Activate: every other `aware-` cache is deleted; open pages come under this version.
// - Fetch: pages and files of the list come from this version's cache (the network only when the
//   cache has lost one); a page's address with a query or a screen path finds its file. Anything
//   else, and everything the embed view asks for (a campaign's frame must not depend on a
//   worker: in third-party frames browsers partition or deny them), goes to the network.
'use strict';

const PREFIX = 'aware-';
const CACHE = PREFIX + PRECACHE.version;
const SCOPE = new URL('./', self.location.href);
/** Pages the worker never answers: the embed view always comes from the network. */
const EMBED = 'embed.html';

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Sent by web/boot.js when the app lets a waiting version start.
self.addEventListener('message', (event) => {
  if (event.data === 'apply') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const path = pathInScope(request.url);
  if (path === null) return;
  if (request.mode === 'navigate') {
    const page = pageFor(path);
    if (page) event.respondWith(fromCache(page, request));
    return;
  }
  if (Object.hasOwn(PRECACHE.files, path)) event.respondWith(forClient(event.clientId, path, request));
});

/** The address relative to the worker's folder, or null outside it. */
function pathInScope(address) {
  const url = new URL(address);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  return decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
}

/** The page file a navigation shows: its own file, or index.html for the folder and for any
 * address without an extension (the single-page fallback hosts are set up with). */
function pageFor(path) {
  if (path === '' || !path.includes('.')) return 'index.html';
  if (path.endsWith('.html') && Object.hasOwn(PRECACHE.files, path)) return path;
  return null;
}

async function fromCache(path, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(new URL(path, SCOPE).href)) ?? fetch(request);
}

/** A page loaded in the embed view gets its files from the network, as its page came. */
async function forClient(clientId, path, request) {
  const client = clientId ? await self.clients.get(clientId) : null;
  if (client && pathInScope(client.url) === EMBED) return fetch(request);
  return fromCache(path, request);
}

async function precache() {
  const cache = await caches.open(CACHE);
  const older = [];
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) older.push(await caches.open(name));
  }
  const queue = Object.entries(PRECACHE.files);
  // A few downloads at a time: the student's own page keeps most of a slow connection.
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await keep(cache, older, ...next);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

async function keep(cache, older, path, integrity) {
  const url = new URL(path, SCOPE).href;
  // An install that was interrupted goes on where it stopped.
  if (await cache.match(url)) return;
  for (const other of older) {
    const kept = await other.match(url);
    if (kept && kept.headers.get('x-aware-integrity') === integrity) {
      await cache.put(url, kept);
      return;
    }
  }
  const response = await fetch(url, { integrity, cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  // The host's headers go with the file (a page keeps its policy, frame-ancestors included), but
  // not how it was encoded on the wire: the body kept is decoded. The hash lets a later version
  // reuse the file.
  const headers = new Headers(response.headers);
  for (const name of ['content-encoding', 'content-length', 'transfer-encoding']) headers.delete(name);
  headers.set('x-aware-integrity', integrity);
  await cache.put(url, new Response(await response.arrayBuffer(), { headers }));
}
