// The load benchmark (`scripts/bench.sh load`): a student's cold load of a lesson's first quiz
// question in Debian's Chromium, driven through the DevTools Protocol, with the built site sent by
// host.js the way a static host sends it: brotli over HTTPS (HTTP/2), and gzip over HTTP
// (HTTP/1.1) from a host that offers only gzip. It prints figures and asserts nothing; a run that
// goes wrong is printed as failed, with the reason.
//
// Usage: node bench/load.js DIST [--locale mn|en] [--lesson ID] [--page ADDRESS] [--runs N]
//   DIST     a built site (dist/ of scripts/build.sh)
//   --page   the address to load; by default /index.html?band=12-14#/lessons/ID/quiz/1
//   --lesson the lesson; by default the course's first (as `aware content-json` compiles it)
//
// For each condition (none, CPU 4× slower, a slow network, both) and each way of sending, N runs
// (5 by default), each in a fresh browser context (no cache, no service worker), give:
// - first answer: from navigation start until the first option of the question is in the page,
//   enabled and visible, and the frame that shows it is drawn (timed in the page by an init script);
// - transferred and requests: every response the page received for the requests it made until
//   then, headers included (what DevTools shows as "transferred");
// - memory: the JS heap in use (after a garbage collection) plus the wasm module's memory, once
//   the first option has been chosen and checked. The init script finds the module's
//   WebAssembly.Memory by wrapping WebAssembly.instantiate(Streaming): the app is not changed.
// Times are wall-clock on a machine other programs may be using: the load average is printed.
import { loadavg, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { chromium } from 'playwright-core';

import { BROWSER_LOCALES } from '../support/app.js';
import { builtContent } from '../support/content.js';
import { ARGS, openPage } from '../support/browser.js';
import { host, selfSignedCertificate } from '../support/host.js';

const CONDITIONS = [
  { name: 'none' },
  { name: 'CPU 4×', cpu: 4 },
  { name: 'network', network: true },
  { name: 'both', cpu: 4, network: true },
];
/** 1.6 Mbps down, 750 kbps up, 150 ms round trip (throughputs in bytes per second). */
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const TARGET_SECONDS = 1.5; // in the "both" condition (issue 12)
const TARGET_MEMORY = 8e6; // bytes after the first answer (issue 12)
const RUN_TIMEOUT = 30_000;
const PROBE_TIMEOUT = 60_000;
/** A question's options: radio buttons or checkboxes in the fieldset of its form. */
const OPTION = 'form fieldset input[type=radio], form fieldset input[type=checkbox]';

/**
 * Runs in the page before its own scripts (as an init script, with OPTION as argument): keeps the
 * wasm module's memory, times the first frame that shows the question's first option usable, and
 * helps answer it with real clicks. Plain DOM only: Playwright's own in-page scripts (locators,
 * waitForFunction) would add to the JS heap being measured.
 */
function instrument(optionSelector) {
  const memories = new Set();
  const keep = (imports) => (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result.instance;
    const imported = Object.values(imports ?? {}).flatMap((namespace) => Object.values(namespace ?? {}));
    for (const value of [...Object.values(instance.exports), ...imported]) {
      if (value instanceof WebAssembly.Memory) memories.add(value);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (source, imports, ...rest) {
      return original.call(this, source, imports, ...rest).then(keep(imports));
    };
  }

  /** Called in a frame's callback, runs `then` once that frame has been drawn (as the next task). */
  const afterThisFrame = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(null);
  };
  const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => afterThisFrame(resolve)));
  const statusTexts = () => [...document.querySelectorAll('[role=status]')].map((region) => region.textContent);

  let resolveReady;
  const bench = {
    ready: new Promise((resolve) => { resolveReady = resolve; }),
    readyAt: undefined,
    lastChange: 0,
    wasmBytes: () => [...memories].reduce((sum, memory) => sum + memory.buffer.byteLength, 0),
    /** The middle of the first option, scrolled into view, for a mouse click. */
    option() {
      const option = document.querySelector(optionSelector);
      option.scrollIntoView({ block: 'center' });
      const box = option.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    },
    /** The middle of the check button (the option's form's submit button), once the app has taken
     * the choice; `feedback` then resolves when the answer's feedback is announced (the text of a
     * status region changes). */
    async checkButton() {
      await afterFrame();
      const option = document.querySelector(optionSelector);
      if (!option.checked) throw new Error('the first option was clicked but is not chosen');
      const before = statusTexts();
      bench.feedback = new Promise((resolve) => {
        const announced = new MutationObserver(() => {
          if (statusTexts().some((text, i) => text.trim() !== '' && text !== before[i])) {
            announced.disconnect();
            resolve();
          }
        });
        announced.observe(document, { childList: true, subtree: true, characterData: true });
      });
      const button = option.form.querySelector('button[type=submit], input[type=submit]');
      button.scrollIntoView({ block: 'center' });
      const box = button.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    },
  };
  Object.defineProperty(window, '__bench', { value: bench });
  const usable = (input) => !input.matches(':disabled')
    && input.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  let scheduled = false;
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(onFrame);
    }
  };
  const onFrame = () => {
    scheduled = false;
    const option = document.querySelector(optionSelector);
    if (!option) return; // the next change to the page looks again
    if (!usable(option)) {
      schedule();
      return;
    }
    observer.disconnect();
    afterThisFrame(() => {
      bench.readyAt = performance.now();
      resolveReady(bench.readyAt);
    });
  };
  const observer = new MutationObserver(() => {
    bench.lastChange = performance.now();
    schedule();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}
const INSTRUMENT = { content: `(${instrument})(${JSON.stringify(OPTION)});` };

/** A promise that rejects after `ms`, saying what was being waited for (`what`: a text, or a
 * function giving it then). */
function timeout(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    const waitingFor = () => (typeof what === 'function' ? what() : what);
    timer = setTimeout(() => reject(new Error(`timed out after ${(ms / 1000).toFixed(0)} s ${waitingFor()}`)), ms);
  });
  promise.catch(() => {}); // handled by whoever races it; no unhandled rejection when nobody does
  return { promise, cancel: () => clearTimeout(timer) };
}

/** The first lesson of the course in `locale` as a student of 12–14 sees it (the compiled course,
 * `aware content-json`, whose order is the app's; the site's own content files are binary). */
function firstLesson(locale) {
  const id = builtContent(locale).lessons?.[0]?.id;
  if (typeof id !== 'string') throw new Error(`the ${locale} course has no first lesson: pass --lesson ID`);
  return id;
}

/** A fresh browser context on `origin` with the instrumentation, in the student's language (the
 * browser's, so the app chooses it by itself). */
async function open(browser, origin, locale) {
  const opened = await openPage(browser, origin, { locale: BROWSER_LOCALES[locale], initScript: INSTRUMENT });
  opened.context.setDefaultTimeout(RUN_TIMEOUT);
  return opened;
}

/**
 * One unthrottled load of `address`, not measured (it also makes the host compress what it sends):
 * true when the question's first option appears, false when the page settles without it (the
 * network idle and the page unchanged for a second).
 */
async function showsQuestion(browser, origin, locale, address) {
  const { context, page } = await open(browser, origin, locale);
  const limit = timeout(PROBE_TIMEOUT, `loading ${address}`);
  try {
    const load = (async () => {
      // No time limits of their own: `limit` is the one.
      await page.goto(origin + address, { waitUntil: 'commit', timeout: 0 });
      const ready = page.evaluate(() => window.__bench.ready).then(() => true);
      const settled = page.waitForLoadState('networkidle', { timeout: 0 })
        .then(() => page.waitForFunction(() => performance.now() - window.__bench.lastChange > 1000, null, { polling: 100, timeout: 0 }))
        .then(() => false);
      return Promise.race([ready, settled]);
    })();
    return await Promise.race([load, limit.promise]);
  } finally {
    limit.cancel();
    await context.close();
  }
}

/** One measured cold load: the figures, or `{ failed: reason }`. */
async function measure(browser, origin, locale, address, condition) {
  const { context, page, problems } = await open(browser, origin, locale);
  let waitingFor = 'waiting for the first option';
  const limit = timeout(RUN_TIMEOUT, () => waitingFor);
  try {
    const cdp = await context.newCDPSession(page);
    // requestId → { url, start (wall-clock ms), status, encoding, body, bytes, error, done }
    const requests = new Map();
    let networkChanged = () => {};
    const update = (id, fields) => {
      const request = requests.get(id);
      if (request) Object.assign(request, fields);
      networkChanged();
    };
    cdp.on('Network.requestWillBeSent', (e) => {
      if (/^https?:/.test(e.request.url)) requests.set(e.requestId, { url: e.request.url, start: e.wallTime * 1000 });
    });
    cdp.on('Network.responseReceived', (e) => {
      const header = (wanted) => Object.entries(e.response.headers).find(([name]) => name.toLowerCase() === wanted)?.[1];
      update(e.requestId, {
        status: e.response.status,
        encoding: header('content-encoding') ?? 'none',
        // The body as the host sent it (what `aware size` computes), without HTTP/2 framing.
        body: Number(header('content-length')),
      });
    });
    cdp.on('Network.loadingFinished', (e) => update(e.requestId, { bytes: e.encodedDataLength, done: true }));
    cdp.on('Network.loadingFailed', (e) => update(e.requestId, { error: e.errorText, done: true }));
    await cdp.send('Network.enable');
    if (condition.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
    if (condition.network) {
      await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    const broken = new Promise((_, reject) => {
      page.on('pageerror', (error) => reject(new Error(`page error: ${error.message}`)));
      page.on('crash', () => reject(new Error('the page crashed')));
    });
    broken.catch(() => {}); // a page error after the race is in `problems`, reported below

    // Until the first answer can be chosen.
    const loaded = (async () => {
      await page.goto(origin + address, { waitUntil: 'commit' });
      return page.evaluate(async () => ({ readyAt: await window.__bench.ready, timeOrigin: performance.timeOrigin }));
    })();
    const { readyAt, timeOrigin } = await Promise.race([loaded, broken, limit.promise]);
    waitingFor = 'waiting for the feedback to the first answer';

    // Choose the first option and check it with mouse clicks, as a student does, until the
    // feedback is announced.
    const option = await page.evaluate(() => window.__bench.option());
    await page.mouse.click(option.x, option.y);
    const check = await page.evaluate(() => window.__bench.checkButton());
    await page.mouse.click(check.x, check.y);
    const feedback = page.evaluate(() => window.__bench.feedback);
    await Promise.race([feedback, broken, limit.promise]);

    // Every request has ended (requests still on their way under a slow network are counted whole).
    const deadline = timeout(RUN_TIMEOUT, 'waiting for the requests to end');
    try {
      while (![...requests.values()].every((r) => r.done)) {
        await Promise.race([new Promise((resolve) => { networkChanged = resolve; }), deadline.promise]);
      }
    } finally {
      deadline.cancel();
    }
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__bench.wasmBytes());
    const lang = await page.evaluate(() => document.documentElement.lang);

    const all = [...requests.values()];
    const reasons = [
      ...problems.consoleErrors.map((text) => `console error: ${text}`),
      ...problems.foreignRequests.map((url) => `request to another origin: ${url}`),
      ...all.filter((r) => r.error).map((r) => `${r.url}: ${r.error}`),
      ...all.filter((r) => r.status >= 400).map((r) => `${r.url}: HTTP ${r.status}`),
    ];
    if (wasm === 0) reasons.push('no WebAssembly.Memory was seen');
    if (lang !== locale) reasons.push(`<html lang="${lang}">, not ${locale}`);
    if (reasons.length > 0) return { failed: reasons.join('; ') };

    const readyWall = timeOrigin + readyAt;
    const first = all.filter((r) => r.start <= readyWall);
    const later = all.filter((r) => r.start > readyWall);
    return {
      seconds: readyAt / 1000,
      bytes: first.reduce((sum, r) => sum + r.bytes, 0),
      requests: first.length,
      heap: usedSize,
      wasm,
      memory: usedSize + wasm,
      files: first.map((r) => ({ path: new URL(r.url).pathname, encoding: r.encoding, body: r.body })),
      later: { requests: later.length, bytes: later.reduce((sum, r) => sum + r.bytes, 0) },
    };
  } catch (error) {
    const seen = problems.consoleErrors.length ? ` (console: ${problems.consoleErrors.join(' | ')})` : '';
    return { failed: `${error.message.split('\n')[0]}${seen}` };
  } finally {
    limit.cancel();
    await context.close();
  }
}

/** `runs` runs of `measure`: the figures of those that went well, and a line for each that did not. */
async function measureRuns(runs, measure) {
  const done = [];
  const failed = [];
  for (let run = 1; run <= runs; run++) {
    const result = await measure();
    if (!result.failed) {
      done.push(result);
      continue;
    }
    failed.push(`run ${run} of ${runs} failed: ${result.failed}`);
    // A run that timed out would time out again: the rest are not run.
    if (result.failed.startsWith('timed out')) {
      if (run < runs) failed.push(`runs ${run + 1} to ${runs} not run, as run ${run} timed out`);
      break;
    }
  }
  return { done, failed };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "median (min–max)" of `key` over the runs, each value written by `format`; one value if all are equal. */
function spread(runs, key, format) {
  const values = runs.map((run) => run[key]);
  const [low, high] = [Math.min(...values), Math.max(...values)].map(format);
  return low === high ? low : `${format(median(values))} (${low}–${high})`;
}

const seconds = (s) => `${s.toFixed(2)} s`;
const kb = (bytes) => `${(bytes / 1e3).toFixed(1)} KB`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const count = (n) => `${Math.round(n)}`;
const verdict = (met) => (met ? 'met' : 'NOT met');

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      locale: { type: 'string', default: 'mn' },
      lesson: { type: 'string' },
      page: { type: 'string' },
      runs: { type: 'string', default: '5' },
    },
  });
  if (positionals.length !== 1 || !(values.locale in BROWSER_LOCALES) || !/^[1-9][0-9]*$/.test(values.runs)) {
    throw new Error('usage: node bench/load.js DIST [--locale mn|en] [--lesson ID] [--page ADDRESS] [--runs N]');
  }
  const dist = resolve(positionals[0]);
  const { locale } = values;
  const runs = Number(values.runs);
  const lesson = values.lesson ?? firstLesson(locale);
  // As a teacher's link opens it: the age band in the address, so no chooser comes first.
  const addresses = values.page ? [values.page] : [`/index.html?band=12-14#/lessons/${lesson}/quiz/1`];

  const started = Date.now();
  const tls = selfSignedCertificate();
  const ways = [
    { name: 'brotli over HTTPS (HTTP/2)', host: await host(dist, { tls }) },
    { name: 'gzip over HTTP (HTTP/1.1)', host: await host(dist, { encodings: ['gzip'] }) },
  ];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Trusts the one certificate made above, and nothing else.
    args: [...ARGS, `--ignore-certificate-errors-spki-list=${tls.spki}`],
  });
  try {
    // Which address shows the question (tried over the first way); every way is loaded once
    // before it is measured.
    let address;
    const tried = [];
    for (const candidate of addresses) {
      const shown = await showsQuestion(browser, ways[0].host.origin, locale, candidate)
        .catch((error) => { tried.push(`${candidate}: ${error.message}`); return false; });
      if (shown) {
        address = candidate;
        break;
      }
    }
    if (!address) throw new Error(`no question's option appeared at ${addresses.join(' or ')}${tried.map((t) => `\n  ${t}`).join('')}`);
    for (const way of ways.slice(1)) {
      if (!(await showsQuestion(browser, way.host.origin, locale, address))) {
        throw new Error(`no question's option appeared at ${way.host.origin}${address}`);
      }
    }

    console.log(`cold load of ${address} (${locale}) until its first answer can be chosen`);
    console.log(`  Chromium ${browser.version()}, headless; ${runs} runs per condition, each in a fresh context; median (min–max)`);
    console.log(`  load average ${loadavg()[0].toFixed(2)} at the start (the machine has ${cpus().length} CPUs); KB = 1,000 bytes`);
    console.log('  conditions: CPU 4× = Emulation.setCPUThrottlingRate 4; network = 1.6 Mbps down, 750 kbps up, 150 ms RTT');
    const results = [];
    for (const way of ways) {
      console.log(`${way.name}:`);
      console.log(`  ${'condition'.padEnd(9)} ${'first answer'.padEnd(22)} ${'transferred'.padEnd(28)} ${'requests'.padEnd(9)} memory after the first answer (JS heap + wasm)`);
      const byCondition = new Map();
      for (const condition of CONDITIONS) {
        const { done, failed } = await measureRuns(runs, () => measure(browser, way.host.origin, locale, address, condition));
        byCondition.set(condition.name, done);
        results.push({ way, condition, done });
        if (done.length === 0) {
          console.log(`  ${condition.name.padEnd(9)} every run failed`);
        } else {
          const memory = `${spread(done, 'memory', mb)} = ${mb(median(done.map((r) => r.heap)))} + ${mb(median(done.map((r) => r.wasm)))} (medians)`;
          console.log(`  ${condition.name.padEnd(9)} ${spread(done, 'seconds', seconds).padEnd(22)} ${spread(done, 'bytes', kb).padEnd(28)} ${spread(done, 'requests', count).padEnd(9)} ${memory}`);
        }
        for (const line of failed) console.log(`    ${line}`);
      }
      const both = byCondition.get('both');
      const all = [...byCondition.values()].flat();
      const time = both.length ? `${seconds(median(both.map((r) => r.seconds)))}, ${verdict(median(both.map((r) => r.seconds)) < TARGET_SECONDS)}` : 'not measured';
      const memory = all.length ? `${mb(Math.max(...all.map((r) => r.memory)))} at most, ${verdict(Math.max(...all.map((r) => r.memory)) < TARGET_MEMORY)}` : 'not measured';
      console.log(`  targets: first answer under ${TARGET_SECONDS} s in "both": ${time}; memory after the first answer under ${mb(TARGET_MEMORY)}: ${memory}`);
      const later = all.filter((r) => r.later.requests > 0);
      if (later.length) console.log(`  after the first answer could be chosen, ${later.length} runs made up to ${Math.max(...later.map((r) => r.later.requests))} more requests (${kb(Math.max(...later.map((r) => r.later.bytes)))}), not counted above`);
    }

    // The first load file by file, as sent (from the first successful unthrottled run of each way),
    // to set beside `aware size`, which compresses the same files from disk.
    const samples = ways.map((way) => results.find((r) => r.way === way && r.condition.name === 'none')?.done[0]);
    if (samples.every(Boolean)) {
      console.log('first load, file by file (body as sent: Content-Length):');
      const paths = [...new Set(samples.flatMap((s) => s.files.map((f) => f.path)))];
      console.log(`  ${'file'.padEnd(44)} ${ways.map((w) => w.name.split(' ')[0].padStart(16)).join(' ')}`);
      for (const path of paths) {
        const cells = samples.map((s) => {
          const files = s.files.filter((f) => f.path === path);
          const body = files.reduce((sum, f) => sum + f.body, 0);
          return `${body} B ${files[0]?.encoding ?? ''}`.padStart(16) + (files.length > 1 ? ` (${files.length} requests)` : '');
        });
        console.log(`  ${path.padEnd(44)} ${cells.join(' ')}`);
      }
      const body = (s) => s.files.reduce((sum, f) => sum + f.body, 0);
      console.log(`  ${'bodies'.padEnd(44)} ${samples.map((s) => `${body(s)} B`.padStart(16)).join(' ')}`);
      console.log(`  ${'transferred (bodies and headers)'.padEnd(44)} ${samples.map((s) => `${s.bytes} B`.padStart(16)).join(' ')}`);
    }
    console.log(`  (the load benchmark took ${((Date.now() - started) / 1000).toFixed(0)} s)`);
  } finally {
    await browser.close();
    await Promise.all(ways.map((way) => way.host.close()));
  }
}

main().catch((error) => {
  console.error(`load benchmark: ${error.message}`);
  process.exitCode = 1;
});
