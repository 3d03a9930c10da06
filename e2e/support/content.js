// Reads the lesson source files (lessons/**) so tests use exactly the text a student sees (in
// each language) and the answer keys the authors wrote, without a copy that could drift.
// A small reader for the subset of TOML the lesson files use; it throws on anything else, so a
// content change it cannot read fails loudly instead of making a test pass vacuously.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { t } from './l10n.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LESSONS_DIR = join(ROOT, 'lessons');

export function parseToml(text, file = 'toml') {
  let i = 0;
  const fail = (msg) => {
    const line = text.slice(0, i).split('\n').length;
    throw new Error(`${file}:${line}: ${msg}`);
  };
  const skip = (newlines) => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) i++;
      else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
      else return;
    }
  };
  const basicString = () => {
    i++; // opening quote
    let out = '';
    for (;;) {
      const c = text[i++];
      if (c === undefined || c === '\n') fail('unterminated string');
      if (c === '"') return out;
      if (c === '\\') {
        const e = text[i++];
        const map = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
        if (e in map) out += map[e];
        else if (e === 'u' || e === 'U') {
          const n = e === 'u' ? 4 : 8;
          out += String.fromCodePoint(parseInt(text.slice(i, i + n), 16));
          i += n;
        } else fail(`unknown escape \\${e}`);
      } else out += c;
    }
  };
  const key = () => {
    const parts = [];
    for (;;) {
      skip(false);
      if (text[i] === '"') parts.push(basicString());
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
        if (!m) fail('expected a key');
        parts.push(m[0]);
        i += m[0].length;
      }
      skip(false);
      if (text[i] !== '.') return parts;
      i++;
    }
  };
  const value = () => {
    skip(false);
    const c = text[i];
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) fail('multi-line strings are not supported');
    if (c === '"') return basicString();
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const s = text.slice(i + 1, end);
      i = end + 1;
      return s;
    }
    if (c === '[') {
      i++;
      const arr = [];
      for (;;) {
        skip(true);
        if (text[i] === ']') { i++; return arr; }
        arr.push(value());
        skip(true);
        if (text[i] === ',') i++;
        else if (text[i] !== ']') fail('expected , or ]');
      }
    }
    if (c === '{') {
      i++;
      const obj = {};
      for (;;) {
        skip(false);
        if (text[i] === '}') { i++; return obj; }
        const k = key();
        if (text[i++] !== '=') fail('expected =');
        set(obj, k, value());
        skip(false);
        if (text[i] === ',') i++;
        else if (text[i] !== '}') fail('expected , or }');
      }
    }
    const m = /^(true|false|[+-]?\d[\d_]*)/.exec(text.slice(i));
    if (!m) fail('unsupported value');
    i += m[0].length;
    if (m[0] === 'true') return true;
    if (m[0] === 'false') return false;
    return Number(m[0].replace(/_/g, ''));
  };
  const set = (obj, path, v) => {
    let target = obj;
    for (const p of path.slice(0, -1)) target = target[p] ??= {};
    const last = path[path.length - 1];
    if (last in target) fail(`duplicate key ${path.join('.')}`);
    target[last] = v;
  };
  const root = {};
  let table = root;
  for (;;) {
    skip(true);
    if (i >= text.length) return root;
    if (text.startsWith('[[', i)) {
      i += 2;
      const path = key();
      if (!text.startsWith(']]', i)) fail('expected ]]');
      i += 2;
      let parent = root;
      for (const p of path.slice(0, -1)) parent = parent[p] ??= {};
      const list = (parent[path[path.length - 1]] ??= []);
      table = {};
      list.push(table);
    } else if (text[i] === '[') {
      i++;
      const path = key();
      if (text[i++] !== ']') fail('expected ]');
      table = root;
      for (const p of path) table = table[p] ??= {};
    } else {
      const k = key();
      if (text[i++] !== '=') fail('expected =');
      set(table, k, value());
    }
  }
}

const read = (...parts) => readFileSync(join(LESSONS_DIR, ...parts), 'utf8');

/** Headings of the `## ` sections of a lesson body, as plain text. */
function sectionHeadings(markdown) {
  return markdown
    .split('\n')
    .filter((line) => /^## /.test(line))
    .map((line) => line.slice(3).replace(/\[@[^\]]+\]/g, '').replace(/[*_`]/g, '').trim());
}

/**
 * One lesson, structure and the text of `locale` (default English) merged:
 * { id, order, ageMin, ageMax, minutes, title, summary, keyPoints, sections: [heading],
 *   sources: [{id, title, publisher, year}], quiz: [{id, type, prompt, options: [{id, text, explanation}], correct: [id]}] }
 * For true-false items the options are `true`/`false` with the app's words for them
 * (`quiz-true`/`quiz-false` of locales/<locale>/app.ftl: "True"/"False" in English).
 */
export function loadLesson(id, locale = 'en') {
  const structure = parseToml(read(id, 'lesson.toml'), `${id}/lesson.toml`);
  const words = parseToml(read(id, locale, 'lesson.toml'), `${id}/${locale}/lesson.toml`);
  const allSources = parseToml(read('sources.toml'), 'sources.toml');
  const quiz = structure.quiz.map((item) => {
    const text = words.quiz[item.id];
    if (!text?.prompt) throw new Error(`${id}: no ${locale} prompt for quiz item ${item.id}`);
    let options;
    let correct;
    if (item.type === 'true-false') {
      options = [
        { id: 'true', text: t(locale, 'quiz-true'), explanation: text.true.explanation },
        { id: 'false', text: t(locale, 'quiz-false'), explanation: text.false.explanation },
      ];
      correct = [String(item.answer)];
    } else {
      options = item.options.map((o) => ({ id: o, text: text[o].text, explanation: text[o].explanation }));
      correct = item.correct;
    }
    for (const o of options) {
      if (!o.text || !o.explanation) throw new Error(`${id}: quiz item ${item.id} option ${o.id} lacks text`);
    }
    return { id: item.id, type: item.type, prompt: text.prompt, options, correct };
  });
  const sections = sectionHeadings(read(id, locale, 'lesson.md'));
  if (sections.length === 0) throw new Error(`${id}: no sections found in ${locale}/lesson.md`);
  return {
    id,
    locale,
    order: structure.order,
    ageMin: structure.age_min,
    ageMax: structure.age_max,
    minutes: structure.duration_minutes,
    title: words.title,
    summary: words.summary,
    keyPoints: words.key_points,
    objectives: structure.objectives.map((o) => words.objectives[o]),
    sections,
    sources: structure.sources.map((s) => ({ id: s, ...allSources[s] })),
    quiz,
  };
}

/** The interface languages of locales/locales.toml: { <id>: { name, reviewed } }. */
export function loadLocales() {
  return parseToml(readFileSync(join(ROOT, 'locales', 'locales.toml'), 'utf8'), 'locales/locales.toml');
}

/** default_locale of deployment.toml: the language of a browser that asks for none Aware has. */
export function defaultLocale() {
  return parseToml(readFileSync(join(ROOT, 'deployment.toml'), 'utf8'), 'deployment.toml').default_locale;
}

/** The helplines of lessons/help.toml. */
export function loadHelp() {
  return parseToml(read('help.toml'), 'help.toml').contact;
}

/**
 * The compiled course as JSON, in a temporary folder made once per test process: `aware
 * content-json` (the same compiler as `aware build`, so the same lessons, sections and order as
 * the app's binary content files) writes `<locale>.json` (every lesson) and `<locale>.<band>.json`
 * (what that age band sees: `Lesson::for_band`). The app's own files are binary (postcard).
 */
let compiledDir;
function compiled(name) {
  if (!compiledDir) {
    compiledDir = mkdtempSync(join(tmpdir(), 'aware-content-json-'));
    process.once('exit', () => rmSync(compiledDir, { recursive: true, force: true }));
    const result = spawnSync(
      'cargo',
      ['run', '--quiet', '--profile', 'host', '--target-dir', 'target/host-tools', '-p', 'aware-cli', '--',
        'content-json', 'lessons', '--out', compiledDir],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`aware content-json failed:\n${result.stderr}`);
  }
  return JSON.parse(readFileSync(join(compiledDir, name), 'utf8'));
}

/** The age bands, as addresses (`?band=`) and content files name them. */
export const BANDS = { younger: '12-14', older: '15-18' };

/** Plain text of a list of inlines of the compiled content (`{"Text": "…"}`, `{"Strong": […]}`, …). */
export function plainText(inlines) {
  return inlines
    .map((inline) => {
      const [[kind, value]] = Object.entries(inline);
      if (kind === 'Text') return value;
      return Array.isArray(value) ? plainText(value) : '';
    })
    .join('');
}

/** The whole compiled course of one locale: as `band` (default: the younger, what a student
 * sees until a band is chosen) sees it, or every lesson with `band: null`. */
export function builtContent(locale = 'en', { band = BANDS.younger } = {}) {
  const content = compiled(band ? `${locale}.${band}.json` : `${locale}.json`);
  if (content.locale !== locale) throw new Error(`content of ${locale} says it is "${content.locale}"`);
  return content;
}

/** The ids of the scenarios placed in a list of blocks (`{"Scenario": id}`, also inside callouts). */
export function scenarioIds(blocks) {
  return blocks.flatMap((block) => {
    if (typeof block !== 'object') return [];
    if (block.Scenario !== undefined) return [block.Scenario];
    if (block.Callout) return scenarioIds(block.Callout.blocks);
    return [];
  });
}

/**
 * The lessons `band` sees (default: the younger), in course order: { id, title, sections:
 * [heading], quizLength, scenarioSections, scenarioTitles, hasTeacherGuide, ageMin }. Used to
 * visit every screen of whatever curriculum the build contains.
 */
export function builtLessons(locale = 'en', { band = BANDS.younger } = {}) {
  const content = builtContent(locale, { band });
  const hasScenario = (blocks) => scenarioIds(blocks).length > 0;
  return content.lessons.map((lesson) => ({
    id: lesson.id,
    title: lesson.title,
    ageMin: lesson.age_min,
    sections: lesson.sections.map((section) => plainText(section.heading)),
    quizLength: lesson.quiz.length,
    /** 1-based numbers of the sections with a "what would you do?" scenario. */
    scenarioSections: lesson.sections.flatMap((section, i) => (hasScenario(section.blocks) ? [i + 1] : [])),
    scenarioTitles: (lesson.scenarios ?? []).map((scenario) => scenario.title),
    hasTeacherGuide: (lesson.teacher_guide ?? []).length > 0,
  }));
}
