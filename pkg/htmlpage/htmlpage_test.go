package htmlpage

import (
	"strings"
	"testing"

	"github.com/propose-cli/propose/pkg/view"
)

func TestUserTextStaysText(t *testing.T) {
	hostile := `<script>alert(1)</script> <b>bold</b> [x](javascript:alert(1)) *em*`
	md := "# Title\n\n| A | B |\n|---|---|\n| " + view.Escape(hostile) + " | x |\n\n" + view.Escape(hostile) + "\n"
	page, err := Render([]byte(md), Page{Title: `Q&A "quotes" <title>`, Language: "en-US", Banner: "PRIVATE <b>"})
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
		`<p class="banner">PRIVATE &lt;b&gt;</p>`, "@media print"} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(s, "<link") || strings.Contains(s, "src=") {
		t.Error("the page loads something from outside itself")
	}
}
