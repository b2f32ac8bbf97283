# The test command of the README: go vet, then every test.
.PHONY: test build bench update-golden fmt

test:
	go vet ./...
	go test ./...

build:
	go build -o propose ./cmd/propose

# Time the whole render process and run the Go benchmarks (targets in scripts/bench.sh).
bench:
	scripts/bench.sh

# Rewrite golden files from the current output. Read the diff before committing.
update-golden:
	go test ./... -update

fmt:
	gofmt -w .
