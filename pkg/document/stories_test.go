package document

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// TestStoriesKeepTheirLabels renders each story in testdata/stories and
// checks the manager's documents (the proposal, the one-pager and the
// cover email) against the labels written for it before the code that
// renders them: no phrase a story's `must-not (manager):` list gives in
// backticks may appear. The labels' prose items are judged by reading.
func TestStoriesKeepTheirLabels(t *testing.T) {
	labels, err := os.ReadFile("../../testdata/stories/LABELS.md")
	if err != nil {
		t.Fatal(err)
	}
	sections := regexp.MustCompile(`(?m)^## `).Split(string(labels), -1)[1:]
	if len(sections) < 12 {
		t.Fatalf("LABELS.md has %d stories, want at least 12", len(sections))
	}
	mustNot := regexp.MustCompile(`(?s)must-not \(manager\):(.*?)(?:\n(?:must|prep)|\z)`)
	quoted := regexp.MustCompile("`([^`]+)`")
	for _, sec := range sections {
		name, body, _ := strings.Cut(sec, "\n")
		name = strings.TrimSpace(name)
		t.Run(name, func(t *testing.T) {
			m := mustNot.FindStringSubmatch(body)
			if m == nil {
				t.Fatalf("no must-not (manager) list for %s", name)
			}
			src, err := os.ReadFile(filepath.Join("../../testdata/stories", name+".yaml"))
			if err != nil {
				t.Fatal(err)
			}
			text := normalise(managerText(t, parse(t, name+".yaml", src)))
			for _, q := range quoted.FindAllStringSubmatch(m[1], -1) {
				if i := strings.Index(text, normalise(q[1])); i >= 0 {
					t.Errorf("the manager's documents say %q: …%s…", q[1], text[max(0, i-60):min(len(text), i+len(q[1])+40)])
				}
			}
		})
	}
}

// normalise is text as the labels compare it: in lower case, with one
// apostrophe, non-breaking spaces as spaces and no Markdown escapes.
func normalise(s string) string {
	return strings.NewReplacer("’", "'", "\u00a0", " ", `\`, "").Replace(strings.ToLower(s))
}

// TestRenderStories renders every story in testdata/stories and compares
// the manager's documents, the cover email and the prep sheet with the
// reviewed golden Markdown in testdata/TestRenderStories/NAME/.
func TestRenderStories(t *testing.T) {
	files, err := filepath.Glob("../../testdata/stories/*.yaml")
	if err != nil || len(files) < 12 {
		t.Fatalf("want at least 12 stories, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p := parse(t, name+".yaml", src)
			pub := view.NewPublic(p)
			for _, k := range append(append([]Kind(nil), Kinds...), Email) {
				md, err := Render(k, pub)
				if err != nil {
					t.Fatal(err)
				}
				golden.Check(t, golden.Path(t, string(k)+".md"), md)
				checkClean(t, string(k), md)
			}
			prep, err := RenderPrep(view.NewPrivate(p))
			if err != nil {
				t.Fatal(err)
			}
			golden.Check(t, golden.Path(t, "prep.md"), prep)
			checkClean(t, "prep", prep)
		})
	}
}

// managerText is what the manager reads of a proposal: the manager's
// documents and the cover email, in Markdown.
func managerText(t *testing.T, p *proposal.Proposal) string {
	t.Helper()
	pub := view.NewPublic(p)
	var all strings.Builder
	for _, k := range append(append([]Kind(nil), Kinds...), Email) {
		md, err := Render(k, pub)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(md)
	}
	return all.String()
}
