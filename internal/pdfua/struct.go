package pdfua

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// elem is a structure element as the tree from the StructTreeRoot holds it.
type elem struct {
	obj      int // object number; 0 for a direct dictionary
	dict     types.Dict
	typ      string // /S
	std      string // the standard type it maps to, "" if none
	circular bool   // the role map loops from typ
	parent   *elem  // nil: a kid of the StructTreeRoot
	kids     []kid
	pg       int // page object: its own /Pg or an ancestor's
}

// kid is one entry of an element's /K: a structure element, a
// marked-content reference (mcid ≥ 0) or an object reference (objr ≠ 0).
type kid struct {
	e    *elem
	mcid int
	pg   int // the page of an MCR or OBJR
	stm  int // the form XObject an MCR's MCID is in, 0 for page content
	objr int
}

// standardTypes are the standard structure types of ISO 32000-1, 14.8.4.
var standardTypes = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
		P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
		Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`) {
		standardTypes[t] = true
	}
}

// where names an element for a Failure: its type, object and path.
func (e *elem) where() string {
	var path []string
	for p := e.parent; p != nil; p = p.parent {
		path = append(path, p.typ)
	}
	slices.Reverse(path)
	ref := "direct"
	if e.obj != 0 {
		ref = fmt.Sprintf("%d 0 R", e.obj)
	}
	if len(path) == 0 {
		return fmt.Sprintf("%s (%s)", e.typ, ref)
	}
	return fmt.Sprintf("%s (%s) in %s", e.typ, ref, strings.Join(path, " > "))
}

// structKids returns the element's kids that are structure elements.
func (e *elem) structKids() []*elem {
	var out []*elem
	for _, k := range e.kids {
		if k.e != nil {
			out = append(out, k.e)
		}
	}
	return out
}

// kidsStd returns the standard types of the element's structure-element
// kids, skipping kids with none (veraPDF's kidsStandardTypes).
func (e *elem) kidsStd() []string {
	var out []string
	for _, k := range e.structKids() {
		if k.std != "" {
			out = append(out, k.std)
		}
	}
	return out
}

func (e *elem) parentStd() string {
	if e.parent == nil {
		return ""
	}
	return e.parent.std
}

// loadStruct reads the structure tree: the role map, the parent tree and
// every element reachable from the root, in document order.
func (d *doc) loadStruct() {
	rootRef := d.catalog["StructTreeRoot"]
	d.root = d.dict(rootRef)
	if d.root == nil {
		return
	}
	d.rootObj = objNr(rootRef)
	d.roleMap = map[string]string{}
	for k, v := range d.dict(d.root["RoleMap"]) {
		if n := d.name(v); n != "" {
			d.roleMap[k] = n
		}
	}
	d.classMap = d.dict(d.root["ClassMap"])
	d.parentTree = map[int]types.Object{}
	d.numberTree(d.root["ParentTree"], d.parentTree, map[int]bool{}, 0)
	seen := map[int]bool{}
	for _, k := range d.listOf(d.root["K"]) {
		if kd := d.dict(k); kd != nil && kd["S"] != nil {
			d.loadElem(k, nil, 0, seen)
		}
	}
}

// kidsOf returns a /K value as a list.
func (d *doc) listOf(k types.Object) []types.Object {
	if k == nil {
		return nil
	}
	if a, ok := d.obj(k).(types.Array); ok {
		return a
	}
	return []types.Object{k}
}

// numberTree flattens a number tree into m.
func (d *doc) numberTree(node types.Object, m map[int]types.Object, seen map[int]bool, depth int) {
	if nr := objNr(node); nr != 0 {
		if seen[nr] {
			return
		}
		seen[nr] = true
	}
	n := d.dict(node)
	if n == nil || depth > 32 {
		return
	}
	nums := d.array(n["Nums"])
	for i := 0; i+1 < len(nums); i += 2 {
		if k, ok := d.integer(nums[i]); ok {
			m[k] = nums[i+1]
		}
	}
	for _, k := range d.array(n["Kids"]) {
		d.numberTree(k, m, seen, depth+1)
	}
}

func (d *doc) loadElem(o types.Object, parent *elem, pg int, seen map[int]bool) *elem {
	nr := objNr(o)
	if nr != 0 {
		if seen[nr] {
			return nil
		}
		seen[nr] = true
	}
	dd := d.dict(o)
	e := &elem{obj: nr, dict: dd, typ: d.name(dd["S"]), parent: parent, pg: pg}
	if p := objNr(dd["Pg"]); p != 0 {
		e.pg = p
	}
	e.std, e.circular = d.standardType(e.typ)
	d.elems = append(d.elems, e)
	if nr != 0 {
		d.elemByObj[nr] = e
	}
	for _, k := range d.listOf(dd["K"]) {
		if n, ok := d.integer(k); ok {
			e.kids = append(e.kids, kid{mcid: n, pg: e.pg})
			continue
		}
		kd := d.dict(k)
		if kd == nil {
			continue
		}
		switch {
		case d.name(kd["Type"]) == "OBJR":
			pg := e.pg
			if p := objNr(kd["Pg"]); p != 0 {
				pg = p
			}
			e.kids = append(e.kids, kid{mcid: -1, objr: objNr(kd["Obj"]), pg: pg})
		case d.name(kd["Type"]) == "MCR" || (kd["MCID"] != nil && kd["S"] == nil):
			n, ok := d.integer(kd["MCID"])
			if !ok {
				continue
			}
			pg := e.pg
			if p := objNr(kd["Pg"]); p != 0 {
				pg = p
			}
			e.kids = append(e.kids, kid{mcid: n, pg: pg, stm: objNr(kd["Stm"])})
		case kd["S"] != nil:
			if c := d.loadElem(k, e, e.pg, seen); c != nil {
				e.kids = append(e.kids, kid{e: c, mcid: -1})
			}
		}
	}
	return e
}

// standardType follows the role map from typ (ISO 32000-1, 14.7.3): the
// standard type at the end of the chain, or "" when the chain ends at a
// non-standard type or loops (circular).
func (d *doc) standardType(typ string) (std string, circular bool) {
	seen := map[string]bool{}
	t := typ
	for {
		if seen[t] {
			return "", true
		}
		seen[t] = true
		m, ok := d.roleMap[t]
		if !ok {
			break
		}
		t = m
	}
	if standardTypes[t] {
		return t, false
	}
	return "", false
}

// reachesRoot reports whether following /P from the element with object
// number nr arrives at the StructTreeRoot: veraPDF's test of whether
// content that the parent tree assigns to the element is tagged.
func (d *doc) reachesRoot(nr int) bool {
	seen := map[int]bool{}
	var o types.Object = *types.NewIndirectRef(nr, 0)
	for range 256 {
		n := objNr(o)
		if n != 0 {
			if seen[n] {
				return false
			}
			seen[n] = true
		}
		dd := d.dict(o)
		if dd == nil {
			return false
		}
		if d.name(dd["Type"]) == "StructTreeRoot" || (n != 0 && n == d.rootObj) {
			return true
		}
		o = dd["P"]
		if o == nil {
			return false
		}
	}
	return false
}

// langOf returns the language of an element: its own /Lang or the
// nearest ancestor's.
func (d *doc) langOf(e *elem) (string, bool) {
	for ; e != nil; e = e.parent {
		if l, ok := d.text(e.dict["Lang"]); ok {
			return l, true
		}
	}
	return "", false
}

// catalogLang reports whether the catalog sets a (non-empty) /Lang, what
// veraPDF calls gContainsCatalogLang.
func (d *doc) catalogLang() bool {
	l, ok := d.text(d.catalog["Lang"])
	return ok && l != ""
}

// langTag is the pattern veraPDF checks every /Lang against (7.2-29): a
// Language-Tag of RFC 3066.
var langTag = regexp.MustCompile(`^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$`)

// checkLang reports a /Lang value that is not a language tag (7.2-29).
func (d *doc) checkLang(o types.Object, where string) {
	if o == nil {
		return
	}
	l, ok := d.text(o)
	if !ok {
		d.fail("7.2-29", where, "/Lang is not a string")
		return
	}
	if !langTag.MatchString(l) {
		d.fail("7.2-29", where, "/Lang %q is not a language tag", l)
	}
}

// attr returns the value of a structure attribute of the given owner
// (such as Table) from the element's /A, then its classes' (/C).
func (d *doc) attr(e *elem, owner, key string) types.Object {
	find := func(o types.Object) types.Object {
		for _, x := range d.listOf(o) {
			ad := d.dict(x) // revision numbers in the array are not dictionaries
			if ad == nil || d.name(ad["O"]) != owner {
				continue
			}
			if v, ok := ad[key]; ok {
				return v
			}
		}
		return nil
	}
	if v := find(e.dict["A"]); v != nil {
		return v
	}
	for _, c := range d.listOf(e.dict["C"]) {
		if n := d.name(c); n != "" {
			if v := find(d.classMap[n]); v != nil {
				return v
			}
		}
	}
	return nil
}

// checkStruct runs the rules about the structure tree itself.
func (d *doc) checkStruct() {
	lastHeading := 0
	usesH, usesHn := false, false
	for _, e := range d.elems {
		if e.std == "H" {
			usesH = true
		}
		if headingLevel(e.std) > 0 {
			usesHn = true
		}
	}
	noteIDs := map[string]int{}
	for _, e := range d.elems {
		w := e.where()
		// 7.1-12: /P present, and (for this checker) pointing at the parent.
		parentObj := d.rootObj
		parentName := "the StructTreeRoot"
		if e.parent != nil {
			parentObj, parentName = e.parent.obj, e.parent.typ
		}
		switch p, ok := e.dict["P"]; {
		case !ok:
			d.fail("7.1-12", w, "structure element has no /P (parent) entry")
		case objNr(p) == 0 || objNr(p) != parentObj:
			d.fail("7.1-12", w, "/P is %v, not %s (%d 0 R), the element whose /K holds it", p, parentName, parentObj)
		}
		// 7.1-5, 7.1-6, 7.1-7: role mapping.
		if e.circular {
			d.fail("7.1-6", w, "the role map of %s is circular", e.typ)
		} else if !standardTypes[e.typ] && e.std == "" {
			d.fail("7.1-5", w, "non-standard structure type %s is not mapped to a standard type", e.typ)
		}
		if standardTypes[e.typ] && e.std != "" && e.std != e.typ {
			d.fail("7.1-7", w, "standard type %s is remapped to %s", e.typ, e.std)
		}
		if e.typ == "" {
			d.fail("7.1-5", w, "structure element has no /S (type)")
		}
		// Languages.
		d.checkLang(e.dict["Lang"], w)
		if !d.catalogLang() {
			_, has := d.langOf(e)
			for _, c := range []struct{ rule, key string }{{"7.2-21", "ActualText"}, {"7.2-22", "Alt"}, {"7.2-23", "E"}} {
				if e.dict[c.key] != nil && !has {
					d.fail(c.rule, w, "the language of its /%s cannot be determined (no /Lang on it, its ancestors or the catalog)", c.key)
				}
			}
		}
		// 7.3-1, 7.7-1: alternative descriptions.
		alt, _ := d.text(e.dict["Alt"])
		if e.std == "Figure" && alt == "" && e.dict["ActualText"] == nil {
			d.fail("7.3-1", w, "Figure has neither /Alt nor /ActualText")
		}
		if e.std == "Formula" && alt == "" && e.dict["ActualText"] == nil {
			d.fail("7.7-1", w, "Formula has neither /Alt nor /ActualText")
		}
		// 7.4.2-1, 7.4.4-*: headings.
		if n := headingLevel(e.std); n > 0 {
			if n > lastHeading+1 {
				if lastHeading == 0 {
					d.fail("7.4.2-1", w, "the first heading is H%d, not H1", n)
				} else {
					d.fail("7.4.2-1", w, "H%d follows H%d: heading level %d is skipped", n, lastHeading, lastHeading+1)
				}
			}
			lastHeading = n
			if usesH {
				d.fail("7.4.4-3", w, "the document uses both H and H1…H6")
			}
		}
		if e.std == "H" && usesHn {
			d.fail("7.4.4-2", w, "the document uses both H and H1…H6")
		}
		if count(e.kidsStd(), "H") > 1 {
			d.fail("7.4.4-1", w, "element has more than one H kid")
		}
		// 7.9-1, 7.9-2: notes.
		if e.std == "Note" {
			id, _ := d.bytesOf(e.dict["ID"])
			if len(id) == 0 {
				d.fail("7.9-1", w, "Note has no /ID")
			} else if noteIDs[string(id)]++; noteIDs[string(id)] == 2 {
				d.fail("7.9-2", w, "Note /ID %q is not unique", id)
			}
		}
		d.checkNesting(e, w)
		if e.std == "Table" {
			d.checkTable(e)
		}
	}
}

// headingLevel returns n for Hn (n ≥ 1), else 0.
func headingLevel(t string) int {
	if len(t) < 2 || t[0] != 'H' {
		return 0
	}
	n, err := strconv.Atoi(t[1:])
	if err != nil || n < 1 {
		return 0
	}
	return n
}

func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

// others returns the entries of list not in allowed.
func others(list []string, allowed ...string) []string {
	var out []string
	for _, x := range list {
		if !slices.Contains(allowed, x) {
			out = append(out, x)
		}
	}
	return out
}

// checkNesting runs the table, list and TOC nesting rules of 7.2.
func (d *doc) checkNesting(e *elem, w string) {
	kids := e.kidsStd()
	parent := e.parentStd()
	parentDesc := parent
	if parentDesc == "" {
		parentDesc = "no standard element"
	}
	onlyKids := func(rule string, allowed ...string) {
		if o := others(kids, allowed...); len(o) > 0 {
			d.fail(rule, w, "%s contains %s instead of only %s", e.std, strings.Join(o, ", "), strings.Join(allowed, ", "))
		}
	}
	inParent := func(rule string, allowed ...string) {
		if !slices.Contains(allowed, parent) {
			d.fail(rule, w, "%s is in %s instead of %s", e.std, parentDesc, strings.Join(allowed, " or "))
		}
	}
	captionOnlyFirst := func(rule string) {
		if len(kids) > 1 && slices.Contains(kids[1:], "Caption") {
			d.fail(rule, w, "%s has a Caption that is not its first kid", e.std)
		}
	}
	switch e.std {
	case "Table":
		onlyKids("7.2-3", "TR", "THead", "TBody", "TFoot", "Caption")
		if count(kids, "THead") > 1 {
			d.fail("7.2-11", w, "Table has more than one THead")
		}
		if count(kids, "TFoot") > 1 {
			d.fail("7.2-12", w, "Table has more than one TFoot")
		}
		if count(kids, "TFoot") > 0 && count(kids, "TBody") == 0 {
			d.fail("7.2-13", w, "Table has a TFoot but no TBody")
		}
		if count(kids, "THead") > 0 && count(kids, "TBody") == 0 {
			d.fail("7.2-14", w, "Table has a THead but no TBody")
		}
		if len(kids) > 2 && slices.Contains(kids[1:len(kids)-1], "Caption") {
			d.fail("7.2-16", w, "Table has a Caption that is neither its first nor its last kid")
		}
		if n := count(kids, "Caption"); n > 1 {
			d.fail("7.2-39", w, "Table has %d Captions", n)
		}
	case "TR":
		inParent("7.2-4", "Table", "THead", "TBody", "TFoot")
		onlyKids("7.2-10", "TH", "TD")
	case "THead":
		inParent("7.2-5", "Table")
		onlyKids("7.2-36", "TR")
	case "TBody":
		inParent("7.2-6", "Table")
		onlyKids("7.2-37", "TR")
	case "TFoot":
		inParent("7.2-7", "Table")
		onlyKids("7.2-38", "TR")
	case "TH":
		inParent("7.2-8", "TR")
	case "TD":
		inParent("7.2-9", "TR")
	case "LI":
		inParent("7.2-17", "L")
		onlyKids("7.2-20", "Lbl", "LBody")
	case "LBody":
		inParent("7.2-18", "LI")
	case "L":
		onlyKids("7.2-19", "L", "LI", "Caption")
		captionOnlyFirst("7.2-40")
	case "TOCI":
		inParent("7.2-26", "TOC")
	case "TOC":
		onlyKids("7.2-27", "TOC", "TOCI", "Caption")
		captionOnlyFirst("7.2-28")
	}
}

// cell is a table cell placed in the table's grid.
type cell struct {
	e                *elem
	row, col         int
	rowSpan, colSpan int
}

// checkTable lays the table's cells out on a grid as veraPDF does and
// reports irregular tables (7.2-15, 7.2-41, 7.2-42, 7.2-43) and, in a
// regular table whose headers do not all have a /Scope, data cells whose
// headers cannot be found (7.5-1, 7.5-2).
func (d *doc) checkTable(t *elem) {
	w := t.where()
	var rows []*elem
	for _, k := range t.structKids() {
		switch k.std {
		case "TR":
			rows = append(rows, k)
		case "THead", "TBody", "TFoot":
			for _, r := range k.structKids() {
				if r.std == "TR" {
					rows = append(rows, r)
				}
			}
		}
	}
	cellsOf := func(r *elem) []*cell {
		var out []*cell
		for _, k := range r.structKids() {
			if k.std == "TH" || k.std == "TD" {
				c := &cell{e: k, rowSpan: 1, colSpan: 1}
				if n, ok := d.integer(d.attr(k, "Table", "RowSpan")); ok && n > 0 {
					c.rowSpan = n
				}
				if n, ok := d.integer(d.attr(k, "Table", "ColSpan")); ok && n > 0 {
					c.colSpan = n
				}
				out = append(out, c)
			}
		}
		return out
	}
	// The number of rows: each row's first cell's row span, skipping the
	// rows it spans; the number of columns: the first row's column spans.
	nRows := 0
	for i := 0; i < len(rows); i++ {
		if cs := cellsOf(rows[i]); len(cs) > 0 {
			nRows += cs[0].rowSpan
			i += cs[0].rowSpan - 1
		}
	}
	if nRows == 0 {
		return
	}
	nCols := 0
	for _, c := range cellsOf(rows[0]) {
		nCols += c.colSpan
	}
	grid := make([][]*cell, max(nRows, len(rows)))
	for i := range grid {
		grid[i] = make([]*cell, nCols)
	}
	for r, row := range rows {
		col := 0
		for _, c := range cellsOf(row) {
			for col < nCols && grid[r][col] != nil {
				col++
			}
			if col+c.colSpan > nCols {
				d.fail("7.2-42", w, "table row %d spans more columns than row 1 (%d)", r+1, nCols)
				return
			}
			if r+c.rowSpan > nRows {
				d.fail("7.2-41", w, "table column %d spans more rows than column 1 (%d)", col+1, nRows)
				return
			}
			c.row, c.col = r, col
			for i := range c.rowSpan {
				for j := range c.colSpan {
					if o := grid[r+i][col+j]; o != nil {
						d.fail("7.2-15", o.e.where(), "table cell overlaps another cell (row %d, column %d)", r+i+1, col+j+1)
						d.fail("7.2-15", c.e.where(), "table cell overlaps another cell (row %d, column %d)", r+i+1, col+j+1)
						return
					}
					grid[r+i][col+j] = c
				}
			}
			col += c.colSpan
		}
	}
	for r := range grid {
		empty := 0
		for _, c := range grid[r] {
			if c == nil {
				empty++
			}
		}
		if empty != 0 {
			d.fail("7.2-43", w, "table row %d spans %d columns, row 1 spans %d", r+1, nCols-empty, nCols)
			return
		}
	}
	// 7.5: headers. When every TH has a Scope, the table is fine.
	ids := map[string]bool{}
	allScoped := true
	for _, row := range grid {
		for _, c := range row {
			if c.e.std != "TH" {
				continue
			}
			if id, ok := d.bytesOf(c.e.dict["ID"]); ok && len(id) > 0 {
				ids[string(id)] = true
			}
			if d.name(d.attr(c.e, "Table", "Scope")) == "" {
				allScoped = false
			}
		}
	}
	if allScoped {
		return
	}
	scoped := func(c *cell, want string) bool {
		s := d.name(d.attr(c.e, "Table", "Scope"))
		return c.e.std == "TH" && (s == "Both" || s == want)
	}
	for r, row := range grid {
		for col, c := range row {
			if c.e.std != "TD" || c.row != r || c.col != col {
				continue
			}
			var headers, unknown []string
			for _, h := range d.array(d.attr(c.e, "Table", "Headers")) {
				b, _ := d.bytesOf(h)
				headers = append(headers, string(b))
				if !ids[string(b)] {
					unknown = append(unknown, string(b))
				}
			}
			if len(headers) > 0 && len(unknown) == 0 {
				continue
			}
			if hasHeader(grid, c, scoped) {
				continue
			}
			if len(unknown) > 0 {
				d.fail("7.5-2", c.e.where(), "data cell (row %d, column %d) refers to headers %s that no TH has as /ID, and no scoped TH is above or left of it",
					r+1, col+1, strings.Join(unknown, ", "))
			} else {
				d.fail("7.5-1", c.e.where(), "data cell (row %d, column %d) has no /Headers, and no TH above or left of it has a /Scope", r+1, col+1)
			}
			return
		}
	}
}

// hasHeader looks up each column the cell spans for a TH scoped Column
// (or Both), and left along each row it spans for one scoped Row, in the
// run of header cells nearest to it.
func hasHeader(grid [][]*cell, c *cell, scoped func(*cell, string) bool) bool {
	for col := c.col; col < c.col+c.colSpan && c.row > 0; col++ {
		found := false
		for r := c.row - 1; r >= 0; r-- {
			h := grid[r][col]
			if scoped(h, "Column") {
				return true
			}
			if h.e.std == "TH" {
				found = true
			} else if found {
				break
			}
		}
	}
	for r := c.row; r < c.row+c.rowSpan && c.col > 0; r++ {
		found := false
		for col := c.col - 1; col >= 0; col-- {
			h := grid[r][col]
			if scoped(h, "Row") {
				return true
			}
			if h.e.std == "TH" {
				found = true
			} else if found {
				break
			}
		}
	}
	return false
}
