package pdf

import (
	"math"
	"sync"
	"sync/atomic"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// faceWidths caches a face's advance widths in thousandths of an em, rounded
// the way fpdf rounds them, so measured lines match drawn ones. They are
// read from the character maps parsed once per process and shared by every
// document; layout measures without fpdf, so a trial layout (fitting the
// one-pager) needs no fonts loaded at all.
type faceWidths struct {
	common [commonRunes]atomic.Int32 // width+1 for runes below commonRunes; 0 until measured

	mu   sync.Mutex
	rare map[rune]int16
}

const commonRunes = 0x600 // Latin, Greek, Cyrillic

var widthTables = func() map[faceID]*faceWidths {
	m := map[faceID]*faceWidths{}
	for _, fc := range faces {
		m[faceKey(fc.family, fc.style)] = &faceWidths{}
	}
	return m
}()

func advance(family, style string, r rune) int16 {
	if loadCmaps() != nil {
		return 500
	}
	f := cmaps[faceKey(family, style)]
	buf := bufPool.Get().(*sfntBuffer)
	defer bufPool.Put(buf)
	gi, err := f.GlyphIndex(&buf.Buffer, r)
	if err != nil || gi == 0 {
		return -1
	}
	adv, err := f.GlyphAdvance(&buf.Buffer, gi, fixed.I(1000), font.HintingNone)
	if err != nil {
		return -1
	}
	return int16(math.Round(float64(adv) / 64))
}

// runeWidth returns r's advance in thousandths of an em, or -1 when the
// face lacks it.
func runeWidth(family, style string, r rune) int16 {
	t := widthTables[faceKey(family, style)]
	if r >= 0 && r < commonRunes {
		if w := t.common[r].Load(); w != 0 {
			return int16(w - 1)
		}
		w := advance(family, style, r)
		t.common[r].Store(int32(w) + 1)
		return w
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.rare == nil {
		t.rare = map[rune]int16{}
	}
	w, ok := t.rare[r]
	if !ok {
		w = advance(family, style, r)
		t.rare[r] = w
	}
	return w
}

// stringWidth measures text in points in the given face and size. A rune
// the face lacks counts as half an em, as fpdf counts it.
func stringWidth(family, style string, size float64, s string) float64 {
	total := 0
	for _, r := range s {
		w := runeWidth(family, style, r)
		if w < 0 {
			w = 500
		}
		total += int(w)
	}
	return float64(total) * size / 1000
}
