// The card reader in a Web Worker, as the app will run it: loads the wasm once, then answers each
// frame message with the cards read. This copy also times frames for the browser benchmark.
//
// Messages in:  { id, pixels: Uint8Array (grey, or RGBA with rgba: true), width, height }
//               { bench: ArrayBuffer of frames, width, height, rounds }
// Messages out: { id, cards: [{ card, option: "A".."D", corners: [[x, y] × 4] }] } or { id, error }
//               { bench: { frames, seconds, cards } }
import init, { CardReader } from "./vision_worker.js";

const OPTIONS = ["A", "B", "C", "D"];
const FIELDS = 10; // numbers per card in CardReader's answer (see crates/vision-worker)

const ready = init().then(() => new CardReader());

function unpack(flat) {
  const cards = [];
  for (let i = 0; i + FIELDS <= flat.length; i += FIELDS) {
    const corners = [];
    for (let k = 0; k < 4; k++) corners.push([flat[i + 2 + 2 * k], flat[i + 3 + 2 * k]]);
    cards.push({ card: flat[i], option: OPTIONS[flat[i + 1]], corners });
  }
  return cards;
}

self.onmessage = async (event) => {
  const reader = await ready;
  const message = event.data;
  if (message.bench) {
    const frames = new Uint8Array(message.bench);
    const size = message.width * message.height;
    const count = Math.floor(frames.length / size);
    let cards = 0;
    // One untimed round first: the engine compiles the wasm's hot code on first use.
    for (let f = 0; f < count; f++) reader.read_grey(frames.subarray(f * size, (f + 1) * size), message.width, message.height);
    const start = performance.now();
    for (let round = 0; round < message.rounds; round++) {
      for (let f = 0; f < count; f++) {
        cards += reader.read_grey(frames.subarray(f * size, (f + 1) * size), message.width, message.height).length / FIELDS;
      }
    }
    const seconds = (performance.now() - start) / 1000;
    self.postMessage({ bench: { frames: count * message.rounds, seconds, cards: cards / message.rounds } });
    return;
  }
  try {
    const read = message.rgba ? reader.read_rgba : reader.read_grey;
    self.postMessage({ id: message.id, cards: unpack(read.call(reader, message.pixels, message.width, message.height)) });
  } catch (error) {
    self.postMessage({ id: message.id, error: String(error.message || error) });
  }
};
