// Reads the interface text of locales/<locale>/app.ftl, so tests expect exactly the words a
// student sees in that language without a copy that could drift from the translation.
// A small reader for the subset of Fluent the app's files use: `id = text`, `{ $var }`, and a
// selector on one variable (`{ $n -> [one] … *[other] … }`) resolved for a count: `[one]` for 1
// where the message has it, else the `*` default (also `[<number>]` variants, if ever written).
// Anything else (terms, attributes, functions, literals, an unknown id or variable) throws, so a
// file it cannot read fails loudly instead of making a test pass vacuously.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const LOCALES = ['en', 'mn'];

/** Parses one `.ftl` file into Map(id → pattern), where a pattern is a list of parts:
 * a string, { variable }, or { selector, variants: [{ key, isDefault, pattern }] }. */
export function parseFtl(text, file = 'ftl') {
  const lines = text.split('\n');
  const messages = new Map();
  const fail = (lineNo, msg) => { throw new Error(`${file}:${lineNo + 1}: ${msg}`); };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z][a-zA-Z0-9_-]*) *= *(.*)$/.exec(line);
    if (!m) fail(n, `not a message: ${line}`);
    const [, id, first] = m;
    // The value goes on over the following indented lines (and a selector's closing `}`).
    let raw = first;
    const open = () => (raw.match(/{/g) ?? []).length > (raw.match(/}/g) ?? []).length;
    while (n + 1 < lines.length && lines[n + 1].trim() !== '' && (/^[ \t]/.test(lines[n + 1]) || open())) {
      n++;
      raw += '\n' + lines[n].replace(/\r$/, '');
    }
    if (messages.has(id)) fail(n, `duplicate message ${id}`);
    if (raw.trim() === '') fail(n, `${id} has no value (attributes are not supported)`);
    messages.set(id, parsePattern(raw, (msg) => fail(n, `${id}: ${msg}`), true));
  }
  return messages;
}

function parsePattern(raw, fail, topLevel) {
  const parts = [];
  let i = 0;
  let text = '';
  while (i < raw.length) {
    const c = raw[i];
    if (c === '}') fail('unbalanced }');
    if (c !== '{') {
      if (c === '\n' && topLevel) fail('multi-line text outside a selector is not supported');
      text += c;
      i++;
      continue;
    }
    // A placeable: find its matching brace.
    let depth = 0;
    let j = i;
    for (; j < raw.length; j++) {
      if (raw[j] === '{') depth++;
      else if (raw[j] === '}' && --depth === 0) break;
    }
    if (j >= raw.length) fail('unterminated {');
    if (text) parts.push(text);
    text = '';
    parts.push(parsePlaceable(raw.slice(i + 1, j), fail));
    i = j + 1;
  }
  if (text) parts.push(text);
  return parts;
}

function parsePlaceable(inner, fail) {
  const variable = /^\s*\$([a-zA-Z][a-zA-Z0-9_-]*)\s*$/.exec(inner);
  if (variable) return { variable: variable[1] };
  const selector = /^\s*\$([a-zA-Z][a-zA-Z0-9_-]*)\s*->\s*\n([\s\S]*)$/.exec(inner);
  if (!selector) fail(`unsupported placeable {${inner}}`);
  const variants = [];
  for (const line of selector[2].split('\n')) {
    if (line.trim() === '') continue;
    const v = /^\s*(\*?)\[([a-zA-Z0-9_-]+)\]\s*(.*)$/.exec(line);
    if (!v) fail(`unsupported variant line: ${line.trim()}`);
    variants.push({ isDefault: v[1] === '*', key: v[2], pattern: parsePattern(v[3].trimEnd(), fail, false) });
  }
  if (variants.filter((v) => v.isDefault).length !== 1) fail('a selector needs exactly one *[default] variant');
  return { selector: selector[1], variants };
}

function variablesOf(pattern, into = new Set()) {
  for (const part of pattern) {
    if (typeof part === 'string') continue;
    if (part.variable) into.add(part.variable);
    else {
      into.add(part.selector);
      for (const v of part.variants) variablesOf(v.pattern, into);
    }
  }
  return into;
}

const cache = new Map();

/** All messages of a locale, parsed once. */
export function messages(locale) {
  if (!cache.has(locale)) {
    const file = join('locales', locale, 'app.ftl');
    cache.set(locale, parseFtl(readFileSync(join(ROOT, file), 'utf8'), file));
  }
  return cache.get(locale);
}

/**
 * The text of message `id` in `locale`, with `{ $var }` filled in from `args` and selectors
 * resolved. Throws on an unknown id, a missing variable, or an argument the message does not use.
 */
export function t(locale, id, args = {}) {
  const all = messages(locale);
  const pattern = all.get(id);
  if (!pattern) throw new Error(`locales/${locale}/app.ftl has no message "${id}"`);
  const used = variablesOf(pattern);
  for (const name of Object.keys(args)) {
    if (!used.has(name)) throw new Error(`message "${id}" (${locale}) has no variable $${name}`);
  }
  const value = (name) => {
    if (!(name in args)) throw new Error(`message "${id}" (${locale}) needs $${name}`);
    return args[name];
  };
  const format = (parts) => parts.map((part) => {
    if (typeof part === 'string') return part;
    if (part.variable) return String(value(part.variable));
    const n = value(part.selector);
    const variant = part.variants.find((v) => !v.isDefault && v.key === String(n))
      ?? (n === 1 ? part.variants.find((v) => v.key === 'one') : undefined)
      ?? part.variants.find((v) => v.isDefault);
    return format(variant.pattern);
  }).join('');
  return format(pattern);
}

/** `t` bound to one locale: `const m = localized('mn'); m('quiz-check')`. */
export function localized(locale) {
  if (!LOCALES.includes(locale)) throw new Error(`unknown locale ${locale}`);
  const bound = (id, args) => t(locale, id, args);
  bound.locale = locale;
  return bound;
}
