#!/usr/bin/env bash
# Sets up what is missing, then runs every test layer and ends with one summary line:
#   1. native   cargo test: the pure crate (content rules, quiz, progress, l10n), the CLI, the real
#               lessons, the app's source (no style attributes: tests/no_inline_style.rs)
#   2. lint     cargo clippy on every target, warnings as errors
#   3. supply   cargo deny: licences, duplicate crates and sources of every dependency (deny.toml)
#   4. browser  wasm-bindgen-test in headless Chromium: components under the real providers
#   5. build    the release site (scripts/build.sh: Trunk per page, then `aware package`, which
#               checks lessons/ and refuses scripts with `eval(`/`new Function` or inline code)
#   6. e2e      the release site served on 127.0.0.1 with the headers of its _headers (any
#               Content-Security-Policy violation fails), driven in Chromium, with axe-core; the
#               same site behind Debian's nginx with deploy/nginx/; the xAPI proxy before a real store
# The tools come pinned from lockfiles: e2e/package-lock.json and tools/package-lock.json by `npm ci`.
source "$(dirname "$0")/env.sh"
setup_browser_tools
setup_supply_tools
setup_lrs_tools
cd "$ROOT"

logs="$(mktemp -d)"
failed_layers=()
layer() {
  local name=$1; shift
  printf '\n=== %s ===\n' "$name"
  if ! "$@" 2>&1 | tee "$logs/$name.log"; then failed_layers+=("$name"); fi
}

layer native cargo test --workspace --color never
layer lint cargo clippy --workspace --all-targets --color never -- -D warnings
# Offline: the registry's files fetched for the build are all it needs. Advisories need RustSec's
# database on this machine (`cargo deny fetch` where there is internet); without it, say so.
if compgen -G "$HOME/.cargo/advisory-dbs/advisory-db-*/crates" >/dev/null; then
  layer supply cargo deny --offline --locked --workspace check
else
  echo "[supply] no RustSec advisory database in ~/.cargo/advisory-dbs: advisories NOT checked" >&2
  layer supply cargo deny --offline --locked --workspace check licenses bans sources
fi
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER="$(command -v chromedriver)" \
  layer browser wasm cargo test --target wasm32-unknown-unknown --test browser --color never
layer build scripts/build.sh
if [[ ! " ${failed_layers[*]} " =~ " build " ]]; then
  layer e2e env AWARE_DIST="$ROOT/dist" node --test --test-concurrency=1 --test-reporter=tap e2e/tests/
fi

# One line for the whole run, from each runner's own counts.
passed=$(cat "$logs"/*.log | sed -n -E 's/^test result: [a-zA-Z]+\. ([0-9]+) passed.*/\1/p; s/^# pass ([0-9]+)$/\1/p' | awk '{ s += $1 } END { print s + 0 }')
failed=$(cat "$logs"/*.log | sed -n -E 's/^test result: [a-zA-Z]+\. [0-9]+ passed; ([0-9]+) failed.*/\1/p; s/^# fail ([0-9]+)$/\1/p' | awk '{ s += $1 } END { print s + 0 }')
if [ ${#failed_layers[@]} -gt 0 ]; then
  echo "layers that failed: ${failed_layers[*]}"
  [ "${failed:-0}" -gt 0 ] || failed=${#failed_layers[@]}
fi
echo "all layers: ${passed:-0} passed, ${failed:-0} failed"
[ ${#failed_layers[@]} -eq 0 ]
