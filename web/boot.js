// Starts this page's WebAssembly module. An external file rather than the inline script Trunk
// writes by default, so the Content-Security-Policy needs no 'unsafe-inline' and no hash: the
// module's glue and its wasm are named by the preload links Trunk puts in <head>, each with its
// integrity hash, which this fetch checks too. A page that web/exit.js (which runs first) is
// already leaving does not start the app.
const root = document.documentElement;
const offline = Boolean(root.dataset.awareWorker) && 'serviceWorker' in navigator;
// A new version that waited while the app was open starts now, before anything is on screen:
// nothing a student did can be lost by the reload.
if (!root.classList.contains('aware-exiting') && !(offline && (await startWaitingVersion()))) {
  const glue = document.querySelector('link[rel="modulepreload"]');
  const wasm = document.querySelector('link[rel="preload"][type="application/wasm"]');
  const { default: init } = await import(glue.href);
  await init({ module_or_path: fetch(wasm.href, { integrity: wasm.integrity, credentials: 'same-origin' }) });
  // Offline, once the app has started (so it never slows the first screen): the service worker
  // that `aware package` names in <html data-aware-worker> (the release's pages, not the embed
  // view and not the development server's) keeps this version on the device (web/sw.js). A new
  // version it finds waits; this says so to the app (<html data-aware-update="ready"> and the
  // event `aware-update-ready`), and starts it when the app sends `aware-apply-update` (the
  // student chose it, or moved to a screen outside a quiz: src/app/frame.rs decides), reloading
  // into it.
  if (offline) keepOffline(root.dataset.awareWorker);
}

/** Starts a version that is waiting, if any: true when the page is about to reload into it. */
async function startWaitingVersion() {
  const workers = navigator.serviceWorker;
  const registration = await workers.getRegistration().catch(() => null);
  if (!registration?.waiting || !workers.controller) return false;
  const started = new Promise((resolve) => workers.addEventListener('controllerchange', resolve, { once: true }));
  registration.waiting.postMessage('apply');
  // A worker that does not start within a few seconds (it failed) is not waited for.
  const late = new Promise((resolve) => setTimeout(() => resolve(false), 3000));
  if ((await Promise.race([started.then(() => true), late])) === false) return false;
  location.reload();
  return true;
}

async function keepOffline(script) {
  const workers = navigator.serviceWorker;
  const registration = await workers.register(script).catch(() => null);
  if (!registration) return;
  // The first worker takes control of this page too: not an update.
  let controlled = Boolean(workers.controller);
  let applying = false;
  const ready = () => {
    root.dataset.awareUpdate = 'ready';
    dispatchEvent(new Event('aware-update-ready'));
  };
  const follow = (worker) => worker?.addEventListener('statechange', () => {
    if (worker.state === 'installed' && workers.controller) ready();
  });
  if (registration.waiting && workers.controller) ready();
  follow(registration.installing);
  registration.addEventListener('updatefound', () => follow(registration.installing));
  workers.addEventListener('controllerchange', () => {
    if (applying) location.reload();
    // Another tab started the new version: this one reloads at the app's next chance.
    else if (controlled) ready();
    controlled = true;
  });
  addEventListener('aware-apply-update', () => {
    applying = true;
    if (!registration.waiting) {
      location.reload();
      return;
    }
    registration.waiting.postMessage('apply');
    // The new worker takes over only once the old one has finished what this page asked of it;
    // when that does not happen soon, a reload ends the page's requests, and the loaded page
    // starts the waiting version before the app (startWaitingVersion). Only ever asked for
    // outside a quiz, or by the student.
    setTimeout(() => location.reload(), 3000);
  });
  // Look for a new version when the connection or the student comes back (the browser also
  // looks on every page load).
  const look = () => registration.update().catch(() => {});
  addEventListener('online', look);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') look();
  });
}
