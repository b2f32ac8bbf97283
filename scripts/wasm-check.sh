#!/usr/bin/env bash
# Builds the engine for WebAssembly (cmd/propose-wasm) and runs it under
# Node as a page runs it in the browser: every example and every story is
# rendered by it and by the command line, and each document must be
# byte-identical, also after the file went through a form's answers and
# back (propose.answers, then propose.yaml). Prints the engine's size, gzipped, and the time a render
# takes. Skips itself, with a message, when Node is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null; then
	echo "skip: the WebAssembly check needs Node, which is not installed here"
	exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/propose" ./cmd/propose
GOOS=js GOARCH=wasm go build -trimpath -o "$work/propose.wasm" ./cmd/propose-wasm
exec_js=$(go env GOROOT)/lib/wasm/wasm_exec.js
[ -f "$exec_js" ] || exec_js=$(go env GOROOT)/misc/wasm/wasm_exec.js
creator=$("$work/propose" --version)
today=2026-12-07
export SOURCE_DATE_EPOCH=1796601600 # 2026-12-07, for a file without date:
size=$(wc -c <"$work/propose.wasm")
gz=$(gzip -9 -c "$work/propose.wasm" | wc -c)
echo "propose.wasm: $((size / 1024)) KiB, $((gz / 1024)) KiB gzipped"

fail=0
checked=0
for f in examples/trial.yaml examples/offer.yaml examples/keep-remote.yaml examples/reask.yaml testdata/stories/*.yaml; do
	n=$(basename "$f" .yaml)
	"$work/propose" render "$f" --format md,pdf,html,docx --out "$work/cli/$n" --quiet >"$work/cli.log" 2>&1 || { cat "$work/cli.log" >&2; exit 1; }
	node scripts/wasm/render.cjs "$exec_js" "$work/propose.wasm" "$f" "$today" "$creator" "$work/wasm/$n" md pdf html docx
	# The same file, through a form's answers and back.
	ROUNDTRIP=1 node scripts/wasm/render.cjs "$exec_js" "$work/propose.wasm" "$f" "$today" "$creator" "$work/form/$n" pdf >/dev/null
	for pdf in "$work/cli/$n"/*.pdf "$work/cli/$n"/private/*.pdf; do
		rel=${pdf#"$work/cli/$n/"}
		if ! cmp -s "$pdf" "$work/form/$n/$rel"; then
			echo "FAIL: $n/$rel differs after the answers went through a form and back" >&2
			fail=1
		fi
	done
	while IFS= read -r doc; do
		rel=${doc#"$work/cli/$n/"}
		if ! cmp -s "$doc" "$work/wasm/$n/$rel"; then
			echo "FAIL: $n/$rel differs between the command line and the WebAssembly engine" >&2
			fail=1
		fi
		checked=$((checked + 1))
	done < <(find "$work/cli/$n" -type f \( -name '*.md' -o -name '*.pdf' -o -name '*.html' -o -name '*.docx' \) | sort)
done
[ "$checked" -gt 0 ] || { echo "FAIL: nothing was compared" >&2; exit 1; }
[ "$fail" = 0 ] || exit 1
echo "ok: $checked documents are byte-identical from the command line and from the WebAssembly engine, and every PDF after a round trip through a form's answers"
