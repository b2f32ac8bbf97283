package pdfua

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"unicode/utf16"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/encoding/charmap"
)

// pdfFont is a font as the text operators use it: how its strings split
// into codes, what each code means, and which codes were shown.
type pdfFont struct {
	key      int // object number, or a negative number for a direct dictionary
	res      string
	dict     types.Dict
	subtype  string
	baseFont string

	// Composite (Type0) fonts.
	cid       types.Dict // the descendant CIDFont
	cidSub    string     // CIDFontType0 or CIDFontType2
	cmapName  string     // /Encoding when it is a name
	codespace []csRange  // from an embedded CMap
	ordering  string     // the CIDFont's CIDSystemInfo Registry-Ordering
	hasC2G    bool       // /CIDToGIDMap present
	c2gIdent  bool
	c2g       []byte // a CIDToGIDMap stream
	w         map[int]float64
	dw        float64

	// Simple fonts.
	names     [256]string // glyph names from /Differences
	baseEnc   string      // a standard /Encoding or /BaseEncoding
	firstChar int
	widths    []float64
	symbolic  bool

	desc     types.Dict
	embedded bool
	prog     *sfnt.Font // a TrueType font program, when one is embedded and parses

	hasToUnicode bool
	toUni        map[uint32][]uint16

	shown    []uint32        // codes shown, in first-use order
	seen     map[uint32]bool // codes shown
	rendered map[uint32]bool // codes shown in a text rendering mode other than 3 (invisible)
}

// csRange is a codespace range of a CMap: codes of len(lo) bytes from lo
// to hi, byte by byte.
type csRange struct{ lo, hi []byte }

func (f *pdfFont) where() string {
	return fmt.Sprintf("font %s (/%s, %s)", f.baseFont, f.res, keyDesc(f.key))
}

func keyDesc(k int) string {
	if k > 0 {
		return fmt.Sprintf("%d 0 R", k)
	}
	return "direct"
}

// font returns the font a Tf selects by resource name, reading it once
// per document.
func (d *doc) font(res types.Dict, resName string) *pdfFont {
	ref := d.dict(res["Font"])[resName]
	if ref == nil {
		return nil
	}
	key := objNr(ref)
	if key == 0 {
		key = -len(d.fonts) - 1
	}
	if f := d.fonts[key]; f != nil {
		return f
	}
	fd := d.dict(ref)
	if fd == nil {
		return nil
	}
	f := &pdfFont{key: key, res: resName, dict: fd, subtype: d.name(fd["Subtype"]), baseFont: d.name(fd["BaseFont"]),
		seen: map[uint32]bool{}, rendered: map[uint32]bool{}}
	d.fonts[key] = f
	d.fontOrder = append(d.fontOrder, f)
	if f.baseFont == "" {
		f.baseFont = "(unnamed)"
	}
	if _, cm, ok := d.stream(fd["ToUnicode"]); ok {
		f.hasToUnicode = true
		f.toUni = parseToUnicode(cm)
	}
	if f.subtype == "Type0" {
		d.loadComposite(f)
	} else {
		d.loadSimple(f)
	}
	if f.desc != nil {
		for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
			if f.desc[k] != nil {
				f.embedded = true
			}
		}
		if _, prog, ok := d.stream(f.desc["FontFile2"]); ok {
			if p, err := sfnt.Parse(prog); err == nil {
				f.prog = p
			}
		}
	}
	return f
}

func (d *doc) loadComposite(f *pdfFont) {
	if desc := d.array(f.dict["DescendantFonts"]); len(desc) > 0 {
		f.cid = d.dict(desc[0])
	}
	f.cmapName = d.name(f.dict["Encoding"])
	if _, cm, ok := d.stream(f.dict["Encoding"]); ok {
		for _, o := range ops(cm) {
			if o.name == "endcodespacerange" {
				for i := 0; i+1 < len(o.args); i += 2 {
					lo, _ := o.args[i].(str)
					hi, _ := o.args[i+1].(str)
					if len(lo) == len(hi) && len(lo) > 0 {
						f.codespace = append(f.codespace, csRange{lo, hi})
					}
				}
			}
		}
	}
	if f.cid == nil {
		return
	}
	f.cidSub = d.name(f.cid["Subtype"])
	f.desc = d.dict(f.cid["FontDescriptor"])
	if si := d.dict(f.cid["CIDSystemInfo"]); si != nil {
		r, _ := d.text(si["Registry"])
		o, _ := d.text(si["Ordering"])
		f.ordering = r + "-" + o
	}
	if m, ok := f.cid["CIDToGIDMap"]; ok {
		f.hasC2G = true
		if d.name(m) == "Identity" {
			f.c2gIdent = true
		} else if _, b, ok := d.stream(m); ok {
			f.c2g = b
		}
	}
	f.dw = 1000
	if v, ok := d.number(f.cid["DW"]); ok {
		f.dw = v
	}
	f.w = map[int]float64{}
	w := d.array(f.cid["W"])
	for i := 0; i < len(w); {
		first, ok := d.integer(w[i])
		if !ok || i+1 >= len(w) {
			break
		}
		if list, ok := d.obj(w[i+1]).(types.Array); ok {
			for j, v := range list {
				f.w[first+j], _ = d.number(v)
			}
			i += 2
			continue
		}
		last, ok := d.integer(w[i+1])
		if !ok || i+2 >= len(w) || last-first > 1<<16 {
			break
		}
		v, _ := d.number(w[i+2])
		for c := first; c <= last; c++ {
			f.w[c] = v
		}
		i += 3
	}
}

func (d *doc) loadSimple(f *pdfFont) {
	f.desc = d.dict(f.dict["FontDescriptor"])
	if fl, ok := d.integer(f.desc["Flags"]); ok {
		f.symbolic = fl&4 != 0
	}
	f.firstChar, _ = d.integer(f.dict["FirstChar"])
	for _, v := range d.array(f.dict["Widths"]) {
		w, _ := d.number(v)
		f.widths = append(f.widths, w)
	}
	enc := f.dict["Encoding"]
	if n := d.name(enc); n != "" {
		f.baseEnc = n
	} else if ed := d.dict(enc); ed != nil {
		f.baseEnc = d.name(ed["BaseEncoding"])
		code := 0
		for _, v := range d.array(ed["Differences"]) {
			if n, ok := d.integer(v); ok {
				code = n
				continue
			}
			if n := d.name(v); n != "" && code >= 0 && code < 256 {
				f.names[code] = n
				code++
			}
		}
	}
	if f.baseEnc == "" && f.dict["FontDescriptor"] == nil {
		switch f.baseFont {
		case "Symbol", "ZapfDingbats":
			f.baseEnc = "built-in"
		default:
			f.baseEnc = "StandardEncoding"
		}
	}
}

// codes splits a shown string into character codes.
func (f *pdfFont) codes(b []byte) []uint32 {
	var out []uint32
	if f.subtype != "Type0" {
		for _, c := range b {
			out = append(out, uint32(c))
		}
		return out
	}
	if len(f.codespace) == 0 {
		for i := 0; i+1 < len(b); i += 2 {
			out = append(out, uint32(b[i])<<8|uint32(b[i+1]))
		}
		return out
	}
	for i := 0; i < len(b); {
		n := 1
		for l := 1; l <= 4 && i+l <= len(b); l++ {
			if f.inCodespace(b[i : i+l]) {
				n = l
				break
			}
		}
		var c uint32
		for _, x := range b[i : i+n] {
			c = c<<8 | uint32(x)
		}
		out = append(out, c)
		i += n
	}
	return out
}

func (f *pdfFont) inCodespace(b []byte) bool {
	for _, r := range f.codespace {
		if len(r.lo) != len(b) {
			continue
		}
		in := true
		for i := range b {
			if b[i] < r.lo[i] || b[i] > r.hi[i] {
				in = false
				break
			}
		}
		if in {
			return true
		}
	}
	return false
}

// use records codes as shown, rendered unless the mode is 3 (invisible).
func (f *pdfFont) use(codes []uint32, rendered bool) {
	for _, c := range codes {
		if !f.seen[c] {
			f.seen[c] = true
			f.shown = append(f.shown, c)
		}
		if rendered {
			f.rendered[c] = true
		}
	}
}

// glyph returns the glyph id a code selects in a CIDFontType2 or an
// embedded TrueType font; ok is false when it cannot be told.
func (f *pdfFont) glyph(code uint32) (gid int, ok bool) {
	if f.subtype == "Type0" {
		cid := int(code) // Identity-H/V; other CMaps are read as identity too
		switch {
		case f.c2g != nil:
			if 2*cid+1 >= len(f.c2g) {
				return 0, true
			}
			return int(f.c2g[2*cid])<<8 | int(f.c2g[2*cid+1]), true
		default:
			return cid, true
		}
	}
	if f.subtype != "TrueType" || f.prog == nil {
		return 0, false
	}
	var buf sfnt.Buffer
	var r rune
	if f.symbolic {
		r = 0xF000 + rune(code)
		if g, err := f.prog.GlyphIndex(&buf, r); err == nil && g != 0 {
			return int(g), true
		}
		r = rune(code)
	} else if u, ok := f.simpleUnicode(code); ok {
		r = []rune(u)[0]
	} else {
		return 0, false
	}
	g, err := f.prog.GlyphIndex(&buf, r)
	return int(g), err == nil
}

// glyphName is the name a simple font's encoding gives a code, "" when it
// is not known.
func (f *pdfFont) glyphName(code uint32) string {
	if code < 256 && f.names[code] != "" {
		return f.names[code]
	}
	return ""
}

// simpleUnicode returns the character a simple font's encoding gives a
// code without a ToUnicode map: through a standard encoding (WinAnsi is
// read as Windows-1252, the others approximately so; codes below 32 have
// no character) or a glyph name of the form uniXXXX, uXXXX or a single
// letter. Other glyph names are not looked up: this checker carries no
// glyph list.
func (f *pdfFont) simpleUnicode(code uint32) (string, bool) {
	if n := f.glyphName(code); n != "" {
		return unicodeOfName(n)
	}
	switch f.baseEnc {
	case "WinAnsiEncoding", "MacRomanEncoding", "StandardEncoding", "MacExpertEncoding", "built-in":
		if code < 32 || code > 255 {
			return "", false
		}
		if f.baseEnc == "MacRomanEncoding" {
			return string(charmap.Macintosh.DecodeByte(byte(code))), true
		}
		if r := charmap.Windows1252.DecodeByte(byte(code)); r != 0xFFFD && !(r >= 0x80 && r < 0xA0) {
			return string(r), true
		}
		return "•", true // unused WinAnsi codes show the bullet (ISO 32000-1, D.2, note 6)
	}
	return "", false
}

var uniName = regexp.MustCompile(`^(?:uni([0-9A-F]{4})|u([0-9A-F]{4,6}))$`)

func unicodeOfName(n string) (string, bool) {
	if m := uniName.FindStringSubmatch(n); m != nil {
		h := m[1] + m[2]
		var r rune
		for _, c := range h {
			r = r<<4 | rune(strings.IndexRune("0123456789ABCDEF", c))
		}
		return string(r), true
	}
	if len(n) == 1 && (n[0] >= 'a' && n[0] <= 'z' || n[0] >= 'A' && n[0] <= 'Z') {
		return n, true
	}
	if n == "space" {
		return " ", true
	}
	return "", false
}

// unicode returns the text of one code: its ToUnicode entry, else what the
// encoding says; ok is false when neither tells.
func (f *pdfFont) unicode(code uint32) (string, bool) {
	if u, ok := f.toUni[code]; ok {
		return string(utf16.Decode(u)), true
	}
	if f.subtype == "Type0" {
		return "", false
	}
	return f.simpleUnicode(code)
}

// decode returns the text of shown codes; a code without a character
// reads as U+FFFD.
func (f *pdfFont) decode(codes []uint32) string {
	var b strings.Builder
	for _, c := range codes {
		if u, ok := f.unicode(c); ok {
			b.WriteString(u)
		} else {
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}

// parseToUnicode reads a ToUnicode CMap's bfchar and bfrange entries.
func parseToUnicode(cm []byte) map[uint32][]uint16 {
	m := map[uint32][]uint16{}
	code := func(b str) uint32 {
		var c uint32
		for _, x := range b {
			c = c<<8 | uint32(x)
		}
		return c
	}
	units := func(b str) []uint16 {
		u := make([]uint16, 0, len(b)/2)
		for i := 0; i+1 < len(b); i += 2 {
			u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
		}
		if len(b)%2 == 1 { // a one-byte destination
			u = append(u, uint16(b[len(b)-1]))
		}
		return u
	}
	for _, o := range ops(cm) {
		switch o.name {
		case "endbfchar":
			for i := 0; i+1 < len(o.args); i += 2 {
				src, ok1 := o.args[i].(str)
				dst, ok2 := o.args[i+1].(str)
				if ok1 && ok2 {
					m[code(src)] = units(dst)
				} else if n, ok := o.args[i+1].(name); ok1 && ok { // a glyph name destination
					if u, ok := unicodeOfName(string(n)); ok {
						m[code(src)] = utf16.Encode([]rune(u))
					}
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(o.args); i += 3 {
				lo, ok1 := o.args[i].(str)
				hi, ok2 := o.args[i+1].(str)
				if !ok1 || !ok2 || code(hi) < code(lo) || code(hi)-code(lo) > 1<<16 {
					continue
				}
				switch dst := o.args[i+2].(type) {
				case str:
					base := units(dst)
					for c := code(lo); c <= code(hi); c++ {
						u := slices.Clone(base)
						if len(u) > 0 {
							u[len(u)-1] += uint16(c - code(lo))
						}
						m[c] = u
					}
				case array:
					for j, v := range dst {
						if s, ok := v.(str); ok && code(lo)+uint32(j) <= code(hi) {
							m[code(lo)+uint32(j)] = units(s)
						}
					}
				}
			}
		}
	}
	return m
}

// widthOf returns the width the font dictionary gives a code, in
// thousandths of a text unit.
func (f *pdfFont) widthOf(code uint32) (float64, bool) {
	if f.subtype == "Type0" {
		if w, ok := f.w[int(code)]; ok {
			return w, true
		}
		return f.dw, true
	}
	i := int(code) - f.firstChar
	if i < 0 || i >= len(f.widths) {
		return 0, false
	}
	return f.widths[i], true
}

// programWidth returns a glyph's advance in the embedded font program, in
// thousandths of an em.
func (f *pdfFont) programWidth(gid int) (float64, bool) {
	if f.prog == nil || gid >= f.prog.NumGlyphs() {
		return 0, false
	}
	var buf sfnt.Buffer
	upem := f.prog.UnitsPerEm()
	adv, err := f.prog.GlyphAdvance(&buf, sfnt.GlyphIndex(gid), fixed.I(int(upem)), font.HintingNone)
	if err != nil {
		return 0, false
	}
	return float64(adv) / 64 * 1000 / float64(upem), true
}

// predefinedOrdering reports whether a CIDFont's character collection is
// one of Adobe's, whose CIDs have known characters without a ToUnicode
// map (ISO 14289-1, 7.21.7).
func (f *pdfFont) predefinedOrdering() bool {
	switch f.ordering {
	case "Adobe-GB1", "Adobe-CNS1", "Adobe-Japan1", "Adobe-Korea1":
		return true
	}
	return false
}

// checkFonts runs the font rules (7.21) on the codes each font showed.
func (d *doc) checkFonts() {
	for _, f := range d.fontOrder {
		w := f.where()
		anyRendered := len(f.rendered) > 0
		// 7.21.4.1-1: embedded font programs.
		if anyRendered && f.subtype != "Type3" && !f.embedded {
			what := "font"
			if f.subtype == "Type0" {
				what = "CIDFont " + f.cidSub
			}
			d.fail("7.21.4.1-1", w, "the %s program is not embedded", what)
		}
		// 7.21.3.2-1: CIDToGIDMap of embedded CIDFontType2 fonts.
		if f.subtype == "Type0" && f.cidSub == "CIDFontType2" && f.embedded && !f.hasC2G {
			d.fail("7.21.3.2-1", w, "the CIDFontType2 font has no /CIDToGIDMap")
		}
		var noUnicode, badUnicode, notdef, missing, badWidth []string
		for _, c := range f.shown {
			hex := fmt.Sprintf("<%0*X>", f.codeDigits(), c)
			u, hasU := f.toUni[c]
			switch {
			case hasU:
				for _, x := range u {
					if x == 0 || x == 0xFEFF || x == 0xFFFE {
						badUnicode = append(badUnicode, fmt.Sprintf("%s→U+%04X", hex, x))
						break
					}
				}
			case f.subtype == "Type0" && f.predefinedOrdering():
			case f.subtype != "Type0":
				if _, ok := f.simpleUnicode(c); !ok {
					noUnicode = append(noUnicode, hex)
				}
			default:
				noUnicode = append(noUnicode, hex)
			}
			gid, known := f.glyph(c)
			if (known && gid == 0) || f.glyphName(c) == ".notdef" {
				notdef = append(notdef, hex)
				continue
			}
			if !f.rendered[c] || !known {
				continue
			}
			if f.prog != nil && gid >= f.prog.NumGlyphs() {
				missing = append(missing, fmt.Sprintf("%s (glyph %d of %d)", hex, gid, f.prog.NumGlyphs()))
				continue
			}
			dictW, ok1 := f.widthOf(c)
			progW, ok2 := f.programWidth(gid)
			if ok1 && ok2 && math.Abs(dictW-progW) > 1 {
				badWidth = append(badWidth, fmt.Sprintf("%s %g in the dictionary, %.0f in the program", hex, dictW, progW))
			}
		}
		if len(noUnicode) > 0 {
			why := "is not in its ToUnicode map"
			if !f.hasToUnicode {
				why = "has no Unicode value (no ToUnicode map)"
			}
			d.fail("7.21.7-1", w, "%s %s", list("code", noUnicode), why)
		}
		if len(badUnicode) > 0 {
			d.fail("7.21.7-2", w, "ToUnicode maps %s: values must not be 0, U+FEFF or U+FFFE", strings.Join(firstFew(badUnicode), ", "))
		}
		if len(notdef) > 0 {
			d.fail("7.21.8-1", w, "%s shown by a text operator select(s) the .notdef glyph", list("code", notdef))
		}
		if len(missing) > 0 {
			d.fail("7.21.4.1-2", w, "%s select(s) a glyph the embedded font program lacks", list("code", missing))
		}
		if len(badWidth) > 0 {
			d.fail("7.21.5-1", w, "glyph widths differ between the font dictionary and the font program: %s", strings.Join(firstFew(badWidth), "; "))
		}
	}
}

func (f *pdfFont) codeDigits() int {
	if f.subtype == "Type0" {
		return 4
	}
	return 2
}

func firstFew(s []string) []string {
	if len(s) > 8 {
		return append(slices.Clone(s[:8]), fmt.Sprintf("… (%d in all)", len(s)))
	}
	return s
}

func list(what string, s []string) string {
	if len(s) == 1 {
		return what + " " + s[0]
	}
	return what + "s " + strings.Join(firstFew(s), ", ")
}
