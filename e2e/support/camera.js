// Chromium's fake camera for tests: videos of phones showing result codes and of a class holding
// up answer cards, rendered by aware-qr's `camera_video` example (native Rust, checked by the
// native readers, so a video shows what its manifest says), and the flags that make Chromium
// play one as its camera.
//
//   const video = await cameraVideo([codePart(bytes), blankPart(), cardsPart([{ card: 3, option: 'B' }])]);
//   const browser = await chromium.launch({ ..., args: [...ARGS, ...fakeCameraArgs(video.file)] });
//
// Chromium plays the file in a loop at `fps` frames per second, from the first frame whenever a
// page opens the camera.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** A phone showing the code of `bytes` (Uint8Array, Buffer or array of numbers) for `frames` frames. */
export function codePart(bytes, frames = 8) {
  return { code: Buffer.from(bytes).toString('hex'), frames };
}

/** A class holding up `cards` ([{ card: 1..60, option: 'A'..'D' }]) for `frames` frames. */
export function cardsPart(cards, frames = 10) {
  return { cards, frames };
}

/** An empty room, so a scan sees one phone leave before the next arrives. */
export function blankPart(frames = 2) {
  return { blank: frames };
}

// The host build, as scripts/bench.sh builds its native tools: not the wasm settings.
function hostEnv() {
  const env = { ...process.env };
  delete env.CARGO_UNSTABLE_BUILD_STD;
  delete env.CARGO_BUILD_TARGET;
  return env;
}

let built;
/** Builds the `camera_video` tool once per process; resolves to its path. */
export function buildCameraVideoTool() {
  built ??= run('cargo', ['build', '--quiet', '--release', '-p', 'aware-qr', '--features', 'synth', '--example', 'camera_video'], {
    cwd: ROOT,
    env: hostEnv(),
    maxBuffer: 16 * 1024 * 1024,
  }).then(() => join(ROOT, 'target/release/examples/camera_video'));
  return built;
}

/**
 * Renders `parts` into a Y4M file (640×480, I420). Resolves to `{ file, manifest }`: the manifest
 * says for each part its first frame and frame count, and for a code the frames the native
 * reader read it in (`read_in`). Fails if a code or card would not be readable.
 */
export async function cameraVideo(parts, { fps = 5, seed = 1, dir } = {}) {
  const tool = await buildCameraVideoTool();
  const out = dir ?? (await mkdtemp(join(tmpdir(), 'aware-camera-')));
  const spec = join(out, 'camera.json');
  const file = join(out, 'camera.y4m');
  await writeFile(spec, JSON.stringify({ fps, seed, parts }));
  const { stdout } = await run(tool, [spec, file], { maxBuffer: 16 * 1024 * 1024 });
  return { file, manifest: JSON.parse(stdout) };
}

/** Chromium flags: `file` as the camera, and camera permission granted without a prompt. */
export function fakeCameraArgs(file) {
  return ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${file}`];
}

/**
 * Builds the camera worker's wasm (answer cards and result codes) with wasm-bindgen into `dir`
 * (`vision_worker.js`, `vision_worker_bg.wasm`), for tests that run the worker outside the app.
 * Needs the wasm toolchain that scripts/env.sh sets up (rustup's wasm32 target here).
 */
export async function buildCameraWorker(dir) {
  await run('cargo', ['build', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'aware-vision-worker'], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  await run('wasm-bindgen', ['--target', 'web', '--out-dir', dir, '--out-name', 'vision_worker',
    join(ROOT, 'target/wasm32-unknown-unknown/release/aware_vision_worker.wasm')], { cwd: ROOT });
}
