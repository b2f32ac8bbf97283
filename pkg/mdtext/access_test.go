package mdtext

import (
	"bytes"
	"strings"
	"testing"
)

func html(t *testing.T, md string) string {
	t.Helper()
	var b bytes.Buffer
	if err := New().Convert([]byte(md), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestTableHeadingsSayWhatTheyHead checks the scope of each heading: the
// columns' in the heading row, the rows' in the first column of a table
// whose top-left heading is empty (a sign-off table), and no heading
// where a table's first column is data.
func TestTableHeadingsSayWhatTheyHead(t *testing.T) {
	signOff := html(t, "| | Manager | Employee |\n|:--|:--|--:|\n| Name | Sam | Ana |\n| Date | | |\n")
	for _, want := range []string{
		"<thead>\n<tr>\n<td></td>\n<th scope=\"col\">Manager</th>\n<th scope=\"col\" style=\"text-align: right\">Employee</th>",
		"<tr>\n<th scope=\"row\">Name</th>\n<td>Sam</td>\n<td style=\"text-align: right\">Ana</td>",
		"<th scope=\"row\">Date</th>\n<td></td>",
	} {
		if !strings.Contains(signOff, want) {
			t.Errorf("the sign-off table lacks %q:\n%s", want, signOff)
		}
	}
	if strings.Contains(signOff, "<th></th>") || strings.Contains(signOff, "align=") {
		t.Errorf("the sign-off table has an empty heading or an align attribute:\n%s", signOff)
	}
	plain := html(t, "| Day | Where |\n|:--|:-:|\n| Monday | Home |\n")
	for _, want := range []string{"<th scope=\"col\">Day</th>", "<th scope=\"col\" style=\"text-align: center\">Where</th>", "<td>Monday</td>"} {
		if !strings.Contains(plain, want) {
			t.Errorf("the table lacks %q:\n%s", want, plain)
		}
	}
	if strings.Contains(plain, "scope=\"row\"") {
		t.Errorf("a table whose first heading is given has row headings:\n%s", plain)
	}
}

// TestCheckBoxesAreLabelled checks that each task list box is inside a
// label with the text it ticks, in tight and loose lists.
func TestCheckBoxesAreLabelled(t *testing.T) {
	got := html(t, "- [ ] Approved as **proposed**\n- [x] Declined\n\n1. [ ] Loose\n\n   More.\n\nText.\n")
	for _, want := range []string{
		"<li><label><input disabled=\"\" type=\"checkbox\" /> Approved as <strong>proposed</strong></label></li>",
		"<li><label><input checked=\"\" disabled=\"\" type=\"checkbox\" /> Declined</label></li>",
		"<p><label><input disabled=\"\" type=\"checkbox\" /> Loose</label></p>\n<p>More.</p>",
		"<p>Text.</p>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q:\n%s", want, got)
		}
	}
	if strings.Count(got, "<label>") != 3 || strings.Count(got, "</label>") != 3 {
		t.Errorf("labels beyond the check boxes:\n%s", got)
	}
}

// TestLanguageSpansSurviveAsLanguage: the page keeps a passage's language
// as its element, other inline HTML is left out, and the plain text has
// neither.
func TestLanguageSpansSurviveAsLanguage(t *testing.T) {
	md := []byte("Voir <span lang=\"en\">Hybrid working</span> et <b>gras</b>.\n")
	var b bytes.Buffer
	if err := New().Convert(md, &b); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.Contains(got, `<span lang="en">Hybrid working</span>`) || strings.Contains(got, "<b>") {
		t.Errorf("HTML %q", got)
	}
	if got := Plain(Parse(md), md); got != "Voir Hybrid working et <b>gras</b>." {
		t.Errorf("plain %q", got)
	}
	if got := InLang("en", "en-GB", "x"); got != "x" {
		t.Errorf("English in English marked: %q", got)
	}
	if got := InLang("en", "fr", "x"); got != `<span lang="en">x</span>` {
		t.Errorf("English in French: %q", got)
	}
}
