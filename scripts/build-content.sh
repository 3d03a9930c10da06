#!/usr/bin/env bash
# Trunk build hook: checks lessons/ and writes dist/content/<locale>/ (index and lessons) and
# dist/content/assessment.json.
# A content error fails the build with `path:line: message`.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TRUNK_STAGING_DIR:?run by trunk}"
# The CLI is a host program: the wasm-only cargo settings must not reach it.
unset CARGO_UNSTABLE_BUILD_STD CARGO_BUILD_TARGET
# Its own target folder, so it never waits for the lock of the wasm build running beside it.
cargo run --quiet --profile host --target-dir target/host-tools -p aware-cli -- build lessons assessment --out "$out"
