package htmlpage

import (
	"github.com/propose-cli/propose/pkg/docmeta"
	"strings"
	"testing"

	"github.com/propose-cli/propose/pkg/view"
)

func TestUserTextStaysText(t *testing.T) {
	hostile := `<script>alert(1)</script> <b>bold</b> [x](javascript:alert(1)) *em*`
	md := "# Title\n\n| A | B |\n|---|---|\n| " + view.Escape(hostile) + " | x |\n\n" + view.Escape(hostile) + "\n"
	page, err := Render([]byte(md), Page{Doc: docmeta.Doc{Title: `Q&A "quotes" <title>`, Language: "en-US", Banner: "PRIVATE <b>"}})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	for _, bad := range []string{"<script", "<b>", `href="javascript`, "<em>", "<title>Q&A"} {
		if strings.Contains(s, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;", "<table>", `<html lang="en-US">`, "<title>Q&amp;A &#34;quotes&#34; &lt;title&gt;</title>",
		`<header class="banner"><p>PRIVATE &lt;b&gt;</p></header>`, "@media print"} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(s, "<link") || strings.Contains(s, "src=") {
		t.Error("the page loads something from outside itself")
	}
}

// TestPrintsOnThePapersPage: the page prints on the proposal's paper with
// the PDF's margins, and its type follows the scale the PDF was set at.
func TestPrintsOnThePapersPage(t *testing.T) {
	for _, tc := range []struct {
		paper string
		scale float64
		want  []string
	}{
		{"letter", 1, []string{"@page { size: letter; margin: 64.00pt 72pt 60.00pt; }", "main { font-size: 10.50pt;"}},
		{"a4", 1, []string{"@page { size: A4; margin: 64.00pt 72pt 60.00pt; }"}},
		{"letter", 0.8, []string{"margin: 40.96pt 72pt 38.40pt;", "main { font-size: 8.50pt;", "table { font-size: 8.00pt;"}},
		{"", 0, []string{"main { font-size: 10.50pt;"}},
	} {
		page, err := Render([]byte("# Title\n\nText.\n"), Page{Doc: docmeta.Doc{Title: "T", Language: "en-US", Paper: tc.paper, Scale: tc.scale}})
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(page), w) {
				t.Errorf("paper %q at %.2f: no %q in the stylesheet", tc.paper, tc.scale, w)
			}
		}
		if tc.paper == "" && strings.Contains(string(page), "@page") {
			t.Errorf("a page without a paper sets its size")
		}
	}
}

// TestSignOffPrintsTogether: the sign-off section (its heading, check
// boxes and table) is wrapped in the block the print stylesheet keeps on
// one page; the sections around it are not.
func TestSignOffPrintsTogether(t *testing.T) {
	md := "# Title\n\n## Next step\n\nMeet.\n\n## Decision\n\n- [ ] Approved\n- [ ] Declined\n\n| | Manager |\n|:--|:--|\n| Name | Sam |\n\nAgreed review date: May 1\n\n## After\n\nText.\n"
	page, err := Render([]byte(md), Page{Doc: docmeta.Doc{Title: "T", Language: "en-US", Paper: "letter"}})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	start, end := strings.Index(s, `<div class="form">`), strings.Index(s, "</div>")
	if start < 0 || end < start || strings.Count(s, `<div class="form">`) != 1 {
		t.Fatalf("no single form block:\n%s", s)
	}
	form := s[start:end]
	for _, want := range []string{">Decision<", `type="checkbox"`, "<table>", "Agreed review date"} {
		if !strings.Contains(form, want) {
			t.Errorf("the form block lacks %q", want)
		}
	}
	for _, not := range []string{"Next step", ">After<"} {
		if strings.Contains(form, not) {
			t.Errorf("the form block holds %q", not)
		}
	}
	if !strings.Contains(s, ".form { break-inside: avoid; }") {
		t.Error("the print stylesheet does not keep the form block whole")
	}
}

// TestPrintsTheFittedVersion checks that a page whose document was
// condensed to fit its PDF page shows the whole text on screen and prints
// the condensed one, and that a page with nothing condensed holds its text
// once.
func TestPrintsTheFittedVersion(t *testing.T) {
	full := []byte("# Summary\n\nWithin one hour during core hours, and within a day outside them for anything that can wait.\n")
	short := []byte("# Summary\n\nWithin one hour during core hours.\n")
	page, err := Render(full, Page{Doc: docmeta.Doc{Title: "Summary", Language: "en-US"}, Print: short})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	screen, printed, ok := strings.Cut(s, `<div class="in-print">`)
	if !ok || !strings.Contains(screen, `<div class="on-screen">`) {
		t.Fatalf("no screen and print versions:\n%s", s)
	}
	// The screen's version whole, from its heading on: it was once
	// written over by the block that holds it.
	if !strings.Contains(screen, "<div class=\"on-screen\">\n<h1>Summary</h1>") || strings.Count(s, "on-screen\"") != 1 {
		t.Errorf("the screen's version does not start with its heading:\n%s", screen)
	}
	if !strings.Contains(screen, "anything that can wait") || strings.Contains(printed, "anything that can wait") {
		t.Error("the screen should show the whole text, and the printer the condensed one")
	}
	if !strings.Contains(s, ".in-print { display: none; }") || !strings.Contains(s, ".on-screen { display: none; }") {
		t.Error("the stylesheet does not switch the versions between screen and print")
	}
	same, err := Render(full, Page{Doc: docmeta.Doc{Title: "Summary", Language: "en-US"}, Print: full})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(same), "in-print\">") || strings.Count(string(same), "anything that can wait") != 1 {
		t.Error("a page with nothing condensed should hold its text once")
	}
}
