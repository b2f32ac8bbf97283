package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/propose-cli/propose/pkg/proposal"
)

func TestTextOnlyShowsControlsAsEscapes(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain, naïve – ✓\n\tindented", "plain, naïve – ✓\n\tindented"},
		{"\x1b]0;owned\x07title", `\x1b]0;owned\x07title`},
		{"over\rwrite", `over\x0dwrite`},
		{"abc\u202edef\u2066", `abc\u202edef\u2066`},
		{"c1 \u009b31m", `c1 \u009b31m`},
		{"bad \xff byte", `bad \xff byte`},
		{"del\x7f", `del\x7f`},
		{"\ufeffversion", `\ufeffversion`},
		{"zero\u200bwidth\u2028sep", `zero\u200bwidth\u2028sep`},
	} {
		var b bytes.Buffer
		w := newTextOnly(&b)
		if _, err := w.Write([]byte(tc.in)); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("%q shown as %q, want %q", tc.in, b.String(), tc.want)
		}
	}
}

func TestTextOnlyKeepsCharactersSplitBetweenWrites(t *testing.T) {
	var b bytes.Buffer
	w := newTextOnly(&b)
	s := []byte("Zoë ✓")
	for i := range s {
		w.Write(s[i : i+1])
	}
	if b.String() != "Zoë ✓" {
		t.Errorf("written a byte at a time, got %q", b.String())
	}
}

func TestReportProblemsCountsWhatItDoesNotShow(t *testing.T) {
	var ps proposal.Problems
	for i := range 100 {
		ps = append(ps, proposal.Problem{File: "f.yaml", Line: i + 1, Col: 1, Msg: "wrong"})
	}
	var out bytes.Buffer
	env := &Env{IO: &IOStreams{ErrOut: &out}}
	reportProblems(env, "f.yaml", ps, "")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != maxProblemsShown+2 || !strings.Contains(lines[maxProblemsShown], "and 60 more") ||
		lines[len(lines)-1] != "100 problems in f.yaml" {
		t.Errorf("got %d lines:\n%s", len(lines), out.String())
	}
}
