#!/usr/bin/env bash
# Checks .goreleaser.yaml and builds a snapshot of it for one target of each
# system (linux/amd64, darwin/arm64, windows/amd64), then checks what it made:
# the archives carry the README, the licences, man pages and completions;
# checksums.txt verifies; the deb, rpm and SBOMs exist; and the Homebrew,
# Scoop and winget manifests were written. Nothing is published or signed.
#
# goreleaser and cyclonedx-gomod are built from the Go module proxy into a
# cache folder; when goreleaser cannot be had, this skips itself (exit 0).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS

tools=${PROPOSE_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/propose-release-tools}
mkdir -p "$tools"
export PATH="$tools:$PATH"

# install NAME VERSION PACKAGE builds PACKAGE@VERSION into $tools/NAME-VERSION
# unless it is there, and links $tools/NAME to it.
install() {
	local name=$1 version=$2 pkg=$3
	if [ ! -x "$tools/$name-$version" ]; then
		local tmp
		tmp=$(mktemp -d)
		if ! GOBIN=$tmp GOFLAGS=-mod=mod go install "$pkg@$version" >"$tmp/log" 2>&1; then
			tail -n 3 "$tmp/log" >&2
			rm -rf "$tmp"
			return 1
		fi
		mv "$tmp/$name" "$tools/$name-$version"
		rm -rf "$tmp"
	fi
	ln -sf "$name-$version" "$tools/$name"
}

echo "release-check: building goreleaser (the first time takes minutes)"
if ! install goreleaser v2.17.0 github.com/goreleaser/goreleaser/v2 &&
	! install goreleaser v2.15.1 github.com/goreleaser/goreleaser/v2; then
	echo "release-check: skipped: goreleaser could not be fetched or built from the Go module proxy"
	exit 0
fi
skip=sign
if ! install cyclonedx-gomod v1.10.0 github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod; then
	echo "release-check: cyclonedx-gomod could not be had: no SBOMs this time"
	skip=sign,sbom
fi
echo "release-check: $(goreleaser --version 2>&1 | grep -m1 '^GitVersion' | tr -s ' ')"

goreleaser check 2>&1

# The release repository is named in the configuration; a clone without a
# remote still needs one for goreleaser to read the git state.
if [ -z "$(git remote)" ]; then
	export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=remote.origin.url
	export GIT_CONFIG_VALUE_0=https://github.com/propose-cli/propose.git
fi

# The snapshot's configuration: the release's, less three of the six targets.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed 's/^    goarch: \[amd64, arm64\]$/&\n    ignore: [{goos: linux, goarch: arm64}, {goos: darwin, goarch: amd64}, {goos: windows, goarch: arm64}]/' \
	.goreleaser.yaml >"$work/snapshot.yaml"
if ! grep -q '^    ignore:' "$work/snapshot.yaml"; then
	echo "release-check: the builds' goarch line in .goreleaser.yaml changed; update the snapshot's targets here" >&2
	exit 1
fi
if ! goreleaser release --snapshot --clean --skip="$skip" --config "$work/snapshot.yaml" >"$work/log" 2>&1; then
	cat "$work/log" >&2
	echo "release-check: the snapshot build failed" >&2
	exit 1
fi

echo "release-check: the snapshot made:"
(cd dist && find . -type f ! -path './propose_*_*/*' ! -name '*.json' -o -type f -name '*.cdx.json' | sed 's|^\./|  |' | sort)

failed=0
fail() {
	echo "release-check: FAIL: $*" >&2
	failed=1
}

version=$(sed -n 's/.*"version":"\([^"]*\)".*/\1/p' dist/metadata.json)
[ -n "$version" ] || fail "no version in dist/metadata.json"

# Every archive has the binary, the README, the licences, the man pages and
# the completions.
if ! command -v unzip >/dev/null; then
	(apt-get install -y -qq unzip || (apt-get update -qq && apt-get install -y -qq unzip)) >/dev/null 2>&1 || true
fi
want="README.md LICENSE fonts/OFL.txt fonts/DejaVu-LICENSE.txt manpages/propose.1.gz manpages/propose-render.1.gz
completions/propose.bash completions/_propose completions/propose.fish completions/propose.ps1
app/index.html app/app.js app/app.css app/propose.wasm app/wasm_exec.js app/version.txt app/engine.js"
for target in linux_amd64.tar.gz darwin_arm64.tar.gz windows_amd64.zip; do
	archive=dist/propose_${version}_$target
	if [ ! -f "$archive" ]; then
		fail "no $archive"
		continue
	fi
	case $archive in
	*.zip)
		if ! command -v unzip >/dev/null; then
			echo "release-check: unzip cannot be had: the contents of $archive are not checked"
			continue
		fi
		list=$(unzip -Z1 "$archive")
		bin=propose.exe
		;;
	*) list=$(tar tzf "$archive") bin=propose ;;
	esac
	dir=propose_${version}_${target%%.*}
	for f in $bin $want; do
		grep -qx "$dir/$f" <<<"$list" || fail "$archive lacks $f"
	done
done

# The binary and its man pages carry the release's version.
tar xzf "dist/propose_${version}_linux_amd64.tar.gz" -C "$work"
got=$("$work/propose_${version}_linux_amd64/propose" --version)
[ "$got" = "propose $version" ] || fail "the linux binary says \"$got\", not \"propose $version\""
gzip -dc "$work/propose_${version}_linux_amd64/manpages/propose.1.gz" | grep -q "\"propose ${version//-/\\\\-}\"" ||
	fail "propose.1 does not carry the version $version"

# `propose app` finds the page shipped beside the binary, and the page names
# the binary's version.
rel="$work/propose_${version}_linux_amd64"
[ "$(cat "$rel/app/version.txt")" = "propose $version" ] || fail "the page says \"$(cat "$rel/app/version.txt")\", not \"propose $version\""
"$rel/propose" app --no-open >"$work/app.out" 2>&1 &
app_pid=$!
for _ in $(seq 1 50); do grep -q 'http://127.0.0.1:' "$work/app.out" 2>/dev/null && break; sleep 0.1; done
app_addr=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/app.out" || true)
if ! command -v curl >/dev/null; then
	echo "release-check: curl is not installed: the page the archive's propose app serves is not fetched"
elif [ -z "$app_addr" ] || ! curl -sf "$app_addr" | grep -q 'app.js'; then
	fail "propose app from the archive does not serve its page: $(cat "$work/app.out")"
fi
kill "$app_pid" 2>/dev/null || true

(cd dist && sha256sum --quiet -c checksums.txt) || fail "checksums.txt does not verify"

# The packages, with the man pages and completions where the system looks.
deb=$(ls dist/*.deb 2>/dev/null | head -n 1)
rpm=$(ls dist/*.rpm 2>/dev/null | head -n 1)
[ -n "$deb" ] || fail "no .deb"
[ -n "$rpm" ] || fail "no .rpm"
if [ -n "$deb" ] && command -v dpkg-deb >/dev/null; then
	files=$(dpkg-deb -c "$deb" | awk '{print $NF}')
	for f in ./usr/bin/propose ./usr/share/man/man1/propose.1.gz ./usr/share/bash-completion/completions/propose \
		./usr/share/zsh/vendor-completions/_propose ./usr/share/fish/vendor_completions.d/propose.fish \
		./usr/share/doc/propose/copyright ./usr/share/doc/propose/fonts/OFL.txt; do
		grep -qx "$f" <<<"$files" || fail "$deb lacks $f"
	done
fi

if [[ $skip == *sbom* ]]; then
	echo "release-check: SBOMs not checked (no cyclonedx-gomod)"
else
	for target in linux_amd64 darwin_arm64 windows_amd64; do
		sbom=dist/propose_${version}_$target.cdx.json
		grep -q '"bomFormat": "CycloneDX"' "$sbom" 2>/dev/null || fail "no CycloneDX SBOM $sbom"
	done
fi

# The manifests, written though not pushed; the cask names every man page.
cask=dist/homebrew/Casks/propose.rb
[ -f "$cask" ] || fail "no Homebrew cask $cask"
[ -f dist/scoop/bucket/propose.json ] || fail "no Scoop manifest"
n=$(find dist/winget -name 'propose-cli.propose*.yaml' 2>/dev/null | wc -l)
[ "$n" -eq 3 ] || fail "winget: $n manifest files, not 3"
for page in dist-extra/man/*.1.gz; do
	grep -q "manpage \"manpages/${page##*/}\"" "$cask" 2>/dev/null ||
		fail "the cask lacks ${page##*/}: add it to homebrew_casks.manpages in .goreleaser.yaml"
done

if [ "$failed" -ne 0 ]; then
	exit 1
fi
echo "release-check: ok, version $version, in $((SECONDS - start)) s"
