#!/usr/bin/env bash
# Times whole processes side by side and checks the speed targets of issue 15:
#   propose render of the example   at most 5x a Go hello-world process,
#                                   at most 0.07x pandoc+wkhtmltopdf making one
#                                   document (when both are installed);
#   its peak memory                 at most 25 MiB;
#   propose --help                  at most 2x hello-world.
# The commands run interleaved, round after round, so a busy moment of the
# machine falls on all of them alike; medians are compared. Then the Go
# benchmarks of the render package run. Exits 1 when a target is missed.
# ROUNDS=41 for more rounds.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rounds=${ROUNDS:-21}

go build -trimpath -o "$tmp/propose" ./cmd/propose
mkdir -p "$tmp/hello"
cat >"$tmp/hello/main.go" <<'GO'
package main

import "fmt"

func main() { fmt.Println("hello, world") }
GO
(cd "$tmp/hello" && go mod init hello >/dev/null 2>&1 && go build -trimpath -o "$tmp/hello-world" .)

# The floor the named libraries set: a program that links every package
# propose links from other modules and does nothing, so only their
# start-up work (package initialisation) runs. Reported, not a target.
mkdir -p "$tmp/libraries"
{
	echo 'package main'
	echo 'import ('
	go list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' ./cmd/propose |
		grep -v '^github.com/propose-cli/propose' | grep -v -e '/internal/' -e '/internal$' | sed 's/.*/\t_ "&"/'
	echo ')'
	echo 'func main() {}'
} >"$tmp/libraries/main.go"
sed 's#^module .*#module libraries#' go.mod >"$tmp/libraries/go.mod"
cp go.sum "$tmp/libraries/"
(cd "$tmp/libraries" && go build -trimpath -o "$tmp/libraries-only" .)

render=("$tmp/propose" render examples/trial.yaml --out "$tmp/out" --force)
help=("$tmp/propose" --help)
hello=("$tmp/hello-world")
libraries=("$tmp/libraries-only")
"${render[@]}" >/dev/null
names=(hello libraries render help)
pandoc_ok=
if command -v pandoc >/dev/null && command -v wkhtmltopdf >/dev/null; then
	pandoc_cmd=(pandoc "$tmp/out/proposal.md" -o "$tmp/pandoc.pdf" --pdf-engine=wkhtmltopdf)
	if "${pandoc_cmd[@]}" >/dev/null 2>&1; then
		pandoc_ok=1
		names+=(pandoc)
	fi
fi
[ -n "$pandoc_ok" ] || echo "pandoc and wkhtmltopdf are not both installed: that comparison is skipped"

# time_us runs a command and prints its wall time in microseconds, with
# bash's own clock, so no helper process is timed with it.
time_us() {
	local s=$EPOCHREALTIME
	"$@" >/dev/null 2>&1
	local e=$EPOCHREALTIME
	echo $(( (${e/./} - ${s/./}) ))
}
declare -A samples
for _ in $(seq "$rounds"); do
	samples[hello]+="$(time_us "${hello[@]}") "
	samples[render]+="$(time_us "${render[@]}") "
	samples[help]+="$(time_us "${help[@]}") "
	samples[libraries]+="$(time_us "${libraries[@]}") "
	[ -z "$pandoc_ok" ] || samples[pandoc]+="$(time_us "${pandoc_cmd[@]}") "
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A med
for n in "${names[@]}"; do
	med[$n]=$(echo "${samples[$n]}" | median)
	awk -v n="$n" -v us="${med[$n]}" -v r="$rounds" 'BEGIN { printf "%-9s median %7.1f ms over %d runs\n", n, us / 1000, r }'
done

fail=0
check() { # name numerator denominator limit
	if ! awk -v name="$1" -v a="$2" -v b="$3" -v lim="$4" 'BEGIN {
		r = a / b; v = (r <= lim) ? "met" : "NOT MET"
		printf "%-44s %6.3f (target at most %s): %s\n", name, r, lim, v
		exit (r <= lim) ? 0 : 1 }'; then
		fail=1
	fi
}
awk -v a="${med[libraries]}" -v b="${med[hello]}" 'BEGIN { printf "%-44s %6.3f (the floor the named libraries set)\n", "libraries only / hello-world", a / b }'
check "render / hello-world" "${med[render]}" "${med[hello]}" 5
check "--help / hello-world" "${med[help]}" "${med[hello]}" 2
[ -z "$pandoc_ok" ] || check "render / pandoc+wkhtmltopdf (one document)" "${med[render]}" "${med[pandoc]}" 0.07
if [ -x /usr/bin/time ]; then
	# Peak memory varies by a few hundred KiB from run to run: the median
	# of five.
	peak=$(for _ in 1 2 3 4 5; do /usr/bin/time -f "%M" "${render[@]}" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 3p)
	check "render peak memory, MiB (median of 5)" "$peak" 1024 25
fi
ls -l "$tmp/out"/*.pdf | awk '{printf "%s: %d KB\n", $NF, $5/1024}' | sed "s|$tmp/out/||"

go test -run '^$' -bench . -benchmem ./pkg/render
exit $fail
