package cli

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/propose-cli/propose/examples"
)

// BenchmarkRenderWarm runs `propose render` of the trial example in a
// process that has rendered it before: reading and checking the file,
// every document and the durable write into a folder holding the last
// set, with no start-up and no first-call cost. Added to a hello-world
// process, it is the floor `make bench` holds a whole render process to.
func BenchmarkRenderWarm(b *testing.B) {
	benchCommand(b, "render", "--force")
}

// BenchmarkValidateWarm and BenchmarkCheckWarm are the same for validate
// and check, which read the file and lay it out without drawing.
func BenchmarkValidateWarm(b *testing.B) { benchCommand(b, "validate") }

func BenchmarkCheckWarm(b *testing.B) { benchCommand(b, "check") }

// benchCommand times command on the trial example, warm.
func benchCommand(b *testing.B, command string, flags ...string) {
	dir := b.TempDir()
	src, _ := examples.Get("trial")
	file := filepath.Join(dir, "trial.yaml")
	if err := os.WriteFile(file, src, 0o600); err != nil {
		b.Fatal(err)
	}
	var errOut strings.Builder
	env := &Env{IO: &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: &errOut},
		Getenv: func(string) string { return "" }, Now: time.Now}
	args := append([]string{command, file}, flags...)
	if command == "render" {
		args = append(args, "--out", filepath.Join(dir, "out"))
	}
	// check exits 1 when it finds something to say; only a usage or
	// internal error (2, 3) means the command did not run.
	if code := Run(env, args); code > 1 {
		b.Fatalf("propose %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
	}
	for b.Loop() {
		Run(env, args)
	}
}
