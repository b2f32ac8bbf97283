package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder keeps what Check reports instead of failing the test.
type recorder struct {
	*testing.T
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

// TestFailureShowsOnlyWhatChanged checks that a golden file that differs
// is reported as a unified diff of the changed lines with a little
// context, rather than both files whole.
func TestFailureShowsOnlyWhatChanged(t *testing.T) {
	var want []string
	for i := range 40 {
		want = append(want, fmt.Sprintf("line %d", i))
	}
	path := filepath.Join(t.TempDir(), "x.golden")
	if err := os.WriteFile(path, []byte(strings.Join(want, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := append([]string(nil), want...)
	got[10] = "changed"
	r := &recorder{T: t}
	Check(r, path, []byte(strings.Join(got, "\n")+"\n"))
	if len(r.errors) != 1 {
		t.Fatalf("Check reported %d errors, want 1", len(r.errors))
	}
	msg := r.errors[0]
	for _, want := range []string{"-line 10\n", "+changed\n", " line 9\n", "@@ "} {
		if !strings.Contains(msg, want) {
			t.Errorf("the report lacks %q:\n%s", want, msg)
		}
	}
	for _, far := range []string{"line 0\n", "line 30\n"} {
		if strings.Contains(msg, far) {
			t.Errorf("the report shows %q, far from the change:\n%s", far, msg)
		}
	}
	r.errors = nil
	Check(r, path, []byte(strings.Join(want, "\n")+"\n"))
	if len(r.errors) != 0 {
		t.Errorf("an unchanged output was reported: %v", r.errors)
	}
}
