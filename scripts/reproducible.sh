#!/usr/bin/env bash
# Builds ./cmd/propose twice, from two copies of the source in different
# folders and with separate build caches, with the release's flags, and fails
# unless the two binaries (and the man pages they write) are byte for byte
# the same.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

version=$(git describe --tags --always --dirty 2>/dev/null || echo devel)
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH CGO_ENABLED=0
ldflags="-s -w -X github.com/propose-cli/propose/pkg/cli.Version=$version"

work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

# build N copies the tracked files into $work/srcN (a different path each
# time) and builds there with a build cache of its own.
build() {
	local src=$work/src$1-$RANDOM
	mkdir -p "$src"
	git ls-files -z | xargs -0 cp --parents -t "$src"
	(cd "$src" && GOCACHE=$work/cache$1 go build -trimpath -ldflags "$ldflags" -o "$work/propose$1" ./cmd/propose)
	"$work/propose$1" man "$work/man$1" >/dev/null
}
build 1
build 2

a=$(sha256sum <"$work/propose1" | cut -d' ' -f1)
b=$(sha256sum <"$work/propose2" | cut -d' ' -f1)
echo "reproducible: $version: $a"
echo "reproducible: $version: $b"
if [ "$a" != "$b" ]; then
	echo "reproducible: FAIL: two builds of one source differ" >&2
	exit 1
fi
if ! diff -r "$work/man1" "$work/man2" >/dev/null; then
	echo "reproducible: FAIL: the two builds write different man pages" >&2
	exit 1
fi
echo "reproducible: ok, the same binary and man pages twice, in $((SECONDS - start)) s"
