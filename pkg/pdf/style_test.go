package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"testing"
)

func TestTypeSizesHaveFloors(t *testing.T) {
	for _, scale := range []float64{1, 0.9, MinScale, 0.6, 0.3} {
		st := newStyle(scale)
		if st.bodySize < MinBodySize || st.smallSize < MinTableSize || st.tableHeadSize < MinTableSize {
			t.Errorf("scale %.2f: body %.2f pt, table %.2f pt, table header %.2f pt", scale, st.bodySize, st.smallSize, st.tableHeadSize)
		}
		for _, h := range []float64{st.h1Size, st.h2Size, st.h3Size} {
			if h < st.bodySize {
				t.Errorf("scale %.2f: heading %.2f pt is smaller than body text %.2f pt", scale, h, st.bodySize)
			}
		}
		// The leading follows the size it belongs to.
		if r := st.bodyLead / st.bodySize; r < 15/10.5-1e-9 || r > 15/10.5+1e-9 {
			t.Errorf("scale %.2f: body leading %.2f for %.2f pt text", scale, st.bodyLead, st.bodySize)
		}
		if r := st.smallLead / st.smallSize; r < 12.5/9.25-1e-9 || r > 12.5/9.25+1e-9 {
			t.Errorf("scale %.2f: table leading %.2f for %.2f pt text", scale, st.smallLead, st.smallSize)
		}
	}
	if st := newStyle(1); st.bodySize != 10.5 || st.bodyLead != 15 || st.smallSize != 9.25 || st.smallLead != 12.5 {
		t.Errorf("scale 1 changed: body %v/%v, table %v/%v", st.bodySize, st.bodyLead, st.smallSize, st.smallLead)
	}
	// The gaps between blocks keep shrinking below MinScale; the margins,
	// which keep the text off the footer, do not.
	a, b := newStyle(MinScale), newStyle(0.6)
	if b.paraGap >= a.paraGap || b.headGapBefore >= a.headGapBefore {
		t.Errorf("gaps stop shrinking: paragraph gap %.2f then %.2f", a.paraGap, b.paraGap)
	}
	if b.top != a.top || b.bottom != a.bottom {
		t.Errorf("margins shrink below MinScale: top %.2f then %.2f, bottom %.2f then %.2f", a.top, b.top, a.bottom, b.bottom)
	}
}

func TestTextStartsBelowTheRunningHeader(t *testing.T) {
	for _, scale := range []float64{1, 0.9, MinScale, 0.5} {
		for _, banner := range []string{"", "PRIVATE"} {
			m := testMeta()
			m.Scale, m.Banner = scale, banner
			d := newDrawer(m)
			d.dry = true
			d.pdf.AddPage()
			if y := d.pdf.GetY(); y != d.st.top {
				t.Errorf("scale %.2f: page 1 starts at %.2f, want the top margin %.2f", scale, y, d.st.top)
			}
			d.pdf.AddPage()
			rule := d.st.headerY + 13
			if banner != "" {
				rule += 4
			}
			if y := d.pdf.GetY(); y < rule+headerClearance || y < d.st.top || !d.atPageTop() {
				t.Errorf("scale %.2f, banner %q: page 2 starts at %.2f, the header's rule is at %.2f", scale, banner, y, rule)
			}
		}
	}
}

const floorSample = `# A summary

Running text in a paragraph, long enough to wrap onto a second line of the page at any scale at all.

## A section

- An item
- Another item
`

const floorTable = `
| Metric | Target |
|:--|--:|
| Response time | 1 hour |
`

// drawnSizes lays md out and draws it, and returns the sizes of the text
// fpdf was told to set, from its uncompressed page content.
func drawnSizes(t *testing.T, md string, meta Meta) []float64 {
	t.Helper()
	laid, err := Layout([]byte(md), meta)
	if err != nil {
		t.Fatal(err)
	}
	d, err := layout(parse([]byte(md)), []byte(md), meta, false, laid.Pages(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := d.pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	var sizes []float64
	for _, m := range regexp.MustCompile(`/PF\d+ ([0-9.]+) Tf`).FindAllSubmatch(b.Bytes(), -1) {
		v, err := strconv.ParseFloat(string(m[1]), 64)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, v)
	}
	if len(sizes) == 0 {
		t.Fatal("no text drawn")
	}
	return sizes
}

func TestTextIsNeverSetBelowTheFloors(t *testing.T) {
	for _, scale := range []float64{MinScale, 0.5} {
		m := testMeta()
		m.Scale = scale
		laid, err := Layout([]byte(floorSample), m)
		if err != nil {
			t.Fatal(err)
		}
		if got := laid.MinTextSize(); got != MinBodySize {
			t.Errorf("scale %.2f: smallest text without a table %.2f pt, want %.2f", scale, got, MinBodySize)
		}
		// The page furniture is set in 8 pt; everything else at least the body floor.
		for _, size := range drawnSizes(t, floorSample, m) {
			if size != 8 && size < MinBodySize {
				t.Errorf("scale %.2f: text drawn at %.2f pt", scale, size)
			}
		}

		laid, err = Layout([]byte(floorSample+floorTable), m)
		if err != nil {
			t.Fatal(err)
		}
		if got := laid.MinTextSize(); got != MinTableSize {
			t.Errorf("scale %.2f: smallest text with a table %.2f pt, want %.2f", scale, got, MinTableSize)
		}
		for _, size := range drawnSizes(t, floorSample+floorTable, m) {
			if size < MinTableSize {
				t.Errorf("scale %.2f: text drawn at %.2f pt", scale, size)
			}
		}
	}
	// At the normal scale nothing is at a floor.
	laid, err := Layout([]byte(floorSample+floorTable), testMeta())
	if err != nil {
		t.Fatal(err)
	}
	if got := laid.MinTextSize(); got <= MinTableSize {
		t.Errorf("scale 1: smallest text %.2f pt", got)
	}
}
