#!/usr/bin/env bash
# Benchmarks. They print figures and assert nothing.
#   size    builds the release site and prints each page's first load (brotli 11) beside its
#           target and enforced ceiling, the crates each bundle's code comes from, and the size
#           of the single file for a USB stick;
#   report  `aware report` pooling synthetic results files (and their studies' definitions): records
#           per second (target at least 300 000 on one core), CPU seconds and peak memory.
#   vision  the card reader: accuracy and false cards on 1,000 synthetic classroom frames, frames
#           per second natively and in a Web Worker in headless Chromium, and the worker's wasm size.
#   qr      result codes: the QR reader's decode rate and wrong reads on 1,000 synthetic frames of
#           phones showing codes, frames per second natively and in the camera worker in headless
#           Chromium, the worker's wasm size, and what drawing codes adds to the student's app.
#   load    a cold load of the first lesson's first quiz question in Chromium (e2e/bench/load.js):
#           time until the first answer can be chosen, bytes, requests and memory, with and without
#           CPU and network throttling, brotli over HTTPS and gzip over HTTP; then `aware size` of
#           the same files. It loads the release build, made here, or the built site in AWARE_DIST.
# `scripts/bench.sh` runs size, report and load; `scripts/bench.sh report` (or `size`, `vision`,
# `qr`, `load`) runs one.
set -euo pipefail
if [ $# -gt 0 ]; then parts=("$@"); else parts=(size report load); fi

# Shrinks a wasm file in place as the release build does.
wasm_opt() {
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals "$1" -o "$1"
}

# The teacher's camera worker (answer cards and result codes) in DIR, as the app would ship it:
# wasm-bindgen for a module worker, wasm-opt -Oz. Needs env.sh's `wasm`.
build_camera_worker() {
  wasm cargo build --quiet --release --target wasm32-unknown-unknown -p aware-vision-worker
  wasm-bindgen --target web --out-dir "$1" --out-name vision_worker \
    target/wasm32-unknown-unknown/release/aware_vision_worker.wasm
  wasm_opt "$1/vision_worker_bg.wasm"
}

# Prints a file's size raw, gzip -9 and brotli 11; with two files, also the first less the second.
file_sizes() {
  node -e '
    const zlib = require("node:zlib"), fs = require("node:fs");
    const sizes = (file) => {
      const wasm = fs.readFileSync(file);
      const gzip = zlib.gzipSync(wasm, { level: 9 }).length;
      const brotli = zlib.brotliCompressSync(wasm, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
      return [wasm.length, gzip, brotli];
    };
    const kb = (n) => (n / 1024).toFixed(1) + " KB";
    const line = ([raw, gzip, brotli]) => `raw ${kb(raw)}, gzip ${kb(gzip)}, brotli ${kb(brotli)}`;
    const [first, second] = process.argv.slice(1).map(sizes);
    if (!second) console.log(`  ${line(first)}`);
    else console.log(`  ${line(first.map((n, i) => n - second[i]))} (${line(first)} less ${line(second)})`);
  ' "$@"
}

for part in "${parts[@]}"; do
  case "$part" in
    size)
      (
        source "$(dirname "$0")/env.sh"
        cd "$ROOT"
        scripts/build.sh >/dev/null 2>&1 || scripts/build.sh
        cargo run --quiet --profile host --target-dir target/host-tools -p aware-cli -- \
          size dist --wasm-dir target/wasm32-unknown-unknown/release
        # The USB stick's single file is opened from disk, never downloaded: its size on the stick
        # is what counts (no budget; compressed sizes for comparison).
        echo "single file for a USB stick (dist-usb/aware.html, both languages, every lesson):"
        file_sizes dist-usb/aware.html
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

        # One run: synthesise `participants` (two records each) in `files` files, with their studies'
        # definitions, then time the report. Files of the same size (2 500 participants, 5 000
        # records: the most a results file holds) in both runs, so the difference in memory is what
        # more records cost, not bigger files. synth puts a participant's post-test in the same file
        # as their pre-test or the next one, so the report holds only about one file's participants
        # waiting for their other phase; what still grows is the issued codes of the studies given
        # (about 8 bytes and a bit per code), not the records or the files.
        run() {
          local participants=$1 files=$2 dir="$work/$1"
          "$aware" synth assessment lessons --participants "$participants" --files "$files" --out "$dir" >/dev/null
          local start end json
          echo "  load average      $(cut -d' ' -f1 /proc/loadavg) at the start (the machine has $(nproc) CPUs)"
          local report=("$aware" report --json --studies "$dir/studies" assessment lessons "$dir/results")
          start=$(date +%s%N)
          if [ -n "$has_time" ]; then
            /usr/bin/time -v -o "$work/time" "${report[@]}" >"$work/report.json"
          else
            "${report[@]}" >"$work/report.json"
          fi
          end=$(date +%s%N)
          json="$work/report.json"
          local records
          # Every record read is counted once: pre, post, not scored or repeated.
          records=$(sed -n '/"counts"/,/}/p' "$json" |
            sed -n -E 's/^ *"(pre|post|not_scored|repeated|not_issued)": ([0-9]+),?$/\2/p' |
            awk '{ s += $1 } END { print s }')
          local found
          found=$(find "$dir/results" -name '*.json' | wc -l)
          awk -v r="$records" -v f="$found" -v ns="$((end - start))" 'BEGIN {
            s = ns / 1e9
            printf "  records           %d\n  files             %d\n  seconds           %.2f\n  records/second    %.0f (target: at least 300 000)\n", r, f, s, r / s
          }'
          if [ -n "$has_time" ]; then
            # CPU time as well: on a busy machine wall-clock seconds measure the neighbours too. The
            # report runs on one core, so records per CPU second is what one idle core would do.
            sed -n -E 's/^.*(User|System) time \(seconds\): ([0-9.]+)$/\2/p' "$work/time" |
              awk -v r="$records" '{ s += $1 } END { printf "  CPU seconds       %.2f (%.0f records per CPU second; target: at least 300 000)\n", s, r / s }'
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
    vision | qr)
      (
        source "$(dirname "$0")/env.sh"
        setup_browser_tools
        cd "$ROOT"
        work="$(mktemp -d)"
        trap 'rm -rf "$work"' EXIT
        # What the part reads: answer cards (aware-vision) or result codes (aware-qr).
        if [ "$part" = vision ]; then
          package=aware-vision example=bench frames_out=VISION_FRAMES_OUT what=cards reader="card reader"
        else
          package=aware-qr example=read_bench frames_out=QR_FRAMES_OUT what=codes reader="QR reader"
        fi
        # Native: accuracy, false reads and frames per second (a host program, like `report`).
        (
          unset CARGO_UNSTABLE_BUILD_STD CARGO_BUILD_TARGET
          cargo build --quiet --release -p "$package" --features synth --example "$example"
          env "$frames_out=$work" nice -n 19 "target/release/examples/$example" 1000
        )
        build_camera_worker "$work"
        echo "camera reader worker wasm (wasm-opt -Oz; answer cards and result codes)"
        file_sizes "$work/vision_worker_bg.wasm"
        if [ "$part" = qr ]; then
          # The student's side: what drawing codes adds, measured as the difference of two modules.
          wasm cargo build --quiet --release --target wasm32-unknown-unknown -p aware-qr --features draw \
            --example draw_size --example draw_baseline
          for module in draw_size draw_baseline; do
            cp "target/wasm32-unknown-unknown/release/examples/$module.wasm" "$work/"
            wasm_opt "$work/$module.wasm"
          done
          echo "drawing result codes in the student's app (wasm-opt -Oz; qrcodegen and the SVG path)"
          file_sizes "$work/draw_size.wasm" "$work/draw_baseline.wasm"
        fi
        echo "$reader in headless Chromium"
        (cd e2e && nice -n 19 node support/vision/bench.js "$work" "$what")
      )
      ;;
    load)
      (
        if [ -n "${AWARE_DIST:-}" ]; then dist="$(cd "$AWARE_DIST" && pwd)"; fi
        source "$(dirname "$0")/env.sh"
        setup_browser_tools
        cd "$ROOT"
        if [ -z "${dist:-}" ]; then
          scripts/build.sh >/dev/null 2>&1 || scripts/build.sh
          dist="$ROOT/dist"
        fi
        (cd e2e && nice -n 19 node bench/load.js "$dist")
        echo "aware size (the same files, compressed from disk; compare with the first load above)"
        cargo run --quiet --profile host --target-dir target/host-tools -p aware-cli -- size "$dist" | sed "s/^/  /" || true
      )
      ;;
    *)
      echo "usage: scripts/bench.sh [size] [report] [vision] [qr] [load]" >&2
      exit 2
      ;;
  esac
done
