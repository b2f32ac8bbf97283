#!/usr/bin/env bash
# Times the whole `propose render examples/trial.yaml` process (proposal,
# one-pager and prep sheet, Markdown and PDF) and reports the PDFs' sizes.
# Targets (issue 3): under 20 ms wall and 40 MiB peak on a 2-core machine;
# each PDF under 80 KB. Uses hyperfine and GNU time when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/propose" ./cmd/propose
cmd=("$tmp/propose" render examples/trial.yaml --out "$tmp/out" --force)
"${cmd[@]}" >/dev/null

if command -v hyperfine >/dev/null; then
	hyperfine -N -w 3 -r 30 "${cmd[*]}"
else
	runs=30
	start=$(date +%s%N)
	for _ in $(seq $runs); do "${cmd[@]}" >/dev/null; done
	end=$(date +%s%N)
	echo "wall: $(( (end - start) / runs / 1000000 )) ms a run (mean of $runs)"
fi
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f "peak memory: %M KB" "${cmd[@]}" >/dev/null
fi
ls -l "$tmp/out"/*.pdf | awk '{printf "%s: %d KB\n", $NF, $5/1024}' | sed "s|$tmp/out/||"
go test -run '^$' -bench . -benchmem ./pkg/render
