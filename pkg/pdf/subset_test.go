package pdf

import (
	"bytes"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

func TestSubsetKeepsUsedGlyphsAndTheirParts(t *testing.T) {
	progs, err := programs()
	if err != nil {
		t.Fatal(err)
	}
	for _, fc := range faces {
		p := progs[faceKey(fc.family, fc.style)]
		// A composite glyph (an accented letter built from two others), a
		// simple one, and one left out.
		var composite uint16
		for g := 1; g < p.numGlyphs && composite == 0; g++ {
			if len(components(p.glyph(uint16(g)))) > 0 {
				composite = uint16(g)
			}
		}
		if composite == 0 {
			t.Fatalf("%s: no composite glyph to test with", fc.psName)
		}
		simple, unused := glyphID(fc.family, fc.style, 'a'), glyphID(fc.family, fc.style, 'z')
		data := p.subset([]uint16{composite, simple})

		if sum := checksum(data); sum != 0xB1B0AFBA {
			t.Errorf("%s: whole-file checksum %#x, want 0xB1B0AFBA", fc.psName, sum)
		}
		q, err := parseProgram(data, fc.psName)
		if err != nil {
			t.Fatalf("%s: the subset does not parse: %v", fc.psName, err)
		}
		if q.numGlyphs != p.numGlyphs {
			t.Errorf("%s: %d glyphs, want the original %d (ids must not change)", fc.psName, q.numGlyphs, p.numGlyphs)
		}
		kept := []uint16{0, simple, composite}
		kept = append(kept, components(p.glyph(composite))...)
		for _, g := range kept {
			if len(p.glyph(g)) > 0 && !bytes.Equal(bytes.TrimRight(q.glyph(g), "\x00"), bytes.TrimRight(p.glyph(g), "\x00")) {
				t.Errorf("%s: glyph %d differs from the original", fc.psName, g)
			}
		}
		if len(q.glyph(unused)) != 0 {
			t.Errorf("%s: glyph %d ('z') was not used but kept its outline", fc.psName, unused)
		}
		// An independent reader agrees on the outline and the width.
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: sfnt cannot read the subset: %v", fc.psName, err)
		}
		var buf sfnt.Buffer
		adv, err := f.GlyphAdvance(&buf, sfnt.GlyphIndex(simple), fixed.I(1000), font.HintingNone)
		if err != nil || int16((adv+32)/64) != runeWidth(fc.family, fc.style, 'a') {
			t.Errorf("%s: width of 'a' %v (%v), want %d", fc.psName, adv, err, runeWidth(fc.family, fc.style, 'a'))
		}
		if segs, err := f.LoadGlyph(&buf, sfnt.GlyphIndex(composite), fixed.I(1000), nil); err != nil || len(segs) == 0 {
			t.Errorf("%s: composite glyph %d does not load from the subset: %v", fc.psName, composite, err)
		}
	}
}
