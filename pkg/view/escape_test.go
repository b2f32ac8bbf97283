package view

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

var hostile = []string{
	"*bold*", "**strong**", "_italic_", "__x__", "# Heading", "## Not a heading", "- item", "+ item", "* item",
	"1. item", "7) item", "2027. A year", "> quote", "`code`", "``", "a | b | c", "|", "<script>alert(1)</script>",
	"<b>bold</b>", "[link](https://example.com)", "![image](x.png)", "[ref]: https://example.com", "&amp; &#169; &copy;",
	"back\\slash", "trailing\\", "~~strike~~", "~~~", "===", "---", "***", "snake_case_name", "_leading", "trailing_",
	"Zoë “quoted” — dash", "line\nbreak", "tab\tseparated", "<http://example.com>", "user@example.com",
	"    indented code", "```", "[ ] task", "[x]", "\\*already escaped\\*", "100% & more", "a_b_c *d* e",
}

func markdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
}

func toHTML(t *testing.T, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := markdown().Convert([]byte(src), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

// plain normalizes the input the way Escape promises to keep it: the same
// text with runs of white space as single spaces.
func plain(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestEscapeKeepsTextAndStructure(t *testing.T) {
	for _, s := range append(hostile, "&#1", "AT&T", "&amp", "&#x41", "x &copy") {
		checkEscaped(t, s)
	}
}

// FuzzEscape checks Escape's promise on any text validation lets through
// (valid UTF-8 without control characters): placed in a paragraph, a list
// item, a heading or a table cell, it keeps the structure and reads back
// as the text. Seeded with the hostile strings; `make fuzz` runs it longer.
func FuzzEscape(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
			return unicode.IsControl(r) && r != '\n' && r != '\t' || r == utf8.RuneError
		}) {
			t.Skip("validation refuses this text")
		}
		checkEscaped(t, s)
	})
}

// checkEscaped fails unless Escape(s) keeps the structure of every place
// it goes and reads back as s.
func checkEscaped(t *testing.T, s string) {
	t.Helper()
	e := Escape(s)
	cases := []struct {
		name, src, wantTags string
	}{
		{"paragraph", e + "\n", "<p></p>"},
		{"list item", "- " + e + "\n", "<ul><li></li></ul>"},
		{"heading", "## " + e + "\n", "<h2></h2>"},
		{"table cell", "| A | B |\n|---|---|\n| " + e + " | x |\n",
			"<table><thead><tr><th></th><th></th></tr></thead><tbody><tr><td></td><td></td></tr></tbody></table>"},
		// Templates write text after it: "Daily: &#1" followed by "; Weekly"
		// must not become the character reference &#1;.
		{"followed by a semicolon", "Before " + e + "; after\n", "<p></p>"},
	}
	if plain(s) == "" {
		return
	}
	for _, c := range cases {
		out := toHTML(t, c.src)
		tags := strings.Join(tagRE.FindAllString(out, -1), "")
		if tags != c.wantTags {
			t.Errorf("%s %q escaped as %q: structure %s, want %s", c.name, s, e, tags, c.wantTags)
			continue
		}
		text := html.UnescapeString(tagRE.ReplaceAllString(out, "\x00"))
		var parts []string
		for _, p := range strings.Split(text, "\x00") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
		want := []string{plain(s)}
		if c.name == "followed by a semicolon" {
			want = []string{plain("Before " + plain(s) + "; after")}
		}
		if c.name == "table cell" {
			want = []string{"A", "B", plain(s), "x"}
		}
		if strings.Join(parts, "\x00") != strings.Join(want, "\x00") {
			t.Errorf("%s %q escaped as %q reads back as %q", c.name, s, e, parts)
		}
	}
}

func TestEscapeLeavesPlainTextAlone(t *testing.T) {
	for _, s := range []string{"Zoë Okafor", "Senior Data Analyst", "José Muñoz — Finance", "4.6 of 5", "snake_case", "Q&A", "100%", "9:00 a.m."} {
		if got := Escape(s); got != s {
			t.Errorf("Escape(%q) = %q, want it unchanged", s, got)
		}
	}
}
