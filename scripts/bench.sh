#!/usr/bin/env bash
# Benchmarks. They print figures and assert nothing.
#   size    builds the release site and prints each page's first load (brotli 11) beside its
#           target and enforced ceiling, and the crates each bundle's code comes from;
#   report  `aware report` pooling synthetic results files: records per second and peak memory.
#   vision  the card reader: accuracy and false cards on 1,000 synthetic classroom frames, frames
#           per second natively and in a Web Worker in headless Chromium, and the worker's wasm size.
#   load    a cold load of the first lesson's first quiz question in Chromium (e2e/bench/load.js):
#           time until the first answer can be chosen, bytes, requests and memory, with and without
#           CPU and network throttling, brotli over HTTPS and gzip over HTTP; then `aware size` of
#           the same files. It loads the release build, made here, or the built site in AWARE_DIST.
# `scripts/bench.sh` runs size, report and load; `scripts/bench.sh report` (or `size`, `vision`,
# `load`) runs one.
set -euo pipefail
if [ $# -gt 0 ]; then parts=("$@"); else parts=(size report load); fi

for part in "${parts[@]}"; do
  case "$part" in
    size)
      (
        source "$(dirname "$0")/env.sh"
        cd "$ROOT"
        scripts/build.sh >/dev/null 2>&1 || scripts/build.sh
        cargo run --quiet --profile host --target-dir target/host-tools -p aware-cli -- \
          size dist --wasm-dir target/wasm32-unknown-unknown/release
      )
      ;;
    report)
      (
        cd "$(dirname "$0")/.."
        # The CLI is a host program: the wasm-only cargo settings must not reach it. Its own target
        # folder (shared with scripts/build-content.sh unless CARGO_TARGET_DIR says otherwise), so it
        # never waits for the wasm build's lock, and the `host` profile (opt-level 3, not the wasm's "z").
        unset CARGO_UNSTABLE_BUILD_STD CARGO_BUILD_TARGET
        target="${CARGO_TARGET_DIR:-target/host-tools}"
        cargo build --quiet --profile host --target-dir "$target" -p aware-cli
        aware="$(cd "$target" && pwd)/host/aware"
        work="$(mktemp -d)"
        trap 'rm -rf "$work"' EXIT
        if [ -x /usr/bin/time ] && /usr/bin/time -v true 2>/dev/null; then has_time=1; else has_time=; fi

        # One run: synthesise `participants` (two records each) in `files` files, then time the report.
        # Files of the same size (2 500 participants, 5 000 records: the most a results file holds)
        # in both runs, so the difference in memory is what more records cost, not bigger files.
        # synth puts a participant's post-test in the same file as their pre-test or the next one, so
        # the report holds only about one file's participants waiting for their other phase; what
        # still grows is the set of participants already matched (16-byte keys), which lets it
        # count a record imported twice.
        run() {
          local participants=$1 files=$2 dir="$work/$1"
          "$aware" synth assessment lessons --participants "$participants" --files "$files" --out "$dir" >/dev/null
          local start end json
          echo "  load average      $(cut -d' ' -f1 /proc/loadavg) at the start (the machine has $(nproc) CPUs)"
          start=$(date +%s%N)
          if [ -n "$has_time" ]; then
            /usr/bin/time -v -o "$work/time" "$aware" report --json assessment lessons "$dir" >"$work/report.json"
          else
            "$aware" report --json assessment lessons "$dir" >"$work/report.json"
          fi
          end=$(date +%s%N)
          json="$work/report.json"
          local records
          # Every record read is counted once: pre, post, not scored or repeated.
          records=$(sed -n '/"counts"/,/}/p' "$json" | sed -n -E 's/^ *"(pre|post|not_scored|repeated)": ([0-9]+),?$/\2/p' |
            awk '{ s += $1 } END { print s }')
          local found
          found=$(find "$dir" -name '*.json' | wc -l)
          awk -v r="$records" -v f="$found" -v ns="$((end - start))" 'BEGIN {
            s = ns / 1e9
            printf "  records           %d\n  files             %d\n  seconds           %.2f\n  records/second    %.0f\n", r, f, s, r / s
          }'
          if [ -n "$has_time" ]; then
            # CPU time as well: on a busy machine wall-clock seconds measure the neighbours too.
            sed -n -E 's/^.*(User|System) time \(seconds\): ([0-9.]+)$/\2/p' "$work/time" |
              awk -v r="$records" '{ s += $1 } END { printf "  CPU seconds       %.2f (%.0f records per CPU second)\n", s, r / s }'
            sed -n -E 's/^.*Maximum resident set size \(kbytes\): ([0-9]+)$/\1/p' "$work/time" |
              awk '{ printf "  peak memory       %.1f MB (maximum resident set size)\n", $1 / 1024 }'
          else
            echo "  peak memory       not measured: /usr/bin/time -v (GNU time) is not installed"
          fi
          rm -rf "$dir"
        }

        echo "aware report over synthetic results files"
        echo "100 000 records (50 000 participants):"
        run 50000 20
        echo "1 000 000 records (500 000 participants):"
        run 500000 200
      )
      ;;
    vision)
      (
        source "$(dirname "$0")/env.sh"
        setup_browser_tools
        cd "$ROOT"
        work="$(mktemp -d)"
        trap 'rm -rf "$work"' EXIT
        # Native: accuracy, false cards and frames per second (a host program, like `report`).
        (
          unset CARGO_UNSTABLE_BUILD_STD CARGO_BUILD_TARGET
          cargo build --quiet --release -p aware-vision --features synth --example bench
          VISION_FRAMES_OUT="$work" nice -n 19 target/release/examples/bench 1000
        )
        # The worker's wasm, as the app would ship it: wasm-bindgen for a module worker, wasm-opt -Oz.
        wasm cargo build --quiet --release --target wasm32-unknown-unknown -p aware-vision-worker
        wasm-bindgen --target web --out-dir "$work" --out-name vision_worker \
          target/wasm32-unknown-unknown/release/aware_vision_worker.wasm
        wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
          --enable-mutable-globals "$work/vision_worker_bg.wasm" -o "$work/vision_worker_bg.wasm"
        node -e '
          const zlib = require("node:zlib"), fs = require("node:fs");
          const wasm = fs.readFileSync(process.argv[1]);
          const gzip = zlib.gzipSync(wasm, { level: 9 }).length;
          const brotli = zlib.brotliCompressSync(wasm, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
          const kb = (n) => (n / 1024).toFixed(1) + " KB";
          console.log(`card reader worker wasm (wasm-opt -Oz)\n  raw ${kb(wasm.length)}, gzip ${kb(gzip)}, brotli ${kb(brotli)}`);
        ' "$work/vision_worker_bg.wasm"
        echo "card reader in headless Chromium"
        (cd e2e && nice -n 19 node support/vision/bench.js "$work")
      )
      ;;
    load)
      (
        if [ -n "${AWARE_DIST:-}" ]; then dist="$(cd "$AWARE_DIST" && pwd)"; fi
        source "$(dirname "$0")/env.sh"
        setup_browser_tools
        cd "$ROOT"
        if [ -z "${dist:-}" ]; then
          wasm trunk build --release >/dev/null 2>&1 || wasm trunk build --release
          dist="$ROOT/dist"
        fi
        (cd e2e && nice -n 19 node bench/load.js "$dist")
        echo "aware size (the same files, compressed from disk; compare with the first load above)"
        cargo run --quiet --profile host --target-dir target/host-tools -p aware-cli -- size "$dist" | sed "s/^/  /" || true
      )
      ;;
    *)
      echo "usage: scripts/bench.sh [size] [report] [vision] [load]" >&2
      exit 2
      ;;
  esac
done
