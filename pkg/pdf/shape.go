package pdf

import (
	"bytes"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/harfbuzz"
	"github.com/go-text/typesetting/language"
)

// Text is shaped with the fonts' OpenType layout tables (GSUB and GPOS):
// kerning moves letters closer ("AV", "To"), and ligatures join them ("fi",
// "ffl"). A word is shaped alone, in one face, and the result, in
// thousandths of an em, is cached for the process: shaping does not depend
// on the type size, and a document measures the same words many times
// (trial layouts, keep rules, table columns). Measuring and drawing read
// the same cached words, so the lines the layout breaks are exactly the
// lines drawn. Spaces are never shaped: a word's width does not depend on
// its neighbours, which is what the line breaker assumes.

// shapeFonts holds, for every face, its font parsed for the shaper once
// per process, on first use: a document seldom needs the symbol face. A
// font.Font is safe to share; the faces and shapers built on it are not,
// so each shaper (below) has its own.
var shapeFonts = func() map[faceID]func() (*font.Font, error) {
	m := map[faceID]func() (*font.Font, error){}
	for _, fc := range faces {
		id := faceKey(fc.family, fc.style)
		m[id] = sync.OnceValues(func() (*font.Font, error) {
			progs, err := programs()
			if err != nil {
				return nil, err
			}
			f, err := font.ParseTTF(bytes.NewReader(progs[id].layoutFont()))
			if err != nil {
				return nil, fmt.Errorf("shape with font %s: %w", fc.psName, err)
			}
			return f.Font, nil
		})
	}
	return m
}()

// shaper is a HarfBuzz buffer with the fonts it shapes in. There are as
// many as the process runs goroutines at once (at most four), built on
// first use and taken in turn: documents rendered at the same time shape
// side by side, while the fonts' tables, parsed once, are shared. (Each
// shaper's faces take a cache of every glyph's extents, 40 KB a face,
// which is why there are not more.)
type shaper struct {
	buf     *harfbuzz.Buffer
	fonts   map[faceID]*harfbuzz.Font
	runes   []rune
	offsets []int // each rune's byte offset in the word, and the word's length
	lang    string
	tag     language.Language // lang, as HarfBuzz takes it
}

// shapers holds the shapers not in use; nil stands for one not yet built.
var shapers = sync.OnceValue(func() chan *shaper {
	n := min(runtime.GOMAXPROCS(0), 4)
	idle := make(chan *shaper, n)
	for range n {
		idle <- nil
	}
	return idle
})

// getShaper takes a shaper, waiting for one when all are in use.
func getShaper() *shaper {
	s := <-shapers()
	if s == nil {
		s = &shaper{buf: harfbuzz.NewBuffer(), fonts: map[faceID]*harfbuzz.Font{}}
	}
	return s
}

// putShaper gives s back.
func putShaper(s *shaper) { shapers() <- s }

// shapedGlyph is one glyph of a shaped word, in thousandths of an em.
type shapedGlyph struct {
	id     uint16
	adv    int32  // the advance to the next glyph: the font's width plus kerning
	dx, dy int32  // where the glyph is drawn, from the pen (marks placed on letters)
	text   string // the characters the glyph shows, for copy and paste; a ligature's are several
	first  bool   // the glyph starts a cluster: the glyphs up to the next such show text together
}

// shapedWord is a word as the shaper set it. When ok is false the face
// lacks one of its characters (or the shaper failed), and the word is
// measured and drawn character by character, as unshaped text is.
type shapedWord struct {
	glyphs []shapedGlyph
	width  int32 // the sum of the advances
	ok     bool
}

// shapeKey names a word shaped in one face: the language changes the
// forms some fonts use (locl).
type shapeKey struct {
	lang, text string
}

// maxShaped bounds each face's cache of shaped words; a full cache is
// emptied (a long-running process renders many documents).
const maxShaped = 20000

// shaped returns the word text (no spaces) shaped in the face for the
// language lang (a BCP 47 tag such as "de-DE"; "" for none).
func (t *faceMetrics) shaped(id faceID, lang, text string) *shapedWord {
	key := shapeKey{lang, text}
	t.shapeMu.RLock()
	w := t.words[key]
	t.shapeMu.RUnlock()
	if w != nil {
		return w
	}
	key.text = strings.Clone(text) // never keep a paragraph alive through its word
	w = shapeWord(id, lang, key.text)
	t.shapeMu.Lock()
	if t.words == nil || len(t.words) >= maxShaped {
		t.words = map[shapeKey]*shapedWord{}
	}
	t.words[key] = w
	t.shapeMu.Unlock()
	return w
}

// shapeWord shapes text in the face, left to right, each run of one
// script with that script (a word such as "ΔT" mixes two); characters of
// no script of their own (digits, punctuation) go with their neighbours,
// or are set as Latin.
func shapeWord(id faceID, lang, text string) *shapedWord {
	load := shapeFonts[id]
	if load == nil || text == "" {
		return &shapedWord{}
	}
	fnt, err := load()
	if err != nil {
		return &shapedWord{}
	}
	t := metrics[id]
	s := getShaper()
	defer putShaper(s)
	s.runes, s.offsets = s.runes[:0], s.offsets[:0]
	for i, r := range text {
		if r > 0xFFFF || t.glyph(id, r) == 0 {
			// A character the face lacks (see Covers) is never shaped
			// into something else: unshaped, it is an error to draw.
			return &shapedWord{}
		}
		s.runes = append(s.runes, r)
		s.offsets = append(s.offsets, i)
	}
	s.offsets = append(s.offsets, len(text))
	hf := s.fonts[id]
	if hf == nil {
		hf = harfbuzz.NewFont(font.NewFace(fnt)) // positions in font units
		s.fonts[id] = hf
	}
	upem := int64(fnt.Upem())
	thousandths := func(v harfbuzz.Position) int32 {
		if upem == 1000 {
			return int32(v)
		}
		n := int64(v) * 1000 // rounded half away from zero, as math.Round
		if n < 0 {
			return -int32((-n + upem/2) / upem)
		}
		return int32((n + upem/2) / upem)
	}
	out := &shapedWord{glyphs: make([]shapedGlyph, 0, len(s.runes)), ok: true}
	if s.lang != lang || s.tag == "" {
		s.lang, s.tag = lang, language.NewLanguage(lang)
	}
	for start := 0; start < len(s.runes); {
		script, end := scriptRun(s.runes, start)
		s.buf.Clear()
		s.buf.AddRunes(s.runes, start, end-start)
		s.buf.Props = harfbuzz.SegmentProperties{Direction: harfbuzz.LeftToRight, Script: script, Language: s.tag}
		s.buf.Shape(hf, nil)
		info, pos := s.buf.Info, s.buf.Pos
		for i := 0; i < len(info); {
			// A cluster: the glyphs that show the runes from first to
			// next (HarfBuzz keeps them in order, left to right).
			first := info[i].Cluster
			j := i + 1
			for j < len(info) && info[j].Cluster == first {
				j++
			}
			next := end
			if j < len(info) {
				next = info[j].Cluster
			}
			runes, count := next-first, j-i
			if runes < 1 || first < start || next > end {
				return &shapedWord{}
			}
			if count > runes {
				// More glyphs than characters (a letter drawn as two): each
				// glyph would need characters of its own to copy as, so the
				// cluster is set as its characters' own glyphs.
				for k := first; k < next; k++ {
					out.glyphs = append(out.glyphs, shapedGlyph{
						id: t.glyph(id, s.runes[k]), adv: int32(t.width(id, s.runes[k])),
						text: text[s.offsets[k]:s.offsets[k+1]], first: k == first,
					})
				}
				i = j
				continue
			}
			// Each glyph but the last shows one character; the last shows
			// the rest: all of a ligature's, or a letter and its marks.
			starts := true // the next glyph kept starts the cluster
			for k := i; k < j; k++ {
				g := info[k].Glyph
				if g == 0 || g > 0xFFFF {
					return &shapedWord{} // see Covers
				}
				from, to := first+k-i, first+k-i+1
				if k == j-1 {
					to = next
				}
				sg := shapedGlyph{
					id:    uint16(g),
					adv:   thousandths(pos[k].XAdvance),
					dx:    thousandths(pos[k].XOffset),
					dy:    thousandths(pos[k].YOffset),
					text:  text[s.offsets[from]:s.offsets[to]],
					first: starts,
				}
				if to == from+1 && invisible(s.runes[from]) && sg.adv == 0 {
					// A soft hyphen or another character that is not
					// drawn: HarfBuzz shows it as an empty space glyph,
					// which would then copy as the character rather than
					// as a space. It is left out.
					continue
				}
				out.glyphs = append(out.glyphs, sg)
				starts = false
			}
			i = j
		}
		start = end
	}
	for _, g := range out.glyphs {
		out.width += g.adv
	}
	return out
}

// invisible reports whether r is a character that is not drawn (Unicode's
// default ignorable code points, such as the soft hyphen and the
// zero-width joiner), which HarfBuzz hides.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Variation_Selector, r) ||
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// scriptRun returns the script of the run of runes from start, and where
// it ends: the first rune of another strong script.
func scriptRun(runes []rune, start int) (language.Script, int) {
	script := language.Common
	end := start
	for ; end < len(runes); end++ {
		r := runes[end]
		if r < 0x80 {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				if script == language.Common {
					script = language.Latin
				} else if script != language.Latin {
					break
				}
			}
			continue // digits and punctuation
		}
		s := language.LookupScript(r)
		if !s.Strong() || s == language.Unknown {
			continue
		}
		if script == language.Common {
			script = s
		} else if s != script {
			break
		}
	}
	if script == language.Common {
		script = language.Latin
	}
	return script, end
}

// textWidth measures s in the face, in thousandths of an em: each word
// as shaped, each space as the font's. A rune the face lacks counts as
// half an em.
func textWidth(id faceID, lang, s string) int {
	t := metrics[id]
	total := 0
	for s != "" {
		i := strings.IndexByte(s, ' ')
		if i == 0 {
			total += max(int(t.width(id, ' ')), 0)
			s = s[1:]
			continue
		}
		if i < 0 {
			i = len(s)
		}
		total += t.wordWidth(id, lang, s[:i])
		s = s[i:]
	}
	return total
}

// wordWidth is the width of a word (no spaces) in thousandths of an em.
// A soft hyphen that ends it is the hyphen a line break added
// (hyphenFrag): drawn, at its glyph's width, where HarfBuzz would hide it.
func (t *faceMetrics) wordWidth(id faceID, lang, word string) int {
	if head, ok := strings.CutSuffix(word, string(softHyphen)); ok {
		return t.wordWidth(id, lang, head) + max(int(t.width(id, softHyphen)), 0)
	}
	if w := t.shaped(id, lang, word); w.ok {
		return int(w.width)
	}
	total := 0
	for _, r := range word {
		w := t.width(id, r)
		if w < 0 {
			w = 500
		}
		total += int(w)
	}
	return total
}

// encode returns the operators that show text in f at size: the glyph ids
// of its words as shaped, with the kerning as adjustments of a TJ array
// (a plain Tj when there is none), recording the characters each glyph
// shows for the ToUnicode map. A character the face lacks is an error,
// never an empty box (callers check the text with Covers first).
//
// A glyph stands for one text in the map. A cluster whose glyph already
// stands for other text in this document (the "fi" ligature, say, after
// the character ﬁ, which the font draws with the same glyph) is drawn as
// its characters' own glyphs instead, spaced to the same advance, so the
// line is as wide as measured and the text copies as written. When two
// characters share a glyph (a font may draw U+00A0 with its space), the
// first one drawn names it.
func (f *docFont) encode(lang string, size float64, text string) (string, error) {
	t := metrics[f.id]
	var tj tjWriter
	tj.b.Grow(16 + 6*len(text))
	tj.size = size
	for text != "" {
		i := strings.IndexByte(text, ' ')
		if i < 0 {
			i = len(text)
		}
		if i == 0 {
			i = 1 // a space: the font's own glyph and width
		}
		word := text[:i]
		text = text[i:]
		// A line break's hyphen (a soft hyphen at the end of the word) is
		// drawn with its own glyph, which copies as U+00AD.
		head, broken := strings.CutSuffix(word, string(softHyphen))
		if broken {
			word = head
		}
		if err := f.encodeWord(&tj, t, lang, word); err != nil {
			return "", err
		}
		if broken {
			if err := f.showRune(&tj, softHyphen, string(softHyphen), -1); err != nil {
				return "", err
			}
		}
	}
	return tj.finish(), nil
}

// encodeWord adds a word (or one space) to tj: its glyphs as shaped, or
// each character's own where it could not be shaped.
func (f *docFont) encodeWord(tj *tjWriter, t *faceMetrics, lang, word string) error {
	if word == "" {
		return nil
	}
	if word != " " {
		if w := t.shaped(f.id, lang, word); w.ok {
			f.showShaped(tj, w)
			return nil
		}
	}
	for j, r := range word {
		if err := f.showRune(tj, r, word[j:j+utf8.RuneLen(r)], -1); err != nil {
			return err
		}
	}
	return nil
}

// showShaped adds a shaped word's glyphs to tj.
func (f *docFont) showShaped(tj *tjWriter, w *shapedWord) {
	for i := 0; i < len(w.glyphs); {
		j := i + 1
		for j < len(w.glyphs) && !w.glyphs[j].first {
			j++
		}
		cluster := w.glyphs[i:j]
		i = j
		if len(cluster) == 1 { // the common case, with one look-up
			g := &cluster[0]
			had, seen := f.used[g.id]
			if !seen {
				f.used[g.id] = g.text
			}
			if !seen || had == g.text {
				tj.glyph(g.id, f.prog.advance(g.id), g.adv, g.dx, g.dy)
				continue
			}
		}
		clash := false
		for _, g := range cluster {
			if had, seen := f.used[g.id]; seen && had != g.text {
				clash = true
			}
		}
		if !clash {
			for _, g := range cluster {
				if _, seen := f.used[g.id]; !seen {
					f.used[g.id] = g.text
				}
				tj.glyph(g.id, f.prog.advance(g.id), g.adv, g.dx, g.dy)
			}
			continue
		}
		// The cluster's characters, each with its own glyph, the last
		// taking what is left of the cluster's advance.
		var text strings.Builder
		adv := int32(0)
		for _, g := range cluster {
			text.WriteString(g.text)
			adv += g.adv
		}
		s := text.String()
		for k, r := range s {
			n := utf8.RuneLen(r)
			own := int32(-1)
			if k+n == len(s) {
				own = adv
			} else {
				adv -= int32(max(metrics[f.id].width(f.id, r), 0))
			}
			// The characters were shaped, so the face has them.
			_ = f.showRune(tj, r, s[k:k+n], own)
		}
	}
}

// showRune adds r's own glyph to tj, advancing by adv thousandths of an em
// (the glyph's width when adv is negative).
func (f *docFont) showRune(tj *tjWriter, r rune, text string, adv int32) error {
	t := metrics[f.id]
	g := t.glyph(f.id, r)
	if g == 0 || r > 0xFFFF { // see Covers
		return fmt.Errorf("%s cannot draw %q (U+%04X)", f.prog.name, r, r)
	}
	if _, seen := f.used[g]; !seen {
		f.used[g] = text
	}
	w := f.prog.advance(g)
	if adv < 0 {
		adv = w
	}
	tj.glyph(g, w, adv, 0, 0)
	return nil
}

// tjWriter writes glyphs as the operators that show them: one hex string
// shown with Tj when every glyph advances by its width, else a TJ array
// whose numbers move the next glyph left (positive) or right (negative)
// in thousandths of the type size, and Ts for a glyph raised or lowered.
type tjWriter struct {
	b       strings.Builder
	size    float64
	arr     []byte // the array being written: hex strings and numbers
	inHex   bool   // arr ends in an open hex string
	adjust  int32  // the number due before the next glyph
	rise    int32  // the current rise, in thousandths of the type size
	moved   bool   // a number or a rise was written: Tj will not do
	nglyphs int
}

// glyph adds glyph g, whose width in the font (and the PDF's /W) is w, to
// be drawn dx, dy from the pen and to advance it by adv.
func (t *tjWriter) glyph(g uint16, w, adv, dx, dy int32) {
	if dy != t.rise {
		t.flush()
		fmt.Fprintf(&t.b, "%.2f Ts ", float64(dy)*t.size/1000)
		t.rise = dy
		t.moved = true
	}
	t.adjust -= dx
	if t.adjust != 0 {
		if t.inHex {
			t.arr = append(t.arr, '>')
			t.inHex = false
		}
		t.arr = append(t.arr, ' ')
		t.arr = strconv.AppendInt(t.arr, int64(t.adjust), 10)
		t.arr = append(t.arr, ' ')
		t.moved = true
	}
	if !t.inHex {
		t.arr = append(t.arr, '<')
		t.inHex = true
	}
	const digits = "0123456789ABCDEF"
	t.arr = append(t.arr, digits[g>>12], digits[g>>8&15], digits[g>>4&15], digits[g&15])
	t.nglyphs++
	// After the glyph the pen is at dx+w; it is due at adv.
	t.adjust = w + dx - adv
}

// flush writes the array collected so far.
func (t *tjWriter) flush() {
	if len(t.arr) == 0 {
		return
	}
	if t.inHex {
		t.arr = append(t.arr, '>')
		t.inHex = false
	}
	if t.moved {
		t.b.WriteByte('[')
		t.b.Write(bytes.TrimSpace(t.arr))
		t.b.WriteString("] TJ ")
	} else {
		t.b.Write(t.arr)
		t.b.WriteString(" Tj ")
	}
	t.arr = t.arr[:0]
}

// finish returns the operators, with the adjustment after the last glyph
// (so the text ends where it was measured to, which a viewer's selection
// shows) and a rise undone.
func (t *tjWriter) finish() string {
	if t.adjust != 0 && len(t.arr) > 0 {
		if t.inHex {
			t.arr = append(t.arr, '>')
			t.inHex = false
		}
		t.arr = fmt.Appendf(t.arr, " %d", t.adjust)
		t.moved = true
	}
	t.flush()
	if t.rise != 0 {
		t.b.WriteString("0 Ts ")
	}
	if t.nglyphs == 0 {
		return ""
	}
	return strings.TrimSuffix(t.b.String(), " ")
}

// Prepare starts reading, in the background, the fonts the text faces
// are shaped with, so that a caller with other work to do before it
// draws (building the documents' text) finds them ready. It returns at
// once, and need not be called: the fonts are read on first use anyway.
func Prepare() {
	prepared.Do(func() {
		go func() {
			for _, fc := range faces {
				if fc.family != symbols {
					_, _ = shapeFonts[faceKey(fc.family, fc.style)]()
				}
			}
		}()
	})
}

var prepared sync.Once
