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

# Fuzz the loader and validation for longer than the tests do (FUZZTIME=10m).
FUZZTIME ?= 2m
fuzz:
	go test ./pkg/proposal/ -run XXX -fuzz FuzzParse -fuzztime $(FUZZTIME)
