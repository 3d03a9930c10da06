// Smoke test of the fake-camera pipeline, outside the default e2e run (`npm test` runs tests/):
//   cd e2e && node --test camera/
// A video of a phone showing a result code and of a class holding up cards becomes Chromium's
// camera; a page opens it with getUserMedia, grabs frames through a canvas as the app will, and
// the camera worker (crates/vision-worker, in a Web Worker) must read the code's exact bytes and
// only cards the video shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { ARGS } from '../support/browser.js';
import { blankPart, buildCameraWorker, cameraVideo, cardsPart, codePart, fakeCameraArgs } from '../support/camera.js';

const workerScript = join(dirname(fileURLToPath(import.meta.url)), '../support/vision/worker.js');
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm' };

// The page: opens the camera, sends frames to the worker until it has seen the code (or 20 s
// pass), and leaves what it read in window.result.
const PAGE = `<!doctype html><meta charset="utf-8"><title>fake camera</title><video autoplay muted playsinline></video>
<script type="module">
const video = document.querySelector('video');
const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
video.srcObject = stream;
await new Promise((resolve) => (video.onloadeddata = resolve));
const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
const context = canvas.getContext('2d', { willReadFrequently: true });
const worker = new Worker('worker.js', { type: 'module' });
const codes = new Set();
const cards = new Set();
let frames = 0;
const started = performance.now();
const next = () => {
  context.drawImage(video, 0, 0);
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  worker.postMessage({ id: frames, pixels, width: canvas.width, height: canvas.height, rgba: true, cards: true, codes: true }, [pixels.buffer]);
};
worker.onmessage = ({ data }) => {
  frames += 1;
  if (data.error) { window.result = { error: data.error }; return; }
  for (const code of data.codes) codes.add(Array.from(code.bytes, (b) => b.toString(16).padStart(2, '0')).join(''));
  for (const card of data.cards) cards.add(card.card + card.option);
  const done = codes.size > 0 && cards.size >= 3;
  if (done || performance.now() - started > 20000) {
    stream.getTracks().forEach((track) => track.stop());
    window.result = { frames, width: canvas.width, height: canvas.height, codes: [...codes], cards: [...cards] };
  } else {
    setTimeout(next, 50);
  }
};
next();
</script>`;

test('a video played as the fake camera reaches the worker: its code and cards are read', { timeout: 600_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'aware-camera-smoke-'));
  const payload = Uint8Array.from({ length: 56 }, (_, i) => (i * 37 + 11) & 0xff);
  const shown = [{ card: 3, option: 'B' }, { card: 12, option: 'D' }, { card: 25, option: 'A' }, { card: 40, option: 'C' }];
  const [video] = await Promise.all([
    cameraVideo([codePart(payload, 10), blankPart(2), cardsPart(shown, 10)], { dir }),
    buildCameraWorker(dir),
  ]);
  assert.equal(video.manifest.frames, 22);

  const server = createServer(async (request, response) => {
    const name = new URL(request.url, 'http://127.0.0.1').pathname.slice(1) || 'index.html';
    if (name === 'index.html') return response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (!['worker.js', 'vision_worker.js', 'vision_worker_bg.wasm'].includes(name)) return response.writeHead(404).end();
    const body = await readFile(name === 'worker.js' ? workerScript : join(dir, name));
    response.writeHead(200, { 'content-type': TYPES[extname(name)] }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [...ARGS, ...fakeCameraArgs(video.file)],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const result = await page.waitForFunction(() => window.result, null, { timeout: 120_000 }).then((h) => h.jsonValue());
    assert.deepEqual(errors, []);
    assert.equal(result.error, undefined);
    assert.deepEqual([result.width, result.height], [640, 480]);
    assert.deepEqual(result.codes, [Buffer.from(payload).toString('hex')], `codes read in ${result.frames} frames`);
    const expected = new Set(shown.map((card) => card.card + card.option));
    assert.ok(result.cards.length >= 3, `cards read: ${result.cards}`);
    for (const card of result.cards) assert.ok(expected.has(card), `card ${card} is not in the video`);
  } finally {
    await browser.close();
    server.close();
  }
});
