#!/usr/bin/env bash
# Builds the release site into dist/: each page of Aware (web/index.html, check.html,
# teacher.html) with Trunk, then `aware package`, which puts them together with their
# Content-Security-Policy and headers, and checks the student's download against its budget.
#   scripts/build.sh                      uses deployment.toml
#   AWARE_DEPLOYMENT=FILE scripts/build.sh  another deployment (the end-to-end tests use one)
#   AWARE_PAGES=DIR scripts/build.sh        Trunk's pages in DIR, not target/pages (for checkouts
#                                           that share one target/; e2e/tests/embed.test.js reads it too)
# It also writes dist-usb/aware.html: the student's lessons as one file that opens from a USB
# stick with no server (`aware package --single-file`).
source "$(dirname "$0")/env.sh"
cd "$ROOT"
deployment="${AWARE_DEPLOYMENT:-deployment.toml}"
pages="${AWARE_PAGES:-$ROOT/target/pages}"
rm -rf "$pages"
# Size over everything for what students download (measured in ARCHITECTURE.md, "Size"): the
# standard library is rebuilt at the profile's opt-level, and a panic aborts without formatting
# a message (panic messages, their locations and the formatting they need were 11 % of a
# student's wasm). Unstable flags, allowed on the stable compiler for this build only.
export RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
for page in index check teacher; do
  wasm trunk build "web/$page.html" --release=true --dist "$pages/$page"
done
unset CARGO_UNSTABLE_BUILD_STD CARGO_BUILD_TARGET
cargo run --quiet --profile host --target-dir target/host-tools -p aware-cli -- \
  package --deployment "$deployment" --out "$ROOT/dist" --single-file "$ROOT/dist-usb/aware.html" \
  "$pages/index" "$pages/check" "$pages/teacher"
# Each page's first load against its ceiling: the build fails when a change makes one heavier.
cargo run --quiet --profile host --target-dir target/host-tools -p aware-cli -- size "$ROOT/dist"
