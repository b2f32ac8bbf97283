#!/usr/bin/env bash
# Builds the page of propose into DIR (default web/app, beside its source):
# the engine for WebAssembly (propose.wasm), Go's loader for it
# (wasm_exec.js), the version the documents name (version.txt), and
# engine.js, the same engine and version as a script, for the page opened
# from its folder without a server. Serve it with `propose app --dir DIR`.
#
# Usage: scripts/build-app.sh [DIR [BINARY]]: BINARY's --version is the
# version named (default: a propose built here).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-web/app}
bin=${2:-}
mkdir -p "$dir"
[ "$dir" = web/app ] || cp web/app/index.html web/app/app.js web/app/app.css "$dir/"
GOOS=js GOARCH=wasm go build -trimpath -o "$dir/propose.wasm" ./cmd/propose-wasm
exec_js=$(go env GOROOT)/lib/wasm/wasm_exec.js
[ -f "$exec_js" ] || exec_js=$(go env GOROOT)/misc/wasm/wasm_exec.js
cp "$exec_js" "$dir/wasm_exec.js"
if [ -z "$bin" ]; then
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	go build -trimpath -o "$work/propose" ./cmd/propose
	bin=$work/propose
fi
"$bin" --version >"$dir/version.txt"
{
	printf 'globalThis.proposeEngine = {version: "%s", wasm: "' "$(cat "$dir/version.txt")"
	base64 <"$dir/propose.wasm" | tr -d '\n'
	printf '"};\n'
} >"$dir/engine.js"
echo "built the page in $dir ($(($(gzip -9 -c "$dir/propose.wasm" | wc -c) / 1024)) KiB of engine, gzipped)"
