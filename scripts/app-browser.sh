#!/usr/bin/env bash
# Checks the page of propose (`propose app`) in a real browser, as a person
# uses it: Chromium (headless, driven over WebDriver with curl) opens the
# page, a request is typed in from nothing, a coach finding is read beside
# the answer it concerns, the PDFs are taken from the page's download links
# and compared byte for byte with the command line's from the proposal.yaml
# the page offers, and the browser's network log must hold no request to
# any host but the page's own. Prints the page's size (gzip) and the time to
# its first documents. Skips itself, with a message, when Chromium and
# ChromeDriver are not installed and cannot be installed.
set -Eeuo pipefail
trap 'echo "FAIL: line $LINENO: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."

source scripts/need-chromium.sh "the page's browser check"

session=""
fail() {
	echo "FAIL: $*" >&2
	[ -z "$session" ] || curl -sf -X POST "$wd/session/$session/se/log" -H 'Content-Type: application/json' -d '{"type":"browser"}' >&2 || true
	exit 1
}

scripts/build-app.sh "$work/app" >/dev/null
go build -trimpath -o "$work/propose" ./cmd/propose
gz=0
for f in "$work"/app/*; do [ "${f##*/}" = engine.js ] || gz=$((gz + $(gzip -9 -c "$f" | wc -c))); done
gz_file=$(gzip -9 -c "$work/app/engine.js" | wc -c)
cp examples/trial.yaml "$work/trial.yaml"
cd "$work"
./propose app --dir app --no-open >app.out 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do grep -q 'http://127.0.0.1:' app.out 2>/dev/null && break; sleep 0.1; done
addr=$(grep -o 'http://127.0.0.1:[0-9]*/' app.out) || fail "the app did not start: $(cat app.out)"

port=$((20000 + RANDOM % 20000))
chromedriver --port="$port" >driver.log 2>&1 &
pids+=($!)
wd="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -sf "$wd/status" >/dev/null 2>&1 && break; sleep 0.1; done
session=$(curl -sf -X POST "$wd/session" -H 'Content-Type: application/json' -d '{"capabilities":{"alwaysMatch":{"goog:loggingPrefs":{"performance":"ALL","browser":"ALL"},"goog:chromeOptions":{"args":["--headless=new","--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--lang=en-US"],"prefs":{"download.default_directory":"'"$work"'/dl","download.prompt_for_download":false}}}}}' |
	sed -n 's/.*"sessionId":"\([^"]*\)".*/\1/p')
[ -n "$session" ] || fail "ChromeDriver gave no session: $(tail -5 driver.log)"
s="$wd/session/$session"
post() { curl -sf -X POST "$s/$1" -H 'Content-Type: application/json' -d "$2" || return 1; }
# js runs a script in the page and prints its result's "value" as JSON.
# (one line of script: backslashes and quotes are escaped for JSON).
js() { post execute/sync "{\"script\":\"$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')\",\"args\":[]}"; }
element() { post element "{\"using\":\"css selector\",\"value\":\"$1\"}" 2>/dev/null | sed -n 's/.*"element-[^"]*":"\([^"]*\)".*/\1/p' || true; }
type_in() {
	local id
	id=$(element "$1")
	[ -n "$id" ] || fail "no field $1 on the page"
	post "element/$id/value" "{\"text\":\"$2\"}" >/dev/null
}
# click finds and clicks, again if the page replaced the element in
# between (the download links are remade with each update).
click() {
	local id
	for _ in 1 2 3 4 5; do
		id=$(element "$1")
		if [ -n "$id" ] && curl -sf -X POST "$s/element/$id/click" -H 'Content-Type: application/json' -d '{}' >/dev/null; then
			return 0
		fi
		sleep 0.3
	done
	fail "could not click $1: $(curl -s -X POST "$s/element/$id/click" -H 'Content-Type: application/json' -d '{}' | head -c 300)"
}
status_text() { js 'return document.getElementById("status").textContent' | sed -n 's/.*"value":"\([^"]*\)".*/\1/p'; }
# wait_for polls a condition on the page's state (data-* on <body>) until
# it holds.
wait_for() {
	for _ in $(seq 1 600); do
		js "return Boolean($1)" | grep -q '"value":true' && return 0
		sleep 0.1
	done
	fail "the page never reached $1; it says: $(status_text)"
}
b='document.body.dataset'
settled() { wait_for "$b.pending === \"0\" && $b.state === \"$1\""; }

start=$(date +%s%N)
post url "{\"url\":\"${addr}\"}" >/dev/null
wait_for "$b.engine === \"ready\""
ready_ms=$((($(date +%s%N) - start) / 1000000))

# A request typed in from nothing, the way a person fills in the form.
click 'select[data-path=\"scenario\"] option[value=\"trial\"]'
type_in '[data-path=\"employee.name\"]' 'Kevin Osei'
type_in '[data-path=\"employee.title\"]' 'Account Coordinator'
type_in '[data-path=\"manager.name\"]' 'Linda Park'
click 'select[data-path=\"arrangement.type\"] option[value=\"hybrid\"]'
click '[data-path=\"arrangement.remote_days\"] input[value=\"tuesday\"]'
click '[data-path=\"arrangement.remote_days\"] input[value=\"thursday\"]'
type_in '[data-path=\"arrangement.start\"]' '02/01/2027'
type_in '[data-path=\"trial.length_days\"]' '60'
click '[data-list=\"trial.metrics\"] + button'
type_in '[data-path=\"trial.metrics[0].name\"]' 'Client emails answered same day'
type_in '[data-path=\"trial.metrics[0].target\"]' '95%'
typed=$(date +%s%N)
settled updated
first_ms=$((($(date +%s%N) - typed) / 1000000))

if [ -n "${APP_SCREENSHOT:-}" ]; then # a picture of the page, to look at
	post window/rect '{"width":1400,"height":1000}' >/dev/null
	curl -sf "$s/screenshot" | sed -n 's/.*"value":"\([^"]*\)".*/\1/p' | base64 -d >"$APP_SCREENSHOT"
fi

# The coach's point about core hours sits beside the arrangement.
js 'const s = document.querySelector("[data-section=\"arrangement.core_hours\"]"); return s ? s.textContent : "none"' >finding.json
grep -q 'reach you' finding.json || fail "no coach finding at arrangement.core_hours: $(cat finding.json)"

# What the page offers to download, taken from its links.
js 'return [...document.querySelectorAll("#public a, #private a")].map(a => a.textContent + "=" + a.download).join(" ")' >links.json
for want in proposal.pdf one-pager.pdf proposal.docx private/prep.pdf proposal.yaml; do
	grep -q "$want" links.json || fail "the page offers no $want: $(cat links.json)"
done
grep -q 'private/prep.pdf=PRIVATE-prep.pdf' links.json || fail "the prep sheet is not downloaded apart and marked: $(cat links.json)"
# Download each the way a person does, by clicking its link.
download() {
	click "a[download=\\\"$1\\\"]"
	for _ in $(seq 1 100); do
		[ -s "dl/$1" ] && ! ls dl/*.crdownload >/dev/null 2>&1 && return 0
		sleep 0.1
	done
	fail "clicking $1 downloaded nothing: $(ls dl)"
}

# open_example opens the trial example in the page, as a person picks it
# with the file button, and downloads its proposal.pdf once it has settled.
open_example() {
	rm -rf dl/*
	file_input=$(element '#open')
	post "element/$file_input/value" "{\"text\":\"$work/trial.yaml\"}" >/dev/null
	wait_for "$b.opened === \"trial.yaml\""
	settled updated
	download proposal.pdf
}
for f in proposal.yaml proposal.pdf one-pager.pdf PRIVATE-prep.pdf; do download "$f"; done
mkdir -p page
cp dl/proposal.yaml dl/proposal.pdf dl/one-pager.pdf page/
cp dl/PRIVATE-prep.pdf page/prep.pdf
grep -q 'name: Kevin Osei' page/proposal.yaml || fail "the downloaded proposal.yaml lacks the answers: $(cat page/proposal.yaml)"
./propose render page/proposal.yaml --out cli --quiet >/dev/null
for f in proposal.pdf one-pager.pdf; do
	cmp -s "page/$f" "cli/$f" || fail "$f from the page differs from the command line's"
done
cmp -s page/prep.pdf cli/private/prep.pdf || fail "prep.pdf from the page differs from the command line's"
if command -v pdfinfo >/dev/null; then
	pages=$(pdfinfo page/one-pager.pdf | sed -n 's/^Pages: *//p')
	[ "$pages" = 1 ] || fail "the one-pager from the page has $pages pages"
fi
if command -v pdftotext >/dev/null; then
	pdftotext page/proposal.pdf - | grep -q 'Kevin Osei' || fail "the proposal PDF does not carry the name"
fi

# Answers are kept in the browser only when asked: ticked, they come back
# after a reload.
js 'return localStorage.length' | grep -q '"value":0' || fail "the page kept answers nobody asked it to keep"
click '#keep'
post refresh '{}' >/dev/null
wait_for "$b.engine === \"ready\""
js 'return document.querySelector("[data-path=\"employee.name\"]").value' | grep -q 'Kevin Osei' ||
	fail "ticked 'Keep my answers', the name did not come back after a reload"
click '#forget'
click '#keep'

# An existing proposal.yaml opens in the form, and its documents are the
# command line's.
open_example
download email.eml
download trial.ics
./propose render trial.yaml --out cli-trial --quiet >/dev/null
./propose email trial.yaml --out cli-trial >/dev/null
./propose calendar trial.yaml --out cli-trial >/dev/null
for f in proposal.pdf email.eml trial.ics; do
	cmp -s "dl/$f" "cli-trial/$f" || fail "the opened example's $f differs from the command line's"
done

# The network log: every request went to the page's own address.
post se/log '{"type":"performance"}' >perf.json
urls=$(grep -o '\\"url\\":\\"[a-z]*:[^\\]*' perf.json | sed 's/.*\\"url\\":\\"//' | sort -u)
foreign=$(printf '%s\n' "$urls" | grep -v "^${addr}" | grep -v '^blob:' | grep -v '^data:' | grep -v '^about:' | grep -v '^$' || true)
[ -z "$foreign" ] || fail "the page made requests beyond its own files: $foreign"
printf '%s\n' "$urls" | grep -q "${addr}propose.wasm" || fail "the network log did not record the page's own requests, so it proves nothing"

# The page opened from its folder, without a server (as a person opens it
# from the release archive): the same engine, from engine.js.
start=$(date +%s%N)
post url "{\"url\":\"file://$work/app/index.html\"}" >/dev/null
wait_for "$b.engine === \"ready\""
file_ms=$((($(date +%s%N) - start) / 1000000))
open_example
cmp -s dl/proposal.pdf cli-trial/proposal.pdf || fail "opened without a server, the page's proposal.pdf differs from the command line's"
post se/log '{"type":"performance"}' >perf-file.json
net=$(grep -o '\\"url\\":\\"https\?:[^\\]*' perf-file.json | sort -u || true)
[ -z "$net" ] || fail "opened from its folder, the page made network requests: $net"

echo "ok: a request typed in from nothing gives the coach beside its field and PDFs byte-identical to the command line's, served and opened from its folder; no request left the page ($(printf '%s\n' "$urls" | grep -c "^${addr}") to its own files)"
echo "page: $((gz / 1024)) KiB gzipped, served; ready in ${ready_ms} ms; first documents ${first_ms} ms after the last answer (headless Chromium on this machine)"
echo "opened from its folder: engine.js $((gz_file / 1024)) KiB gzipped; ready in ${file_ms} ms"
