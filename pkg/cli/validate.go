package cli

import (
	"fmt"

	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"

	"github.com/spf13/cobra"
)

// ValidateOptions are the inputs of `propose validate`.
type ValidateOptions struct {
	Env  *Env
	File string
	// Templates is a folder of templates that replace the built-in ones,
	// as for render: a one-pager they make too long is a problem here too.
	// "" means the templates folder beside File, when there is one.
	Templates string
}

// NewCmdValidate returns `propose validate`. runF replaces the run function
// in tests; nil means validateRun.
func NewCmdValidate(env *Env, runF func(*ValidateOptions) error) *cobra.Command {
	opts := &ValidateOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check a proposal file and list every problem in it",
		Long: `Validate checks FILE (default proposal.yaml; - reads standard input) and prints
every problem at once, each as FILE:LINE:COL: field: what is wrong (how to fix it).
It exits 0 when the file is valid, 1 when it is not, 2 when the command line is
wrong (a folder for FILE) and 3 when FILE cannot be read. It writes no file.`,
		Example: "  propose validate proposal.yaml\n  propose example | propose validate -",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, validateRun),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
	}
	templatesFlag(cmd, &opts.Templates)
	return cmd
}

func validateRun(opts *ValidateOptions) error {
	env := opts.Env
	name, p, err := loadValid(env, opts.File, "")
	if err != nil {
		return err
	}
	// What render would refuse is a problem here too: a character the PDF
	// fonts cannot draw, a one-page summary that cannot fit. The documents
	// are laid out as render would, with its templates, and nothing is
	// written.
	docs, err := loadTemplates(env, opts.File, opts.Templates)
	if err != nil {
		return err
	}
	// What render would do to fit the pages (a list cut, a line of the
	// one-page summary cut at a word) is a warning here too, as render
	// prints it.
	var warned warnings
	_, err = render.Files(p, render.Options{Formats: []render.Format{render.PDF}, Templates: docs, LayoutOnly: true,
		Warn: warned.add})
	fits := warned.list
	if err := reportRefused(env, name, p, err, ""); err != nil {
		return err
	}
	summary := fmt.Sprintf("%s scenario", p.Scenario)
	switch {
	case p.HasTrial() && p.Scenario == proposal.ScenarioKeepRemote:
		summary += fmt.Sprintf(", %d-day review period from %s to %s", p.Trial.LengthDays, p.Derived.TrialStart, p.Derived.TrialEnd)
	case p.HasTrial():
		summary += fmt.Sprintf(", %d-day trial from %s to %s", p.Trial.LengthDays, p.Derived.TrialStart, p.Derived.TrialEnd)
	}
	printWarnings(env, p)
	for _, w := range fits.Unique() {
		fmt.Fprintln(env.IO.ErrOut, w.String())
	}
	fmt.Fprintf(env.IO.Out, "%s is valid (%s)\n", name, summary)
	return nil
}

// printWarnings prints what the documents handle but the user should know,
// each at its place in the file, on standard error.
func printWarnings(env *Env, p *proposal.Proposal) {
	for _, w := range proposal.Warnings(p) {
		fmt.Fprintln(env.IO.ErrOut, w.String())
	}
}
