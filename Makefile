# The test command of the README: go vet, then every test.
.PHONY: test build bench update-golden fmt man fuzz

test:
	go vet ./...
	go test ./...

build:
	go build -ldflags "-X github.com/propose-cli/propose/pkg/cli.Version=$$(git describe --tags --always --dirty 2>/dev/null || echo devel)" -o propose ./cmd/propose

# Man pages for every command, dated by SOURCE_DATE_EPOCH when it is set.
man:
	go run ./cmd/propose man man

# Time the whole render process and run the Go benchmarks (targets in scripts/bench.sh).
bench:
	scripts/bench.sh

# Rewrite golden files from the current output. Read the diff before committing.
update-golden:
	go test ./... -update

fmt:
	gofmt -w .

# Fuzz the loader and validation, the full render and Markdown escaping for
# longer than the tests do (FUZZTIME=10m, or a count such as 1000000x).
FUZZTIME ?= 2m
fuzz:
	go test ./pkg/proposal/ -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME)
	go test ./pkg/view/ -run '^$$' -fuzz '^FuzzEscape$$' -fuzztime $(FUZZTIME)
	go test ./pkg/render/ -run '^$$' -fuzz '^FuzzRender$$' -fuzztime $(FUZZTIME)
