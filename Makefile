# The test command of the README: go vet, then every test.
.PHONY: test build update-golden fmt

test:
	go vet ./...
	go test ./...

build:
	go build -o propose ./cmd/propose

# Rewrite golden files from the current output. Read the diff before committing.
update-golden:
	go test ./... -update

fmt:
	gofmt -w .
