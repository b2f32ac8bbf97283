package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
)

// Text is drawn with fonts this package embeds itself, not with fpdf's: fpdf
// parses every face anew for each document (and builds a 65,536-entry width
// table and glyph map per face), which made font handling most of the time
// of a render. Here each face's file is read once per process (programs),
// the drawer shows glyph ids through fpdf's raw content stream, and finish
// adds the fonts, subset to the glyphs a document used, when fpdf is done.

// programs holds every face's font file, parsed once per process.
var programs = sync.OnceValues(func() (map[faceID]*program, error) {
	m := map[faceID]*program{}
	for _, fc := range faces {
		p, err := parseProgram(fc.data, fc.psName)
		if err != nil {
			return nil, fmt.Errorf("font %s: %w", fc.psName, err)
		}
		m[faceKey(fc.family, fc.style)] = p
	}
	return m, nil
})

// docFont is a face as one document uses it: its resource name and the
// glyphs drawn, with the characters each shows (for copy and paste): one,
// or a ligature's several.
type docFont struct {
	res  string
	id   faceID
	prog *program
	used map[uint16]string
}

// docFonts are the faces a document draws with, in the order first used.
type docFonts struct {
	byKey map[faceID]*docFont
	order []*docFont
}

func (fs *docFonts) get(family, style string) (*docFont, error) {
	key := faceKey(family, style)
	if f := fs.byKey[key]; f != nil {
		return f, nil
	}
	progs, err := programs()
	if err != nil {
		return nil, err
	}
	prog := progs[key]
	if prog == nil {
		return nil, fmt.Errorf("no font for %s", key)
	}
	if fs.byKey == nil {
		fs.byKey = map[faceID]*docFont{}
	}
	f := &docFont{res: "PF" + strconv.Itoa(len(fs.order)+1), id: key, prog: prog, used: map[uint16]string{}}
	fs.byKey[key] = f
	fs.order = append(fs.order, f)
	return f, nil
}

// showText draws text in one face on the line whose top is y and whose
// height is lead, from x, or right-aligned in width w; link makes it
// clickable. The baseline is where fpdf's cells put it.
func (d *drawer) showText(family, style string, size float64, color rgb, x, y, w, lead float64, text, link string, alignRight bool) error {
	f, err := d.fonts.get(family, style)
	if err != nil {
		return err
	}
	// The width is wanted only to align the text right or to size its
	// link: a run drawn from the left is not measured again.
	var width float64
	if alignRight || link != "" {
		width = stringWidth(family, style, d.meta.Language, size, text)
	}
	if alignRight {
		x += w - width
	}
	shown, err := f.encode(d.meta.Language, size, text)
	if err != nil || shown == "" {
		return err
	}
	_, h := d.pdf.GetPageSize()
	base := h - (y + lead/2 + 0.3*size)
	d.pdf.RawWriteStr(fmt.Sprintf("q %.3f %.3f %.3f rg BT /%s %.2f Tf %.2f %.2f Td %s ET Q",
		float64(color.r)/255, float64(color.g)/255, float64(color.b)/255,
		f.res, size, x, base, shown))
	if link != "" {
		d.addLink(x, y, width, lead, link)
	}
	return nil
}

// objects returns the PDF objects of the font, numbered from first: the
// Type0 font (first), its CID font, descriptor, font file and ToUnicode map.
func (f *docFont) objects(first int) [][]byte {
	gids := make([]uint16, 0, len(f.used))
	for g := range f.used {
		gids = append(gids, g)
	}
	slices.Sort(gids)
	name := subsetTag(f.prog.name, gids) + "+" + f.prog.name
	file := f.prog.subset(gids)

	flags := 4 // symbolic: glyphs are chosen by id
	if f.id.family == serif {
		flags |= 2
	}
	if strings.Contains(f.id.style, "I") {
		flags |= 64
	}
	stemV := 80
	if strings.Contains(f.prog.name, "Bold") {
		stemV = 140
	}
	p := f.prog
	objs := [][]byte{
		fmt.Appendf(nil, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>",
			name, first+1, first+4),
		fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW 500 /W %s /CIDToGIDMap /Identity>>",
			name, first+2, widthArray(gids, f.prog.advance)),
		fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %d 0 R>>",
			name, flags, p.bbox[0], p.bbox[1], p.bbox[2], p.bbox[3], strconv.FormatFloat(p.italicAngle, 'f', -1, 64),
			p.ascent, p.descent, p.capHeight, stemV, first+3),
		stream(file, fmt.Sprintf("/Length1 %d", len(file))),
		stream(toUnicode(gids, f.used), ""),
	}
	return objs
}

// subsetTag is the six capital letters that mark a subset font's name,
// derived from the glyphs it holds so the same document gives the same name.
func subsetTag(name string, gids []uint16) string {
	h := sha256.New()
	h.Write([]byte(name))
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

// widthArray writes the /W array: runs of consecutive glyph ids share one
// bracket.
func widthArray(gids []uint16, width func(uint16) int32) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; i < len(gids); {
		j := i + 1
		for j < len(gids) && gids[j] == gids[j-1]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d [", gids[i])
		for k := i; k < j; k++ {
			if k > i {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(int(width(gids[k]))))
		}
		b.WriteString("] ")
		i = j
	}
	b.WriteByte(']')
	return b.String()
}

// toUnicode writes the CMap that maps each glyph id back to its characters,
// so text copied from the PDF is the text written: a ligature's glyph
// maps to all of its characters.
func toUnicode(gids []uint16, used map[uint16]string) []byte {
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(gids); i += 100 {
		chunk := gids[i:min(i+100, len(gids))]
		fmt.Fprintf(&b, "%d beginbfchar\n", len(chunk))
		for _, g := range chunk {
			fmt.Fprintf(&b, "<%04X> <", g)
			for _, u := range utf16.Encode([]rune(used[g])) {
				fmt.Fprintf(&b, "%04X", u)
			}
			b.WriteString(">\n")
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return b.Bytes()
}

// compressor is one zlib writer for the process: a new one allocates most
// of a megabyte, and the streams are small enough that documents rendered
// at the same time can take turns.
var compressor struct {
	sync.Mutex
	w *zlib.Writer
}

// stream returns a compressed stream object with extra dictionary entries.
func stream(data []byte, extra string) []byte {
	var z bytes.Buffer
	z.Grow(len(data)/3 + 64)
	compressor.Lock()
	if compressor.w == nil {
		compressor.w, _ = zlib.NewWriterLevel(&z, zlib.BestSpeed)
	} else {
		compressor.w.Reset(&z)
	}
	compressor.w.Write(data)
	compressor.w.Close()
	compressor.Unlock()
	if extra != "" {
		extra = " " + extra
	}
	out := fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d%s>>\nstream\n", z.Len(), extra)
	out = append(out, z.Bytes()...)
	return append(out, "\nendstream"...)
}
