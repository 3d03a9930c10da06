#!/usr/bin/env bash
# Serves Aware at http://127.0.0.1:8080.
#   scripts/serve.sh              the release build, as students get it: scripts/build.sh, then
#                                 dist/ as a static host serves it (service worker, offline, and
#                                 the single file in dist-usb/)
#   scripts/serve.sh --no-build   the release build already in dist/, without building it again
#   scripts/serve.sh --dev [ARGS] the fast debug build of the student's page, rebuilt on every
#                                 change (trunk serve ARGS; no service worker)
source "$(dirname "$0")/env.sh"
cd "$ROOT"
case "${1:-}" in
  --dev)
    shift
    wasm trunk serve --address 127.0.0.1 --port 8080 "$@"
    exit
    ;;
  --no-build) ;;
  "") scripts/build.sh ;;
  *) echo "usage: scripts/serve.sh [--no-build | --dev [trunk serve options]]" >&2; exit 2 ;;
esac
[ -f dist/index.html ] || { echo "dist/ has no release build: run scripts/serve.sh without --no-build" >&2; exit 1; }
echo "Serving dist/ at http://127.0.0.1:8080/ (Ctrl-C stops)"
# Python's static server knows .wasm, .js and .webmanifest; 127.0.0.1 counts as a secure origin, so
# the service worker runs as it does on an HTTPS host.
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
