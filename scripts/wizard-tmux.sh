#!/usr/bin/env bash
# Drives the full-screen wizard in a real terminal (tmux), as a user would:
# answers the first questions, presses Ctrl-C, checks the draft and the exit
# code, resumes, then goes through the rest pressing Enter wherever there is
# a suggested answer or the question may be left empty, typing only what
# must be typed. On the way it types text in one chunk (as dictation or a
# text expander delivers it), pastes with bracketed paste (one line and two
# lines), and goes back to change an earlier answer. At the end the file
# must validate, keep every suggested answer, hold no example, and hold the
# chunks intact and the changed answer.
# Needs tmux (apt-get install tmux). Prints each screen it waits on with -v.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tmux is not installed; skipping the wizard check"; exit 0; }
verbose=${1:-}
work=$(mktemp -d)
session=propose-wizard-$$
# A tmux server of its own, so that no other session (or a server shutting
# down as the last session closes) comes between the script and its screen.
t() { tmux -L "$session" "$@"; }
trap 't kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/propose" ./cmd/propose

start() {
	t kill-server 2>/dev/null || true
	for try in 1 2 3; do
		t new-session -d -s $session -x 120 -y 45 \
			"cd '$work' && TZ=America/Chicago SOURCE_DATE_EPOCH=1767571200 ./propose new; echo EXIT=\$? > exit.txt; sleep 300" && return 0
		sleep 0.5 # the server of the last run may still be shutting down
	done
	echo "FAIL: tmux would not start a session"; exit 1
}
screen() { t capture-pane -t $session -p; }
# wait_for waits for text on the screen. A question the script does not
# name (one added to the wizard since) is answered as a person in a hurry
# would, with Enter, once the screen has stood still for two seconds: the
# script needs editing only for the questions it answers otherwise.
wait_for() {
	local last="" still=0 shown
	for _ in $(seq 1 300); do
		shown=$(screen)
		if grep -qF -- "$1" <<<"$shown"; then
			[ "$verbose" = -v ] && { echo "---- $1"; grep -v '^$' <<<"$shown"; }
			return 0
		fi
		if [ "$shown" = "$last" ]; then still=$((still + 1)); else still=0 last=$shown; fi
		if [ $still -ge 20 ]; then
			echo "note: Enter at a question the script does not name, waiting for: $1"
			keys Enter
			still=0
		fi
		sleep 0.1
	done
	echo "FAIL: the screen never showed: $1"; screen; exit 1
}
keys() { t send-keys -t $session "$@"; }
# answer QUESTION KEYS...: wait for the question, then press the keys.
answer() { wait_for "$1"; shift; keys "$@"; }
# chunk QUESTION TEXT: wait for the question, then send TEXT in one write,
# without bracketed paste, and Enter after it.
chunk() { wait_for "$1"; keys -l "$2"; sleep 0.3; keys Enter; }
# paste QUESTION TEXT: wait for the question, then paste TEXT with
# bracketed paste, as a terminal does on Ctrl+Shift+V, and Enter after it.
paste() { wait_for "$1"; t set-buffer -b p -- "$2"; t paste-buffer -p -d -b p -t $session; sleep 0.3; keys Enter; }
fail() { echo "FAIL: $*"; cat "$work/proposal.yaml" 2>/dev/null || true; exit 1; }

start
answer "What are you asking for?" Enter
answer "Paper size" Enter
answer "Language of the documents" Enter
answer "Your full name" "Zoë Okafor" Enter
answer "Your job title" "Senior Data Analyst" Enter
answer "Your team" C-c
wait_for "Stopped. Your answers so far are saved in proposal.draft.yaml"
sleep 0.3
grep -q "EXIT=130" "$work/exit.txt" || fail "exit code $(cat "$work/exit.txt"), want 130"
grep -q "name: Zoë Okafor" "$work/proposal.draft.yaml" || fail "the draft lost the name"
echo "ok: Ctrl-C kept the draft and exited 130"

start
answer "Continue where you stopped: “Your team” (You)" Enter
wait_for "Picking up at “Your team”"   # nothing answered is asked again
answer "Your team" "Revenue Analytics" Enter
answer "Your work email" "zoe@example" Enter
wait_for "is not an email address"      # checked as it is typed
keys ".com" Enter
answer "Your commute" "45" Enter
# Back from the next question to the commute, which shows the answer given.
answer "employee or a contractor" BTab
wait_for "Enter keeps “45”"
keys "75" Enter
answer "employee or a contractor" Enter
answer "manager’s full name" "Priya Raman" Enter
answer "Their job title" Enter
answer "Their email" Enter
answer "Company name" Enter
answer "written flexible-work policy" Enter
answer "Colleagues who already work this way" Enter
answer "busiest times of the year" "Q4" Enter
answer "something in writing that says you can work this way" "y"
answer "What is it?" "My offer letter" Enter
answer "What kind of writing is it?" Enter
answer "When was it written?" "2023-04-12" Enter
paste "What does it say?" "The role is remote — with a week in Boston each quarter"
answer "How did the job posting describe the role" Enter
answer "Which arrangement?" Enter
answer "Which days would you work remotely?" Enter
answer "fixed core hours" Enter
answer "Core hours start" Enter
answer "Core hours end" Enter
answer "Time zone" Enter
answer "When should it start?" Enter
paste "Where will you work remotely?" "Home office in Naperville, IL — upstairs, door closes"
answer "What do you call the place you work" Enter
paste "Work you will do on remote days" $'Model development that needs long stretches\nWriting the weekly revenue commentary'
answer "What you will always come in for" Enter
answer "Whose public holidays apply to you?" Enter
answer "Where do you work?" Enter
answer "Are you moving away from the office?" Enter
answer "Channels you will use" Enter
# Typed in one chunk over the suggestion: the words up, end and home are text.
chunk "How fast you will reply" "within one hour, up to end of day when I am at home"
answer "Check in with a daily written update" Enter
answer "written status summary" Enter
answer "What you promise beyond the schedule" Enter
answer "track your output" Enter
answer "Add a piece of equipment?" Enter
answer "Your internet connection" Enter
answer "Your workspace" Enter
answer "How company data stays secure" Enter
answer "Trial length" Enter
answer "Check-in on which day" Enter
answer "Days of notice" Enter
answer "Success metric 1: what is measured?" "Weekly dashboards on time" Enter
answer "where it stands today" Enter
answer "the target during the trial" "100%" Enter
answer "how it is measured" Enter
answer "Add another success metric?" Enter
answer "worked remotely before" Enter
answer "Recent highlights" Enter
answer "Results in numbers" Enter
answer "Recognition" Enter
answer "What the team or company gains" Enter
answer "Research to cite" Enter
answer "Add a finding of your own?" Enter
answer "Why this matters to you" Enter
answer "Your alternatives" Enter
answer "The least you would accept" Enter
answer "Add an objection?" Enter
# The answers read as a manager would: the weakest can be answered again.
wait_for "Before you send it"
answer "Answer these questions again now?" "n"
answer "Render the documents now?" "n"
wait_for "Render the documents now? → No"
sleep 0.3
grep -q "EXIT=0" "$work/exit.txt" || fail "exit code $(cat "$work/exit.txt")"
[ ! -e "$work/proposal.draft.yaml" ] || fail "the draft was not removed"
SOURCE_DATE_EPOCH=1767571200 "$work/propose" validate "$work/proposal.yaml"
f="$work/proposal.yaml"
# Every suggested answer kept on Enter.
for line in '^scenario: trial$' '^paper: letter$' '^  type: hybrid$' '^  remote_days: \[monday, friday\]$' \
	'^    start: "09:00"$' '^    end: "17:00"$' '^    timezone: America/Chicago$' '^  start: 2026-01-12$' \
	'^  channels: \[email, chat, video calls\]$' '^    - cadence: daily$' '^    - cadence: weekly$' \
	'^  status_report: weekly$' '^  length_days: 60$' '^  check_in_day: 30$' '^  notice_days: 14$' \
	'^evidence: \[bloom-2024-nature\]$' '^    - A remote day can be swapped for an office day at a day’s notice$'; do
	grep -q -- "$line" "$f" || fail "suggested answer lost: $line"
done
# The language left to the paper size on Enter: no language line.
! grep -q '^language:' "$f" || fail "Enter at the language chose one: $(grep '^language:' "$f")"
# No example taken as an answer; the parts left empty are left out.
for example in "Director of Analytics" "Northwind" "LTE hotspot" "A dedicated room" "Jira due dates" "Weekly team planning" \
	"Delivered the Q3" "^equipment:" "^performance:" "^private:" "^  policy:"; do
	! grep -q -- "$example" "$f" || fail "an example or an empty part reached the file: $example"
done
# Typed and pasted text arrived intact; going back changed the answer.
grep -q '^  response_time: within one hour, up to end of day when I am at home$' "$f" || fail "the typed chunk was mangled"
grep -q '^  remote_location: Home office in Naperville, IL — upstairs, door closes$' "$f" || fail "the paste was mangled"
grep -q '^  terms: The role is remote — with a week in Boston each quarter$' "$f" || fail "the pasted agreement was mangled"
grep -q '^  busy_periods: \[Q4\]$' "$f" || fail "the busy period was lost"
grep -q '^    - Model development that needs long stretches$' "$f" && grep -q '^    - Writing the weekly revenue commentary$' "$f" ||
	fail "the two pasted lines are not two items"
grep -q '^  commute_minutes: 75$' "$f" || fail "going back did not change the commute"
grep -q '^  email: zoe@example.com$' "$f" || fail "the corrected email is missing"
echo "ok: resumed, went back, kept every suggestion, left out every example, pasted and typed text intact; the file validates"
