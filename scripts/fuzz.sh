#!/usr/bin/env bash
# Fuzzes one decoder for a while and prints how many inputs it ran:
#   scripts/fuzz.sh TARGET SECONDS     e.g. scripts/fuzz.sh results_file 600
#   scripts/fuzz.sh --runs N TARGET    until it has run N inputs (10000000: what fuzz/README.md asks)
#   scripts/fuzz.sh --list             the targets
#   scripts/fuzz.sh --merge TARGET     add to fuzz/corpus/TARGET the inputs runs found that add coverage
# Needs a nightly toolchain (rustup's; installed here when rustup can) and cargo-fuzz (installed
# here when missing). Runs at the lowest CPU priority: the machine is shared. New inputs go to
# fuzz/target/corpus/TARGET (not committed); a crash is saved under fuzz/artifacts/TARGET/, and the
# script fails. See fuzz/README.md for what to do with either.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
cd "$ROOT/fuzz"

log() { printf '[fuzz] %s\n' "$*" >&2; }
targets() { sed -n 's/^name = "\(.*\)"$/\1/p' Cargo.toml | grep -v '^aware-fuzz$'; }

setup() {
  if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    log "rustup toolchain install nightly (libFuzzer needs it)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! cargo fuzz --version >/dev/null 2>&1; then
    log "cargo install cargo-fuzz --locked"
    cargo install --quiet --locked cargo-fuzz
  fi
}

check_target() {
  targets | grep -qx "$1" || { log "unknown target $1; the targets are: $(targets | tr '\n' ' ')"; exit 2; }
}

case "${1:-}" in
  --list) targets; exit 0 ;;
  --merge)
    target="${2:?usage: scripts/fuzz.sh --merge TARGET}"
    check_target "$target"
    setup
    # libFuzzer's merge: the first folder gains only inputs that reach code it does not (edges,
    # not hit counts); what is there (real-file seeds, crash regressions) stays under its own
    # name. Only finds up to 512 bytes are offered, so the committed corpus stays small.
    small="$(mktemp -d)"
    trap 'rm -rf "$small"' EXIT
    find "target/corpus/$target" -type f -size -513c -exec cp {} "$small"/ \; 2>/dev/null || true
    nice -n 19 cargo +nightly fuzz run --sanitizer none "$target" "corpus/$target" "$small" -- -merge=1 -use_counters=0 \
      2>&1 | grep -E '^MERGE-OUTER: [0-9]+ new files' || true
    echo "corpus/$target: $(find "corpus/$target" -type f | wc -l) files, $(cat "corpus/$target"/* | wc -c) bytes"
    exit 0 ;;
esac

if [ "${1:-}" = --runs ]; then
  limit=(-runs="${2:?usage: scripts/fuzz.sh --runs N TARGET}")
  target="${3:?usage: scripts/fuzz.sh --runs N TARGET}"
else
  target="${1:?usage: scripts/fuzz.sh TARGET SECONDS}"
  limit=(-max_total_time="${2:?usage: scripts/fuzz.sh TARGET SECONDS}")
fi
check_target "$target"
setup
scratch="target/corpus/$target"
mkdir -p "$scratch"
output="$(mktemp)"
trap 'rm -f "$output"' EXIT
# --sanitizer none: safe Rust needs no AddressSanitizer, and runs about twice as fast without.
# -timeout: an input that takes 10 s is a hang, reported like a crash.
status=0
started=$SECONDS
nice -n 19 cargo +nightly fuzz run --sanitizer none "$target" "$scratch" "corpus/$target" -- \
  "${limit[@]}" -timeout=10 -print_final_stats=1 2>&1 | tee "$output" | grep -E '^(#[0-9]+\s+(INITED|DONE)|==|SUMMARY|Done)' || status=$?
runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$output" | tail -n1)"
if grep -qE '^(==[0-9]+== ERROR|SUMMARY|.*panicked at)' "$output" || [ -z "$runs" ]; then
  grep -E 'panicked at|Test unit written to|SUMMARY|ERROR' "$output" >&2 || tail -n 30 "$output" >&2
  log "$target: FAILED (see fuzz/artifacts/$target/)"
  exit 1
fi
echo "$target: $runs executions in $((SECONDS - started)) s, no crash"
