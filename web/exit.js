// "Exit this page": leaves Aware at once for a neutral site, so that neither Back nor Forward
// brings any Aware screen back. This module is the only implementation. It is hand-written
// JavaScript because it must work before the page's WebAssembly has loaded (or when it never
// does): every page loads it before web/boot.js, it takes over the page's static exit link, and
// the app exits (Shift pressed three times) by pressing that same link (src/platform/exit.rs).
//
// Script cannot delete history entries, but it can move through them and replace one:
//  1. Hide the page and blank the tab's title at once.
//  2. Step back to the tab's first Aware entry (stepping into an earlier page load of Aware, the
//     page there finishes the exit as soon as this module starts in it, before its wasm).
//  3. There, push one entry (a push drops every entry after the current one: the rest of Aware's
//     entries and anything ahead of them), step back onto the first entry and replace it with the
//     exit site. What is left where Aware began is the exit site; ahead of it only the pushed
//     entry, marked in its history.state so that, if Forward ever reaches it, it leaves at once.
//
// Where the first Aware entry is: the Navigation API lists the tab's entries of this origin and
// lets each carry state, so every Aware entry is marked and only marked entries count (a site
// that serves Aware from a folder beside its own pages has unmarked entries in between). Without
// the Navigation API each entry keeps its position in history.state ({a: index in the tab,
// d: Aware entries before it without a break}), and a new page load learns the entry before it
// from a note: the record of the Aware entry the tab showed last (or that an exit is under way).
//
// The note is kept in sessionStorage (this origin's, this tab's, gone with the tab). Where that
// throws (storage blocked), it is kept in window.name, which also belongs to the tab, survives
// navigations within the site and is not storage. window.name is readable by the next page the
// tab shows, so the note holds only positions (never the exit address: that always comes from
// this page's own link, packaged from deployment.toml), and the exit clears it before leaving.
// A note of an exit is followed only by a page shown by Back, Forward or history.go, so one left
// over (an exit that never arrived) cannot make a later visit leave.
//
// In an embedding page's frame the exit navigates the top window (a click is the user activation
// browsers require of a frame that navigates its parent; a frame sandboxed without
// allow-top-navigation-by-user-activation cannot, and then leaves the frame for the exit site),
// stepping back only through this page's own entries first, which keeps that activation. Before
// this module runs, the link (target=_top) already leaves the frame's page for the exit site.
//
// The pure parts are exported and tested without a browser, the rest in Chromium, with and
// without the Navigation API (e2e/tests/exit.test.js).

/** The history.state field of Aware's entries. */
const FIELD = 'awareExit';
/** What a note starts with (window.name may hold anything else; only this is Aware's). */
const NOTE = 'aware-exit:';
/** The sessionStorage key of the note. */
const NOTE_KEY = 'aware.exit';
/** The class on <html> that hides the page (styles/app.css). */
const HIDDEN = 'aware-exiting';
/** A title that shows nothing in the tab (an empty one would show the address instead). */
const BLANK_TITLE = '\u200b';
/** If a step through history has not arrived by then, finish where we are. */
const FALLBACK_MS = 3000;
/** Larger numbers in a note or a record are not Aware's. */
const MAX_INDEX = 100000;

const isIndex = (n) => Number.isSafeInteger(n) && n >= 0 && n <= MAX_INDEX;

/**
 * An entry's record in its history.state, or null: `{a, d}` (its index in the tab's history, and
 * how many Aware entries come before it without a break), or `{leave: true}` on the entry an exit
 * pushed.
 */
export function readRecord(state) {
  const record = state !== null && typeof state === 'object' ? state[FIELD] : undefined;
  if (record === null || typeof record !== 'object') return null;
  if (record.leave === true) return { leave: true };
  if (isIndex(record.a) && isIndex(record.d) && record.d <= record.a) return { a: record.a, d: record.d };
  return null;
}

/** `state` with `record` in Aware's field, keeping whatever else it holds. */
export function withRecord(state, record) {
  const base = state !== null && typeof state === 'object' && !Array.isArray(state) ? state : {};
  return { ...base, [FIELD]: record };
}

/**
 * A note (as kept in sessionStorage or window.name), or null: `{exit: true}` while an exit is
 * under way, else the record of the Aware entry this tab showed last (`{a, d}`). Anything else is
 * not Aware's.
 */
export function readNote(name) {
  if (typeof name !== 'string' || !name.startsWith(NOTE) || name.length > 80) return null;
  let value;
  try {
    value = JSON.parse(name.slice(NOTE.length));
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  if (value.exit === true) return { exit: true };
  if (isIndex(value.a) && isIndex(value.d) && value.d <= value.a) return { a: value.a, d: value.d };
  return null;
}

export function writeNote(note) {
  return NOTE + JSON.stringify(note.exit ? { exit: true } : { a: note.a, d: note.d });
}

/**
 * The record of an entry that has none yet. `previous`: the record of the entry this document
 * showed just before (then the new entry follows it: a link within the page); otherwise this is
 * a new page load, at the end of the tab's history (`length` entries), and `note` says which
 * Aware entry the tab showed last: if that was the entry just before, the run of Aware entries
 * goes on.
 */
export function newRecord(previous, note, length) {
  if (previous) return { a: previous.a + 1, d: previous.d + 1 };
  const a = Math.max(0, length - 1);
  if (note && note.a !== undefined && note.a === a - 1) return { a, d: note.d + 1 };
  return { a, d: 0 };
}

/**
 * Where the first Aware entry is, from the Navigation API: `entries` are `{index, marked,
 * sameDocument}` (marked: an Aware entry), `current` the current entry's index. Entries after the
 * current one do not count; with `sameDocumentOnly` (in a frame) only this page load's entries do.
 * Returns the index of the first Aware entry at or before `current`.
 */
export function firstAwareIndex(entries, current, sameDocumentOnly) {
  let first = current;
  for (const entry of entries) {
    if (entry.index < first && entry.marked && (entry.sameDocument || !sameDocumentOnly)) first = entry.index;
  }
  return first;
}

// ---------------------------------------------------------------------------------------------
// The browser side.

/** The Navigation API, where the browser has it and it describes this page. */
function navigationApi() {
  const navigation = globalThis.navigation;
  if (!navigation || typeof navigation.entries !== 'function' || !navigation.currentEntry) return null;
  return navigation.currentEntry.index >= 0 ? navigation : null;
}

function inFrame() {
  try {
    return window.top !== window;
  } catch {
    return true;
  }
}

/** This folder's address: every page of Aware lives in it, and its entries' marks name it. */
const folder = () => new URL('./', location.href).href;
const isMarked = (entry) => {
  try {
    const state = entry.getState();
    return state !== null && typeof state === 'object' && state[FIELD] === folder();
  } catch {
    return false;
  }
};

const frame = typeof window === 'object' && inFrame();
/** The record of the entry shown (kept in its history.state). */
let current = null;
/** An exit is under way in this document. */
let exiting = false;
/** The last step is taken: nothing else may run. */
let finishing = false;
let fallback = 0;
let titleBefore = null;

const link = () => document.getElementById('aware-exit');

function hide() {
  const root = document.documentElement;
  if (!root.classList.contains(HIDDEN)) {
    root.classList.add(HIDDEN);
    titleBefore = document.title;
  }
  document.title = BLANK_TITLE;
}

/** Shows the page again (restored from the back/forward cache with no exit to finish). */
function show() {
  document.documentElement.classList.remove(HIDDEN);
  if (titleBefore !== null) document.title = titleBefore;
  titleBefore = null;
  exiting = false;
}

function setNote(note) {
  if (frame) return; // a frame's name belongs to the page around it
  const text = note ? writeNote(note) : '';
  try {
    if (text) sessionStorage.setItem(NOTE_KEY, text);
    else sessionStorage.removeItem(NOTE_KEY);
    if (readNote(window.name)) window.name = '';
    return;
  } catch {
    // Storage blocked: window.name carries it instead.
  }
  try {
    if (text || readNote(window.name)) window.name = text;
  } catch {
    // Nothing else can carry it; the Navigation API still finds the way back.
  }
}

function getNote() {
  if (frame) return null;
  let stored = null;
  try {
    stored = sessionStorage.getItem(NOTE_KEY);
  } catch {
    // Storage blocked: see window.name.
  }
  return readNote(stored) ?? readNote(window.name);
}

/** Records where the current entry is (its position, and its mark), and tells the next page load. */
function locate() {
  let record = readRecord(history.state);
  if (!record || record.leave) {
    record = newRecord(current, getNote(), history.length);
    try {
      history.replaceState(withRecord(history.state, record), '');
    } catch {
      // A state that cannot be written: this entry then counts as a new start.
    }
  }
  current = record;
  // After replaceState, which clears the entry's Navigation API state.
  const navigation = navigationApi();
  if (navigation && !isMarked(navigation.currentEntry)) {
    try {
      navigation.updateCurrentEntry({ state: { [FIELD]: folder() } });
    } catch {
      // An entry that cannot carry state (a document being unloaded): positions still work.
    }
  }
}

/** How to reach the first Aware entry from here: `{steps, key}` (key: the Navigation API's). */
function firstEntry() {
  const navigation = navigationApi();
  if (navigation) {
    const all = navigation.entries();
    const entries = all.map((entry) => ({ index: entry.index, marked: isMarked(entry), sameDocument: entry.sameDocument }));
    const here = navigation.currentEntry.index;
    const first = firstAwareIndex(entries, here, frame);
    return { steps: here - first, key: all.find((entry) => entry.index === first)?.key };
  }
  // Without it: a frame knows only this page load's entries; d counts those there (no note).
  return { steps: current ? current.d : 0, key: undefined };
}

function traverse({ steps, key }) {
  const navigation = navigationApi();
  if (navigation && key) {
    const result = navigation.traverseTo(key);
    // A traversal into another page load never settles here; nothing to report either way.
    result.committed.catch(() => {});
    result.finished.catch(() => {});
  } else {
    history.go(-steps);
  }
}

function armFallback(action) {
  clearTimeout(fallback);
  fallback = setTimeout(action, FALLBACK_MS);
}

/** Starts an exit, or takes it one step further from wherever it has arrived. */
function proceed() {
  const href = link()?.href;
  if (!href) return;
  exiting = true;
  hide();
  const first = firstEntry();
  if (first.steps > 0) {
    setNote({ exit: true });
    armFallback(() => finish(href));
    traverse(first);
  } else {
    finish(href);
  }
}

/** At the first Aware entry: drop what follows it, then replace it with the exit site. */
function finish(href) {
  if (finishing) return;
  finishing = true;
  clearTimeout(fallback);
  setNote(null);
  const record = current ?? readRecord(history.state);
  // (A frame's history.length counts the page around it: a frame always drops what follows.)
  const nothingAhead = !frame && record && !record.leave && history.length === record.a + 1 && history.length < 50;
  if (nothingAhead) {
    replaceWith(href);
    return;
  }
  try {
    // Its address names no screen (the history menu shows it; a page load of it shows nothing).
    history.pushState(withRecord(null, { leave: true }), '', folder());
  } catch {
    replaceWith(href);
    return;
  }
  addEventListener('popstate', () => replaceWith(href), { once: true });
  fallback = setTimeout(() => replaceWith(href), FALLBACK_MS);
  history.back();
}

function replaceWith(href) {
  clearTimeout(fallback);
  finishing = true;
  setNote(null);
  if (frame) {
    try {
      window.top.location.replace(href);
      return;
    } catch {
      // Not allowed to navigate the page around this frame: at least leave the frame.
    }
  }
  location.replace(href);
}

/**
 * Whether this document was shown by Back, Forward or history.go (restored, or loaded again):
 * only so can an exit in progress arrive here. A note of an exit found on a new page load is
 * left over from an exit that did not arrive (the new note replaces it).
 */
function arrivedByTraversal(event) {
  if (event) return event.type !== 'pageshow' || event.persisted;
  const load = performance.getEntriesByType?.('navigation')?.[0];
  return !load || load.type === 'back_forward';
}

/** Every time an entry of Aware is shown: a page load, a restore, a link within the page, Back, Forward. */
function arrive(event) {
  if (finishing) return;
  if (readRecord(history.state)?.leave) {
    // The entry an exit pushed: whoever comes here leaves at once.
    finishing = true;
    hide();
    const href = link()?.href;
    if (href) replaceWith(href);
    return;
  }
  locate();
  if (exiting || (getNote()?.exit && arrivedByTraversal(event))) {
    clearTimeout(fallback);
    proceed();
    return;
  }
  setNote(current);
  if (event?.type === 'pageshow' && event.persisted) show();
}

function start() {
  const exit = link();
  if (exit) {
    exit.addEventListener('click', (event) => {
      event.preventDefault();
      proceed();
    });
    // A link with role="button" answers Space as a button does (Enter already clicks it).
    exit.addEventListener('keydown', (event) => {
      if (event.key === ' ') {
        event.preventDefault();
        proceed();
      }
    });
  }
  addEventListener('popstate', arrive);
  addEventListener('hashchange', arrive);
  addEventListener('pageshow', (event) => {
    if (event.persisted) arrive(event);
  });
  addEventListener('pagehide', () => clearTimeout(fallback));
  arrive(null);
}

if (typeof document === 'object') start();
