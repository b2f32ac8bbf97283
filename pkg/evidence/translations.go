package evidence

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
)

// The library's prose in the other languages a document may be written in,
// one file per language named by its tag, keyed by citation id. Reference
// and URL are not translated: a source is cited as published.
//
//go:embed translations/*.yaml
var translationFiles embed.FS

// prose is the part of a citation that is written for a reader, as it
// appears in a translation file.
type prose struct {
	Short    string `yaml:"short"`
	Claim    string `yaml:"claim"`
	Speak    string `yaml:"speak"`
	Finding  string `yaml:"finding"`
	HoldsFor string `yaml:"holds_for"`
	Answer   string `yaml:"answer"`
}

// translations parses every translation file once, on first use: by
// language, then by citation id.
var translations = sync.OnceValues(func() (map[string]map[string]prose, error) {
	return parseTranslations(translationFiles)
})

// parseTranslations reads every translations/LANG.yaml of fsys: a key
// that is not a prose field, or an id given twice, is an error.
func parseTranslations(fsys fs.FS) (map[string]map[string]prose, error) {
	names, err := fs.ReadDir(fsys, "translations")
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]prose{}
	for _, e := range names {
		lang, ok := strings.CutSuffix(e.Name(), ".yaml")
		if !ok || e.IsDir() {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join("translations", e.Name()))
		if err != nil {
			return nil, err
		}
		var m map[string]prose
		if err := yaml.UnmarshalWithOptions(data, &m, yaml.DisallowUnknownField()); err != nil {
			return nil, fmt.Errorf("evidence: translations/%s: %w", e.Name(), err)
		}
		out[lang] = m
	}
	return out, nil
}

// Languages returns the tags of the languages In translates the library
// into, sorted. English, the language the library is written in, is not
// among them.
func Languages() []string {
	all := mustTranslations()
	langs := make([]string, 0, len(all))
	for l := range all {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	return langs
}

// In returns c with its prose (Short, Claim, Speak, Finding, HoldsFor and
// Answer) in the language of the tag lang, such as "de", "fr", "es", "nl"
// or "de-AT": the language is the tag's first subtag, and the text follows
// that language's own conventions (Germany's, France's, Spain's, the
// Netherlands'), whatever the region. Reference, URL and the other fields
// are c's own. For English ("en", "en-US", "en-GB"), a language without a
// translation, or a citation not in the library, In returns c unchanged.
//
// Every non-empty English field of every citation has a translation (the
// package's tests check it); a field without one would stay English.
func In(lang string, c Citation) Citation {
	base := baseLanguage(lang)
	if base == "en" || base == "" {
		return c // the library's own language: nothing to parse
	}
	t, ok := mustTranslations()[base][c.ID]
	if !ok {
		return c
	}
	for _, f := range []struct {
		to   *string
		from string
	}{
		{&c.Short, t.Short}, {&c.Claim, t.Claim}, {&c.Speak, t.Speak},
		{&c.Finding, t.Finding}, {&c.HoldsFor, t.HoldsFor}, {&c.Answer, t.Answer},
	} {
		if *f.to != "" && f.from != "" {
			*f.to = f.from
		}
	}
	return c
}

// baseLanguage returns the language subtag of a BCP 47 tag, in lower case:
// "de" of "de-AT", "es" of "es_ES".
func baseLanguage(tag string) string {
	base, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	base, _, _ = strings.Cut(base, "_")
	return strings.ToLower(base)
}

// mustTranslations returns the parsed translations. They are embedded in
// the program, and the package's tests parse them: a file that does not
// parse is a fault of the build, not of anything a user did.
func mustTranslations() map[string]map[string]prose {
	all, err := translations()
	if err != nil {
		panic(err)
	}
	return all
}
