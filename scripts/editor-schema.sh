#!/usr/bin/env bash
# Checks that the JSON Schema printed by `propose schema` works in an editor:
# drives yaml-language-server (the YAML support of VS Code and others) over
# LSP and checks key and value completion with documentation, hover text and
# diagnostics on the example, on misspelt files and on a file the wizard
# wrote. The cases are in scripts/editor-schema/check.js.
# Needs Node and npm, and the npm registry to install the server; without
# them it says so and exits 0. CI runs it when Node can be had.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
	echo "node or npm is not installed; skipping the editor schema check"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/propose" ./cmd/propose
"$tmp/propose" schema >"$tmp/proposal.schema.json"
"$tmp/propose" example >"$tmp/example.yaml"

# The wizard, given plain lines on a pipe, takes Enter on every question:
# it keeps every answer of example.yaml, writes written.yaml and renders
# the documents into out/. yes stops with SIGPIPE, hence the `|| true`.
if ! (cd "$tmp" && { yes '' | head -n 400 || true; } |
	SOURCE_DATE_EPOCH=1767571200 ./propose new --from example.yaml written.yaml >wizard.log 2>&1); then
	cat "$tmp/wizard.log" >&2
	echo "the wizard failed" >&2
	exit 1
fi
if [ ! -f "$tmp/written.yaml" ]; then
	cat "$tmp/wizard.log" >&2
	echo "the wizard did not write written.yaml" >&2
	exit 1
fi

if ! npm install --prefix "$tmp/lsp" --no-audit --no-fund --silent yaml-language-server@1.25.0 >/dev/null 2>&1; then
	echo "cannot install yaml-language-server with npm; skipping the editor schema check"
	exit 0
fi
node scripts/editor-schema/check.js \
	--server "$tmp/lsp/node_modules/yaml-language-server/bin/yaml-language-server" \
	--schema "$tmp/proposal.schema.json" \
	--example "$tmp/example.yaml" \
	--written "$tmp/written.yaml"
