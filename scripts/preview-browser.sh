#!/usr/bin/env bash
# Checks `propose preview` in a real browser, as a user sees it: Chromium
# (headless, driven over WebDriver with curl) loads the proposal page, the
# proposal file is saved with a change, and the page shows the new text
# without anyone reloading it; then a broken save shows its problem above
# the last good version. Skips itself, with a message, when Chromium and
# ChromeDriver are not installed and cannot be installed from the
# distribution's packages.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/need-chromium.sh "the preview browser check"

fail() { echo "FAIL: $*" >&2; exit 1; }

go build -o "$work/propose" ./cmd/propose
cd "$work"
./propose example -o proposal.yaml >/dev/null
./propose preview proposal.yaml --no-open >preview.out 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q 'http://127.0.0.1:' preview.out 2>/dev/null && break; sleep 0.1; done
addr=$(grep -o 'http://127.0.0.1:[0-9]*/' preview.out) || fail "the preview did not start: $(cat preview.out)"

port=$((20000 + RANDOM % 20000))
chromedriver --port="$port" >driver.log 2>&1 &
pids+=($!)
wd="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$wd/status" >/dev/null 2>&1 && break; sleep 0.1; done
session=$(curl -sf -X POST "$wd/session" -H 'Content-Type: application/json' -d '{"capabilities":{"alwaysMatch":{"goog:chromeOptions":{"args":["--headless=new","--no-sandbox","--disable-gpu","--disable-dev-shm-usage"]}}}}' |
	sed -n 's/.*"sessionId":"\([^"]*\)".*/\1/p')
[ -n "$session" ] || fail "ChromeDriver gave no session: $(tail -5 driver.log)"
s="$wd/session/$session"
curl -sf -X POST "$s/url" -H 'Content-Type: application/json' -d "{\"url\":\"${addr}proposal.html\"}" >/dev/null
source() { curl -sf "$s/source"; }
source | grep -q 'Priya Raman' || fail "the page did not load the proposal"

# Save a change the way an editor does (a new file renamed over the old).
sed 's/name: Priya Raman/name: Priya Ramanathan/' proposal.yaml >proposal.yaml.new
mv proposal.yaml.new proposal.yaml
seen=""
for _ in $(seq 1 50); do
	if source | grep -q 'Priya Ramanathan'; then seen=yes; break; fi
	sleep 0.1
done
[ -n "$seen" ] || fail "the saved change did not reach the open page within five seconds"
echo "ok: the open page showed the saved change without a reload by hand"

# A broken save: the problem shows above the last good version.
sed 's/^version: 1/version: one/' proposal.yaml >proposal.yaml.new
mv proposal.yaml.new proposal.yaml
seen=""
for _ in $(seq 1 50); do
	page=$(source)
	if grep -q 'this is the last good version' <<<"$page" && grep -q 'Priya Ramanathan' <<<"$page"; then seen=yes; break; fi
	sleep 0.1
done
[ -n "$seen" ] || fail "a broken save did not show its problem above the last good version"
echo "ok: a broken save showed its problem above the last good version"
curl -sf -X DELETE "$s" >/dev/null || true
