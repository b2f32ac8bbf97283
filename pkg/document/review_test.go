package document

import (
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// TestTrialExampleDuringTheTrial renders the trial example's log as the
// status note of every week and as the review report: goldens, read by a
// person, and clean of placeholders and empty sections.
func TestTrialExampleDuringTheTrial(t *testing.T) {
	src, _ := examples.Get("trial")
	p := parse(t, "trial.yaml", src)
	logSrc, _ := examples.Log("trial")
	l, err := proposal.ParseLog("trial.log.yaml", logSrc, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range l.Entries {
		v, ok := view.NewStatus(p, l, e.Date)
		if !ok {
			t.Fatalf("no status for %s", e.Date)
		}
		md, err := RenderStatus(v)
		if err != nil {
			t.Fatal(err)
		}
		checkClean(t, "status "+e.Date.String(), md)
		if e.Date == proposal.NewDate(2027, 2, 5) || e.Date == proposal.NewDate(2027, 3, 5) {
			golden.Check(t, golden.Path(t, "status-"+e.Date.String()+".md"), md)
		}
	}
	v, ok := view.NewReview(p, l)
	if !ok {
		t.Fatal("no review")
	}
	md, err := RenderReview(v)
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, "review", md)
	golden.Check(t, golden.Path(t, "review.md"), md)
	pv, _ := view.NewReviewPrivate(p, l)
	prep, err := RenderReviewPrep(pv)
	if err != nil {
		t.Fatal(err)
	}
	checkClean(t, "review prep", prep)
	golden.Check(t, golden.Path(t, "review-prep.md"), prep)
}
