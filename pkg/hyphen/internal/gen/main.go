// Command gen writes pkg/hyphen's embedded pattern files and their NOTICE
// from the pattern files Debian ships. It runs by hand (go generate in
// pkg/hyphen), never in tests: the output is committed. The same input
// gives the same output.
//
// Sources, as README.md says how to get them:
//   - TeX hyph-utf8, from Debian's texlive-lang-english, -german, -french and
//     -spanish: patterns/txt/hyph-<tag>.pat.txt and .hyp.txt, and the
//     licence in the header of patterns/tex/hyph-<tag>.tex;
//   - Dutch from Debian's hyphen-nl (OpenTaal, BSD-2-Clause or CC-BY 3.0):
//     hyph_nl_NL.dic in ISO 8859-1 and the package's copyright file. TeX's
//     own Dutch patterns are under the LPPL, which this project does not
//     carry.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/propose-cli/propose/pkg/hyphen/internal/packed"
)

// texLanguage is one language taken from hyph-utf8.
type texLanguage struct {
	tag string // hyph-utf8's tag
	out string // the file under data/
	// dropApostrophes leaves out patterns with an apostrophe: pkg/hyphen
	// splits words at apostrophes, so they never match (French has each
	// of them twice more, once per apostrophe, beside the '.' form).
	dropApostrophes bool
}

var texLanguages = []texLanguage{
	{tag: "en-us", out: "en-us.pat"},
	{tag: "en-gb", out: "en-gb.pat"},
	{tag: "de-1996", out: "de.pat"},
	{tag: "fr", out: "fr.pat", dropApostrophes: true},
	{tag: "es", out: "es.pat"},
}

// permissive are the licence names the project carries; en-us has no
// name, only a notice that permits copying with or without modification.
var permissive = map[string]bool{"MIT": true, "MIT/X11": true}

const enUSPermission = "Copying and distribution of this file, with or without modification,"

func main() {
	texDir := flag.String("tex", "/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8", "hyph-utf8's folder")
	opentaal := flag.String("opentaal", "/usr/share/hyphen/hyph_nl_NL.dic", "OpenTaal's Dutch patterns (libhyphen format)")
	opentaalCopyright := flag.String("opentaal-copyright", "/usr/share/doc/hyphen-nl/copyright", "Debian's copyright file of hyphen-nl")
	out := flag.String("out", "data", "output folder")
	flag.Parse()
	if err := run(*texDir, *opentaal, *opentaalCopyright, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(texDir, opentaal, opentaalCopyright, out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", out, err)
	}
	var notice bytes.Buffer
	notice.WriteString(noticeIntro)
	for _, l := range texLanguages {
		header, err := texHeader(filepath.Join(texDir, "patterns", "tex", "hyph-"+l.tag+".tex"))
		if err != nil {
			return err
		}
		if err := checkLicence(l.tag, header); err != nil {
			return err
		}
		t, err := readTeX(texDir, l, header)
		if err != nil {
			return err
		}
		if err := write(out, l.out, t); err != nil {
			return err
		}
		fmt.Fprintf(&notice, "\n## data/%s: hyph-%s.pat.txt and .hyp.txt from TeX hyph-utf8\n\n", l.out, l.tag)
		notice.WriteString(header)
	}

	t, err := readOpenTaal(opentaal)
	if err != nil {
		return err
	}
	if err := write(out, "nl.pat", t); err != nil {
		return err
	}
	nlNotice, err := debianNotice(opentaalCopyright, "dictionaries/nl_NL/*", "BSD-2-clause")
	if err != nil {
		return err
	}
	notice.WriteString("\n## data/nl.pat: hyph_nl_NL.dic from OpenTaal (Debian hyphen-nl)\n\n")
	notice.WriteString(nlNotice)

	if err := os.WriteFile(filepath.Join(out, "NOTICE"), notice.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing NOTICE: %w", err)
	}
	return nil
}

const noticeIntro = `Hyphenation patterns embedded in pkg/hyphen/data
=================================================

Each data/*.pat file holds one source's patterns and exceptions, sorted,
front-coded and zlib-compressed by pkg/hyphen/internal/gen (the format is
described in pkg/hyphen/internal/packed). The patterns are otherwise those
of the source, except that French patterns with an apostrophe are left out
(pkg/hyphen matches the letters after an apostrophe as a word of their own,
which the remaining '.' patterns cover). The notices of the sources follow.
`

// write packs t into dir/name and checks that it reads back unchanged.
func write(dir, name string, t packed.Table) error {
	data, err := packed.Encode(t)
	if err != nil {
		return fmt.Errorf("packing %s: %w", name, err)
	}
	if _, back, err := packed.ReadAll(data); err != nil {
		return fmt.Errorf("reading back %s: %w", name, err)
	} else if len(back.Patterns) == 0 {
		return fmt.Errorf("reading back %s: no patterns", name)
	}
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// texHeader returns the metadata header of a hyph-utf8 .tex file: its
// leading comment lines up to the "% ====" rule, without the "% ".
func texHeader(path string) (string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("reading licence header: %w", err)
	}
	var b strings.Builder
	for _, line := range strings.Split(string(src), "\n") {
		if !strings.HasPrefix(line, "%") {
			break
		}
		text := strings.TrimPrefix(strings.TrimPrefix(line, "%"), " ")
		if strings.HasPrefix(text, "=====") {
			return b.String(), nil
		}
		b.WriteString(strings.TrimRight(text, " \t\r"))
		b.WriteByte('\n')
	}
	return "", fmt.Errorf("%s: no \"%% ====\" line ends the header", path)
}

// checkLicence refuses a language whose header does not grant a licence
// the project carries.
func checkLicence(tag, header string) error {
	inLicence := false
	for _, line := range strings.Split(header, "\n") {
		if strings.HasPrefix(line, "licence:") {
			inLicence = true
			continue
		}
		if inLicence && !strings.HasPrefix(line, " ") {
			break
		}
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "name:"); inLicence && ok {
			name = strings.TrimSpace(name)
			if permissive[name] {
				return nil
			}
			return fmt.Errorf("hyph-%s: licence %q is not one the project carries", tag, name)
		}
	}
	if inLicence && strings.Contains(header, enUSPermission) {
		return nil
	}
	return fmt.Errorf("hyph-%s: no licence the project carries in the header", tag)
}

// readFields returns the space-separated fields of a pattern or
// exception file, in order.
func readFields(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return strings.Fields(string(b)), nil
}

func readTeX(texDir string, l texLanguage, header string) (packed.Table, error) {
	txt := filepath.Join(texDir, "patterns", "txt", "hyph-"+l.tag)
	fields, err := readFields(txt + ".pat.txt")
	if err != nil {
		return packed.Table{}, err
	}
	t := packed.Table{Lang: l.tag, Source: "hyph-utf8 hyph-" + l.tag + ".pat.txt" + version(header)}
	for _, s := range fields {
		if l.dropApostrophes && strings.ContainsAny(s, "'’") {
			continue
		}
		p, err := packed.ParseTeX(s)
		if err != nil {
			return packed.Table{}, fmt.Errorf("hyph-%s: %w", l.tag, err)
		}
		t.Patterns = append(t.Patterns, p)
	}
	words, err := readFields(txt + ".hyp.txt")
	if errors.Is(err, os.ErrNotExist) {
		return t, nil
	}
	if err != nil {
		return packed.Table{}, err
	}
	for _, w := range words {
		t.Exceptions = append(t.Exceptions, strings.ToLower(w))
	}
	return t, nil
}

// version returns ", version X" from a header's "version:" line, or "".
func version(header string) string {
	for _, line := range strings.Split(header, "\n") {
		if v, ok := strings.CutPrefix(line, "version:"); ok {
			return ", version " + strings.TrimSpace(v)
		}
	}
	return ""
}

// readOpenTaal reads a libhyphen pattern file in ISO 8859-1: a charset
// line, then patterns; keyword lines such as LEFTHYPHENMIN are skipped, and
// libhyphen's non-standard patterns ("ab1c/b=,1,1") are refused.
func readOpenTaal(path string) (packed.Table, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return packed.Table{}, fmt.Errorf("reading Dutch patterns: %w", err)
	}
	lines := strings.Split(latin1(src), "\n")
	if cs := strings.TrimSpace(lines[0]); cs != "ISO8859-1" {
		return packed.Table{}, fmt.Errorf("%s: charset %q, want ISO8859-1", path, cs)
	}
	t := packed.Table{Lang: "nl", Source: "OpenTaal hyph_nl_NL.dic (Debian hyphen-nl)"}
	for i, line := range lines[1:] {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "%") || strings.HasPrefix(line, "#") || isKeyword(line) {
			continue
		}
		if strings.ContainsAny(line, "/=") {
			return packed.Table{}, fmt.Errorf("%s:%d: non-standard pattern %q", path, i+2, line)
		}
		p, err := packed.ParseTeX(line)
		if err != nil {
			return packed.Table{}, fmt.Errorf("%s:%d: %w", path, i+2, err)
		}
		t.Patterns = append(t.Patterns, p)
	}
	return t, nil
}

func isKeyword(line string) bool {
	word, _, _ := strings.Cut(line, " ")
	return word != "" && strings.ToUpper(word) == word && strings.IndexFunc(word, unicode.IsLetter) >= 0
}

func latin1(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = rune(c)
	}
	return string(r)
}

// debianNotice returns, from a Debian machine-readable copyright file, the
// paragraph for files and the text of the named licence.
func debianNotice(path, files, licence string) (string, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("reading Dutch copyright: %w", err)
	}
	var filesPara, licencePara string
	for _, para := range strings.Split(string(src), "\n\n") {
		para = strings.Trim(para, "\n")
		if strings.HasPrefix(para, "Files: "+files+"\n") {
			filesPara = para
		}
		if strings.HasPrefix(para, "License: "+licence+"\n") {
			licencePara = para
		}
	}
	if filesPara == "" || licencePara == "" {
		return "", fmt.Errorf("%s: no paragraph for %s or for licence %s", path, files, licence)
	}
	if !strings.Contains(filesPara, licence) {
		return "", fmt.Errorf("%s: %s is not under %s", path, files, licence)
	}
	return filesPara + "\n\n" + licencePara + "\n", nil
}
