#!/usr/bin/env bash
# Sets up what is missing, then serves Aware at http://127.0.0.1:8080 (rebuilding on change).
source "$(dirname "$0")/env.sh"
cd "$ROOT"
wasm trunk serve --address 127.0.0.1 --port 8080 "$@"
