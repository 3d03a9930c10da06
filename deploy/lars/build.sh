#!/usr/bin/env bash
# Builds LaRS (the crate xapi-rs, GPL-3.0-or-later: a separate program, never linked into Aware)
# with xapi-data-score-range.patch applied, so that it accepts a perfect score (docs/embedding.md),
# and installs it as INSTALL-ROOT/bin/xapi-rs:
#   deploy/lars/build.sh /opt/lars
# Every other dependency stays at the version LaRS's own Cargo.lock pins. Needs cargo (rustc 1.85
# or later: LaRS is edition 2024), tar and patch; about 5 minutes on 2 cores. scripts/env.sh runs
# it for the tests.
set -euo pipefail
LARS_VERSION=0.2.0
LARS_DATA_VERSION=1.0.0-rc.1
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${1:?usage: deploy/lars/build.sh INSTALL-ROOT}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# cargo fetches the two crates' sources: a throwaway package that depends on exactly them.
mkdir -p "$work/fetch/src"
: > "$work/fetch/src/lib.rs"
printf '[package]\nname = "fetch-lars"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nxapi-rs = "=%s"\nxapi-data = "=%s"\n' \
  "$LARS_VERSION" "$LARS_DATA_VERSION" > "$work/fetch/Cargo.toml"
(cd "$work/fetch" && cargo fetch --quiet)
crates="$(dirname "$(compgen -G "${CARGO_HOME:-$HOME/.cargo}/registry/cache/*/xapi-rs-$LARS_VERSION.crate" | head -n1)")"
tar -xzf "$crates/xapi-rs-$LARS_VERSION.crate" -C "$work"
tar -xzf "$crates/xapi-data-$LARS_DATA_VERSION.crate" -C "$work"
patch --quiet -p1 -d "$work/xapi-data-$LARS_DATA_VERSION" < "$here/xapi-data-score-range.patch"

lars="$work/xapi-rs-$LARS_VERSION"
printf '\n[patch.crates-io]\nxapi-data = { path = "../xapi-data-%s" }\n' "$LARS_DATA_VERSION" >> "$lars/Cargo.toml"
# The lock names xapi-data from crates.io; patched, it has no source or checksum: the one change.
awk '/^name = "xapi-data"$/ { data = 1 } data && /^(source|checksum) = / { next } /^dependencies/ { data = 0 } { print }' \
  "$lars/Cargo.lock" > "$lars/Cargo.lock.patched"
mv "$lars/Cargo.lock.patched" "$lars/Cargo.lock"
cargo install --quiet --locked --path "$lars" --root "$root" --target-dir "$work/target"
