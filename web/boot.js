// Starts this page's WebAssembly module. An external file rather than the inline script Trunk
// writes by default, so the Content-Security-Policy needs no 'unsafe-inline' and no hash: the
// module's glue and its wasm are named by the preload links Trunk puts in <head>, each with its
// integrity hash, which this fetch checks too. A page that web/exit.js (which runs first) is
// already leaving does not start the app.
const glue = document.querySelector('link[rel="modulepreload"]');
const wasm = document.querySelector('link[rel="preload"][type="application/wasm"]');
if (!document.documentElement.classList.contains('aware-exiting')) {
  const { default: init } = await import(glue.href);
  await init({ module_or_path: fetch(wasm.href, { integrity: wasm.integrity, credentials: 'same-origin' }) });
}
