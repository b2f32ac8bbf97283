#!/usr/bin/env bash
# Times whole processes side by side and checks the speed targets of
# issue 26:
#   propose render of the example   at most 1.5x its floor: a hello-world
#                                   process plus the same render in a
#                                   process that has rendered it before
#                                   (BenchmarkRenderWarm: reading, checking,
#                                   every document and the durable write);
#   propose validate and check       at most 0.6x render;
#   render's peak memory             at most 25 MiB.
# Reported beside them, with no target: --help against hello-world, a
# program that only links propose's libraries, and render against typst
# (its Node.js compiler from npm, installed into a cache folder when npm
# can reach the registry) and pandoc+wkhtmltopdf (when installed), each
# making one document of the same content, where propose makes three.
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
validate=("$tmp/propose" validate examples/trial.yaml)
check_cmd=("$tmp/propose" check examples/trial.yaml)
help=("$tmp/propose" --help)
hello=("$tmp/hello-world")
libraries=("$tmp/libraries-only")
"${render[@]}" >/dev/null
names=(hello libraries render validate check help)
pandoc_ok=
if command -v pandoc >/dev/null && command -v wkhtmltopdf >/dev/null; then
	pandoc_cmd=(pandoc "$tmp/out/proposal.md" -o "$tmp/pandoc.pdf" --pdf-engine=wkhtmltopdf)
	if "${pandoc_cmd[@]}" >/dev/null 2>&1; then
		pandoc_ok=1
		names+=(pandoc)
	fi
fi
[ -n "$pandoc_ok" ] || echo "pandoc and wkhtmltopdf are not both installed: that comparison is skipped"

# typst through its Node.js compiler, pinned, in a cache folder outside
# the repository.
typst_ok=
typst_dir=${PROPOSE_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/propose-bench}/typst
typst_pkg=@myriaddreamin/typst-ts-node-compiler@0.7.0
if command -v node >/dev/null && command -v npm >/dev/null; then
	if [ ! -d "$typst_dir/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
		mkdir -p "$typst_dir"
		timeout 300 npm install --prefix "$typst_dir" --no-audit --no-fund --silent "$typst_pkg" >/dev/null 2>&1 || true
	fi
	if [ -d "$typst_dir/node_modules/@myriaddreamin/typst-ts-node-compiler" ] &&
		node scripts/bench-typst.mjs convert "$tmp/out/proposal.md" "$tmp/proposal.typ"; then
		typst_cmd=(sh -c "cd '$typst_dir' && exec node '$PWD/scripts/bench-typst.mjs' compile '$tmp/proposal.typ' '$tmp/typst.pdf' '$PWD/assets/fonts'")
		if "${typst_cmd[@]}" >/dev/null 2>&1; then
			typst_ok=1
			names+=(typst)
		fi
	fi
fi
[ -n "$typst_ok" ] || echo "typst ($typst_pkg from npm) could not be installed or run: that comparison is skipped"

# The floor: hello-world plus a render in a warm process.
warm_ns() { # benchmark name
	go test -run '^$' -bench "^$1\$" -benchtime 30x ./pkg/cli | awk -v b="$1" '$1 ~ "^"b {print $3}'
}
warm_render=$(warm_ns BenchmarkRenderWarm)
warm_validate=$(warm_ns BenchmarkValidateWarm)
warm_check=$(warm_ns BenchmarkCheckWarm)

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
	samples[validate]+="$(time_us "${validate[@]}") "
	samples[check]+="$(time_us "${check_cmd[@]}") "
	samples[help]+="$(time_us "${help[@]}") "
	samples[libraries]+="$(time_us "${libraries[@]}") "
	[ -z "$pandoc_ok" ] || samples[pandoc]+="$(time_us "${pandoc_cmd[@]}") "
	[ -z "$typst_ok" ] || samples[typst]+="$(time_us "${typst_cmd[@]}") "
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
awk -v r="$warm_render" -v v="$warm_validate" -v c="$warm_check" 'BEGIN {
	printf "warm, in one process: render %.1f ms, validate %.1f ms, check %.1f ms\n", r / 1e6, v / 1e6, c / 1e6 }'
floor=$(awk -v h="${med[hello]}" -v r="$warm_render" 'BEGIN { printf "%d", h + r / 1000 }')
awk -v f="$floor" 'BEGIN { printf "%-44s %7.1f ms (hello-world + warm render)\n", "floor", f / 1000 }'
report() { # name numerator denominator note
	awk -v name="$1" -v a="$2" -v b="$3" -v note="$4" 'BEGIN { printf "%-44s %6.3f (%s)\n", name, a / b, note }'
}
check "render / floor" "${med[render]}" "$floor" 1.5
check "validate / render" "${med[validate]}" "${med[render]}" 0.6
check "check / render" "${med[check]}" "${med[render]}" 0.6
report "--help / hello-world" "${med[help]}" "${med[hello]}" "reported"
report "libraries only / hello-world" "${med[libraries]}" "${med[hello]}" "the start-up the named libraries cost"
[ -z "$typst_ok" ] || report "render / typst (one document)" "${med[render]}" "${med[typst]}" "reported; typst's time includes starting Node.js"
[ -z "$pandoc_ok" ] || report "render / pandoc+wkhtmltopdf (one document)" "${med[render]}" "${med[pandoc]}" "reported"
if [ -x /usr/bin/time ]; then
	# Peak memory varies by a few hundred KiB from run to run: the median
	# of five.
	peak=$(for _ in 1 2 3 4 5; do /usr/bin/time -f "%M" "${render[@]}" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 3p)
	check "render peak memory, MiB (median of 5)" "$peak" 1024 25
fi
ls -l "$tmp/out"/*.pdf | awk '{printf "%s: %d KB\n", $NF, $5/1024}' | sed "s|$tmp/out/||"

go test -run '^$' -bench . -benchmem ./pkg/render
exit $fail
