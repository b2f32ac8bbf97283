package render

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/proposal"
)

var (
	fuzzOnce     sync.Once
	fuzzExamples []*proposal.Proposal
)

// fuzzBase is the parsed examples, loaded once per process.
func fuzzBase(t testing.TB) []*proposal.Proposal {
	fuzzOnce.Do(func() {
		for _, name := range examples.Names() {
			src, _ := examples.Get(name)
			fuzzExamples = append(fuzzExamples, load(t, src))
		}
	})
	return fuzzExamples
}

var hrefRE = regexp.MustCompile(`(?i)\s(?:href|src)\s*=\s*"([^"]*)"`)

// FuzzRender puts any text into any text field of any example, then
// writes the file, reads it back with validation and renders every
// format, as `propose render` does. Nothing may panic or run long; a
// refusal is a positioned problem; a private field's text never reaches a
// manager's document; no HTML gains a script or a link other than web,
// mail and in-page ones. `go test` runs the seeds; `make fuzz` runs it longer.
func FuzzRender(f *testing.F) {
	seeds := []string{"", "Zoë Okafor", "<script>alert(1)</script>", "[x](javascript:alert(1))", "AT&amp;T &#1;",
		"# heading", "| a | b |", "```", "0 #", strings.Repeat("long words ", 120), "line\nbreak", "\u202eevil", "😀"}
	for i, s := range seeds {
		f.Add(uint8(i), uint16(i*7), s)
	}
	f.Fuzz(func(t *testing.T, example uint8, field uint16, text string) {
		bases := fuzzBase(t)
		p := bases[int(example)%len(bases)].Clone()
		texts := p.Texts()
		path := texts[int(field)%len(texts)].Field
		private := strings.HasPrefix(path, "private.")
		const sentinel = "PRIVATEFUZZSENTINEL"
		if private {
			text = sentinel + text
		}
		if err := p.SetText(path, text); err != nil {
			return
		}
		start := time.Now()
		q, err := proposal.Parse("fuzz.yaml", proposal.Marshal(p), today)
		if err != nil {
			var ps proposal.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("%s = %q: %v, want positioned problems", path, text, err)
			}
			return
		}
		files, err := Files(q, Options{Formats: []Format{Markdown, PDF, HTML, DOCX}, Creator: "propose fuzz"})
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("%s = %q took %s", path, text, d)
		}
		if err != nil {
			var ps proposal.Problems
			var tl *TooLongError
			if !errors.As(err, &ps) && !errors.As(err, &tl) {
				t.Fatalf("%s = %q: %v, want positioned problems", path, text, err)
			}
			return
		}
		for _, f := range files {
			if !f.Private && bytes.Contains(f.Data, []byte(sentinel)) {
				t.Fatalf("%s reached the manager's %s", path, f.Name)
			}
			if !strings.HasSuffix(f.Name, ".html") {
				continue
			}
			if bytes.Contains(bytes.ToLower(f.Data), []byte("<script")) {
				t.Fatalf("%s = %q put a script into %s", path, text, f.Name)
			}
			for _, m := range hrefRE.FindAllSubmatch(f.Data, -1) {
				link := strings.ToLower(string(m[1]))
				if !strings.HasPrefix(link, "https://") && !strings.HasPrefix(link, "http://") &&
					!strings.HasPrefix(link, "mailto:") && !strings.HasPrefix(link, "#") &&
					!strings.HasPrefix(link, "data:image/") {
					t.Fatalf("%s = %q put the link %q into %s", path, text, link, f.Name)
				}
			}
		}
	})
}
