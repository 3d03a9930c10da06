// The camera reader in a Web Worker, as the app will run it: loads the wasm once, then answers
// each frame message with the answer cards and result codes (QR) read. This copy also times
// frames for the browser benchmark.
//
// Messages in:  { id, pixels: Uint8Array (grey, or RGBA with rgba: true), width, height,
//                 cards: true|false (default true), codes: true|false (default false) }
//               { bench: ArrayBuffer of grey frames, width, height, rounds, cards, codes }
// Messages out: { id, cards: [{ card, option: "A".."D", corners: [[x, y] × 4] }],
//                 codes: [{ bytes: Uint8Array, corners: [[x, y] × 4] }] } or { id, error }
//               { bench: { frames, seconds, cards, codes } } (cards and codes read per round)
import init, { CardReader } from "./vision_worker.js";

const OPTIONS = ["A", "B", "C", "D"];
const FIELDS = 10; // numbers per card in CardReader's answer (see crates/vision-worker)
const CORNER_FIELDS = 8; // numbers per code in FrameRead.code_corners

const ready = init().then(() => new CardReader());

function unpackCards(flat) {
  const cards = [];
  for (let i = 0; i + FIELDS <= flat.length; i += FIELDS) {
    const corners = [];
    for (let k = 0; k < 4; k++) corners.push([flat[i + 2 + 2 * k], flat[i + 3 + 2 * k]]);
    cards.push({ card: flat[i], option: OPTIONS[flat[i + 1]], corners });
  }
  return cards;
}

// Each code is its length (two bytes, little-endian) and its bytes; 8 corner numbers each.
function unpackCodes(packed, cornerNumbers) {
  const codes = [];
  for (let at = 0, n = 0; at + 2 <= packed.length; n++) {
    const length = packed[at] | (packed[at + 1] << 8);
    const bytes = packed.slice(at + 2, at + 2 + length);
    const c = cornerNumbers.subarray(n * CORNER_FIELDS, (n + 1) * CORNER_FIELDS);
    codes.push({ bytes, corners: [[c[0], c[1]], [c[2], c[3]], [c[4], c[5]], [c[6], c[7]]] });
    at += 2 + length;
  }
  return codes;
}

function countCodes(packed) {
  let count = 0;
  for (let at = 0; at + 2 <= packed.length; count++) at += 2 + (packed[at] | (packed[at + 1] << 8));
  return count;
}

self.onmessage = async (event) => {
  const reader = await ready;
  const message = event.data;
  const cards = message.cards !== false;
  const codes = message.codes === true;
  if (message.bench) {
    const frames = new Uint8Array(message.bench);
    const size = message.width * message.height;
    const count = Math.floor(frames.length / size);
    const frame = (f) => frames.subarray(f * size, (f + 1) * size);
    // One untimed round first: the engine compiles the wasm's hot code on first use.
    for (let f = 0; f < count; f++) reader.scan_grey(frame(f), message.width, message.height, cards, codes).free();
    let cardsRead = 0;
    let codesRead = 0;
    const start = performance.now();
    for (let round = 0; round < message.rounds; round++) {
      for (let f = 0; f < count; f++) {
        const read = reader.scan_grey(frame(f), message.width, message.height, cards, codes);
        cardsRead += read.cards.length / FIELDS;
        codesRead += countCodes(read.codes);
        read.free();
      }
    }
    const seconds = (performance.now() - start) / 1000;
    self.postMessage({
      bench: { frames: count * message.rounds, seconds, cards: cardsRead / message.rounds, codes: codesRead / message.rounds },
    });
    return;
  }
  try {
    const scan = message.rgba ? reader.scan_rgba : reader.scan_grey;
    const read = scan.call(reader, message.pixels, message.width, message.height, cards, codes);
    const answer = { id: message.id, cards: unpackCards(read.cards), codes: unpackCodes(read.codes, read.code_corners) };
    read.free();
    self.postMessage(answer);
  } catch (error) {
    self.postMessage({ id: message.id, error: String(error.message || error) });
  }
};
