package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/law"
)

// RulesOptions are the inputs of `propose rules`.
type RulesOptions struct {
	Env          *Env
	Jurisdiction string // a code such as GB; "" for all of them
}

// NewCmdRules returns `propose rules`. runF replaces the run function in
// tests; nil means rulesRun.
func NewCmdRules(env *Env, runF func(*RulesOptions) error) *cobra.Command {
	opts := &RulesOptions{Env: env}
	return &cobra.Command{
		Use:   "rules [JURISDICTION]",
		Short: "Show what the law says where you work, with its sources",
		Long: `Rules prints what propose knows of the law on a request to work remotely or
flexibly in JURISDICTION (` + strings.Join(law.Codes, ", ") + `; all of them without one):
each rule with its source, the date it was checked against it, and the date it
is next expected to change. Put the code under jurisdiction: in your file.

This is information with its sources, not legal advice. Laws change: a rule past
its expected change date is marked, and the source is where to check it.`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: law.Codes,
		RunE:      withFile(&opts.Jurisdiction, opts, runF, rulesRun),
	}
}

func rulesRun(opts *RulesOptions) error {
	list := law.All()
	if opts.Jurisdiction != "" {
		j, ok := law.Of(opts.Jurisdiction)
		if !ok {
			return usageErrorf("no rules for %q (propose knows %s; elsewhere, leave jurisdiction: out or write other)",
				opts.Jurisdiction, strings.Join(law.Codes, ", "))
		}
		list = []*law.Jurisdiction{j}
	}
	today, err := opts.Env.today()
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("Information with its sources, not legal advice.\n")
	for _, j := range list {
		fmt.Fprintf(&b, "\n%s (%s)\n  %s\n", j.Name, j.Code, j.Law)
		if !j.Statutory {
			b.WriteString("  No statutory request for remote work: a request is a negotiation.\n")
		}
		for _, r := range j.Rules {
			fmt.Fprintf(&b, "\n  %s\n", r.ID)
			for _, line := range wrap(r.Says, 76) {
				fmt.Fprintf(&b, "    %s\n", line)
			}
			fmt.Fprintf(&b, "    Source: %s\n    %s\n    Checked %s", r.Source, r.URL, r.Checked.Format(time.DateOnly))
			when := r.Expected
			if when == "" && !r.Changes.IsZero() {
				when = "from " + r.Changes.Format(time.DateOnly)
			}
			switch {
			case !r.Changes.IsZero() && !today.Time().Before(r.Changes.Time):
				fmt.Fprintf(&b, "; expected to change %s: propose may be out of date here, check the source", when)
			case !r.Changes.IsZero():
				fmt.Fprintf(&b, "; expected to change %s", when)
			}
			b.WriteString(".\n")
		}
	}
	_, err = fmt.Fprint(opts.Env.IO.Out, b.String())
	return err
}

// wrap breaks text into lines of at most width characters, at spaces.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
