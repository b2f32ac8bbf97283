package document

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/evidence"
	"github.com/propose-cli/propose/pkg/proposal"
)

// kept are the fields a file needs to be valid in some scenario; every
// other field is optional, and TestNoWordTheFileDoesNotHold clears it.
var kept = map[string]bool{
	"version": true, "scenario": true, "date": true, "paper": true,
	"employee.name": true, "employee.title": true, "manager.name": true,
	"arrangement.type": true, "arrangement.remote_days": true, "arrangement.office_days": true, "arrangement.start": true,
	"trial.length_days": true, "trial.metrics": true, "reask.reasons": true, "trial.metrics[].name": true, "trial.metrics[].target": true,
	"offer.role": true, "reask.reasons[].reason": true, "reask.reasons[].response": true,
}

// TestNoWordTheFileDoesNotHold empties every optional field of each
// example and checks that the manager's documents then hold no promise, no
// statistic, no finding and no personal gain: nothing the user did not
// write or accept.
func TestNoWordTheFileDoesNotHold(t *testing.T) {
	percent := regexp.MustCompile(`\d+(?:[.,]\d+)?\s?%`)
	var findings []string
	for _, c := range evidence.All(evidence.Supporting) {
		findings = append(findings, c.Short)
	}
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			src, _ := examples.Get(name)
			p, _, err := proposal.Load("x.yaml", src)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range proposal.Fields() {
				if f.Kind == proposal.KindSection || kept[f.Path] {
					continue
				}
				if f.Parent != nil && f.Parent.Kind == proposal.KindItems {
					for i := 0; i < p.Len(f.Parent.Path); i++ {
						p.Clear(strings.Replace(f.Path, "[]", fmt.Sprintf("[%d]", i), 1))
					}
					continue
				}
				p.Clear(f.Path)
			}
			file := string(proposal.Marshal(p))
			text := managerText(t, parse(t, name+".yaml", []byte(file)))
			for _, s := range percent.FindAllString(text, -1) {
				if !strings.Contains(file, strings.TrimSpace(strings.TrimSuffix(s, "%"))) {
					t.Errorf("the documents cite %q, which the file does not hold", s)
				}
			}
			for _, phrase := range []string{proposal.PromiseSwap, proposal.PromiseUrgent, "by phone", "swapped", "commuting",
				"Research", "research", "What the team gains", "Our own data", "precedent", "Colleagues already"} {
				if strings.Contains(text, phrase) {
					t.Errorf("a file without it gets %q", phrase)
				}
			}
			for _, f := range findings {
				if strings.Contains(text, f) {
					t.Errorf("a file that cites nothing gets the finding %q", f)
				}
			}
		})
	}
}
