package document

import (
	"fmt"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/proposal"
)

// TestPolicyLimitIsStatedTruthfully gives every example a written policy
// with each possible limit, in days and in percent, and checks what the
// manager's documents say: a request above the limit is never called
// within it and names the exception it asks for, or that the policy
// provides none; one inside it is said to be
// within; with no limit, the policy is quoted and not judged.
func TestPolicyLimitIsStatedTruthfully(t *testing.T) {
	within := []string{"is within", "within its limit", "falls within", "in line with the policy", "complies"}
	for _, name := range examples.Names() {
		src, _ := examples.Get(name)
		for _, limit := range []string{"", "max_remote_days: 1", "max_remote_days: 2", "max_remote_days: 3",
			"max_remote_days: 5", "max_remote_percent: 20", "max_remote_percent: 40", "max_remote_percent: 60", "max_remote_percent: 100"} {
			t.Run(fmt.Sprintf("%s/%s", name, limit), func(t *testing.T) {
				p, _, err := proposal.Load("x.yaml", src)
				if err != nil {
					t.Fatal(err)
				}
				p.Company.Policy = proposal.Policy{Name: "Flexible Work Policy", Summary: "Some remote work is allowed"}
				if limit != "" {
					key, value, _ := strings.Cut(limit, ": ")
					if err := p.SetText("company.policy."+key, value); err != nil {
						t.Fatal(err)
					}
				}
				p = reparse(t, p)
				fit := p.PolicyFit()
				var all strings.Builder
				for _, k := range append(Kinds, Email) {
					all.Write(mustRender(t, k, p))
				}
				text := all.String()
				said := ""
				for _, w := range within {
					if strings.Contains(text, w) {
						said = w
					}
				}
				switch {
				case limit == "" && said != "":
					t.Errorf("no limit is given, yet the documents judge the request: %q", said)
				case fit.Exceeds && said != "":
					t.Errorf("%s is above %s, yet the documents say %q", fit.Asked, fit.Limit, said)
				case fit.Exceeds && !strings.Contains(text, "exception"):
					t.Errorf("%s is above %s, and the documents do not ask for an exception", fit.Asked, fit.Limit)
				case fit.Known && !fit.Exceeds && said == "":
					t.Errorf("%s is within %s, and the documents do not say so", fit.Asked, fit.Limit)
				}
				var ws proposal.Problems
				for _, w := range proposal.Warnings(p) {
					if strings.HasPrefix(w.Field, "company.policy") {
						ws = append(ws, w)
					}
				}
				if fit.Exceeds != (len(ws) == 1) {
					t.Errorf("exceeds=%v, but validation warns of the policy %v", fit.Exceeds, ws)
				}
			})
		}
	}
}

// reparse writes the proposal out and reads it back, validated and
// completed, as render would read the file.
func reparse(t *testing.T, p *proposal.Proposal) *proposal.Proposal {
	t.Helper()
	return parse(t, "x.yaml", proposal.Marshal(p))
}
