package pdfua

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// frame is an open marked-content sequence.
type frame struct {
	tag      string
	mcid     int // -1 without one
	key      mcKey
	tagged   bool // the parent tree gives its MCID an element that reaches the root
	owner    int  // that element's object number
	lang     string
	hasLang  bool
	artifact bool
}

// gstate is the part of the graphics state the checks need.
type gstate struct {
	font *pdfFont
	mode int // text rendering mode (Tr)
}

// tally counts the content items of one page that break a rule, keeping
// the first one for the message.
type tally struct {
	n     int
	first string
}

// walker reads the content of one page (and the form XObjects it draws).
type walker struct {
	d      *doc
	p      *page
	stack  []frame
	gs     gstate
	saved  []gstate
	tallys map[string]*tally
	order  []string // rules in the order first broken
	forms  map[int]bool
}

// content reads every page's content: marked content, content items,
// fonts and text.
func (d *doc) content() {
	for _, p := range d.pages {
		w := &walker{d: d, p: p, tallys: map[string]*tally{}, forms: map[int]bool{}}
		sp, hasSP := d.integer(p.dict["StructParents"])
		var data []byte
		contents := p.dict["Contents"]
		if a, ok := d.obj(contents).(types.Array); ok {
			for _, c := range a {
				if _, b, ok := d.stream(c); ok {
					data = append(data, b...)
					data = append(data, '\n')
				}
			}
		} else if _, b, ok := d.stream(contents); ok {
			data = b
		}
		w.run(data, p.res, 0, sp, hasSP, "page content")
		for _, rule := range w.order {
			t := w.tallys[rule]
			d.fail(rule, p.where(), "%s", tallyMsg(rule, t))
		}
	}
}

func tallyMsg(rule string, t *tally) string {
	what := map[string]string{
		"7.1-1":  "artifact(s) inside tagged content",
		"7.1-2":  "tagged marked-content sequence(s) inside an artifact",
		"7.1-3":  "content item(s) neither tagged as real content nor marked as artifact",
		"7.2-34": "text item(s) whose language cannot be determined (no /Lang on the catalog, the marked content or its structure element)",
	}[rule]
	if t.n == 1 {
		return fmt.Sprintf("1 %s: %s", what, t.first)
	}
	return fmt.Sprintf("%d %s; the first: %s", t.n, what, t.first)
}

func (w *walker) count(rule, desc string) {
	t := w.tallys[rule]
	if t == nil {
		t = &tally{first: desc}
		w.tallys[rule] = t
		w.order = append(w.order, rule)
	}
	t.n++
}

// run reads one content stream with its resources. stream is 0 for page
// content, else the form XObject whose own /StructParents (sp) resolves
// its MCIDs.
func (w *walker) run(data []byte, res types.Dict, stream, sp int, hasSP bool, where string) {
	d := w.d
	for _, o := range ops(data) {
		switch o.name {
		case "q":
			w.saved = append(w.saved, w.gs)
		case "Q":
			if n := len(w.saved); n > 0 {
				w.gs = w.saved[n-1]
				w.saved = w.saved[:n-1]
			}
		case "Tf":
			if len(o.args) >= 1 {
				if n, ok := o.args[0].(name); ok {
					w.gs.font = d.font(res, string(n))
				}
			}
		case "Tr":
			if len(o.args) == 1 {
				if m, ok := o.args[0].(float64); ok {
					w.gs.mode = int(m)
				}
			}
		case "BMC", "BDC":
			w.begin(o, res, stream, sp, hasSP, where)
		case "EMC":
			if n := len(w.stack); n > 0 {
				w.stack = w.stack[:n-1]
			}
		case "Tj", "'", "TJ", `"`:
			w.text(o, where)
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*":
			w.item("path painted by "+o.name, o, where)
		case "sh":
			w.item("shading painted by sh", o, where)
		case "EI":
			w.item("inline image", o, where)
		case "Do":
			w.do(o, res, stream, sp, hasSP, where)
		}
	}
}

// begin opens a marked-content sequence and runs the checks that concern
// its nesting (7.1-1, 7.1-2) and its /Lang (7.2-29).
func (w *walker) begin(o op, res types.Dict, stream, sp int, hasSP bool, where string) {
	d := w.d
	f := frame{mcid: -1}
	if len(o.args) > 0 {
		if n, ok := o.args[0].(name); ok {
			f.tag = string(n)
		}
	}
	f.artifact = f.tag == "Artifact"
	var props dict
	if o.name == "BDC" && len(o.args) > 1 {
		switch v := o.args[1].(type) {
		case dict:
			props = v
		case name:
			props = d.propertyList(res, string(v))
		}
	}
	if props != nil {
		if m, ok := props["MCID"].(float64); ok {
			f.mcid = int(m)
		}
		if l, ok := props["Lang"].(str); ok {
			f.lang, f.hasLang = textString(l), true
			if !langTag.MatchString(f.lang) {
				d.fail("7.2-29", w.p.where(), "the /Lang %q of a %s marked-content sequence (%s, byte %d) is not a language tag", f.lang, f.tag, where, o.at)
			}
		}
	}
	outerTagged := w.tagged()
	outerArtifact := w.inArtifact()
	if f.mcid >= 0 {
		f.key = mcKey{stream, f.mcid}
		seq := w.p.mc[f.key]
		if seq == nil {
			seq = &mcSeq{tag: f.tag}
			w.p.mc[f.key] = seq
			w.p.mcOrder = append(w.p.mcOrder, f.key)
		}
		seq.count++
		if hasSP {
			if a := d.array(d.parentTree[sp]); f.mcid < len(a) {
				seq.owner = objNr(a[f.mcid])
			}
		}
		seq.hasSP = hasSP
		f.owner = seq.owner
		f.tagged = f.owner != 0 && d.reachesRoot(f.owner)
	} else {
		f.tagged, f.owner = outerTagged, w.owner()
	}
	desc := fmt.Sprintf("%s %s at byte %d of the %s", o.name, f.tag, o.at, where)
	if f.artifact && outerTagged {
		w.count("7.1-1", desc)
	}
	if f.mcid >= 0 && f.tagged && outerArtifact {
		w.count("7.1-2", desc)
	}
	w.stack = append(w.stack, f)
}

// propertyList looks a named property list up in the resources.
func (d *doc) propertyList(res types.Dict, n string) dict {
	pd := d.dict(d.dict(res["Properties"])[n])
	if pd == nil {
		return nil
	}
	out := dict{}
	if m, ok := d.integer(pd["MCID"]); ok {
		out["MCID"] = float64(m)
	}
	if b, ok := d.bytesOf(pd["Lang"]); ok {
		out["Lang"] = str(b)
	}
	return out
}

// innermost returns the innermost marked-content sequence with an MCID
// around the content here, nil when there is none.
func (w *walker) innermost() *frame {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].mcid >= 0 {
			return &w.stack[i]
		}
	}
	return nil
}

// tagged reports whether content here is tagged real content: the
// innermost sequence with an MCID leads to an element in the tree.
func (w *walker) tagged() bool { f := w.innermost(); return f != nil && f.tagged }

// owner returns the element that the innermost MCID belongs to, 0 if none.
func (w *walker) owner() int {
	if f := w.innermost(); f != nil {
		return f.owner
	}
	return 0
}

func (w *walker) inArtifact() bool {
	for _, f := range w.stack {
		if f.artifact {
			return true
		}
	}
	return false
}

// item checks one content item: it must be tagged or an artifact (7.1-3).
func (w *walker) item(what string, o op, where string) {
	if !w.tagged() && !w.inArtifact() {
		w.count("7.1-3", fmt.Sprintf("%s at byte %d of the %s", what, o.at, where))
	}
}

// text handles a text-showing operator: a content item whose codes are
// recorded against the font and whose text goes to the page's reading.
func (w *walker) text(o op, where string) {
	var shown [][]byte
	for _, a := range o.args {
		switch v := a.(type) {
		case str:
			shown = append(shown, v)
		case array:
			for _, x := range v {
				if s, ok := x.(str); ok {
					shown = append(shown, s)
				}
			}
		}
	}
	var text strings.Builder
	f := w.gs.font
	for _, s := range shown {
		if f == nil {
			continue
		}
		codes := f.codes(s)
		f.use(codes, w.gs.mode != 3)
		text.WriteString(f.decode(codes))
	}
	t := text.String()
	w.item(fmt.Sprintf("text %q shown by %s", clip(t), o.name), o, where)
	if !w.d.catalogLang() && !w.hasLang() {
		w.count("7.2-34", fmt.Sprintf("text %q at byte %d of the %s", clip(t), o.at, where))
	}
	if f := w.innermost(); f != nil {
		seq := w.p.mc[f.key]
		seq.text = append(seq.text, t)
	}
	if !w.inArtifact() {
		w.p.text = append(w.p.text, t)
	}
}

// hasLang reports whether the language of text here is set on the marked
// content or the structure element it belongs to (or an ancestor).
func (w *walker) hasLang() bool {
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].hasLang {
			return true
		}
	}
	if e := w.d.elemByObj[w.owner()]; e != nil {
		_, ok := w.d.langOf(e)
		return ok
	}
	return false
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// do draws an XObject: an image is a content item; a form's content is
// read in place, its MCIDs resolved through its own /StructParents when
// it has them.
func (w *walker) do(o op, res types.Dict, stream, sp int, hasSP bool, where string) {
	if len(o.args) == 0 {
		return
	}
	n, _ := o.args[0].(name)
	ref := w.d.dict(res["XObject"])[string(n)]
	xd, data, ok := w.d.stream(ref)
	if xd == nil {
		return
	}
	switch w.d.name(xd["Subtype"]) {
	case "Image":
		w.item("image XObject /"+string(n), o, where)
	case "Form":
		nr := objNr(ref)
		if !ok || w.forms[nr] || len(w.forms) > 32 {
			return
		}
		w.forms[nr] = true
		defer delete(w.forms, nr)
		fres := w.d.dict(xd["Resources"])
		if fres == nil {
			fres = res
		}
		if fsp, ok := w.d.integer(xd["StructParents"]); ok {
			stream, sp, hasSP = nr, fsp, true
		}
		gs, saved, open := w.gs, slices.Clone(w.saved), slices.Clone(w.stack)
		w.run(data, fres, stream, sp, hasSP, fmt.Sprintf("form XObject /%s (%d 0 R)", n, nr))
		w.gs, w.saved, w.stack = gs, saved, open
	}
}
