package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/check"
	"github.com/propose-cli/propose/pkg/document"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"
)

// CheckOptions are the inputs of `propose check`.
type CheckOptions struct {
	Env      *Env
	File     string
	Format   string // text or json
	Strict   bool
	MinScore int
	Explain  string // a rule id to explain instead of checking
	// Templates is a folder of templates that replace the built-in ones,
	// as for render: the page fit is measured with them. "" means the
	// templates folder beside File, when there is one.
	Templates string
}

// DefaultMinScore is the score below which --strict fails.
const DefaultMinScore = 70

// NewCmdCheck returns `propose check`. runF replaces the run function in
// tests; nil means checkRun.
func NewCmdCheck(env *Env, runF func(*CheckOptions) error) *cobra.Command {
	opts := &CheckOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "check [FILE]",
		Short: "Read the request as a sceptical manager will, and say how to make it stronger",
		Long: `Check reads FILE (default proposal.yaml; - reads standard input) the way a
sceptical manager will and lists what they would raise: a reply time with no
number in it, a benefit that is only personal, a metric without a baseline, a
study cited beyond what it measured. Each finding has a rule id, a severity
(risk: can lose the yes; missing: a question left unanswered; weak: an answer
that will not convince), what the manager will think, the fix, and
FILE:LINE:COL of the field to change. It ends with a score out of 100 and the
three fixes that would raise it most.

--explain RULE says why a rule matters. --strict exits 1 when the score is
below --min-score or any finding is a risk. The documents' fit on their pages
is measured with the templates render would use (--templates, or templates/
beside FILE). The file must be valid first (propose validate). Check writes no
file.`,
		Example: "  propose check proposal.yaml\n  propose check --format json proposal.yaml\n  propose check --explain coverage.vague-response",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, checkRun),
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text or json")
	completeFiles(cmd)
	completeFormats(cmd, "text", "json")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "exit 1 when the score is below --min-score or a finding is a risk")
	cmd.Flags().IntVar(&opts.MinScore, "min-score", DefaultMinScore, "the lowest score --strict accepts")
	cmd.Flags().StringVar(&opts.Explain, "explain", "", "explain a rule, such as coverage.vague-response")
	templatesFlag(cmd, &opts.Templates)
	_ = cmd.RegisterFlagCompletionFunc("explain", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var ids []string
		for _, r := range check.Rules() {
			ids = append(ids, r.ID)
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

func checkRun(opts *CheckOptions) error {
	env := opts.Env
	if opts.Explain != "" {
		return explainRule(env, opts.Explain)
	}
	if opts.Format != "text" && opts.Format != "json" {
		return usageErrorf("unknown format %q (use text or json)", opts.Format)
	}
	name, p, err := loadValid(env, opts.File, "; check it again once it is valid")
	if err != nil {
		return err
	}
	today, err := env.today()
	if err != nil {
		return err
	}
	docs, err := loadTemplates(env, opts.File, opts.Templates)
	if err != nil {
		return err
	}
	rep, refused, err := checkProposal(p, today, docs)
	if err != nil {
		return err
	}
	if len(refused) > 0 {
		// What render would refuse is no request to score.
		return reportProblems(env, name, refused, "; render would refuse it, so it is not scored")
	}
	rep.File = name
	if opts.Format == "json" {
		enc := json.NewEncoder(env.IO.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	} else {
		printReport(env, rep)
	}
	if opts.Strict {
		switch {
		case rep.Score < opts.MinScore:
			fmt.Fprintf(env.IO.ErrOut, "%s: the score %d is below %d (--strict)\n", name, rep.Score, opts.MinScore)
			return &silentError{code: ExitInvalid}
		case hasRisk(rep):
			fmt.Fprintf(env.IO.ErrOut, "%s: a finding is a risk (--strict fails on any risk)\n", name)
			return &silentError{code: ExitInvalid}
		}
	}
	return nil
}

// checkProposal checks p, with how its documents fit their pages: it lays
// them out as render would with docs, writing nothing. refused holds what
// would stop render writing the PDFs (a character they cannot set).
func checkProposal(p *proposal.Proposal, today proposal.Date, docs *document.Set) (rep *check.Report, refused proposal.Problems, err error) {
	// Told from several goroutines at once, as render lays its
	// documents out side by side.
	var warned warnings
	_, err = render.Files(p, render.Options{Formats: []render.Format{render.PDF}, ManagerOnly: true, Templates: docs, LayoutOnly: true,
		Warn: warned.add})
	var fits []check.Finding
	for _, q := range warned.list {
		fits = append(fits, lengthFinding(p, q))
	}
	var tooLong *render.TooLongError
	var tooMany *render.TooManyPagesError
	var ps proposal.Problems
	switch {
	case errors.As(err, &tooLong):
		for _, q := range tooLong.Problems(p.Source()) {
			fits = append(fits, check.New("length.one-pager-overflow", q.Field, q.Msg, p.Source()))
		}
	case errors.As(err, &tooMany):
		for _, q := range tooMany.Problems(p.Source()) {
			fits = append(fits, check.New("length.proposal-overflow", q.Field, q.Fix, p.Source()))
		}
	case errors.As(err, &ps):
		// A character the PDFs cannot set: render names it; the check
		// goes on without the fit.
		refused = ps
	case err != nil:
		return nil, nil, err
	}
	return check.Run(p, today, fits...), refused, nil
}

// lengthFinding turns a warning from laying out the documents into the
// finding of its length rule.
func lengthFinding(p *proposal.Proposal, q proposal.Problem) check.Finding {
	id := "length.proposal"
	if strings.Contains(q.Msg, "one-page") {
		id = "length.one-pager"
	}
	return check.New(id, q.Field, q.Message(), p.Source())
}

func hasRisk(r *check.Report) bool {
	for _, f := range r.Findings {
		if f.Severity == check.Risk {
			return true
		}
	}
	return false
}

// printReport writes the findings as FILE:LINE:COL lines, the score and
// the three fixes worth most.
func printReport(env *Env, r *check.Report) {
	out := env.IO.Out
	for _, f := range r.Findings {
		fmt.Fprintf(out, "%s: %s (%s): %s\n    fix: %s\n", place(r.File, f), f.Rule, f.Severity, f.Manager, f.Fix)
	}
	if len(r.Findings) == 0 {
		fmt.Fprintf(out, "%s: nothing a manager would raise that propose can see.\n", r.File)
	}
	fmt.Fprintf(out, "Score: %d/100\n", r.Score)
	if len(r.Top) > 0 {
		fmt.Fprintln(out, "The fixes that would raise it most:")
		for _, f := range r.Top {
			fmt.Fprintf(out, "  +%d  %s  %s\n", f.Points, f.Rule, f.Fix)
		}
		fmt.Fprintln(out, "propose check --explain RULE says why a rule matters.")
	}
}

// place is FILE:LINE:COL: field, or FILE: field for a finding with no
// place in the file.
func place(file string, f check.Finding) string {
	if f.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", file, f.Line, f.Col, f.Field)
	}
	return fmt.Sprintf("%s: %s", file, f.Field)
}

func explainRule(env *Env, id string) error {
	if id == "score" {
		fmt.Fprintf(env.IO.Out, "score\n\n%s\n", check.Scale())
		return nil
	}
	r, ok := check.Lookup(id)
	if !ok {
		var ids []string
		for _, r := range check.Rules() {
			ids = append(ids, r.ID)
		}
		return usageErrorf("no rule %q; the rules are: %s (and score, for how the score is made)", id, strings.Join(ids, ", "))
	}
	// Without a request to quote, the finding's words are left out: an
	// aside such as "(day 30)" whole, a quoted text as "it".
	strip := func(s string) string {
		s = strings.NewReplacer(" (“{value}”)", "", " ({value})", "").Replace(s)
		return strings.ReplaceAll(strings.ReplaceAll(s, "“{value}”", "it"), "{value}", "it")
	}
	fix := strip(r.Fix)
	if strings.TrimSpace(r.Fix) == "{value}" {
		fix = "it depends on what is found; the finding says"
	}
	fmt.Fprintf(env.IO.Out, "%s (%s)\n\nA manager thinks: %s\nFix: %s\n\n%s\n", r.ID, r.Severity, strip(r.Manager), fix, r.Explain)
	return nil
}

// printTopFindings prints the findings worth most, one line each, for
// render to show after writing.
func printTopFindings(env *Env, name string, r *check.Report) {
	if len(r.Top) == 0 {
		return
	}
	fmt.Fprintf(env.IO.ErrOut, "Check: %d/100. Before your manager reads it:\n", r.Score)
	for _, f := range r.Top {
		fmt.Fprintf(env.IO.ErrOut, "  %s: %s (%s): %s\n", place(name, f), f.Rule, f.Severity, f.Fix)
	}
	fmt.Fprintf(env.IO.ErrOut, "propose check %s lists everything; --quiet hides this.\n", name)
}
