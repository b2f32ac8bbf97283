package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestBadInputsWriteNothing runs render, calendar and email on every file
// of the bad-input corpus: each must fail with exit 1, say where, and leave
// no output folder behind.
func TestBadInputsWriteNothing(t *testing.T) {
	files, err := filepath.Glob("../proposal/testdata/bad/*.yaml")
	if err != nil || len(files) < 100 {
		t.Fatalf("the corpus has %d files (%v); it should have at least 100", len(files), err)
	}
	for _, file := range files {
		for _, cmd := range []string{"render", "calendar", "email"} {
			out := filepath.Join(t.TempDir(), "out")
			var stdout, stderr bytes.Buffer
			env := &Env{
				IO:     &IOStreams{In: bytes.NewReader(nil), Out: &stdout, ErrOut: &stderr},
				Getenv: func(string) string { return "" },
				Now:    func() time.Time { return time.Date(2027, 1, 4, 9, 0, 0, 0, time.UTC) },
			}
			code := Run(env, []string{cmd, file, "--out", out})
			name := filepath.Base(file)
			if code != ExitInvalid {
				t.Errorf("%s %s: exit %d, want %d\n%s", cmd, name, code, ExitInvalid, stderr.String())
			}
			if !bytes.Contains(stderr.Bytes(), []byte(name+":")) {
				t.Errorf("%s %s: the message does not name the file:\n%s", cmd, name, stderr.String())
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("%s %s: wrote %s", cmd, name, out)
			}
		}
	}
}
