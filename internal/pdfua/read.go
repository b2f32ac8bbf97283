package pdfua

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"github.com/propose-cli/propose/internal/pdftext"
)

// doc is a PDF read for checking: its catalog, pages and structure tree,
// with pdfcpu resolving the objects.
type doc struct {
	x       *model.XRefTable
	raw     []byte
	catalog types.Dict

	pages     []*page
	pageByObj map[int]*page

	root       types.Dict // the StructTreeRoot, nil when absent
	rootObj    int
	roleMap    map[string]string
	classMap   types.Dict
	parentTree map[int]types.Object

	elems     []*elem // document (depth-first) order
	elemByObj map[int]*elem

	fonts     map[int]*pdfFont // by object number (negative: direct dictionaries)
	fontOrder []*pdfFont       // in the order first used

	fails []Failure
}

// page is one page and what reading its content found.
type page struct {
	n    int // 1-based
	obj  int
	dict types.Dict
	res  types.Dict
	crop [4]float64

	mc      map[mcKey]*mcSeq // marked-content sequences with an MCID
	mcOrder []mcKey          // in content order
	text    []string         // shown text outside artifacts, in content order
}

// seq returns the marked-content sequence a marked-content reference k
// on this page refers to, or nil. An MCID in a form XObject without
// /StructParents of its own is numbered as the page's.
func (p *page) seq(k kid) *mcSeq {
	if seq := p.mc[mcKey{k.stm, k.mcid}]; seq != nil || k.stm == 0 {
		return seq
	}
	return p.mc[mcKey{0, k.mcid}]
}

// mcKey names an MCID: stream is 0 for the page's content, or the object
// number of the form XObject (with /StructParents) that holds it.
type mcKey struct{ stream, mcid int }

// mcSeq is a marked-content sequence with an MCID, as the content has it.
type mcSeq struct {
	count int      // how many sequences carry this MCID (more than one is an error)
	tag   string   // the BDC tag
	text  []string // the text shown inside it (innermost MCID only)
	owner int      // the ParentTree's element for it (object number), 0 if none
	hasSP bool     // its page (or form) has /StructParents
}

// read parses pdf with pdfcpu without validating or repairing it, then
// loads the page tree and the structure tree.
func read(pdf []byte) (*doc, error) {
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, fmt.Errorf("read pdf: %w", err)
	}
	d := &doc{x: ctx.XRefTable, raw: pdf, pageByObj: map[int]*page{}, elemByObj: map[int]*elem{}, fonts: map[int]*pdfFont{}}
	d.catalog = d.dict(ctx.XRefTable.Root)
	if d.catalog == nil {
		return nil, errors.New("read pdf: no catalog")
	}
	d.loadPages(d.catalog["Pages"], nil, nil, nil, map[int]bool{})
	return d, nil
}

// fail records a failure of rule at where.
func (d *doc) fail(rule, where, format string, args ...any) {
	d.fails = append(d.fails, Failure{Rule: rule, Where: where, Msg: fmt.Sprintf(format, args...)})
}

// objNr returns the object number o refers to, or 0 for a direct object.
func objNr(o types.Object) int {
	if r, ok := o.(types.IndirectRef); ok {
		return r.ObjectNumber.Value()
	}
	if r, ok := o.(*types.IndirectRef); ok && r != nil {
		return r.ObjectNumber.Value()
	}
	return 0
}

// obj resolves references (a chain of them, too).
func (d *doc) obj(o types.Object) types.Object {
	for range 8 {
		if r, ok := o.(*types.IndirectRef); ok && r != nil {
			o = *r
		}
		if _, ok := o.(types.IndirectRef); !ok {
			return o
		}
		v, err := d.x.Dereference(o)
		if err != nil {
			return nil
		}
		o = v
	}
	return nil
}

func (d *doc) dict(o types.Object) types.Dict {
	switch v := d.obj(o).(type) {
	case types.Dict:
		return v
	case types.StreamDict:
		return v.Dict
	case *types.StreamDict:
		return v.Dict
	}
	return nil
}

func (d *doc) array(o types.Object) types.Array {
	a, _ := d.obj(o).(types.Array)
	return a
}

func (d *doc) name(o types.Object) string {
	n, _ := d.obj(o).(types.Name)
	return string(n)
}

func (d *doc) integer(o types.Object) (int, bool) {
	switch v := d.obj(o).(type) {
	case types.Integer:
		return int(v), true
	case types.Float:
		if float64(v) == float64(int(v)) {
			return int(v), true
		}
	}
	return 0, false
}

func (d *doc) number(o types.Object) (float64, bool) {
	switch v := d.obj(o).(type) {
	case types.Integer:
		return float64(v), true
	case types.Float:
		return float64(v), true
	}
	return 0, false
}

func (d *doc) boolean(o types.Object) (value, ok bool) {
	b, ok := d.obj(o).(types.Boolean)
	return bool(b), ok
}

// bytesOf returns the bytes of a string object.
func (d *doc) bytesOf(o types.Object) ([]byte, bool) {
	switch v := d.obj(o).(type) {
	case types.StringLiteral:
		b, err := types.Unescape(v.Value())
		return b, err == nil
	case types.HexLiteral:
		b, err := v.Bytes()
		return b, err == nil
	}
	return nil, false
}

// text returns a text string (PDFDocEncoding or UTF-16BE) as UTF-8; ok is
// false when o is not a string.
func (d *doc) text(o types.Object) (string, bool) {
	b, ok := d.bytesOf(o)
	if !ok {
		return "", false
	}
	return textString(b), true
}

// stream returns the decoded content of a stream object.
func (d *doc) stream(o types.Object) (types.Dict, []byte, bool) {
	o = d.obj(o)
	var sd types.StreamDict
	switch v := o.(type) {
	case types.StreamDict:
		sd = v
	case *types.StreamDict:
		sd = *v
	default:
		return nil, nil, false
	}
	if err := sd.Decode(); err != nil {
		return sd.Dict, nil, false
	}
	return sd.Dict, sd.Content, true
}

// loadPages walks the page tree, passing down the inheritable attributes.
func (d *doc) loadPages(node types.Object, res types.Dict, media, crop types.Object, seen map[int]bool) {
	nr := objNr(node)
	if nr != 0 {
		if seen[nr] {
			return
		}
		seen[nr] = true
	}
	n := d.dict(node)
	if n == nil {
		return
	}
	if r := d.dict(n["Resources"]); r != nil {
		res = r
	}
	if m, ok := n["MediaBox"]; ok {
		media = m
	}
	if c, ok := n["CropBox"]; ok {
		crop = c
	}
	if kids, ok := n["Kids"]; ok && d.name(n["Type"]) != "Page" {
		for _, k := range d.array(kids) {
			d.loadPages(k, res, media, crop, seen)
		}
		return
	}
	p := &page{n: len(d.pages) + 1, obj: nr, dict: n, res: res, mc: map[mcKey]*mcSeq{}}
	box := crop
	if box == nil {
		box = media
	}
	if a := d.array(box); len(a) == 4 {
		for i := range 4 {
			p.crop[i], _ = d.number(a[i])
		}
	}
	d.pages = append(d.pages, p)
	if nr != 0 {
		d.pageByObj[nr] = p
	}
}

// where names a page for a Failure.
func (p *page) where() string { return fmt.Sprintf("page %d", p.n) }

// textString decodes a PDF text string: UTF-16BE with its byte order
// mark, UTF-8 with its mark (PDF 2.0), or PDFDocEncoding.
func textString(b []byte) string {
	if len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF {
		return pdftext.UTF16BE(b[2:])
	}
	if s, ok := bytes.CutPrefix(b, []byte{0xEF, 0xBB, 0xBF}); ok {
		return string(s)
	}
	var sb strings.Builder
	for _, c := range b {
		sb.WriteRune(pdfDocRune(c))
	}
	return sb.String()
}

// pdfDocRune maps a PDFDocEncoding byte to its character (ISO 32000-1,
// Annex D.2); bytes that agree with Latin-1 map to themselves.
func pdfDocRune(c byte) rune {
	switch {
	case c >= 0x18 && c <= 0x1F:
		return []rune{'˘', 'ˇ', 'ˆ', '˙', '˝', '˛', '˚', '˜'}[c-0x18]
	case c >= 0x80 && c <= 0x9E:
		return []rune{'•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘',
			'’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž'}[c-0x80]
	case c == 0xA0:
		return '€'
	}
	return rune(c)
}
