#!/usr/bin/env bash
# Drives the full-screen wizard in a real terminal (tmux), as a user would:
# answers the first questions, presses Ctrl-C, checks the draft and the exit
# code, resumes, answers the rest and checks that the file validates.
# Needs tmux (apt-get install tmux). Prints each screen it waits on with -v.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tmux is not installed; skipping"; exit 0; }
verbose=${1:-}
work=$(mktemp -d)
trap 'tmux kill-session -t propose-wizard 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/propose" ./cmd/propose

start() {
	tmux kill-session -t propose-wizard 2>/dev/null || true
	tmux new-session -d -s propose-wizard -x 110 -y 45 \
		"cd '$work' && SOURCE_DATE_EPOCH=1767571200 ./propose new; echo EXIT=\$? > exit.txt; sleep 300"
}
screen() { tmux capture-pane -t propose-wizard -p; }
# wait_for TEXT: wait until the screen shows TEXT.
wait_for() {
	for _ in $(seq 1 100); do
		if screen | grep -qF -- "$1"; then
			[ "$verbose" = -v ] && { echo "---- $1"; screen | grep -v '^$'; }
			return 0
		fi
		sleep 0.1
	done
	echo "FAIL: the screen never showed: $1"; screen; exit 1
}
keys() { tmux send-keys -t propose-wizard "$@"; }
answer() { wait_for "$1"; shift; keys "$@"; }

start
answer "What are you asking for?" Enter
answer "Paper size" Enter
answer "Your full name" "Zoë Okafor" Enter
answer "Your job title" "Senior Data Analyst" Enter
answer "Your team" C-c
wait_for "Stopped. Your answers so far are saved in proposal.draft.yaml"
sleep 0.3
grep -q "EXIT=130" "$work/exit.txt" || { echo "FAIL: exit code $(cat "$work/exit.txt"), want 130"; exit 1; }
grep -q "name: Zoë Okafor" "$work/proposal.draft.yaml" || { echo "FAIL: the draft lost the name"; exit 1; }
echo "ok: Ctrl-C kept the draft and exited 130"

start
answer "Continue where you stopped (after answer 4)" Enter
wait_for "Picking up after your 4 answers"   # nothing answered is asked again
answer "Your team" "Revenue Analytics" Enter
answer "Your work email" "zoe@example" Enter
wait_for "is not an email address"      # checked as it is typed
keys ".com" Enter
answer "Your commute" "75" Enter
answer "manager’s full name" "Priya Raman" Enter
answer "Their job title" Enter
answer "Their email" Enter
answer "Company name" "Northwind Logistics" Enter
answer "written flexible-work policy" Enter
answer "Colleagues who already work this way" Enter
answer "Which arrangement?" Enter
answer "Which days would you work remotely?" Enter
answer "fixed core hours" Enter
answer "Core hours start" Enter
answer "Core hours end" C-u "16:00" Enter
answer "Time zone" C-u "America/Chicago" Enter
answer "When should it start?" Enter
answer "Where will you work remotely?" "Home office" Enter
answer "Work you will do on remote days" Enter
answer "What you will always come in for" Enter
answer "Channels you will use" Enter
answer "How fast you will reply" Enter
answer "Check in with a daily written update" Enter
answer "written status summary" Enter
answer "track your output" Enter
answer "Equipment you will use" Enter
answer "Your internet connection" Enter
answer "Your workspace" Enter
answer "How company data stays secure" Enter
answer "Trial length" Enter
answer "Check-in on which day" Enter
answer "Days of notice" Enter
answer "Success metric 1" "Weekly dashboards on time" Enter
answer "Where it stands today" "100%" Enter
answer "The target during the trial" "100%" Enter
answer "How it is measured" Enter
answer "Add another success metric?" Enter
answer "Recent highlights" Enter
answer "Results in numbers" Enter
answer "Recognition" Enter
answer "What the team or company gains" Enter
answer "Research to cite" Enter
answer "Add a finding of your own?" y
answer "The finding, in a sentence" "Dashboards delivered on time 52 weeks running" Enter
answer "Where it comes from" "Revenue Analytics delivery log, 2026" Enter
answer "A link to it" Enter
answer "Add another finding of your own?" n
answer "Why this matters to you" Enter
answer "Your alternatives" Enter
answer "The least you would accept" Enter
answer "Add an objection you expect?" Enter
answer "Render the documents now?" "n"
wait_for "Render the documents now? No"
sleep 0.3
grep -q "EXIT=0" "$work/exit.txt" || { echo "FAIL: exit code $(cat "$work/exit.txt")"; exit 1; }
[ ! -e "$work/proposal.draft.yaml" ] || { echo "FAIL: the draft was not removed"; exit 1; }
SOURCE_DATE_EPOCH=1767571200 "$work/propose" validate "$work/proposal.yaml"
grep -q "email: zoe@example.com" "$work/proposal.yaml"
grep -q "finding: Dashboards delivered on time 52 weeks running" "$work/proposal.yaml" ||
	{ echo "FAIL: the finding of her own is not in the file"; exit 1; }
echo "ok: resumed, finished, and the file validates"
