package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/proposal"
)

// TestExampleFileStartsToday checks that `propose example -o FILE` gives a
// file to start from on any day: valid that day, dated the day it is
// rendered, its trial starting on the example's weekday and not before
// today, and its header naming FILE.
func TestExampleFileStartsToday(t *testing.T) {
	days := []time.Time{
		time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC),
		time.Date(2027, 1, 5, 9, 0, 0, 0, time.UTC), // the trial example's own date
		time.Date(2027, 6, 30, 9, 0, 0, 0, time.UTC),
		time.Date(2029, 2, 28, 9, 0, 0, 0, time.UTC),
	}
	for _, name := range examples.Names() {
		orig, _ := examples.Get(name)
		want, err := proposal.Parse(name+".yaml", orig, proposal.NewDate(2027, 1, 4))
		if err != nil {
			t.Fatalf("%s: the example does not parse: %v", name, err)
		}
		for _, now := range days {
			today := proposal.DateOf(now)
			file := filepath.Join(t.TempDir(), "mine.yaml")
			var stdout, stderr bytes.Buffer
			env := &Env{
				IO:     &IOStreams{In: bytes.NewReader(nil), Out: &stdout, ErrOut: &stderr},
				Getenv: func(string) string { return "" },
				Now:    func() time.Time { return now },
			}
			if code := Run(env, []string{"example", name, "-o", file}); code != 0 {
				t.Fatalf("%s on %s: exit %d\n%s", name, today, code, stderr.String())
			}
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if dateLine().Match(b) {
				t.Errorf("%s on %s: the file keeps a fixed date line", name, today)
			}
			if !strings.Contains(string(b), "propose render "+file) {
				t.Errorf("%s on %s: the header does not name %s", name, today, file)
			}
			p, err := proposal.Parse(file, b, today)
			if err != nil {
				t.Errorf("%s on %s: the file is not valid that day: %v", name, today, err)
				continue
			}
			if p.Date != today {
				t.Errorf("%s on %s: dated %s", name, today, p.Date)
			}
			got, was := p.Arrangement.Start, want.Arrangement.Start
			if was.IsZero() {
				continue
			}
			if got.Weekday() != was.Weekday() {
				t.Errorf("%s on %s: starts on a %s, the example on a %s", name, today, got.Weekday(), was.Weekday())
			}
			if name != string(proposal.ScenarioKeepRemote) && got.Before(today) {
				t.Errorf("%s on %s: starts in the past, %s", name, today, got)
			}
		}
	}
}
