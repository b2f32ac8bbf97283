# Sourced by the browser checks: makes sure Chromium, ChromeDriver and curl
# are here, installing them from the distribution's packages when it can
# (as root with apt-get), and otherwise ends the calling check with a skip
# message naming it ($1). It then gives the check its working folder,
# $work, and the list of processes it starts, pids: when the check exits,
# each is ended and the folder removed.
if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null; then
	if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
		timeout 600 apt-get install -y chromium chromium-driver curl >/dev/null 2>&1 ||
			(apt-get update -qq && timeout 600 apt-get install -y chromium chromium-driver curl) >/dev/null 2>&1 || true
	fi
fi
if ! command -v chromedriver >/dev/null || ! command -v chromium >/dev/null || ! command -v curl >/dev/null; then
	echo "skip: $1 needs chromium, chromium-driver and curl, which are not installed here"
	exit 0
fi

work=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT
