#!/usr/bin/env bash
# Benchmark: builds the release bundle and prints what a student downloads (raw, gzip, brotli).
source "$(dirname "$0")/env.sh"
cd "$ROOT"
wasm trunk build --release >/dev/null 2>&1 || wasm trunk build --release
cargo run --quiet --release --target-dir target/host-tools -p aware-cli -- size dist
