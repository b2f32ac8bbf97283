package render

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/proposal"
)

// worstCase is the trial example with its lists filled to the most items
// a list may hold, each item as long as an item may be, as far as the
// loader's size limit allows, and the name and title as long as they may
// be.
func worstCase(t testing.TB) *proposal.Proposal {
	t.Helper()
	src, _ := examples.Get("trial")
	text := string(src)
	item := strings.Repeat("The team gains focus and speed in every way possible. ", 40)[:proposal.MaxTextLen-1]
	list := func(indent string, n int) string {
		var b strings.Builder
		for range n {
			fmt.Fprintf(&b, "%s- %s\n", indent, item)
		}
		return b.String()
	}
	replaceList := func(key, indent string, n int) {
		i := strings.Index(text, key)
		if i < 0 {
			t.Fatalf("no %q in the example", key)
		}
		j := i + len(key)
		end := j
		for end < len(text) && strings.HasPrefix(text[end:], indent+"- ") {
			end += strings.IndexByte(text[end:], '\n') + 1
		}
		text = text[:j] + list(indent, n) + text[end:]
	}
	// Two lists at their most, a third as far as the file's size allows.
	replaceList("benefits:\n", "  ", proposal.MaxListItems)
	replaceList("output_tracking:\n", "  ", proposal.MaxListItems)
	replaceList("  highlights:\n", "    ", 20)
	text = strings.Replace(text, "name: Zoë Okafor", "name: "+strings.Repeat("Zoë ", 25)[:99], 1)
	text = strings.Replace(text, "title: Senior Data Analyst", "title: "+strings.Repeat("Senior Data Analyst ", 8)[:149], 1)
	if len(text) > proposal.MaxFileSize {
		t.Fatalf("the worst case is %d bytes, over the loader's limit", len(text))
	}
	p, err := proposal.Parse("worst.yaml", []byte(text), proposal.NewDate(2027, 1, 5))
	if err != nil {
		t.Fatalf("the worst case does not load: %v", err)
	}
	return p
}

// TestWorstCaseStaysBounded renders the largest file the loader accepts
// in every format: it is refused or rendered, never an internal error, and
// within 200 MB. (Its time is BenchmarkWorstCase's.)
func TestWorstCaseStaysBounded(t *testing.T) {
	p := worstCase(t)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Files(p, Options{Formats: []Format{Markdown, PDF, HTML, DOCX}})
	runtime.ReadMemStats(&after)
	var tooMany *TooManyPagesError
	if err != nil && !errors.As(err, &tooMany) {
		t.Errorf("the worst case: %v", err)
	}
	if used := after.TotalAlloc - before.TotalAlloc; used > 200<<20 {
		t.Errorf("rendering the worst case allocated %d MB", used>>20)
	}
}

// BenchmarkWorstCase times the largest file the loader accepts, laid out
// as validate does: the bound is a second.
func BenchmarkWorstCase(b *testing.B) {
	p := worstCase(b)
	for b.Loop() {
		_, _ = Files(p, Options{Formats: []Format{PDF}, LayoutOnly: true})
	}
}
