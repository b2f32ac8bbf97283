package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/proposal"
)

// paste adds a finding's patch to the file as a person would: the line
// under its section, indented as the section's keys are, or at the end of
// the file for a new section at the top level.
func paste(t *testing.T, src string, p *proposal.Proposal, f Finding) string {
	t.Helper()
	lines := strings.Split(src, "\n")
	s := p.Source()
	if f.Under == "" {
		return strings.TrimRight(src, "\n") + "\n" + f.Patch + "\n"
	}
	var at, indent int
	if isItem(f.Under) {
		// An item such as "- name: Tickets": its keys start where its
		// first one does.
		line, col := s.At(f.Under)
		at, indent = line, col-1
		for _, k := range []string{".name", ".reason", ".cadence", ".period"} {
			if s.Has(f.Under + k) {
				line, col = s.KeyAt(f.Under + k)
				at, indent = line, col-1
				break
			}
		}
	} else {
		line, col := s.KeyAt(f.Under)
		if rest := strings.TrimSpace(lines[line-1][col-1:]); !strings.HasSuffix(rest, ":") {
			t.Fatalf("%s is written on one line (%q): the patch for %s cannot go under it", f.Under, lines[line-1], f.Rule)
		}
		at, indent = line, col-1+2
		if at < len(lines) {
			if next := lines[at]; strings.TrimSpace(next) != "" {
				if n := len(next) - len(strings.TrimLeft(next, " ")); n > col-1 {
					indent = n
				}
			}
		}
	}
	added := strings.Repeat(" ", indent) + f.Patch
	return strings.Join(append(lines[:at], append([]string{added}, lines[at:]...)...), "\n")
}

// TestFixesPasteCleanly applies each fix that adds a line to the file it
// was found in, as the fix says, and checks that the file still validates
// and the finding is gone: a fix that breaks the file (a second
// `equipment:` where one exists) fails here.
func TestFixesPasteCleanly(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/coach/*.yaml")
	stories, _ := filepath.Glob("../../testdata/stories/*.yaml")
	files = append(files, stories...)
	srcs := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs[filepath.Base(f)] = string(b)
	}
	for _, name := range examples.Names() {
		b, _ := examples.Get(name)
		srcs[name+".yaml"] = string(b)
	}
	pasted := 0
	for name, src := range srcs {
		p, err := proposal.Parse(name, []byte(src), today)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, f := range Run(p, today).Findings {
			if f.Patch == "" {
				continue
			}
			pasted++
			fixed := paste(t, src, p, f)
			q, err := proposal.Parse(name, []byte(fixed), today)
			if err != nil {
				t.Errorf("%s: the fix for %s (%s) breaks the file:\n%v", name, f.Rule, f.Fix, err)
				continue
			}
			for _, g := range Run(q, today).Findings {
				if g.Rule == f.Rule && g.Field == f.Field {
					t.Errorf("%s: after the fix for %s at %s, it is still found", name, f.Rule, f.Field)
				}
			}
		}
	}
	if pasted < 50 {
		t.Errorf("only %d fixes pasted; the corpus should exercise more", pasted)
	}
}
