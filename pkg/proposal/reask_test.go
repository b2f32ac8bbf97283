package proposal

import (
	"slices"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
)

func loadTrialAndLog(t *testing.T, decline string) (*Proposal, *Log) {
	t.Helper()
	src, _ := examples.Get("trial")
	p, err := Parse("trial.yaml", src, NewDate(2027, 1, 4))
	if err != nil {
		t.Fatal(err)
	}
	logSrc, _ := examples.Log("trial")
	l, err := ParseLog("trial.log.yaml", append(logSrc, []byte(decline)...), p)
	if err != nil {
		t.Fatal(err)
	}
	return p, l
}

// TestReaskedDropsTheRefusedDayAndLeadsWithResults checks the proposal to
// ask again: one remote day fewer, never the day a reason was given
// against; the trial's met measures first in the record; each reason with
// the generated answer that check flags until the user writes their own.
func TestReaskedDropsTheRefusedDayAndLeadsWithResults(t *testing.T) {
	p, l := loadTrialAndLog(t, "outcome:\n  decision: declined\n  date: 2027-03-11\n  reasons:\n    - Mondays are when the team plans the week\n")
	q, err := Reasked(p, l)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Arrangement.RemoteDays; !slices.Equal(got, []Weekday{5}) {
		t.Errorf("remote days %v, want Friday alone: Monday was refused", got)
	}
	if len(q.Performance.Highlights) == 0 || !strings.Contains(q.Performance.Highlights[0], "during the trial") {
		t.Errorf("the record does not lead with the trial's results: %q", q.Performance.Highlights)
	}
	if len(q.Reask.Reasons) != 1 || q.Reask.Reasons[0].Response != GeneratedReaskResponse {
		t.Errorf("reasons %+v", q.Reask.Reasons)
	}
	// A fully remote trial steps down by one day, not to two.
	p.Arrangement.Type, p.Arrangement.RemoteDays, p.Arrangement.OfficeDays = "remote", nil, nil
	q, err = Reasked(p, l)
	if err != nil {
		t.Fatal(err)
	}
	if got := q.Arrangement.RemoteDays; q.Arrangement.Type != "hybrid" || len(got) != 4 || slices.Contains(got, Weekday(1)) {
		t.Errorf("after a fully remote trial: %s %v, want four days without Monday", q.Arrangement.Type, got)
	}
}
