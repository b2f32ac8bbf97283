package pdf

import (
	"github.com/propose-cli/propose/pkg/docmeta"
	"strings"
	"testing"

	east "github.com/yuin/goldmark/extension/ast"
)

// addressTables are metrics tables whose last column holds a long address:
// the tester's, and one with a fifth column.
var addressTables = map[string]string{
	"four columns": "| Metric | Today | Target | Measured by |\n|:--|:--|:--|:--|\n" +
		"| Campaigns launched on schedule | 8 of 10 | 9 of 10 or better | " + dashboard + " |\n",
	"five columns": "| Metric | Today | Target | Owner | Measured by |\n|:--|:--|:--|:--|:--|\n" +
		"| Campaigns launched on schedule | 8 of 10 | 9 of 10 or better | Marketing operations | " + dashboard + " |\n",
}

// tableOf parses md and returns its first table's cells.
func tableOf(t *testing.T, md string) (header []cell, rows [][]cell) {
	t.Helper()
	doc := parse([]byte(md))
	tbl, ok := doc.FirstChild().(*east.Table)
	if !ok {
		t.Fatalf("no table in %q", md)
	}
	return tableCells(tbl, []byte(md))
}

func TestLongAddressLeavesOtherColumnsTheirWords(t *testing.T) {
	for name, md := range addressTables {
		for _, paper := range []string{"letter", "a4"} {
			d := newDrawer(Meta{Doc: docmeta.Doc{Paper: paper, Scale: 1}})
			d.dry = true
			d.pdf.AddPage()
			header, rows := tableOf(t, md)
			widths := d.tableWidths(header, rows)
			last := len(widths) - 1
			for ri, r := range append([][]cell{header}, rows...) {
				isHeader := ri == 0
				for i, c := range r {
					sp := d.cellSpan(isHeader, c.bold)
					sp.text = c.text
					got := lineTexts(d.breakLines([]span{sp}, widths[i]-2*d.st.cellPadX))
					if i == last && c.text == dashboard {
						// With four columns the address's column holds its
						// host: it is cut only between the path's segments.
						checkAddressLines(t, name+", "+paper, got, len(widths) == 4)
						continue
					}
					// Every word whole: the lines hold the words as written.
					if strings.Join(got, " ") != c.text {
						t.Errorf("%s, %s: %q set as %q in a column %.1f pt wide", name, paper, c.text, got, widths[i])
					}
					for _, w := range d.words([]span{sp}) {
						if widths[i] < w.w+2*d.st.cellPadX {
							t.Errorf("%s, %s: column %d is %.1f pt, its word %q needs %.1f", name, paper, i, widths[i], w.frags[0].text, w.w+2*d.st.cellPadX)
						}
					}
				}
			}
		}
	}
}

// checkAddressLines checks the lines the dashboard's address was set in:
// all of it, cut only after a separator of its parts (and, when slashes,
// only after a '/'), never inside a part or with a hyphen at a line end.
func checkAddressLines(t *testing.T, name string, lines []string, slashes bool) {
	t.Helper()
	if len(lines) < 2 {
		t.Fatalf("%s: the address was not wrapped: %q", name, lines)
	}
	if got := strings.Join(lines, ""); got != dashboard {
		t.Errorf("%s: the address's lines %q join as %q", name, lines, got)
	}
	cuts := "/?&=._"
	if slashes {
		cuts = "/"
	}
	for _, l := range lines[:len(lines)-1] {
		if !strings.ContainsAny(l[len(l)-1:], cuts) {
			t.Errorf("%s: the address was cut elsewhere than after one of %q: %q", name, cuts, lines)
		}
	}
}

func TestLongAddressTableRendersWordsWhole(t *testing.T) {
	for name, md := range addressTables {
		res := render(t, md, testMeta())
		validate(t, res.PDF)
		text := extract(t, res.PDF)
		words := map[string]bool{}
		for _, w := range strings.Fields(text) {
			words[w] = true
		}
		for _, want := range []string{"Metric", "Today", "Target", "Measured", "Campaigns", "launched", "schedule", "better"} {
			if !words[want] {
				t.Errorf("%s: %q is not drawn whole:\n%s", name, want, text)
			}
		}
		if !strings.Contains(squash(text), dashboard) {
			t.Errorf("%s: the address does not extract whole:\n%s", name, text)
		}
	}
}
