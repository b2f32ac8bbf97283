#!/usr/bin/env bash
# Checks that the HTML pages print right from a browser: renders every
# example (examples/*.yaml, the trial log's review among them) with
# --format html,pdf, then again with `paper: a4`, prints each HTML page with
# headless Chromium, and checks with pdfinfo that each printed page is the
# paper's size (Letter 612x792 pt, A4 595x842 pt), that each one-page
# summary prints on exactly one page and each proposal on at most four.
# Skips itself, with a message, when Chromium or pdfinfo (poppler-utils)
# are not installed and cannot be installed from the distribution's
# packages. The printed PDFs are kept in $PRINT_OUT when it is set.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v pdfinfo >/dev/null; then
	if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
		timeout 600 apt-get install -y chromium poppler-utils >/dev/null 2>&1 ||
			(apt-get update -qq && timeout 600 apt-get install -y chromium poppler-utils) >/dev/null 2>&1 || true
	fi
fi
if ! command -v chromium >/dev/null || ! command -v pdfinfo >/dev/null; then
	echo "skip: the print check needs chromium and pdfinfo (poppler-utils), which are not installed here"
	exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; failed=1; }
failed=0
out=${PRINT_OUT:-$work/printed}
mkdir -p "$out"

go build -o "$work/propose" ./cmd/propose
export SOURCE_DATE_EPOCH=1767571200

# The examples as they are, and each with `paper: a4` (the trial log
# follows its proposal, so it is copied beside it); then the stories.
mkdir -p "$work/letter" "$work/a4"
for f in examples/*.yaml; do
	cp "$f" "$work/letter/"
	sed 's/^paper: .*/paper: a4/' "$f" >"$work/a4/$(basename "$f")"
	if ! grep -q '^paper:' "$work/a4/$(basename "$f")" && ! [[ $f == *.log.yaml ]]; then
		printf 'paper: a4\n' >>"$work/a4/$(basename "$f")"
	fi
done

# The stories people bring, each on the paper it asks for, and each
# language's own sample (on A4, as it asks; the set's paper is the file's).
cp testdata/stories/*.yaml "$work/letter/"
for d in examples/*/; do
	lang=$(basename "$d")
	for f in "$d"*.yaml; do
		cp "$f" "$work/letter/$lang-$(basename "$f")"
	done
done

print() { # print HTML PDF: prints the page with headless Chromium
	timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --print-to-pdf="$2" \
		--no-pdf-header-footer "file://$1" >/dev/null 2>&1 || true
}

checked=0
for set in letter a4; do
	"$work/propose" render "$work/$set"/*.yaml --out "$work/out-$set" --format html,pdf >/dev/null 2>&1 ||
		{ fail "propose render failed for the $set examples"; continue; }
	while IFS= read -r html; do
		rel=${html#"$work/out-$set/"}
		pdf="$out/$set-${rel//\//-}"
		pdf=${pdf%.html}.pdf
		print "$html" "$pdf"
		[ -s "$pdf" ] || { fail "$set/$rel: Chromium printed nothing"; continue; }
		info=$(pdfinfo "$pdf")
		pages=$(sed -n 's/^Pages: *//p' <<<"$info")
		size=$(sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' <<<"$info")
		# The paper its file asks for (a trial log's is its proposal's).
		stem=${rel%%/*}
		paper=$(sed -n 's/^paper: *//p' "$work/$set/${stem%.log}.yaml")
		case $paper in
		a4) pw=595.28 ph=841.89 ;;
		*) pw=612 ph=792 ;;
		esac
		read -r w h <<<"$size"
		if [ "$(awk -v a="$w" -v b="$h" -v c="$pw" -v d="$ph" 'BEGIN { print (a-c < 1 && c-a < 1 && b-d < 1 && d-b < 1) }')" != 1 ]; then
			fail "$set/$rel prints on $w x $h pt, not on ${paper:-letter} ($pw x $ph pt)"
		fi
		case $(basename "$rel") in
		one-pager.html) [ "$pages" = 1 ] || fail "$set/$rel prints on $pages pages, not one" ;;
		proposal.html) [ "$pages" -le 4 ] || fail "$set/$rel prints on $pages pages, more than four" ;;
		esac
		echo "ok: $set/$rel prints on $pages page(s) of $w x $h pt"
		checked=$((checked + 1))
	done < <(find "$work/out-$set" -name '*.html' | sort)
done
[ "$checked" -gt 0 ] || fail "no HTML page was printed"
if [ "$failed" != 0 ]; then
	exit 1
fi
echo "ok: $checked printed pages are the paper's size; each one-page summary prints on one page"
