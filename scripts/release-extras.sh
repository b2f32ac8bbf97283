#!/usr/bin/env bash
# Writes what a release ships beside the binary into dist-extra/: the man
# pages (gzipped, with the release's version and dated by the commit) and
# the completion scripts and the page of `propose app`. .goreleaser.yaml runs it before the builds;
# dist-extra/ is not committed.
#
# Usage: scripts/release-extras.sh VERSION COMMIT_TIMESTAMP
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 2 ]; then
	echo "usage: $0 VERSION COMMIT_TIMESTAMP" >&2
	exit 2
fi
version=$1
epoch=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CGO_ENABLED=0 go build -trimpath \
	-ldflags "-X github.com/propose-cli/propose/pkg/cli.Version=$version" \
	-o "$tmp/propose" ./cmd/propose

rm -rf dist-extra
mkdir -p dist-extra/man dist-extra/completions
SOURCE_DATE_EPOCH=$epoch "$tmp/propose" man dist-extra/man >/dev/null
# -n leaves the name and time out of the gzip header, so the pages are the
# same for the same commit.
gzip -n -9 dist-extra/man/*.1

"$tmp/propose" completion bash >dist-extra/completions/propose.bash
"$tmp/propose" completion zsh >dist-extra/completions/_propose
"$tmp/propose" completion fish >dist-extra/completions/propose.fish
"$tmp/propose" completion powershell >dist-extra/completions/propose.ps1

# The page (`propose app`): the engine for WebAssembly and the page's files,
# naming the same version as the binary.
scripts/build-app.sh dist-extra/app "$tmp/propose" >/dev/null
