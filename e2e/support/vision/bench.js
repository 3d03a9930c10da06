// Frames per second of the camera reader in a Web Worker in headless Chromium (scripts/bench.sh
// vision, qr). Usage: node bench.js DIR [cards|codes], where DIR holds the wasm-bindgen output
// (vision_worker.js, vision_worker_bg.wasm) and frames.bin / frames.json from the native
// benchmark (aware-vision's for cards, aware-qr's for codes). Serves DIR and this folder on
// 127.0.0.1 only, prints the figures, and checks the worker read as many cards (or codes) as the
// native reader.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, dirname, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2];
const what = process.argv[3] === "codes" ? "codes" : "cards";
const meta = JSON.parse(await readFile(join(dir, "frames.json"), "utf8"));
const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".html": "text/html", ".bin": "application/octet-stream" };
const page = `<!doctype html><meta charset="utf-8"><title>camera reader benchmark</title><script type="module">
const meta = ${JSON.stringify(meta)};
const frames = await (await fetch("frames.bin")).arrayBuffer();
const worker = new Worker("worker.js", { type: "module" });
worker.onmessage = (e) => { window.result = e.data.bench; };
worker.postMessage({ bench: frames, width: meta.width, height: meta.height, rounds: 3, cards: ${what === "cards"}, codes: ${what === "codes"} }, [frames]);
</script>`;

const server = createServer(async (request, response) => {
  const name = new URL(request.url, "http://127.0.0.1").pathname.slice(1) || "index.html";
  if (name === "index.html") return response.writeHead(200, { "content-type": "text/html" }).end(page);
  if (name.includes("/") || name.includes("..")) return response.writeHead(404).end();
  try {
    const body = await readFile(join(name === "worker.js" ? here : dir, name));
    response.writeHead(200, { "content-type": types[extname(name)] || "application/octet-stream" }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const tab = await browser.newPage();
  tab.on("pageerror", (error) => console.error("page error:", error.message));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  const result = await tab.waitForFunction(() => window.result, null, { timeout: 300_000 }).then((h) => h.jsonValue());
  const version = browser.version();
  console.log(`  browser           Chromium ${version}, headless, one Web Worker`);
  console.log(`  frames            ${result.frames} of ${meta.width}×${meta.height} (${meta.frames} synthetic frames, 3 rounds)`);
  console.log(`  frames/second     ${(result.frames / result.seconds).toFixed(0)} (wasm in the worker)`);
  const native = meta[`${what}_read_native`];
  const same = result[what] === native;
  console.log(`  ${what} read        ${result[what]} per round (native: ${native})${same ? "" : " MISMATCH"}`);
  if (!same) process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
