package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
)

// program is a TrueType font file read for embedding: its tables, and what
// the PDF's font dictionaries say about it. It is parsed once per process
// and never changed, so documents rendered at the same time share it.
type program struct {
	tables      map[string][]byte // by tag, slices of the font file
	numGlyphs   int
	unitsPerEm  int
	loca        []uint32 // numGlyphs+1 offsets into glyf
	hmtx        []byte   // the horizontal metrics
	longMetrics int      // how many glyphs hmtx gives an advance of their own

	// Font descriptor values, in thousandths of an em.
	ascent, descent, capHeight int
	bbox                       [4]int
	italicAngle                float64
	name                       string // PostScript-style name, such as NotoSerif-Bold
}

// parseProgram reads the tables of a TrueType (glyf) font.
func parseProgram(data []byte, name string) (*program, error) {
	if len(data) < 12 {
		return nil, errors.New("font file too short")
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if len(data) < 12+16*n {
		return nil, errors.New("font table directory truncated")
	}
	p := &program{tables: map[string][]byte{}, name: name}
	for i := 0; i < n; i++ {
		rec := data[12+16*i:]
		tag := string(rec[:4])
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(data)) {
			return nil, fmt.Errorf("font table %q out of range", tag)
		}
		p.tables[tag] = data[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf"} {
		if p.tables[tag] == nil {
			return nil, fmt.Errorf("font has no %q table (only TrueType outlines can be embedded)", tag)
		}
	}
	head, maxp := p.tables["head"], p.tables["maxp"]
	if len(head) < 54 || len(maxp) < 6 {
		return nil, errors.New("font head or maxp table truncated")
	}
	p.unitsPerEm = int(binary.BigEndian.Uint16(head[18:]))
	p.numGlyphs = int(binary.BigEndian.Uint16(maxp[4:]))
	if p.unitsPerEm == 0 || p.numGlyphs == 0 {
		return nil, errors.New("font has no glyphs or no em size")
	}
	loca := p.tables["loca"]
	p.loca = make([]uint32, p.numGlyphs+1)
	long := binary.BigEndian.Uint16(head[50:]) == 1
	for i := range p.loca {
		switch {
		case long && len(loca) >= 4*i+4:
			p.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		case !long && len(loca) >= 2*i+2:
			p.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		default:
			return nil, errors.New("font loca table truncated")
		}
		if p.loca[i] > uint32(len(p.tables["glyf"])) || (i > 0 && p.loca[i] < p.loca[i-1]) {
			return nil, errors.New("font loca table out of order")
		}
	}

	em := func(v int16) int { return int(v) * 1000 / p.unitsPerEm }
	p.bbox = [4]int{
		em(int16(binary.BigEndian.Uint16(head[36:]))), em(int16(binary.BigEndian.Uint16(head[38:]))),
		em(int16(binary.BigEndian.Uint16(head[40:]))), em(int16(binary.BigEndian.Uint16(head[42:]))),
	}
	hhea := p.tables["hhea"]
	if len(hhea) < 36 {
		return nil, errors.New("font hhea table truncated")
	}
	p.hmtx, p.longMetrics = p.tables["hmtx"], int(binary.BigEndian.Uint16(hhea[34:]))
	p.ascent = em(int16(binary.BigEndian.Uint16(hhea[4:])))
	p.descent = em(int16(binary.BigEndian.Uint16(hhea[6:])))
	p.capHeight = p.ascent * 7 / 10
	if os2 := p.tables["OS/2"]; len(os2) >= 90 && binary.BigEndian.Uint16(os2) >= 2 {
		p.capHeight = em(int16(binary.BigEndian.Uint16(os2[88:])))
	}
	if post := p.tables["post"]; len(post) >= 8 {
		p.italicAngle = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
	}
	return p, nil
}

// glyph returns the outline data of glyph g.
func (p *program) glyph(g uint16) []byte {
	if int(g) >= p.numGlyphs {
		return nil
	}
	return p.tables["glyf"][p.loca[g]:p.loca[g+1]]
}

// advance returns glyph g's advance width in thousandths of an em, as the
// PDF's /W array gives it: a glyph past the last full horizontal metric
// has that metric's advance.
func (p *program) advance(g uint16) int32 {
	i := min(int(g), p.longMetrics-1)
	if i < 0 || 4*i+2 > len(p.hmtx) {
		return 0
	}
	units := int(binary.BigEndian.Uint16(p.hmtx[4*i:]))
	return int32(math.Round(float64(units) * 1000 / float64(p.unitsPerEm)))
}

// components returns the glyphs a composite glyph is built from.
func components(data []byte) []uint16 {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil
	}
	const (
		argsAreWords = 0x0001
		haveScale    = 0x0008
		more         = 0x0020
		haveXYScale  = 0x0040
		have2x2      = 0x0080
	)
	var out []uint16
	for p := 10; p+4 <= len(data); {
		flags := binary.BigEndian.Uint16(data[p:])
		out = append(out, binary.BigEndian.Uint16(data[p+2:]))
		p += 4
		if flags&argsAreWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&more == 0 {
			break
		}
	}
	return out
}

// subset returns a font file with the outlines of the used glyphs (and the
// glyphs they are built from) and empty outlines for all others. Glyph ids
// stay the same, so a PDF can use them as CIDs with an identity map.
func (p *program) subset(used []uint16) []byte {
	keep := map[uint16]bool{}
	var visit func(g uint16)
	visit = func(g uint16) {
		if keep[g] || int(g) >= p.numGlyphs {
			return
		}
		keep[g] = true
		for _, c := range components(p.glyph(g)) {
			visit(c)
		}
	}
	visit(0) // .notdef is always kept
	for _, g := range used {
		visit(g)
	}

	var glyf []byte
	loca := make([]byte, 4*(p.numGlyphs+1))
	for g := 0; g < p.numGlyphs; g++ {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(len(glyf)))
		if keep[uint16(g)] {
			glyf = append(glyf, p.glyph(uint16(g))...)
			for len(glyf)%4 != 0 {
				glyf = append(glyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*p.numGlyphs:], uint32(len(glyf)))

	// Widths come from the PDF's /W array; the unused glyphs' metrics are
	// zeroed so they compress to nothing.
	// (The last full entry stays: later glyphs share its advance.)
	hmtx := slices.Clone(p.tables["hmtx"])
	long := int(binary.BigEndian.Uint16(p.tables["hhea"][34:]))
	for g := 0; g < p.numGlyphs; g++ {
		if keep[uint16(g)] || g == long-1 {
			continue
		}
		at, size := 4*g, 4
		if g >= long {
			at, size = 4*long+2*(g-long), 2
		}
		if at+size <= len(hmtx) {
			clear(hmtx[at : at+size])
		}
	}
	head := slices.Clone(p.tables["head"])
	binary.BigEndian.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	tables := map[string][]byte{
		"head": head, "hhea": p.tables["hhea"], "maxp": p.tables["maxp"], "hmtx": hmtx,
		"loca": loca, "glyf": glyf,
	}
	for _, tag := range []string{"OS/2", "cmap", "post", "cvt ", "fpgm", "prep"} {
		if t := p.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	out := assemble(tables)
	sum := checksum(out)
	binary.BigEndian.PutUint32(out[headOffset(out):][8:], 0xB1B0AFBA-sum)
	return out
}

// layoutFont returns a font file with only what shaping reads: the
// character map, the metrics and the OpenType layout tables, without the
// outlines, whose parsing would take most of the time and memory.
func (p *program) layoutFont() []byte {
	tables := map[string][]byte{}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "cmap", "OS/2", "GDEF", "GSUB", "GPOS"} {
		if t := p.tables[tag]; t != nil {
			tables[tag] = t
		}
	}
	return assemble(tables)
}

// assemble writes a font file from tables, in tag order, each padded to
// four bytes, with a table directory and checksums.
func assemble(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	entrySelector := 0
	for 1<<(entrySelector+1) <= n {
		entrySelector++
	}
	searchRange := 16 << entrySelector
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(searchRange))
	binary.BigEndian.PutUint16(out[8:], uint16(entrySelector))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-searchRange))
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		binary.BigEndian.PutUint32(rec[4:], checksum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

// headOffset finds the head table in an assembled font file.
func headOffset(font []byte) int {
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := 0; i < n; i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) == "head" {
			return int(binary.BigEndian.Uint32(rec[8:]))
		}
	}
	return 0
}

// checksum is the TrueType table checksum: the sum of big-endian uint32s,
// the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
