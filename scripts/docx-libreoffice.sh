#!/usr/bin/env bash
# Checks that the Word files propose writes open in a word processor:
# renders the four examples' proposals as .docx, converts them to PDF with
# LibreOffice (soffice --headless) and checks with pdftotext that every
# section heading, a cell of the first table and the sign-off are in the
# converted text, and that each one-page summary's Word file is one page. Needs LibreOffice Writer and poppler's pdftotext; when
# soffice is missing it tries apt-get once (as root, with a time limit), and
# without it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "soffice or pdftotext is not installed; trying apt-get install libreoffice-writer-nogui poppler-utils"
		pkgs=(libreoffice-writer-nogui poppler-utils)
		timeout 600 apt-get install -y --no-install-recommends "${pkgs[@]}" >/dev/null 2>&1 ||
			(apt-get update -qq && timeout 600 apt-get install -y --no-install-recommends "${pkgs[@]}") >/dev/null 2>&1 || true
	fi
fi
if ! command -v soffice >/dev/null; then
	echo "LibreOffice (soffice) is not installed; skipping the Word file check"
	exit 0
fi
if ! command -v pdftotext >/dev/null; then
	echo "pdftotext (poppler-utils) is not installed; skipping the Word file check"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/propose" ./cmd/propose
export SOURCE_DATE_EPOCH=1767571200

scenarios=(trial offer keep-remote reask)
for s in "${scenarios[@]}"; do
	if ! { "$tmp/propose" example "$s" -o "$tmp/$s.yaml" &&
		"$tmp/propose" render "$tmp/$s.yaml" --format md,docx --out "$tmp/$s" --quiet; } >"$tmp/render.log" 2>&1; then
		cat "$tmp/render.log" >&2
		echo "$s: propose could not render the example" >&2
		exit 1
	fi
	cp "$tmp/$s/proposal.docx" "$tmp/$s.docx"
	cp "$tmp/$s/one-pager.docx" "$tmp/$s-one-pager.docx"
done

# render_one_pager NAME FILE renders FILE's one-page summary as NAME-one-pager.docx,
# to be converted with the rest.
stories=()
render_one_pager() {
	"$tmp/propose" render "$2" --format docx --out "$tmp/$1" --quiet >"$tmp/render.log" 2>&1 || {
		cat "$tmp/render.log" >&2
		echo "$1: propose could not render $2" >&2
		exit 1
	}
	cp "$tmp/$1/one-pager.docx" "$tmp/$1-one-pager.docx"
	stories+=("$1")
}

# The stories people bring: each one-page summary must keep to one page in a
# word processor too.
for f in testdata/stories/*.yaml; do
	render_one_pager "story-$(basename "$f" .yaml)" "$f"
done

# Each language's own sample: German compounds and French spacing must fit
# the page in a word processor as in the PDF.
for d in examples/*/; do
	lang=$(basename "$d")
	"$tmp/propose" example --language "$lang" >"$tmp/sample-$lang.yaml"
	render_one_pager "sample-$lang" "$tmp/sample-$lang.yaml"
done

# One LibreOffice run converts all of them, with the fonts the documents name
# (the PDF's, from assets/fonts) and a profile kept apart from the user's.
mkdir -p "$tmp/home/.local/share/fonts"
cp assets/fonts/*.ttf "$tmp/home/.local/share/fonts/"
(cd "$tmp" && HOME="$tmp/home" soffice -env:UserInstallation="file://$tmp/profile" --headless \
	--convert-to pdf --outdir "$tmp/pdf" "${scenarios[@]/%/.docx}" "${scenarios[@]/%/-one-pager.docx}" "${stories[@]/%/-one-pager.docx}" >"$tmp/soffice.log" 2>&1) || {
	cat "$tmp/soffice.log" >&2
	echo "soffice could not convert the Word files" >&2
	exit 1
}

# one_page NAME: the one-page summary stays on one page in a word
# processor too.
one_page() {
	local one
	one=$(pdfinfo "$tmp/pdf/$1-one-pager.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	if [ "$one" = 1 ]; then
		echo "$1: the one-page summary's Word file is one page"
	else
		echo "$1: the one-page summary's Word file is ${one:-no} pages in LibreOffice" >&2
		fail=1
	fi
}

# squash prints text with its white space (no-break spaces among it) as
# single spaces.
squash() { sed 's/\xc2\xa0/ /g' | tr -s '[:space:]' ' '; }

fail=0
for s in "${scenarios[@]}"; do
	pdf="$tmp/pdf/$s.pdf"
	if [ ! -s "$pdf" ]; then
		echo "$s: LibreOffice wrote no PDF" >&2
		fail=1
		continue
	fi
	text=$(pdftotext -enc UTF-8 "$pdf" - | squash)
	md="$tmp/$s/proposal.md"
	checks=()
	while IFS= read -r h; do checks+=("$h"); done < <(sed -n 's/^#\{1,3\} //p' "$md")
	# The first cell of the first table's first row below its header.
	checks+=("$(awk '/^\|[ :|-]+\|$/ { getline; split($0, c, "|"); print c[2]; exit }' "$md" | sed 's/^ *//; s/ *$//')")
	checks+=("Approved as proposed" "Signature")
	# The sign-off's columns, as the proposal names them (Manager and
	# Employee; Hiring manager and Candidate; Client and Contractor).
	while IFS= read -r role; do checks+=("$role"); done < <(grep -m1 '^| *|.*|$' "$md" | tr '|' '\n' | sed 's/^ *//; s/ *$//' | grep -v '^$')
	missing=0
	for want in "${checks[@]}"; do
		want=$(printf '%s' "$want" | squash)
		if [[ "$text" != *"$want"* ]]; then
			echo "$s: the converted PDF lacks \"$want\"" >&2
			missing=1
		fi
	done
	pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	if [ "$missing" = 0 ]; then
		echo "$s: all ${#checks[@]} headings and table cells are in the converted PDF (${pages:-?} pages)"
	else
		fail=1
	fi
	one_page "$s"
done
for s in "${stories[@]}"; do
	one_page "$s"
done
if [ -n "${DOCX_KEEP:-}" ]; then
	mkdir -p "$DOCX_KEEP" && cp "$tmp"/pdf/*.pdf "$tmp"/*.docx "$DOCX_KEEP"/
fi
exit "$fail"
