package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// pageOutline is what a screen reader relies on in an HTML page, read
// from it by outline.
type pageOutline struct {
	lang, title string
	mains       int
	charts      int      // the charts (inline SVG) on it
	headings    []int    // the levels, in order
	problems    []string // elements a screen reader cannot make sense of
}

// outline reads a page propose wrote. What the page shows only when
// printed (a <div class="in-print">, hidden on screen and from screen
// readers) is left out, as a screen reader leaves it out.
func outline(page []byte) (pageOutline, error) {
	d := xml.NewDecoder(bytes.NewReader(page))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var o pageOutline
	type open struct {
		name  string
		attrs map[string]string
		text  strings.Builder
	}
	var stack []*open
	hidden := 0 // the depth of an in-print block, 0 outside one
	inside := func(name string) bool {
		for _, e := range stack {
			if e.name == name {
				return true
			}
		}
		return false
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return o, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			e := &open{name: strings.ToLower(t.Name.Local), attrs: map[string]string{}}
			for _, a := range t.Attr {
				e.attrs[strings.ToLower(a.Name.Local)] = a.Value
			}
			stack = append(stack, e)
			if hidden == 0 && e.attrs["class"] == "in-print" {
				hidden = len(stack)
			}
			if hidden > 0 {
				continue
			}
			switch e.name {
			case "html":
				o.lang = e.attrs["lang"]
			case "main":
				o.mains++
			case "h1", "h2", "h3", "h4", "h5", "h6":
				o.headings = append(o.headings, int(e.name[1]-'0'))
			case "th":
				scope := e.attrs["scope"]
				switch {
				case inside("thead") && scope != "col":
					o.problems = append(o.problems, fmt.Sprintf("a column heading with scope %q", scope))
				case inside("tbody") && scope != "row":
					o.problems = append(o.problems, fmt.Sprintf("a row heading with scope %q", scope))
				}
			case "img":
				if _, ok := e.attrs["alt"]; !ok {
					o.problems = append(o.problems, "an image without alt")
				}
			case "svg":
				o.charts++
				if e.attrs["role"] != "img" {
					o.problems = append(o.problems, "a chart not marked role=img")
				}
			case "input":
				if !inside("label") {
					o.problems = append(o.problems, "a check box outside a label")
				}
			}
		case xml.CharData:
			for _, e := range stack {
				e.text.Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				continue
			}
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if hidden > len(stack) {
				hidden = 0
				continue
			}
			if hidden > 0 {
				continue
			}
			text := strings.TrimSpace(e.text.String())
			switch e.name {
			case "title":
				if inside("svg") {
					if text == "" {
						o.problems = append(o.problems, "a chart with an empty title")
					}
				} else {
					o.title = text
				}
			case "desc":
				if text == "" {
					o.problems = append(o.problems, "a chart with an empty description")
				}
			case "a", "th", "label", "h1", "h2", "h3", "h4", "h5", "h6":
				if text == "" {
					o.problems = append(o.problems, "an empty <"+e.name+">")
				}
			case "svg":
				if !strings.Contains(e.text.String(), "\n") {
					o.problems = append(o.problems, "a chart without text")
				}
			}
		}
	}
	return o, nil
}

// check returns what is wrong with the page's outline for a page in the
// language lang.
func (o pageOutline) check(lang string) []string {
	ps := o.problems
	if o.lang != lang {
		ps = append(ps, fmt.Sprintf("lang %q, want %q", o.lang, lang))
	}
	if o.title == "" {
		ps = append(ps, "no title")
	}
	if o.mains != 1 {
		ps = append(ps, fmt.Sprintf("%d main landmarks", o.mains))
	}
	h1 := 0
	prev := 0
	for _, h := range o.headings {
		if h == 1 {
			h1++
		}
		if h > prev+1 {
			ps = append(ps, fmt.Sprintf("an h%d after an h%d", h, prev))
		}
		prev = h
	}
	if h1 != 1 {
		ps = append(ps, fmt.Sprintf("%d h1 headings", h1))
	}
	return ps
}

// accessPages renders every HTML page of an example: its documents, and,
// with its log, the review, its prep sheet, the agreement and each week's
// status note. It returns the pages by name with the language each must
// declare.
func accessPages(t *testing.T, p *proposal.Proposal, logSrc []byte) (pages map[string][]byte, langs map[string]string) {
	t.Helper()
	pages, langs = map[string][]byte{}, map[string]string{}
	add := func(files []output.File, lang, prepLang string) {
		for _, f := range files {
			if filepath.Ext(f.Name) != ".html" {
				continue
			}
			pages[f.Name], langs[f.Name] = f.Data, lang
			if f.Private {
				langs[f.Name] = prepLang
			}
		}
	}
	lang, prepLang := p.DocumentLanguage(), p.PrepLanguageTag()
	files, err := Files(p, Options{Formats: []Format{HTML}})
	if err != nil {
		t.Fatal(err)
	}
	add(files, lang, prepLang)
	if logSrc == nil {
		return pages, langs
	}
	l, err := proposal.ParseLog("test.log.yaml", logSrc, p)
	if err != nil {
		t.Fatal(err)
	}
	rv, ok := view.NewReviewPrivate(p, l)
	if !ok {
		t.Fatal("no review from the example's log")
	}
	files, err = ReviewFiles(rv, Options{Formats: []Format{HTML}})
	if err != nil {
		t.Fatal(err)
	}
	add(files, lang, prepLang)
	if a, ok := view.NewPermanent(p, l); ok {
		files, err := AgreementFiles(a, Options{Formats: []Format{HTML}})
		if err != nil {
			t.Fatal(err)
		}
		add(files, lang, prepLang)
	}
	for _, e := range l.Entries {
		st, ok := view.NewStatus(p, l, e.Date)
		if !ok {
			t.Fatalf("no status note for %s", e.Date)
		}
		files, err := StatusFiles(st, e.Date, "", Options{Formats: []Format{HTML}})
		if err != nil {
			t.Fatal(err)
		}
		add(files, lang, prepLang)
	}
	return pages, langs
}

// TestEveryHTMLPageHasWhatAScreenReaderNeeds renders every example in
// every language folder (and the German one with an English prep sheet)
// and checks each HTML page: the document's language on <html> (the prep
// sheets' in theirs), a title, one main landmark, one h1, headings that
// never skip a level, table headings with their scope, every image and
// chart with a text, every check box inside its label.
func TestEveryHTMLPageHasWhatAScreenReaderNeeds(t *testing.T) {
	type example struct {
		name     string
		src, log []byte
		prepLang string
	}
	var all []example
	for _, lang := range []string{"en", "de", "es", "fr", "nl"} { // the folders of examples/
		for _, name := range examples.NamesIn(lang) {
			src, _ := examples.GetIn(lang, name)
			log, _ := examples.LogIn(lang, name)
			all = append(all, example{name: lang + "/" + name, src: src, log: log})
		}
	}
	de, _ := examples.GetIn("de", "trial")
	deLog, _ := examples.LogIn("de", "trial")
	all = append(all, example{name: "de/trial with an English prep sheet", src: de, log: deLog, prepLang: "en-GB"})
	checked := map[string]bool{}
	for _, ex := range all {
		t.Run(ex.name, func(t *testing.T) {
			p := load(t, ex.src)
			if ex.prepLang != "" {
				p.PrepLanguage = ex.prepLang
			}
			pages, langs := accessPages(t, p, ex.log)
			for name, page := range pages {
				o, err := outline(page)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for _, problem := range o.check(langs[name]) {
					t.Errorf("%s: %s", name, problem)
				}
				kind := strings.TrimSuffix(filepath.Base(name), ".html")
				if strings.HasPrefix(kind, "status-") {
					kind = "status"
				}
				checked[kind] = true
				if kind == "review" && o.charts == 0 {
					t.Errorf("%s: no chart was found to check", name)
				}
			}
		})
	}
	for _, kind := range []string{"proposal", "one-pager", "prep", "review", "review-prep", "agreement", "status"} {
		if !checked[kind] {
			t.Errorf("no %s page was rendered to check", kind)
		}
	}
}

// TestOutlineFindsWhatAScreenReaderMisses checks the checker: each broken
// page is caught, and a sound one passes.
func TestOutlineFindsWhatAScreenReaderMisses(t *testing.T) {
	page := func(lang, body string) string {
		return `<!DOCTYPE html><html lang="` + lang + `"><head><meta charset="utf-8"><title>T</title><style>li:has(> a) {}</style></head><body><main>` +
			body + `</main></body></html>`
	}
	ok := page("de", `<h1>A</h1><h2>B</h2><h3>C</h3><h2>D</h2><table><thead><tr><td></td><th scope="col">X</th></tr></thead>`+
		`<tbody><tr><th scope="row">Name</th><td>Y</td></tr></tbody></table><img alt="" src="x"><br>`+
		`<ul><li><label><input disabled="" type="checkbox"> Yes</label></li></ul>`+
		`<figure><svg role="img"><title>Chart</title>`+"\n"+`<desc>It rose.</desc></svg></figure>`+
		`<div class="in-print"><h1>A</h1><h4>hidden</h4></div>`)
	if o, err := outline([]byte(ok)); err != nil || len(o.check("de")) > 0 {
		t.Errorf("a sound page: %v %v", err, o.check("de"))
	}
	for _, tc := range []struct{ page, want string }{
		{page("en", `<h1>A</h1>`), `lang "en", want "de"`},
		{strings.Replace(page("de", `<h1>A</h1>`), "<title>T</title>", "<title></title>", 1), "no title"},
		{page("de", `<h2>A</h2>`), "0 h1 headings"},
		{page("de", `<h1>A</h1><h1>B</h1>`), "2 h1 headings"},
		{page("de", `<h1>A</h1><h3>B</h3>`), "an h3 after an h1"},
		{page("de", `<h1>A</h1><table><thead><tr><th>X</th></tr></thead></table>`), `a column heading with scope ""`},
		{page("de", `<h1>A</h1><table><tbody><tr><th scope="col">X</th></tr></tbody></table>`), `a row heading with scope "col"`},
		{page("de", `<h1>A</h1><img src="x">`), "an image without alt"},
		{page("de", `<h1>A</h1><svg><title>C</title></svg>`), "a chart not marked role=img"},
		{page("de", `<h1>A</h1><input type="checkbox"> Yes`), "a check box outside a label"},
		{page("de", `<h1>A</h1><a href="x"> </a>`), "an empty <a>"},
		{strings.NewReplacer("<main>", "<div>", "</main>", "</div>").Replace(page("de", `<h1>A</h1>`)), "0 main landmarks"},
	} {
		o, err := outline([]byte(tc.page))
		if err != nil {
			t.Fatalf("%s: %v", tc.page, err)
		}
		if got := strings.Join(o.check("de"), "; "); !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.page, got, tc.want)
		}
	}
}
