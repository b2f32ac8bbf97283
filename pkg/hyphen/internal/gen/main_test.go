package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Header excerpts in the form hyph-utf8's .tex files use.
const (
	mitHeader = "% title: x\n% licence:\n%     name: MIT\n%     url: https://opensource.org/licenses/MIT\n% ==========\n\\patterns{\n"
	x11Header = "% licence:\n%     name: MIT/X11\n% ==========\n"
	usHeader  = "% licence:\n%     text: >\n%         Copying and distribution of this file, with or without modification,\n%         are permitted in any medium\n% hyphenmins:\n% ==========\n"
	lpplNL    = "% title: Hyphenation patterns for Dutch\n% licence:\n%     name: LPPL\n%     version: 1\n%     or_later: true\n% authors:\n%     -\n%         name: Piet Tutelaers\n% ==========\n"
	noLicence = "% title: x\n% authors:\n%     name: MIT\n% ==========\n"
)

func header(t *testing.T, tex string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hyph-xx.tex")
	if err := os.WriteFile(path, []byte(tex), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := texHeader(path)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestCheckLicence(t *testing.T) {
	for name, tex := range map[string]string{"MIT": mitHeader, "MIT/X11": x11Header, "en-us permission": usHeader} {
		if err := checkLicence("xx", header(t, tex)); err != nil {
			t.Errorf("%s refused: %v", name, err)
		}
	}
	for name, tex := range map[string]string{"LPPL": lpplNL, "an author named MIT, no licence": noLicence} {
		if err := checkLicence("xx", header(t, tex)); err == nil {
			t.Errorf("%s accepted", name)
		}
	}
}

func TestTexHeaderStopsAtRule(t *testing.T) {
	h := header(t, mitHeader)
	if !strings.Contains(h, "name: MIT\n") || strings.Contains(h, "patterns") || strings.HasPrefix(h, "%") {
		t.Errorf("header %q", h)
	}
}

func TestDebianNotice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "copyright")
	src := "Files: *\nLicense: MPL-2.0\n\nFiles: dictionaries/nl_NL/*\nCopyright: 2006-2010 OpenTaal\nLicense: BSD-2-clause or CC-BY-3.0\n\nLicense: BSD-2-clause\n Redistribution and use …\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	n, err := debianNotice(path, "dictionaries/nl_NL/*", "BSD-2-clause")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(n, "OpenTaal") || !strings.Contains(n, "Redistribution") || strings.Contains(n, "MPL") {
		t.Errorf("notice %q", n)
	}
	if _, err := debianNotice(path, "dictionaries/nl_NL/*", "GPL-2"); err == nil {
		t.Error("a licence the files are not under was accepted")
	}
}
