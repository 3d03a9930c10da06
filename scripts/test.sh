#!/usr/bin/env bash
# Sets up what is missing, then runs every test layer and ends with one summary line:
#   1. native   cargo test: the pure crate (content rules, quiz, progress, l10n), the CLI, the real lessons
#   2. browser  wasm-bindgen-test in headless Chromium: components under the real providers
#   3. build    the release bundle (trunk build --release), which also checks lessons/
#   4. e2e      the release bundle served on 127.0.0.1, driven in Chromium, with axe-core
source "$(dirname "$0")/env.sh"
setup_browser_tools
cd "$ROOT"

logs="$(mktemp -d)"
failed_layers=()
layer() {
  local name=$1; shift
  printf '\n=== %s ===\n' "$name"
  if ! "$@" 2>&1 | tee "$logs/$name.log"; then failed_layers+=("$name"); fi
}

layer native cargo test --workspace --color never
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER="$(command -v chromedriver)" \
  layer browser wasm cargo test --target wasm32-unknown-unknown --test browser --color never
layer build wasm trunk build --release
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
