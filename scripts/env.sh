# Sourced by serve.sh, test.sh and bench.sh: installs what is missing, then defines `wasm`, which
# runs a command with the toolchain settings for building WebAssembly.
#
# Two machines are supported:
# - an ordinary developer machine with rustup: `rustup target add wasm32-unknown-unknown`;
# - a machine that reaches only package registries (no rustup downloads): Debian's rustc-web
#   builds the wasm32 standard library from source (build-std), as in shared/TOOLCHAIN.md.
# Everything is installed only when missing, so a second run costs seconds.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
TRUNK_VERSION=0.21.14
# The learning record store of the xAPI tests (GPL: a separate test tool, never linked into Aware).
# deploy/lars/build.sh builds it (its version there) with the fix LaRS 0.2.0 needs to accept a
# perfect score, into a folder of its own, so an unpatched xapi-rs elsewhere is never used.
LARS_VERSION="$(sed -n 's/^LARS_VERSION=//p' "$ROOT/deploy/lars/build.sh")"
export AWARE_LARS="${AWARE_LARS:-$HOME/.cache/aware/lars-$LARS_VERSION-score-range/bin/xapi-rs}"
# The supply-chain check of scripts/test.sh (deny.toml).
CARGO_DENY_VERSION=0.20.2
# One source of truth: the wasm-bindgen CLI must equal the library version in Cargo.lock.
WASM_BINDGEN_VERSION="$(grep -A1 '^name = "wasm-bindgen"$' "$ROOT/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

log() { printf '[setup] %s\n' "$*" >&2; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

APT_UPDATED=
apt_install() {
  command -v apt-get >/dev/null || { log "please install: $*"; return 1; }
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

has_wasm_std() { [ -d "$("$1" --print sysroot 2>/dev/null)/lib/rustlib/wasm32-unknown-unknown/lib" ]; }
# The standard library's source: release pages rebuild std for size (scripts/build.sh).
has_rust_src() { [ -d "$("$1" --print sysroot 2>/dev/null)/lib/rustlib/src/rust/library" ]; }

# Decides how wasm is built: WASM_MODE=rustup or WASM_MODE=debian.
setup_rust_wasm() {
  command -v cargo >/dev/null || { log "Rust is required: see https://rustup.rs"; return 1; }
  if has_wasm_std rustc && has_rust_src rustc; then WASM_MODE=rustup; return; fi
  if [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ] && command -v wasm-ld-22 >/dev/null; then
    WASM_MODE=debian; return
  fi
  # rustup downloads the target from its own server; without internet that call hangs, so ask
  # the server first with a short timeout.
  if command -v rustup >/dev/null && curl -sSf --max-time 10 -o /dev/null https://static.rust-lang.org/dist/channel-rust-stable.toml.sha256 2>/dev/null; then
    log "rustup target add wasm32-unknown-unknown; rustup component add rust-src"
    rustup target add wasm32-unknown-unknown && rustup component add rust-src && { WASM_MODE=rustup; return; }
  fi
  apt_install rustc-web cargo-web rust-web-src lld-22
  WASM_MODE=debian
}

# Runs "$@" with the wasm toolchain.
wasm() {
  if [ "$WASM_MODE" = debian ]; then
    # Debian's cargo/rustc before rustup's, but the project's own tools (wasm-opt) before both.
    PATH="$TOOLS/node_modules/.bin:/usr/bin:$PATH" RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22 "$@"
  else
    "$@"
  fi
}

# Every tool is pinned to a version, and installed from a lockfile where the installer allows it.
setup_build_tools() {
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
    # Not --locked: wasm-bindgen-cli 0.2.130's own Cargo.lock pins webpki-roots 1.0.11 (through
    # ureq 3.5.0), which the registry does not offer (its newest is 1.0.10), so `cargo install
    # --locked` stops at "failed to select a version for webpki-roots". The version is pinned; try
    # --locked again when WASM_BINDGEN_VERSION moves on.
    cargo install --quiet --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    log "cargo install trunk $TRUNK_VERSION (10-15 minutes)"
    # --locked: without it cargo picks a lightningcss/cssparser pair that does not compile.
    cargo install --quiet --force --locked trunk --version "$TRUNK_VERSION" --no-default-features --features rustls
  fi
  command -v npm >/dev/null || apt_install nodejs npm
  # wasm-opt from npm's binaryen (Debian's is too old for current Rust output), exactly as
  # tools/package-lock.json says; installed again whenever that file changes.
  if [ ! -x "$TOOLS/node_modules/.bin/wasm-opt" ] || ! cmp -s "$ROOT/tools/package-lock.json" "$TOOLS/package-lock.json"; then
    log "npm ci --prefix .tools (wasm-opt, from tools/package-lock.json)"
    mkdir -p "$TOOLS"
    cp "$ROOT/tools/package.json" "$ROOT/tools/package-lock.json" "$TOOLS/"
    npm ci --silent --no-audit --no-fund --prefix "$TOOLS" >/dev/null
  fi
}

setup_browser_tools() {
  command -v chromium >/dev/null && command -v chromedriver >/dev/null || apt_install chromium chromium-driver
  # pdftotext and pdfinfo: e2e/tests/classroom.test.js reads back what Chromium prints to PDF.
  command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null || apt_install poppler-utils
  if [ ! -d "$ROOT/e2e/node_modules/playwright-core" ] || [ "$ROOT/e2e/package-lock.json" -nt "$ROOT/e2e/node_modules/.package-lock.json" ]; then
    log "npm ci (end-to-end test tools)"
    (cd "$ROOT/e2e" && npm ci --silent --no-audit --no-fund >/dev/null)
  fi
}

# cargo-deny for the supply-chain layer of scripts/test.sh, pinned and --locked.
setup_supply_tools() {
  if [ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" != "$CARGO_DENY_VERSION" ]; then
    log "cargo install cargo-deny $CARGO_DENY_VERSION (a few minutes)"
    nice -n 10 cargo install --quiet --locked cargo-deny --version "$CARGO_DENY_VERSION"
  fi
}

# A real learning record store for e2e/tests/xapi-lrs.test.js (e2e/support/lrs.js starts it on
# loopback): Debian's PostgreSQL and nginx, and LaRS built from crates.io with its score check
# fixed (about 5 minutes on 2 cores, once).
setup_lrs_tools() {
  local packages=()
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || packages+=(postgresql)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || packages+=(nginx)
  if [ ${#packages[@]} -gt 0 ]; then apt_install "${packages[@]}"; fi
  if [ ! -x "$AWARE_LARS" ]; then
    log "building LaRS with its score range fixed (deploy/lars/build.sh, about 5 minutes)"
    nice -n 10 "$ROOT/deploy/lars/build.sh" "$(dirname "$(dirname "$AWARE_LARS")")"
  fi
}

setup_rust_wasm
setup_build_tools
