# The test command of the README: go vet, then every test.
.PHONY: test build bench update-golden fmt man fuzz release-check reproducible

# The version from the nearest tag (a commit hash without one), and the commit
# date as the time of the build, so two builds of one commit are the same.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
LDFLAGS = -s -w -X github.com/propose-cli/propose/pkg/cli.Version=$(VERSION)
# Go 1.26.10 or later (go.mod's toolchain line), fetched by the go command
# where the installed Go is older: 1.26.8 and earlier have standard-library
# advisories reachable from propose.
export GOTOOLCHAIN ?= go1.26.10+auto

test:
	go vet ./...
	go test ./...

# The same flags as a release (.goreleaser.yaml): no cgo, no local paths.
build:
	CGO_ENABLED=0 go build -trimpath -ldflags "$(LDFLAGS)" -o propose ./cmd/propose

# Man pages for every command, with the version and dated by the commit.
man:
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) go run -ldflags "$(LDFLAGS)" ./cmd/propose man man

# The release configuration checked and a snapshot built for one target of
# each system (needs the Go module proxy for the release tools).
release-check:
	scripts/release-check.sh

# Build twice in different folders and compare the hashes.
reproducible:
	scripts/reproducible.sh

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
	go test ./pkg/proposal/ -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	go test ./pkg/proposal/ -run '^$$' -fuzz '^FuzzParseLog$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	go test ./pkg/view/ -run '^$$' -fuzz '^FuzzEscape$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	go test ./pkg/render/ -run '^$$' -fuzz '^FuzzRender$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	go test ./pkg/preview/ -run '^$$' -fuzz '^FuzzServe$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	go test ./pkg/cli/ -run '^$$' -fuzz '^FuzzAppServe$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	go test ./pkg/fastre/ -run '^$$' -fuzz '^FuzzAgree$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
