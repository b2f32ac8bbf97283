package eml

import (
	"strings"
	"testing"
)

// TestBodyPlainReadsAsTheHTML: the plain part keeps what the HTML part
// shows: headings, bullets and numbers, a narrow table as aligned
// columns, a wide one as "Header: value" lines, line breaks, curly quotes
// and escapes decoded; never Markdown's pipes. Raw HTML is left out of
// both parts, its text kept, as the HTML part shows it.
func TestBodyPlainReadsAsTheHTML(t *testing.T) {
	md := "# Status: week 4\n\nHi Priya, it's \\*done\\* &amp; \"good\".\n\n" +
		"## Done\n\n- First thing\n- Second thing\n  - a detail\n\n1. One\n2. Two\n\n" +
		"| Day | Where | Hours |\n|:--|:--|--:|\n| Monday | Home | 9 |\n| Tuesday | Office | 10 |\n\n" +
		"| Measure | Target | Latest | |\n|:--|:--|:--|:--|\n" +
		"| Median first response to stakeholder questions | under 1 hour | 75 minutes | Below target |\n" +
		"| Weekly dashboards delivered on time | 100% | 19/20 | Below target |\n\n" +
		"See [the board](https://example.com/board) or <https://example.com>.\n\n" +
		"<b>raw</b> text\n\nBest regards,\\\nZoë Okafor\n"
	plain, html, err := Body([]byte(md), "en-GB", "Status: week 4 <of 8>")
	if err != nil {
		t.Fatal(err)
	}
	want := `Status: week 4
==============

Hi Priya, it’s *done* & “good”.

Done
----

- First thing
- Second thing
  - a detail

1. One
2. Two

Day      Where   Hours
-------  ------  -----
Monday   Home        9
Tuesday  Office     10

- Median first response to stakeholder questions
  Target: under 1 hour
  Latest: 75 minutes
  Below target
- Weekly dashboards delivered on time
  Target: 100%
  Latest: 19/20
  Below target

See the board <https://example.com/board> or https://example.com.

raw text

Best regards,
Zoë Okafor
`
	if plain != want {
		t.Errorf("plain part:\n%s\nwant:\n%s", plain, want)
	}
	if strings.Contains(plain, "|") {
		t.Error("the plain part shows Markdown's table pipes")
	}
	for _, w := range []string{`<html lang="en-GB">`, "<title>Status: week 4 &lt;of 8&gt;</title>",
		"<table>", `<th scope="col">Measure</th>`, "<td>19/20</td>",
		"<li>First thing</li>", "<ol>", "<h2>Done</h2>", "it’s", "Best regards,<br />\nZoë Okafor"} {
		if !strings.Contains(html, w) {
			t.Errorf("the HTML part lacks %q", w)
		}
	}
	for _, w := range []string{"|", "<b>raw</b>"} {
		if strings.Contains(html, w) {
			t.Errorf("the HTML part holds %q", w)
		}
	}
}
