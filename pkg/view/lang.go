package view

import (
	"bytes"
	"fmt"
	"github.com/propose-cli/propose/pkg/mdtext"
	"io/fs"
	"path"
	"strings"
	"sync"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/propose-cli/propose/pkg/check"
	"github.com/propose-cli/propose/pkg/locale"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/templates"
)

// Lang is a language's conventions and its phrases: what the view needs to
// put the facts of a proposal into words. The words themselves are the
// named templates of templates/FOLDER/phrases.tmpl.
type Lang struct {
	*locale.Locale
	phrases *template.Template
	numbers []string
	common  map[string]bool // words that start a line without being names, lower-cased inside a sentence
}

// langs holds each language's phrases once parsed, by tag.
var langs sync.Map

// PhrasesFS is where the phrases of each language are read: the built-in
// templates. A test may point it at a pseudo-language's.
var PhrasesFS fs.FS = templates.FS

// LangOf returns the language of tag (US English for a tag that is not
// supported: validation refuses one before a view is made).
func LangOf(tag string) *Lang {
	loc := locale.MustOf(tag)
	if l, ok := langs.Load(loc.Tag); ok {
		return l.(*Lang)
	}
	l, err := parseLang(loc, PhrasesFS)
	if err != nil {
		// The built-in phrases are tested to parse; a broken set is a
		// bug, not an input problem.
		panic(err)
	}
	actual, _ := langs.LoadOrStore(loc.Tag, l)
	return actual.(*Lang)
}

// ResetLangs forgets the parsed phrases, after a test changed PhrasesFS.
func ResetLangs() { langs.Clear() }

func parseLang(loc *locale.Locale, fsys fs.FS) (*Lang, error) {
	name := loc.Folder + "/phrases.tmpl"
	l := &Lang{Locale: loc}
	t, err := template.New("phrases.tmpl").Funcs(l.Funcs()).Option("missingkey=error").ParseFS(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("parse phrases %s: %w", name, err)
	}
	// A language other than English words the coach's questions for the
	// prep sheet in its own file.
	for _, name := range []string{QuestionsFile, LawFile} {
		q := path.Join(loc.Folder, name)
		if _, err := fs.Stat(fsys, q); err == nil {
			if _, err := t.ParseFS(fsys, q); err != nil {
				return nil, fmt.Errorf("parse %s: %w", q, err)
			}
		}
	}
	l.phrases = t
	l.numbers = strings.Fields(l.say("numbers", nil))
	if !loc.English() {
		l.common = map[string]bool{}
		for _, w := range strings.Fields(l.say("commonWords", nil)) {
			l.common[strings.ToLower(w)] = true
		}
	}
	return l, nil
}

// Phrases returns a copy of the language's phrases, parsed once, with its
// functions: a document's template is parsed into it, so that it may call
// them without parsing them again.
func (l *Lang) Phrases() (*template.Template, error) { return l.phrases.Clone() }

// PhrasesFile is the phrases' file name inside a language's folder.
const PhrasesFile = "phrases.tmpl"

// LawFile holds what the law where the user works adds, as phrases named
// "law.…" (see Law).
const LawFile = "law.tmpl"

// QuestionsFile holds, in a language other than English, the question
// each rule of the coach raises, as the phrase "q:RULE".
const QuestionsFile = "questions.tmpl"

// question is what the manager will think or ask, for a finding of the
// coach: its own words in English, the language's phrase otherwise. The
// phrase is given the text the rule found (.Value), the policy's limit
// (.Limit) and the date of the earlier no (.DeniedOn), in the language.
func (l *Lang) question(f check.Finding, v *Public) string {
	if l.English() {
		return f.Manager
	}
	return l.say("q:"+f.Rule, map[string]string{"Value": f.Value, "Limit": v.Policy.Limit, "DeniedOn": v.DeniedOn})
}

// say executes the phrase name with data and returns it trimmed. A phrase
// the language lacks is a bug the tests find (every language defines every
// phrase); the document shows its name rather than English.
func (l *Lang) say(name string, data any) string {
	var b bytes.Buffer
	if err := l.phrases.ExecuteTemplate(&b, name, data); err != nil {
		return "[" + name + "]"
	}
	return strings.TrimSpace(b.String())
}

// Say executes the phrase name with data, for a renderer that writes
// words of its own around the documents (the calendar's events).
func (l *Lang) Say(name string, data any) string { return l.say(name, data) }

// count writes small numbers as words, as formal prose does.
func (l *Lang) count(n int) string {
	if n >= 0 && n < len(l.numbers) {
		return l.numbers[n]
	}
	return l.Number(float64(n), 0)
}

// date writes a date for running text in the language.
func (l *Lang) date(d proposal.Date) string {
	if d.IsZero() {
		return ""
	}
	return l.Date(d.Time())
}

// longDate writes a date with its weekday.
func (l *Lang) longDate(d proposal.Date) string {
	if d.IsZero() {
		return ""
	}
	return l.LongDate(d.Time())
}

// clock writes a time of day.
func (l *Lang) clock(c proposal.Clock) string {
	if !c.Set {
		return ""
	}
	return l.Clock(c.Hour(), c.Minute())
}

// weekday names a day of the week.
func (l *Lang) weekday(d proposal.Weekday) string {
	return l.Weekday(time.Weekday(d))
}

// list joins items as a list in a sentence.
func (l *Lang) list(items []string) string { return l.List(items) }

// Funcs are the functions the language's templates may call.
func (l *Lang) Funcs() template.FuncMap {
	return template.FuncMap{
		"count":    l.count,
		"lower":    l.lowerFirst,
		"capital":  Capitalize,
		"yours":    l.english(Yours),
		"document": l.english(Document),
		"onDays":   l.onDays,
		"sentence": Sentence,
		"list":     func(parts ...string) string { return l.List(nonEmpty(parts)) },
		"listOf":   func(items []string) string { return l.List(nonEmpty(items)) },
		"quote":    l.Quote,
		// inLang marks a passage in another language than the document's
		// (mdtext.InLang): an English source in a French proposal.
		"inLang": func(lang, text string) string { return mdtext.InLang(lang, l.Tag, text) },
		"last":   func(items []string) string { return items[len(items)-1] },
		"suffix": func(items []string, s string) []string {
			out := make([]string, len(items))
			for i, it := range items {
				out[i] = it + s
			}
			return out
		},
		"contains":   strings.Contains,
		"trimPrefix": strings.TrimPrefix,
		"lowerInitial": func(s string) string {
			r, n := utf8.DecodeRuneInString(s)
			if n == 0 {
				return s
			}
			return string(unicode.ToLower(r)) + s[n:]
		},
		"mod":    func(a, b int) int { return a % b },
		"div":    func(a, b int) int { return a / b },
		"date":   l.Date,
		"number": func(n int) string { return l.Number(float64(n), 0) },
	}
}

func nonEmpty(parts []string) []string {
	var items []string
	for _, p := range parts {
		if p != "" {
			items = append(items, p)
		}
	}
	return items
}

// LangTag is the language tag of the documents made from the view.
func (v *Public) LangTag() string { return v.Language }

// Say executes the phrase name of the view's language with data: the
// words a renderer puts around the document (metadata, the page footer,
// the prep sheet's mark), which live with the language's phrases.
func (v *Public) Say(name string, data any) string {
	if strings.HasPrefix(name, "law.") {
		return v.lang.sayLaw(name, data) // British English where the language has none
	}
	return v.lang.say(name, data)
}

// Folio is the page footer's words around the page number and the page
// count: "Page ", " of " and "" in English.
func (v *Public) Folio() [3]string {
	s := v.lang.say("folio", map[string]string{"N": "\x00", "Total": "\x01"})
	before, rest, _ := strings.Cut(s, "\x00")
	between, after, _ := strings.Cut(rest, "\x01")
	return [3]string{before, between, after}
}

// english returns f for an English locale, whose grammar it writes ("my
// offer letter" to "your offer letter"), and leaves text as it is in any
// other language.
func (l *Lang) english(f func(string) string) func(string) string {
	if l.English() {
		return f
	}
	return func(s string) string { return s }
}

// lowerFirst lower-cases the first letter of user text that continues a
// sentence, when its first word is one of the language's common words (an
// article, a pronoun, a number) that only started with a capital because
// it started a line: "Twee collega’s" inside a Dutch sentence reads
// "twee collega’s". A name, or a German noun, keeps its capital.
func (l *Lang) lowerFirst(s string) string {
	if l.English() {
		return lowerFirst(s)
	}
	word, _, _ := strings.Cut(s, " ")
	w := strings.ToLower(strings.Trim(word, ",.;:\\*_"))
	if !l.common[w] || word == strings.ToUpper(word) && len([]rune(word)) > 1 {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
