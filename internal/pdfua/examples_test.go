package pdfua_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/internal/pdfua"
	"github.com/propose-cli/propose/pkg/locale"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"
	"github.com/propose-cli/propose/pkg/view"
)

// TestExamples holds every PDF that the examples render to PDF/UA-1: the
// proposal, the one-pager and the prep sheet of each example in each
// language, and, from the trial logs, the review report, its prep sheet
// and the agreement an approval brings. Every rule this package checks
// must hold, and the tagged text of each page must read in the order of
// the page's content.
func TestExamples(t *testing.T) {
	today := proposal.NewDate(2027, 1, 4)
	var folders []string
	for _, l := range locale.Languages {
		if !slices.Contains(folders, l.Folder) {
			folders = append(folders, l.Folder)
		}
	}
	opts := render.Options{Creator: "propose test", Formats: []render.Format{render.PDF}}
	for _, lang := range folders {
		for _, name := range examples.NamesIn(lang) {
			src, _ := examples.GetIn(lang, name)
			t.Run(lang+"/"+name, func(t *testing.T) {
				p, err := proposal.Parse(name+".yaml", src, today)
				if err != nil {
					t.Fatal(err)
				}
				files, err := render.Files(p, opts)
				if err != nil {
					t.Fatal(err)
				}
				if logSrc, ok := examples.GetIn(lang, name+".log"); ok {
					// The review of the trial, approved: the agreement too.
					if !strings.Contains(string(logSrc), "\noutcome:") {
						logSrc = append(logSrc, "outcome:\n  decision: approved\n  date: 2027-03-11\n"...)
					}
					l, err := proposal.ParseLog(name+".log.yaml", logSrc, p)
					if err != nil {
						t.Fatal(err)
					}
					v, ok := view.NewReviewPrivate(p, l)
					if !ok {
						t.Fatal("no review")
					}
					more, err := render.ReviewFilesOf(v, l, opts)
					if err != nil {
						t.Fatal(err)
					}
					files = append(files, more...)
					a, ok := view.NewPermanent(p, l)
					if !ok {
						t.Fatal("no agreement after an approval")
					}
					if more, err = render.AgreementFiles(a, opts); err != nil {
						t.Fatal(err)
					}
					files = append(files, more...)
				}
				n := 0
				for _, f := range files {
					if !strings.HasSuffix(f.Name, ".pdf") {
						continue
					}
					n++
					pdfua.Assert(t, f.Name, f.Data)
					pdfua.AssertReadingOrder(t, f.Name, f.Data)
				}
				if n < 3 {
					t.Errorf("%d PDFs, want the proposal, the one-pager and the prep sheet at least", n)
				}
			})
		}
	}
}

// TestStructureAsPopplerReadsIt keeps, as goldens, the structure tree of
// the trial example's documents as poppler's pdfinfo prints it with their
// text: what a screen reader walks. Skipped where poppler is not installed.
func TestStructureAsPopplerReadsIt(t *testing.T) {
	src, _ := examples.Get("trial")
	p, err := proposal.Parse("trial.yaml", src, proposal.NewDate(2027, 1, 4))
	if err != nil {
		t.Fatal(err)
	}
	files, err := render.Files(p, render.Options{Creator: "propose test", Formats: []render.Format{render.PDF}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(strings.ReplaceAll(f.Name, "/", "-"), ".pdf")
		golden.Check(t, golden.Path(t, name+".txt"), []byte(pdfua.PopplerStructText(t, f.Data)))
	}
}
