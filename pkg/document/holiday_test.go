package document

import (
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/view"
)

// TestCheckInSaysWhyItMoved renders the trial example with check-ins that
// fall on a public holiday, a weekend and a remote day: the proposal's
// milestone says why the check-in is not on the day asked for, and the
// one-pager's header keeps to the day it is on.
func TestCheckInSaysWhyItMoved(t *testing.T) {
	src, _ := examples.Get("trial")
	for _, tc := range []struct {
		name, start, day, zone string
		milestone, onePager    string
	}{
		// Thursday 25 November 2027 is Thanksgiving; Friday and Monday
		// are remote days: the check-in is on Tuesday 30 November. The
		// trial would end on Saturday 25 December; Friday 24 is Christmas
		// observed, so it ends, with the review, on Thursday 23.
		{"holiday", "2027-10-27", "30", "America/Chicago",
			"| Check-in (day 35; day 30 is Thanksgiving Day) | Tuesday, November 30, 2027 |", "| Begins | Check-in (day 35) | Review together |"},
		{"weekend", "2027-03-01", "6", "Europe/London",
			"| Check-in (day 9; day 6 is a Saturday) | Tuesday, March 9, 2027 |", "| Begins | Check-in (day 9) | Review together |"},
		{"office day", "2027-03-01", "5", "Europe/London",
			"| Check-in (day 9; day 5 is a remote day) | Tuesday, March 9, 2027 |", "| Begins | Check-in (day 9) | Review together |"},
		{"on its day", "2027-03-01", "2", "Europe/London",
			"| Check-in (day 2) | Tuesday, March 2, 2027 |", "| Begins | Check-in (day 2) | Review together |"},
	} {
		s := strings.Replace(string(src), "start: 2027-01-12", "start: "+tc.start, 1)
		s = strings.Replace(s, "check_in_day: 30", "check_in_day: "+tc.day, 1)
		s = strings.Replace(s, "timezone: America/Chicago", "timezone: "+tc.zone, 1)
		p := parse(t, tc.name+".yaml", []byte(s))
		docs := renderAll(t, p)
		for k, md := range docs {
			docs[k] = []byte(strings.ReplaceAll(string(md), "\u00a0", " ")) // dates never break
		}
		if prop := string(docs[Proposal]); !strings.Contains(prop, tc.milestone+"\n") {
			t.Errorf("%s: the proposal has no line %q:\n%s", tc.name, tc.milestone, milestoneLines(prop))
		}
		if one := string(docs[OnePager]); !strings.Contains(one, tc.onePager) {
			t.Errorf("%s: the one-pager has no header %q", tc.name, tc.onePager)
		}
		if tc.name == "holiday" {
			prop := string(docs[Proposal])
			for _, want := range []string{"| Trial ends; review together | Thursday, December 23, 2027 |",
				"We would check in on day 35"} {
				if !strings.Contains(prop, want) {
					t.Errorf("holiday: the proposal has no %q:\n%s", want, milestoneLines(prop))
				}
			}
			prep, err := RenderPrep(view.NewPrivate(p))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.ReplaceAll(string(prep), "\u00a0", " "), "the review on December 23, 2027") {
				t.Error("holiday: the prep sheet does not name the review of the proposal")
			}
		}
	}
}

func milestoneLines(md string) string {
	var out []string
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "| Trial") || strings.HasPrefix(l, "| Check-in") || strings.HasPrefix(l, "| Review") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
