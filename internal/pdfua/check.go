package pdfua

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Failure is one broken rule: Rule is the veraPDF rule id ("7.1-3") or
// one of this package's own ids ("parent-tree-1"), Where names the page,
// structure element, font or annotation, and Msg says what is wrong.
type Failure struct {
	Rule  string
	Where string
	Msg   string
}

func (f Failure) String() string { return f.Rule + " " + f.Where + ": " + f.Msg }

// Check returns the PDF/UA-1 rules pdf breaks, ordered by rule id, then
// by where they were found. An empty result means every rule this package
// checks holds; see the package documentation for which those are.
// A file pdfcpu cannot read gives one failure with the rule "read".
func Check(pdf []byte) []Failure {
	d, err := read(pdf)
	if err != nil {
		return []Failure{{Rule: "read", Where: "file", Msg: err.Error()}}
	}
	d.checkHeader()
	d.checkCatalog()
	d.checkMetadata()
	d.loadStruct()
	d.checkStruct()
	d.content()
	d.checkParentTree()
	d.checkAnnots()
	d.checkFonts()
	slices.SortStableFunc(d.fails, func(a, b Failure) int { return compareRules(a.Rule, b.Rule) })
	return d.fails
}

var digits = regexp.MustCompile(`\d+|\D+`)

// compareRules orders rule ids by their numbers ("7.2-9" before
// "7.2-10"); this package's own ids, which start with a letter, come last.
func compareRules(a, b string) int {
	la, lb := a != "" && (a[0] < '0' || a[0] > '9'), b != "" && (b[0] < '0' || b[0] > '9')
	if la != lb {
		if la {
			return 1
		}
		return -1
	}
	pa, pb := digits.FindAllString(a, -1), digits.FindAllString(b, -1)
	for i := 0; i < len(pa) && i < len(pb); i++ {
		na, ea := strconv.Atoi(pa[i])
		nb, eb := strconv.Atoi(pb[i])
		if ea == nil && eb == nil {
			if na != nb {
				return na - nb
			}
			continue
		}
		if c := strings.Compare(pa[i], pb[i]); c != 0 {
			return c
		}
	}
	return len(pa) - len(pb)
}

var header = regexp.MustCompile(`^%PDF-1\.[0-7](\r\n|\r|\n)`)

// checkHeader: 6.1-1.
func (d *doc) checkHeader() {
	if !header.Match(d.raw) {
		h, _, _ := bytes.Cut(d.raw[:min(len(d.raw), 16)], []byte("\n"))
		d.fail("6.1-1", "file header", "the header %q is not %%PDF-1.n (n from 0 to 7) followed by an end of line", h)
	}
}

// checkCatalog: 6.2-1, 7.1-4, 7.1-10, 7.1-11 and the catalog's /Lang
// (7.2-29).
func (d *doc) checkCatalog() {
	mi := d.dict(d.catalog["MarkInfo"])
	if marked, _ := d.boolean(mi["Marked"]); !marked {
		if mi == nil {
			d.fail("6.2-1", "catalog", "no /MarkInfo dictionary (with /Marked true)")
		} else {
			d.fail("6.2-1", "catalog", "/MarkInfo /Marked is not true")
		}
	}
	if s, _ := d.boolean(mi["Suspects"]); s {
		d.fail("7.1-4", "catalog", "/MarkInfo /Suspects is true")
	}
	vp := d.dict(d.catalog["ViewerPreferences"])
	if t, _ := d.boolean(vp["DisplayDocTitle"]); !t {
		if vp == nil {
			d.fail("7.1-10", "catalog", "no /ViewerPreferences dictionary (with /DisplayDocTitle true)")
		} else {
			d.fail("7.1-10", "catalog", "/ViewerPreferences /DisplayDocTitle is not true")
		}
	}
	if d.dict(d.catalog["StructTreeRoot"]) == nil {
		d.fail("7.1-11", "catalog", "no /StructTreeRoot")
	}
	d.checkLang(d.catalog["Lang"], "catalog")
}

// The XMP namespaces the rules name.
const (
	nsPDFUAID = "http://www.aiim.org/pdfua/ns/id/"
	nsDC      = "http://purl.org/dc/elements/1.1/"
)

// checkMetadata: 7.1-8 (the catalog's metadata stream), and, when there is
// one, 5-1 to 5-5 (PDF/UA identification) and 7.1-9 (dc:title).
func (d *doc) checkMetadata() {
	ref := d.catalog["Metadata"]
	md, data, ok := d.stream(ref)
	if !ok {
		d.fail("7.1-8", "catalog", "no /Metadata stream: the XMP metadata carries the title (7.1-9) and the PDF/UA identification (5-1)")
		return
	}
	if d.name(md["Type"]) != "Metadata" || d.name(md["Subtype"]) != "XML" {
		d.fail("7.1-8", "catalog /Metadata", "the metadata stream needs /Type /Metadata and /Subtype /XML (has %v and %v)", md["Type"], md["Subtype"])
	}
	x := parseXMP(data)
	const w = "XMP metadata"
	if x.err != nil {
		d.fail("5-1", w, "the metadata does not parse as XML: %v", x.err)
		return
	}
	if len(x.uaid) == 0 {
		d.fail("5-1", w, "no PDF/UA identification (pdfuaid:part in namespace %s)", nsPDFUAID)
	} else {
		part := x.uaid["part"]
		if strings.TrimSpace(part.value) != "1" {
			if part.prefix == "" {
				d.fail("5-2", w, "the PDF/UA identification has no part")
			} else {
				d.fail("5-2", w, "%s:part is %q, not 1", part.prefix, part.value)
			}
		}
		for _, p := range []struct{ rule, key string }{{"5-3", "part"}, {"5-4", "amd"}, {"5-5", "corr"}} {
			if v, ok := x.uaid[p.key]; ok && v.prefix != "pdfuaid" {
				d.fail(p.rule, w, "the PDF/UA identification's %s has the prefix %q, not pdfuaid", p.key, v.prefix)
			}
		}
	}
	if strings.TrimSpace(x.title) == "" {
		d.fail("7.1-9", w, "no dc:title")
	}
}

type xmpProp struct{ prefix, value string }

type xmpInfo struct {
	uaid  map[string]xmpProp // pdfuaid properties by local name
	title string             // the text of dc:title
	err   error
}

// parseXMP reads the PDF/UA identification and dc:title from an XMP
// packet, keeping the prefixes the file writes (encoding/xml resolves
// them away, so the namespaces are tracked here).
func parseXMP(data []byte) xmpInfo {
	x := xmpInfo{uaid: map[string]xmpProp{}}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	type scope map[string]string
	var scopes []scope
	resolve := func(prefix string) string {
		for i := len(scopes) - 1; i >= 0; i-- {
			if u, ok := scopes[i][prefix]; ok {
				return u
			}
		}
		return ""
	}
	var open []xmpProp // pdfuaid properties being read as elements
	var openNS []string
	inTitle := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return x
		}
		if err != nil {
			x.err = err
			return x
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s := scope{}
			for _, a := range t.Attr {
				switch {
				case a.Name.Space == "xmlns":
					s[a.Name.Local] = a.Value
				case a.Name.Space == "" && a.Name.Local == "xmlns":
					s[""] = a.Value
				}
			}
			scopes = append(scopes, s)
			for _, a := range t.Attr {
				if a.Name.Space != "" && a.Name.Space != "xmlns" && resolve(a.Name.Space) == nsPDFUAID {
					x.uaid[a.Name.Local] = xmpProp{a.Name.Space, a.Value}
				}
			}
			ns := resolve(t.Name.Space)
			openNS = append(openNS, ns)
			if ns == nsPDFUAID {
				open = append(open, xmpProp{prefix: t.Name.Space})
				x.uaid[t.Name.Local] = xmpProp{prefix: t.Name.Space}
			}
			if ns == nsDC && t.Name.Local == "title" {
				inTitle++
			}
		case xml.CharData:
			if inTitle > 0 {
				x.title += string(t)
			}
			if n := len(open); n > 0 && len(openNS) > 0 && openNS[len(openNS)-1] == nsPDFUAID {
				open[n-1].value += string(t)
			}
		case xml.EndElement:
			if len(openNS) == 0 {
				continue
			}
			ns := openNS[len(openNS)-1]
			openNS = openNS[:len(openNS)-1]
			if ns == nsPDFUAID && len(open) > 0 {
				p := open[len(open)-1]
				open = open[:len(open)-1]
				x.uaid[t.Name.Local] = xmpProp{p.prefix, strings.TrimSpace(p.value)}
			}
			if ns == nsDC && t.Name.Local == "title" {
				inTitle--
			}
			scopes = scopes[:len(scopes)-1]
		}
	}
}

// checkParentTree holds the parent tree and the structure tree to each
// other (ISO 32000-1, 14.7.4.4), which the veraPDF rules rely on without
// naming: parent-tree-1, an MCID in the content that the parent tree does
// not lead to the element listing it; parent-tree-2, an element's marked
// content reference to an MCID its page does not have (or that the parent
// tree gives to another element); parent-tree-3, an MCID used twice on a
// page; parent-tree-4, an object reference (OBJR) whose object's
// /StructParent does not lead back to the element.
func (d *doc) checkParentTree() {
	if d.root == nil {
		return
	}
	for _, p := range d.pages {
		for _, k := range p.mcOrder {
			seq := p.mc[k]
			w := fmt.Sprintf("page %d, MCID %d", p.n, k.mcid)
			if k.stream != 0 {
				w += fmt.Sprintf(" in form XObject %d 0 R", k.stream)
			}
			if seq.count > 1 {
				d.fail("parent-tree-3", w, "%d marked-content sequences carry this MCID", seq.count)
			}
			e := d.elemByObj[seq.owner]
			switch {
			case !seq.hasSP:
				d.fail("parent-tree-1", w, "the %s sequence has an MCID, but its page (or form) has no /StructParents", seq.tag)
			case seq.owner == 0:
				d.fail("parent-tree-1", w, "the ParentTree has no element for this MCID")
			case e == nil:
				d.fail("parent-tree-1", w, "the ParentTree gives this MCID to %d 0 R, which is not in the structure tree", seq.owner)
			case !slices.ContainsFunc(e.kids, func(c kid) bool {
				return c.mcid == k.mcid && c.pg == p.obj && c.stm == k.stream
			}):
				d.fail("parent-tree-1", w, "the ParentTree gives this MCID to %s, whose /K does not list it for this page", e.where())
			}
		}
	}
	for _, e := range d.elems {
		for _, k := range e.kids {
			switch {
			case k.mcid >= 0:
				p := d.pageByObj[k.pg]
				if p == nil {
					d.fail("parent-tree-2", e.where(), "marked-content reference to MCID %d has no page (/Pg on it or an ancestor)", k.mcid)
					continue
				}
				seq := p.seq(k)
				if seq == nil {
					d.fail("parent-tree-2", e.where(), "refers to MCID %d, which page %d's content does not have", k.mcid, p.n)
				} else if seq.owner != 0 && seq.owner != e.obj {
					d.fail("parent-tree-2", e.where(), "refers to MCID %d on page %d, which the ParentTree gives to %d 0 R", k.mcid, p.n, seq.owner)
				}
			case k.objr != 0:
				od := d.dict(*types.NewIndirectRef(k.objr, 0))
				if od == nil || od["Rect"] == nil { // only annotations have /StructParent
					continue
				}
				sp, ok := d.integer(od["StructParent"])
				if !ok {
					d.fail("parent-tree-4", e.where(), "the annotation %d 0 R it refers to has no /StructParent", k.objr)
				} else if got := objNr(d.parentTree[sp]); got != e.obj {
					d.fail("parent-tree-4", e.where(), "the annotation %d 0 R it refers to has /StructParent %d, which the ParentTree gives to %s", k.objr, sp, refDesc(got))
				}
			}
		}
	}
}

func refDesc(nr int) string {
	if nr == 0 {
		return "nothing"
	}
	return fmt.Sprintf("%d 0 R", nr)
}

// checkAnnots: 7.18.3-1 (tab order), 7.18.5-1 and 7.18.5-2 (links),
// 7.18.1-1 and 7.18.1-2 (other annotations), 7.2-24 (the language of
// /Contents).
func (d *doc) checkAnnots() {
	for _, p := range d.pages {
		annots := d.array(p.dict["Annots"])
		if len(annots) > 0 && d.name(p.dict["Tabs"]) != "S" {
			tabs := "absent"
			if t := p.dict["Tabs"]; t != nil {
				tabs = t.String()
			}
			d.fail("7.18.3-1", p.where(), "the page has annotations but /Tabs is %s, not /S", tabs)
		}
		for i, a := range annots {
			ad := d.dict(a)
			if ad == nil {
				continue
			}
			sub := d.name(ad["Subtype"])
			w := fmt.Sprintf("page %d, %s annotation %d (%s)", p.n, sub, i+1, refDesc(objNr(a)))
			if flags, _ := d.integer(ad["F"]); flags&2 != 0 || d.outside(p, ad) {
				continue // hidden or off the page: exempt
			}
			var parent *elem
			var parentStd, parentDesc string
			sp, hasSP := d.integer(ad["StructParent"])
			if hasSP {
				pr := d.parentTree[sp]
				parent = d.elemByObj[objNr(pr)]
				if parent != nil {
					parentStd, parentDesc = parent.std, parent.where()
				} else if pd := d.dict(pr); pd != nil {
					parentStd, _ = d.standardType(d.name(pd["S"]))
					parentDesc = fmt.Sprintf("%s (%s), outside the structure tree", d.name(pd["S"]), refDesc(objNr(pr)))
				}
			}
			contents, _ := d.text(ad["Contents"])
			switch sub {
			case "Link":
				switch {
				case !hasSP:
					d.fail("7.18.5-1", w, "the link has no /StructParent, so no Link element holds it")
				case parentDesc == "":
					d.fail("7.18.5-1", w, "the link's /StructParent %d leads to no structure element in the ParentTree", sp)
				case parentStd != "Link":
					d.fail("7.18.5-1", w, "the link belongs to %s, not to a Link element", parentDesc)
				case parent != nil && !slices.ContainsFunc(parent.kids, func(k kid) bool { return k.objr == objNr(a) }):
					d.fail("parent-tree-4", w, "the link's /StructParent leads to %s, which has no OBJR for it", parentDesc)
				}
				if contents == "" {
					d.fail("7.18.5-2", w, "the link has no /Contents (its alternate description)")
				}
			case "Widget", "PrinterMark":
			default:
				if parentStd != "Annot" {
					d.fail("7.18.1-1", w, "the annotation is not nested in an Annot element")
				}
				alt := ""
				if parent != nil {
					alt, _ = d.text(parent.dict["Alt"])
				}
				if contents == "" && alt == "" {
					d.fail("7.18.1-2", w, "the annotation has neither /Contents nor an /Alt on its element")
				}
			}
			if ad["Contents"] != nil && !d.catalogLang() {
				if _, ok := d.langOf(parent); !ok && ad["Lang"] == nil {
					d.fail("7.2-24", w, "the language of /Contents cannot be determined")
				}
			}
		}
	}
}

// outside reports whether an annotation's rectangle lies wholly outside
// the page's crop box.
func (d *doc) outside(p *page, ad types.Dict) bool {
	r := d.array(ad["Rect"])
	if len(r) != 4 || p.crop == [4]float64{} {
		return false
	}
	var v [4]float64
	for i := range 4 {
		v[i], _ = d.number(r[i])
	}
	x0, x1 := min(v[0], v[2]), max(v[0], v[2])
	y0, y1 := min(v[1], v[3]), max(v[1], v[3])
	c := p.crop
	cx0, cx1 := min(c[0], c[2]), max(c[0], c[2])
	cy0, cy1 := min(c[1], c[3]), max(c[1], c[3])
	return x1 < cx0 || x0 > cx1 || y1 < cy0 || y0 > cy1
}
