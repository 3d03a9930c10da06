// Aware's embed script for campaign pages (docs/embedding.md). For every
// <div data-aware-quiz="LESSON"> it makes an <iframe> of Aware's embed view, keeps the frame's
// height equal to the quiz's, and passes the quiz's events on to the page as `aware` DOM events
// on the element. No dependencies; at most 3 KB gzip (checked by `aware package`).
//
// Trust: a message counts only if it comes from Aware's origin (the origin this script was
// loaded from) AND from the contentWindow of a frame this script made. The only message this
// script sends, `hello`, goes to Aware's origin only, never to '*'.
(() => {
  const KEY = Symbol.for('aware.embed');
  if (window[KEY]) return;
  window[KEY] = true;
  const script = document.currentScript;
  if (!script || !script.src) return;
  const base = new URL('.', script.src);
  const AWARE = base.origin;
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const MIN = 100;
  const MAX = 20000;
  // Each frame made here, by its contentWindow once known.
  const frames = [];

  function start(element) {
    if (element.hasAttribute('data-aware-started')) return;
    const lesson = element.getAttribute('data-aware-quiz') || '';
    if (lesson.length > 48 || !ID.test(lesson)) return;
    element.setAttribute('data-aware-started', '');
    // The language: the element's data-lang, else the page's language (the embed view falls
    // back to the browser's own when Aware has neither).
    const host = element.closest('[lang]');
    const lang = element.getAttribute('data-lang') || (host && host.getAttribute('lang')) || '';
    const url = new URL('embed.html', base);
    url.searchParams.set('lesson', lesson);
    if (lang) url.searchParams.set('lang', lang);
    const whole = element.hasAttribute('data-aware-whole');
    url.hash = '/lessons/' + lesson + (whole ? '/section/1' : '/quiz/1');
    const frame = document.createElement('iframe');
    frame.title = element.getAttribute('data-title') || 'Aware';
    frame.loading = 'lazy';
    frame.referrerPolicy = 'no-referrer';
    frame.allow = "camera 'none'; microphone 'none'; geolocation 'none'";
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    frame.style.height = (parseInt(element.getAttribute('data-height'), 10) || 480) + 'px';
    const entry = { element, frame, ready: false };
    frames.push(entry);
    // The parent introduces itself once the frame has loaded, and again until it answers
    // `ready` (the quiz starts after its page has loaded: seconds later on a slow phone). Often
    // at first, then every 2 s, for 2 minutes at most.
    frame.addEventListener('load', () => {
      entry.ready = false;
      let tries = 0;
      const hello = () => {
        if (entry.ready || tries++ >= 100 || !frame.contentWindow) return;
        frame.contentWindow.postMessage({ aware: 1, type: 'hello' }, AWARE);
        setTimeout(hello, tries < 40 ? 250 : 2000);
      };
      hello();
    });
    frame.src = url.href;
    element.replaceChildren(frame);
  }

  // Only the protocol's fields, each of its type: nothing else reaches the page.
  function event(data) {
    if (!data || typeof data !== 'object' || data.aware !== 1) return null;
    const out = { type: data.type };
    const id = (v) => typeof v === 'string' && v.length <= 48 && ID.test(v);
    const whole = (v) => Number.isInteger(v) && v >= 0 && v <= 10000;
    switch (data.type) {
      case 'ready':
        return out;
      case 'resize':
        if (!Number.isInteger(data.height) || data.height < MIN || data.height > MAX) return null;
        out.height = data.height;
        return out;
      case 'started':
        if (!id(data.lesson)) return null;
        out.lesson = data.lesson;
        return out;
      case 'answered':
        if (!id(data.lesson) || !id(data.item) || typeof data.correct !== 'boolean') return null;
        out.lesson = data.lesson;
        out.item = data.item;
        out.correct = data.correct;
        return out;
      case 'completed':
        if (!id(data.lesson) || !whole(data.score) || !whole(data.max) || data.score > data.max) return null;
        out.lesson = data.lesson;
        out.score = data.score;
        out.max = data.max;
        return out;
    }
    return null;
  }

  window.addEventListener('message', (message) => {
    if (message.origin !== AWARE) return;
    const entry = frames.find((e) => e.frame.contentWindow === message.source);
    if (!entry) return;
    const detail = event(message.data);
    if (!detail) return;
    if (detail.type === 'ready') entry.ready = true;
    if (detail.type === 'resize') entry.frame.style.height = detail.height + 'px';
    entry.element.dispatchEvent(new CustomEvent('aware', { detail, bubbles: true }));
  });

  const all = () => document.querySelectorAll('[data-aware-quiz]').forEach(start);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', all);
  else all();
})();
