package pdf

import (
	"sync"
	"sync/atomic"
)

// faceMetrics caches, for one face, each character's glyph id and advance
// width (in thousandths of an em, rounded as the PDF's /W array gives it),
// so measured lines match drawn ones, and the words shaped in the face
// (shape.go). They are read from the fonts parsed once per process and
// shared by every document.
type faceMetrics struct {
	common [commonRunes]atomic.Uint32 // glyph<<16 | width+1 for runes below commonRunes; 0 until looked up

	mu   sync.Mutex
	rare map[rune]uint32

	shapeMu sync.RWMutex
	words   map[shapeKey]*shapedWord // see shaped
}

const commonRunes = 0x600 // Latin, Greek, Cyrillic

// noBreakSpace (U+00A0) joins words that must stay on one line, such as
// the parts of a date; the line breaker never breaks at it.
const noBreakSpace = '\u00a0'

var metrics = func() map[faceID]*faceMetrics {
	m := map[faceID]*faceMetrics{}
	for _, fc := range faces {
		m[faceKey(fc.family, fc.style)] = &faceMetrics{}
	}
	return m
}()

// lookUp reads r's glyph id and width from the face's font: packed as the
// cache holds them, width -1 (stored as 0) when the face lacks r.
func lookUp(id faceID, r rune) uint32 {
	if loadCmaps() != nil {
		return 501
	}
	f := cmaps[id]
	buf := bufPool.Get().(*sfntBuffer)
	defer bufPool.Put(buf)
	gi, err := f.GlyphIndex(&buf.Buffer, r)
	if (err != nil || gi == 0) && r == noBreakSpace {
		// A face without the no-break space draws it as a space.
		return lookUp(id, ' ')
	}
	if err != nil || gi == 0 {
		return 0
	}
	// The width the PDF's /W array gives the glyph, so that text drawn
	// glyph by glyph is as wide as measured.
	progs, err := programs()
	if err != nil || progs[id] == nil {
		return 0
	}
	return uint32(gi)<<16 | uint32(progs[id].advance(uint16(gi))+1)
}

// get returns r's packed glyph id and width+1.
func (t *faceMetrics) get(id faceID, r rune) uint32 {
	if r >= 0 && r < commonRunes {
		if v := t.common[r].Load(); v != 0 {
			return v
		}
		v := lookUp(id, r)
		if v == 0 {
			v = 1 << 31 // looked up and missing: not 0, which means "not yet"
		}
		t.common[r].Store(v)
		return v
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.rare == nil {
		t.rare = map[rune]uint32{}
	}
	v, ok := t.rare[r]
	if !ok {
		v = lookUp(id, r)
		if v == 0 {
			v = 1 << 31
		}
		t.rare[r] = v
	}
	return v
}

// width is r's advance in thousandths of an em, or -1 when the face lacks it.
func (t *faceMetrics) width(id faceID, r rune) int16 {
	v := t.get(id, r)
	if v&(1<<31) != 0 {
		return -1
	}
	return int16(v&0xFFFF) - 1
}

// glyph is r's glyph id in the face, 0 when the face lacks it.
func (t *faceMetrics) glyph(id faceID, r rune) uint16 {
	v := t.get(id, r)
	if v&(1<<31) != 0 {
		return 0
	}
	return uint16(v >> 16)
}

// runeWidth returns r's advance in thousandths of an em, or -1 when the
// face lacks it.
func runeWidth(family, style string, r rune) int16 {
	id := faceKey(family, style)
	return metrics[id].width(id, r)
}

// glyphID returns r's glyph id in the face, 0 when the face lacks it.
func glyphID(family, style string, r rune) uint16 {
	id := faceKey(family, style)
	return metrics[id].glyph(id, r)
}

// stringWidth measures text in points in the given face and size, its
// words as shaped for the language lang (see textWidth). A rune the face
// lacks counts as half an em.
func stringWidth(family, style, lang string, size float64, s string) float64 {
	return float64(stringUnits(family, style, lang, s)) * size / 1000
}

// stringUnits is text's width in thousandths of an em in the given face,
// shaped for lang: the width stringWidth scales, in whole units, so that
// the widths of a word's pieces add and subtract exactly.
func stringUnits(family, style, lang string, s string) int {
	return textWidth(faceKey(family, style), lang, s)
}
