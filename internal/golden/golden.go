// Package golden compares test output with files under testdata, and
// rewrites them when the tests run with -update. Read a rewritten golden
// file before committing it: it is the reviewed expectation.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/diff"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Update reports whether the tests run with -update.
func Update() bool { return *update }

// Path is the golden file of the running test named name:
// testdata/TEST/name, TEST being the test's name (subtests as folders).
func Path(t testing.TB, name string) string {
	return filepath.Join("testdata", filepath.FromSlash(t.Name()), name)
}

// Check compares got with the golden file at path (relative to the test's
// package), or writes it when running with -update.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file: %v (run the tests with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s differs from the output (run with -update, then read the diff):\n%s", path, diff.Diff(path, want, "got", got))
	}
}
