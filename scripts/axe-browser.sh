#!/usr/bin/env bash
# Checks that every HTML document propose writes can be used with a screen
# reader, as axe-core judges it in a real browser: renders every example
# (examples/*.yaml and each language's examples/*/trial.yaml) as HTML, its
# email draft, and for each one with a trial log its review report, the
# review's prep sheet, the agreement after an approval and the latest
# status note with its email; then opens each page in headless Chromium
# (over WebDriver, as the other browser checks do), injects axe-core and
# runs the WCAG 2.1 A and AA rules and axe's best practices
# (scripts/axe-browser/run.js). Any violation fails the check, printed with
# its rule id, impact and the offending node. No rule is switched off for
# a page; for an email's body, three best practices meant for pages are,
# for the reason run.js gives.
#
# axe-core comes from npm at one exact version, into a cache folder outside
# the repository ($AXE_CACHE, default ~/.cache/propose/axe-core-VERSION), so
# that a second run needs no network. Skips itself, with a message, when
# Chromium, ChromeDriver, Node or axe-core cannot be had. The rendered pages
# are copied into $AXE_OUT when it is set, to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

axe_version=4.14.1

source scripts/need-chromium.sh "the accessibility check (axe-core)"
if ! command -v node >/dev/null || ! command -v npm >/dev/null ||
	[ "$(node -p 'Number(process.versions.node.split(".")[0]) >= 18' 2>/dev/null)" != true ]; then
	echo "skip: the accessibility check needs Node 18 or later and npm to install axe-core, which are not installed here"
	exit 0
fi

fail() { echo "FAIL: $*" >&2; exit 1; }
out=$work/out
mkdir -p "$out"

# axe-core at its pinned version, from the cache or npm (into the run's
# own folder when the cache cannot be written).
cache=${AXE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/propose/axe-core-$axe_version}
mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ] || cache=$work/axe
axe=$cache/node_modules/axe-core/axe.min.js
installed() { [ "$(node -p "require('$cache/node_modules/axe-core/package.json').version" 2>/dev/null)" = "$axe_version" ]; }
if ! installed; then
	mkdir -p "$cache"
	if ! timeout 300 npm install --prefix "$cache" --no-audit --no-fund --no-save --silent "axe-core@$axe_version" >/dev/null 2>&1 || ! installed; then
		echo "skip: cannot install axe-core@$axe_version from npm; the accessibility check needs it"
		exit 0
	fi
fi

go build -o "$work/propose" ./cmd/propose
export SOURCE_DATE_EPOCH=1767571200

# The examples, each language's beside them under its own name (a trial
# log follows its proposal, so it keeps the proposal's stem).
mkdir -p "$work/in"
cp examples/*.yaml "$work/in/"
for d in examples/*/; do
	lang=$(basename "$d")
	for f in "$d"*.yaml; do
		cp "$f" "$work/in/$lang-$(basename "$f")"
	done
done
# The documents of each proposal; for each with a trial log, the review
# report (with its prep sheet, and the agreement after an approval) and the
# latest status note; and the email drafts' HTML parts, taken out of each
# .eml beside them as NAME.eml.html.
mapfile -t proposals < <(ls "$work/in"/*.yaml | grep -v '\.log\.yaml$')
"$work/propose" render "${proposals[@]}" --out "$out" --format html --quiet >/dev/null 2>"$work/render.log" ||
	fail "propose render failed: $(cat "$work/render.log")"
for f in "${proposals[@]}"; do
	stem=$(basename "$f" .yaml)
	if [ "$(grep -c '^  email:' "$f")" -ge 2 ]; then # the employee's and the manager's
		"$work/propose" email "$f" --out "$out/$stem" >/dev/null 2>"$work/email.log" ||
			fail "propose email failed for $stem: $(cat "$work/email.log")"
	fi
	[ -e "$work/in/$stem.log.yaml" ] || continue
	"$work/propose" review "$f" --format html --out "$out/$stem" >/dev/null 2>"$work/review.log" ||
		fail "propose review failed for $stem: $(cat "$work/review.log")"
	"$work/propose" status "$f" --format html --out "$out/$stem" >/dev/null 2>"$work/status.log" ||
		fail "propose status failed for $stem: $(cat "$work/status.log")"
done
while IFS= read -r eml; do
	node scripts/axe-browser/eml-html.js "$eml" >"$eml.html" || fail "no HTML part in $eml"
done < <(find "$out" -name '*.eml')
mapfile -t pages < <(find "$out" -name '*.html' | sort)
[ "${#pages[@]}" -gt 0 ] || fail "no HTML page was rendered"
for kind in proposal one-pager prep review review-prep agreement status- email.eml; do
	printf '%s\n' "${pages[@]}" | grep -q "/$kind[^/]*\.html$" || fail "no $kind page was rendered to check"
done

port=$((20000 + RANDOM % 20000))
chromedriver --port="$port" >"$work/driver.log" 2>&1 &
pids+=($!)
wd="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$wd/status" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sf "$wd/status" >/dev/null 2>&1 || fail "ChromeDriver did not start: $(tail -5 "$work/driver.log")"

status=0
node scripts/axe-browser/run.js --webdriver "$wd" --axe "$axe" --root "$out" "${pages[@]}" || status=$?
if [ -n "${AXE_OUT:-}" ]; then
	mkdir -p "$AXE_OUT" && cp -R "$out"/. "$AXE_OUT"/
fi
exit "$status"
