package pdf

import (
	"os"
	"testing"
	"time"
)

func TestScratch(t *testing.T) {
	for _, n := range []string{"proposal", "one-pager"} {
		md, _ := os.ReadFile("../document/testdata/TestRenderExamples/trial/" + n + ".md")
		r, err := Render(md, Meta{Title: "Proposal", Author: "Zoë Okafor", Date: time.Date(2027, 1, 5, 0, 0, 0, 0, time.UTC), Paper: "letter"})
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/pdft/"+n+".pdf", r.PDF, 0o644)
		t.Log(n, r.Pages, len(r.PDF))
	}
}
