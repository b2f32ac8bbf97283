package pdfua_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/internal/pdfua"
	"github.com/propose-cli/propose/pkg/locale"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"
)

// TestExamples holds every PDF that the examples render to PDF/UA-1.
//
// propose's PDFs are not tagged yet. Until they are (until a PDF has a
// /StructTreeRoot), the test checks that the checker sees an untagged PDF
// for what it is, logs what it found, and skips; from then on every rule
// this package checks must hold, and the tagged text must read in the
// content's order.
func TestExamples(t *testing.T) {
	today := proposal.NewDate(2027, 1, 4)
	var folders []string
	for _, l := range locale.Languages {
		if !slices.Contains(folders, l.Folder) {
			folders = append(folders, l.Folder)
		}
	}
	for _, lang := range folders {
		for _, name := range examples.NamesIn(lang) {
			src, _ := examples.GetIn(lang, name)
			t.Run(lang+"/"+name, func(t *testing.T) {
				p, err := proposal.Parse(name+".yaml", src, today)
				if err != nil {
					t.Fatal(err)
				}
				files, err := render.Files(p, render.Options{Creator: "propose test", Formats: []render.Format{render.PDF}})
				if err != nil {
					t.Fatal(err)
				}
				untagged := 0
				for _, f := range files {
					if !strings.HasSuffix(f.Name, ".pdf") {
						continue
					}
					fs := pdfua.Check(f.Data)
					if slices.ContainsFunc(fs, func(x pdfua.Failure) bool { return x.Rule == "7.1-11" }) {
						untagged++
						for _, want := range []string{"6.2-1", "7.1-3"} {
							if !slices.ContainsFunc(fs, func(x pdfua.Failure) bool { return x.Rule == want }) {
								t.Errorf("%s has no StructTreeRoot, yet the checker does not report %s: %s", f.Name, want, pdfua.Summary(fs))
							}
						}
						t.Logf("%s: %s", f.Name, pdfua.Summary(fs))
						continue
					}
					pdfua.Assert(t, f.Name, f.Data)
					pdfua.AssertReadingOrder(t, f.Name, f.Data)
				}
				if untagged > 0 {
					t.Skipf("propose's PDFs are not tagged yet (%d without a StructTreeRoot)", untagged)
				}
			})
		}
	}
}
