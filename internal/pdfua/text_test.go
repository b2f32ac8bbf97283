package pdfua

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

func TestStructTextReadsTheFixture(t *testing.T) {
	pages, err := StructText(newFixture().bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 1 {
		t.Fatalf("got %d pages, want 1", len(pages))
	}
	// The page number is an artifact: in neither reading.
	const want = "Title Hello example Section 1. First Week Hours 1 12"
	if pages[0].Content != want {
		t.Errorf("content text %q, want %q", pages[0].Content, want)
	}
	if pages[0].Tagged != want {
		t.Errorf("tagged text %q, want %q", pages[0].Tagged, want)
	}
}

// recorder is a testing.TB that keeps what a helper reports.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
	panic("Fatalf")
}

func TestReadingOrder(t *testing.T) {
	r := &recorder{TB: t}
	AssertReadingOrder(r, "fixture", newFixture().bytes())
	if len(r.errs) > 0 {
		t.Fatalf("the fixture reads out of order: %v", r.errs)
	}
	// The structure tree puts the table before the list; the content
	// shows the list first.
	f := newFixture()
	f.edit(t, oDocument, "35 0 R 39 0 R", "39 0 R 35 0 R")
	AssertReadingOrder(r, "fixture", f.bytes())
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], `page 1: the tagged text does not read in content order; they part after "TitleHelloexampleSection"`) {
		t.Fatalf("want one reading-order error naming page 1 and where the readings part, got %q", r.errs)
	}
	// Check itself does not mind: the order is a judgement it leaves to
	// this comparison.
	if fs := Check(f.bytes()); len(fs) > 0 {
		t.Errorf("reordered fixture fails Check:%s", failuresText(fs))
	}
}

func TestAssert(t *testing.T) {
	r := &recorder{TB: t}
	Assert(r, "fixture", newFixture().bytes())
	if len(r.errs) > 0 {
		t.Fatalf("Assert fails the passing fixture: %v", r.errs)
	}
	f := newFixture()
	f.edit(t, oFigure, " /Alt (A grey square)", "")
	f.edit(t, oPage, " /Tabs /S", "")
	Assert(r, "broken fixture", f.bytes())
	if len(r.errs) != 1 {
		t.Fatalf("want one error, got %q", r.errs)
	}
	for _, want := range []string{"broken fixture", "7.3-1 ×1, 7.18.3-1 ×1", "Figure (46 0 R) in Document: Figure has neither /Alt nor /ActualText", "7.18.3-1 page 1"} {
		if !strings.Contains(r.errs[0], want) {
			t.Errorf("the error lacks %q:\n%s", want, r.errs[0])
		}
	}
}

func TestPopplerStructText(t *testing.T) {
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed")
	}
	out := PopplerStructText(t, newFixture().bytes())
	// poppler prints each element with its text, indented by depth.
	for _, want := range []string{"Document", "H1", `"Title"`, "Link", "Figure", "TH", `"Hours"`} {
		if !strings.Contains(out, want) {
			t.Errorf("pdfinfo -struct-text output lacks %s:\n%s", want, out)
		}
	}
}
