package render

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/internal/pdftext"
	"github.com/propose-cli/propose/pkg/document"
	"github.com/propose-cli/propose/pkg/evidence"
	"github.com/propose-cli/propose/pkg/locale"
	"github.com/propose-cli/propose/pkg/pdf"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
	"github.com/propose-cli/propose/templates"
)

// pseudoCarrier is the language whose folder the pseudo-language takes
// over in the test: its dates and numbers are German, and every word the
// templates write is pseudo-text.
const pseudoCarrier = "de"

// langSpanTags are the tags that mark a passage's language in Markdown.
var langSpanTags = regexp.MustCompile(`<span lang="[A-Za-z-]+">|</span>`)

// pseudoLetters replaces each ASCII letter by a Latin-1 letter the PDF
// fonts draw, so that no word a template writes is left in ASCII.
var pseudoLetters = func() map[rune]rune {
	m := map[rune]rune{}
	upper := []rune("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚ")
	lower := []rune("àáâãäåæçèéêëìíîïðñòóôõöøùú")
	for i := 0; i < 26; i++ {
		m['A'+rune(i)] = upper[i]
		m['a'+rune(i)] = lower[i]
	}
	return m
}()

// prose is a string in a template's action that holds a space: words a
// document may print, not a value a template compares with.
var prose = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// pseudoLetter replaces every ASCII letter of s.
func pseudoLetter(s string) string {
	return strings.Map(func(r rune) rune {
		if p, ok := pseudoLetters[r]; ok {
			return p
		}
		return r
	}, s)
}

// pseudo replaces every letter of a template's text (outside its actions,
// and in its actions' strings that hold a space) by its pseudo-letter. A
// chart fence's opening line is syntax and stays.
func pseudo(src string) string {
	var b strings.Builder
	for len(src) > 0 {
		i := strings.Index(src, "{{")
		if i < 0 {
			i = len(src)
		}
		text := src[:i]
		lines := strings.SplitAfter(text, "\n")
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), "```") {
				b.WriteString(l)
				continue
			}
			b.WriteString(pseudoLetter(l))
		}
		src = src[i:]
		if src == "" {
			break
		}
		j := strings.Index(src, "}}")
		action := src[:j+2]
		if !strings.HasPrefix(action, "{{/*") && !strings.HasPrefix(action, "{{- /*") {
			action = prose.ReplaceAllStringFunc(action, func(s string) string {
				if !strings.Contains(s, " ") {
					return s // a value to compare with, such as "keep-remote"
				}
				// A printf verb such as %d is syntax.
				parts := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`).Split(s, -1)
				verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`).FindAllString(s, -1)
				var out strings.Builder
				for i, p := range parts {
					out.WriteString(pseudoLetter(p))
					if i < len(verbs) {
						out.WriteString(verbs[i])
					}
				}
				return out.String()
			})
		}
		b.WriteString(action)
		src = src[j+2:]
	}
	return b.String()
}

// pseudoTemplates is the English template set with every written letter
// replaced, in the carrier's folder.
func pseudoTemplates(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	files, err := fs.Glob(templates.FS, "en/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no English templates: %v", err)
	}
	for _, f := range files {
		b, err := fs.ReadFile(templates.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		out[pseudoCarrier+"/"+strings.TrimPrefix(f, "en/")] = &fstest.MapFile{Data: []byte(pseudo(string(b)))}
	}
	return out
}

// usePseudo points the documents and the view's phrases at the
// pseudo-language until the test ends.
func usePseudo(t *testing.T) {
	fsys := pseudoTemplates(t)
	oldT, oldP := document.TemplatesFS, view.PhrasesFS
	document.TemplatesFS, view.PhrasesFS = fsys, fsys
	view.ResetLangs()
	t.Cleanup(func() {
		document.TemplatesFS, view.PhrasesFS = oldT, oldP
		view.ResetLangs()
	})
}

var asciiWord = regexp.MustCompile(`\p{L}+`)

// allowedWords are the words a document may print in ASCII whatever its
// language: the user's own (in the file and the log), the published
// references of the library's studies, and the names the locale gives
// months and weekdays.
func allowedWords(p *proposal.Proposal, log *proposal.Log, lang string) map[string]bool {
	ok := map[string]bool{}
	add := func(s string) {
		for _, w := range asciiWord.FindAllString(s, -1) {
			ok[strings.ToLower(w)] = true
		}
	}
	for _, tx := range p.Texts() {
		add(tx.Value)
	}
	if log != nil {
		for _, tx := range log.Texts() {
			add(tx.Value)
		}
	}
	add(p.Arrangement.CoreHours.Timezone)
	// The library's findings are translated as data, and tested as such.
	for _, k := range []evidence.Kind{evidence.Supporting, evidence.Counter, evidence.Leverage} {
		for _, c := range evidence.All(k) {
			c = evidence.In(lang, c)
			add(c.Reference + " " + c.URL + " et al " + c.Claim + " " + c.Short + " " + c.Speak + " " + c.Finding + " " + c.Answer)
		}
	}
	l := locale.MustOf(lang)
	add(l.List([]string{"a", "b"})) // the word a list joins with, from the locale's data
	for m := time.January; m <= time.December; m++ {
		add(l.Month(m) + " " + l.MonthShort(m))
	}
	for d := time.Sunday; d <= time.Saturday; d++ {
		add(l.Weekday(d) + " " + l.Weekday(d) + "s") // "Montag", and "montags" as a habit
	}
	return ok
}

var (
	links = regexp.MustCompile(`(?:https?://|mailto:)[^\s)>\]]+`)
	fence = regexp.MustCompile("(?m)^```chart\n(?s:.*?)^```")
)

// englishLeft returns the ASCII words of text that are neither the user's
// nor allowed: English that Go wrote, or a template left untranslated.
// A chart fence's keys are syntax; its values are checked.
func englishLeft(text string, ok map[string]bool) []string {
	text = links.ReplaceAllString(text, " ")
	text = fence.ReplaceAllStringFunc(text, func(f string) string {
		var vals []string
		for _, line := range strings.Split(f, "\n") {
			if k, v, found := strings.Cut(line, ":"); found && k != "points" && k != "better" && k != "lang" {
				vals = append(vals, v)
			}
		}
		return strings.Join(vals, "\n")
	})
	var left []string
	for _, w := range asciiWord.FindAllString(text, -1) {
		if !isASCII(w) || ok[strings.ToLower(w)] || len(w) < 2 {
			continue
		}
		if !slices.Contains(left, w) {
			left = append(left, w)
		}
	}
	return left
}

func isASCII(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// TestNoEnglishWrittenInGoReachesADocument renders every example, its
// status notes, review and agreement in a pseudo-language (the English
// templates with every letter replaced) and fails on any ASCII word that
// the user did not write: a word that reached the document from Go rather
// than from the language's templates.
func TestNoEnglishWrittenInGoReachesADocument(t *testing.T) {
	usePseudo(t)
	docs, err := document.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			src, _ := examples.Get(name)
			p := load(t, src)
			p.Language = pseudoCarrier
			var (
				log *proposal.Log
				err error
			)
			if b, ok := examples.Log(name); ok {
				if log, err = proposal.ParseLog(name+".log.yaml", b, p); err != nil {
					t.Fatal(err)
				}
			}
			allowed := allowedWords(p, log, pseudoCarrier)
			check := func(what, text string) {
				t.Helper()
				if left := englishLeft(text, allowed); len(left) > 0 {
					t.Errorf("%s holds words that are not the language's: %s", what, strings.Join(left, ", "))
				}
			}
			files, err := Files(p, Options{Creator: "propose", Formats: []Format{Markdown, PDF}, Templates: docs})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range files {
				switch {
				case strings.HasSuffix(f.Name, ".md"):
					// A language span is markup, not words (mdtext.LangSpan).
					check(f.Name, langSpanTags.ReplaceAllString(string(f.Data), " "))
				case strings.HasSuffix(f.Name, ".pdf"):
					text, err := pdftext.Extract(f.Data)
					if err != nil {
						t.Fatal(err)
					}
					check(f.Name, text)
				}
			}
			mail, err := Email(view.NewPublic(p), "", Options{Creator: "propose", Templates: docs})
			if err != nil {
				t.Fatal(err)
			}
			e := readEmail(t, mail.Data)
			check("email", e.subject+"\n"+e.text)
			if p.HasTrial() {
				cal, err := Calendar(p, CalendarOptions{})
				if err != nil {
					t.Fatal(err)
				}
				check("calendar", icsText(string(cal.Data)))
			}
			if log == nil {
				return
			}
			st, ok := view.NewStatus(p, log, proposal.Date{})
			if !ok {
				t.Fatal("no status note from the example's log")
			}
			md, err := docs.RenderStatus(st)
			if err != nil {
				t.Fatal(err)
			}
			check("status note", st.Subject()+"\n"+string(md))
			rv, ok := view.NewReviewPrivate(p, log)
			if !ok {
				t.Fatal("no review from the example's log")
			}
			rfiles, err := ReviewFiles(rv, Options{Creator: "propose", Formats: []Format{Markdown, PDF}, Templates: docs})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range rfiles {
				if strings.HasSuffix(f.Name, ".md") {
					check(f.Name, string(f.Data))
				}
			}
			log.Outcome.Decision = "approved"
			pv, ok := view.NewPermanent(p, log)
			if !ok {
				t.Fatal("no agreement from the approved log")
			}
			md, err = docs.RenderAgreement(pv)
			if err != nil {
				t.Fatal(err)
			}
			check("agreement", string(md))
		})
	}
}

// icsText is what a calendar shows of an .ics file: its names and
// descriptions, unfolded and unescaped.
func icsText(s string) string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	var out []string
	for _, line := range strings.Split(s, "\r\n") {
		for _, key := range []string{"SUMMARY:", "DESCRIPTION:", "X-WR-CALNAME:"} {
			if v, ok := strings.CutPrefix(line, key); ok {
				out = append(out, strings.NewReplacer(`\n`, "\n", `\,`, ",", `\;`, ";", `\\`, `\`).Replace(v))
			}
		}
	}
	return strings.Join(out, "\n")
}

// templateWords are the words a language's templates and phrases write
// (outside their actions), lower-cased.
func templateWords(t *testing.T, folder string) map[string]bool {
	t.Helper()
	files, err := fs.Glob(templates.FS, folder+"/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates in %s: %v", folder, err)
	}
	words := map[string]bool{}
	for _, f := range files {
		b, err := fs.ReadFile(templates.FS, f)
		if err != nil {
			t.Fatal(err)
		}
		src := regexp.MustCompile(`(?s)\{\{.*?\}\}`).ReplaceAllString(string(b), " ")
		for _, w := range asciiWord.FindAllString(src, -1) {
			words[strings.ToLower(w)] = true
		}
	}
	return words
}

// TestEveryLanguageWritesEveryExample renders the four English examples
// and every language's own example in each supported language other than
// English, and checks that the documents fit (the one-pager on one page,
// the proposal on two to four) and that no word the English templates
// write, and the language's never do, reaches a manager's document or
// the prep sheet, other than the user's own.
func TestEveryLanguageWritesEveryExample(t *testing.T) {
	english := templateWords(t, "en")
	for _, l := range locale.Languages {
		if l.English() {
			continue
		}
		own := templateWords(t, l.Folder)
		// A language's templates share few words with English (names,
		// "Teams", "Slack"); a folder still largely English is not
		// translated, whatever its documents say.
		shared := 0
		for w := range own {
			if english[w] {
				shared++
			}
		}
		if share := float64(shared) / float64(len(own)); share > 0.15 {
			t.Errorf("%s: %.0f%% of the words in templates/%s are English template words: is it translated?", l.Tag, 100*share, l.Folder)
		}
		var foreign []string
		for w := range english {
			if !own[w] && len(w) > 2 {
				foreign = append(foreign, w)
			}
		}
		type example struct{ name, scenario string }
		var all []example
		for _, n := range examples.Names() {
			all = append(all, example{n, n})
		}
		for _, n := range examples.NamesIn(l.Folder) {
			all = append(all, example{l.Folder + "/" + n, n})
		}
		for _, ex := range all {
			t.Run(l.Tag+"/"+ex.name, func(t *testing.T) {
				var src []byte
				if strings.Contains(ex.name, "/") {
					src, _ = examples.GetIn(l.Folder, ex.scenario)
				} else {
					src, _ = examples.Get(ex.scenario)
				}
				p := load(t, src)
				p.Language, p.PrepLanguage = l.Tag, ""
				allowed := allowedWords(p, nil, l.Tag)
				files, err := Files(p, Options{Creator: "propose", Formats: []Format{Markdown, PDF}})
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range files {
					switch {
					case strings.HasSuffix(f.Name, ".md"):
						for _, w := range englishLeft(string(f.Data), allowed) {
							if slices.Contains(foreign, strings.ToLower(w)) {
								t.Errorf("%s holds the English %q", f.Name, w)
							}
						}
					case f.Name == "one-pager.pdf" || f.Name == "proposal.pdf":
						pages, err := pdftext.Pages(f.Data)
						if err != nil {
							t.Fatal(err)
						}
						if n := len(pages); f.Name == "one-pager.pdf" && n != 1 || f.Name == "proposal.pdf" && (n < 2 || n > 4) {
							t.Errorf("%s has %d pages", f.Name, n)
						}
					}
				}
			})
		}
	}
}

// TestFontsDrawEveryLanguage checks that the embedded fonts draw the
// letters and marks of every language the documents are written in, and
// every character the languages' templates write.
func TestFontsDrawEveryLanguage(t *testing.T) {
	for _, r := range "äöüÄÖÜßéèêëàâçÇîïôûùÿœŒæÉÈÀñÑáíóúÁÍÓÚ¿¡«»„“”‚‘’–—…\u202f\u00a0€" {
		if !pdf.Covers(r) {
			t.Errorf("the fonts lack %q (%U)", r, r)
		}
	}
	files, _ := fs.Glob(templates.FS, "*/*.tmpl")
	for _, f := range files {
		b, _ := fs.ReadFile(templates.FS, f)
		for _, r := range string(b) {
			if !pdf.Covers(r) {
				t.Errorf("%s writes %q (%U), which the fonts lack", f, r, r)
			}
		}
	}
}
