package pdf

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func layOut(t *testing.T, md string, meta Meta) *Laid {
	t.Helper()
	l, err := Layout([]byte(md), meta)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// lines is n one-line paragraphs.
func lines(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "Line %d.\n\n", i+1)
	}
	return b.String()
}

func TestLastPageFill(t *testing.T) {
	st := newStyle(1)
	area := 792 - st.top - st.bottom // letter
	if got, want := layOut(t, "One line.\n", testMeta()).LastPageFill(), st.bodyLead/area; math.Abs(got-want) > 1e-9 {
		t.Errorf("one line fills %.4f of the page, want %.4f", got, want)
	}
	if got := layOut(t, "", testMeta()).LastPageFill(); got != 0 {
		t.Errorf("an empty document fills %.4f of its page", got)
	}
	// A page holds n lines of a paragraph gap each: fill it, then overflow
	// it by a few lines, then by more.
	n := int((area + st.paraGap) / (st.bodyLead + st.paraGap))
	full := layOut(t, lines(n), testMeta())
	if full.Pages() != 1 || full.LastPageFill() < 0.95 {
		t.Errorf("%d lines: %d page(s), last %.2f full", n, full.Pages(), full.LastPageFill())
	}
	few := layOut(t, lines(n+3), testMeta())
	more := layOut(t, lines(n+20), testMeta())
	if few.Pages() != 2 || more.Pages() != 2 {
		t.Fatalf("%d and %d lines take %d and %d pages, want 2", n+3, n+20, few.Pages(), more.Pages())
	}
	if f := few.LastPageFill(); f <= 0 || f > 0.2 {
		t.Errorf("3 lines on the last page fill %.2f of it", f)
	}
	if f := more.LastPageFill(); f <= few.LastPageFill() || f > 0.8 {
		t.Errorf("20 lines on the last page fill %.2f of it, 3 lines %.2f", f, few.LastPageFill())
	}
}
