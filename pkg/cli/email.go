package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/render"
	"github.com/propose-cli/propose/pkg/view"
)

// EmailOptions are the inputs of `propose email`.
type EmailOptions struct {
	Env    *Env
	File   string
	OutDir string
	To     string
	Force  bool
	// Templates is a folder of templates that replace the built-in ones;
	// "" means the templates folder beside File, when there is one.
	Templates string
}

// NewCmdEmail returns `propose email`. runF replaces the run function in
// tests; nil means emailRun.
func NewCmdEmail(env *Env, runF func(*EmailOptions) error) *cobra.Command {
	opts := &EmailOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "email [FILE]",
		Short: "Write a ready-to-send email draft with the proposal attached",
		Long: `Email writes email.eml into the output folder (default: out/ beside FILE): a
short cover note to your manager with the proposal and the one-page summary
attached as PDFs. Open it (double-click) and your mail program shows it as a
draft to check and send. The prep sheet is never attached.

It needs manager.email and employee.email in FILE; --to gives the recipient.`,
		Example: "  propose email proposal.yaml\n  propose email proposal.yaml --to priya.raman@example.com",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, emailRun),
	}
	outputFlags(cmd, &opts.OutDir, &opts.Force, "email.eml")
	cmd.Flags().StringVar(&opts.To, "to", "", "the recipient's address, instead of manager.email")
	templatesFlag(cmd, &opts.Templates)
	return cmd
}

func emailRun(opts *EmailOptions) error {
	env := opts.Env
	if err := checkTo(opts.To); err != nil {
		return err
	}
	name, p, err := loadValid(env, opts.File, "; nothing was written")
	if err != nil {
		return err
	}
	docs, err := loadTemplates(env, opts.File, opts.Templates)
	if err != nil {
		return err
	}
	// The email is built from the public view alone: it cannot see, and is
	// not stopped by, anything under private.
	f, err := render.Email(view.NewPublic(p), opts.To, render.Options{Creator: "propose " + ProgramVersion(), Templates: docs})
	if err := reportRefused(env, name, p, err, "; nothing was written"); err != nil {
		return err
	}
	written, err := writeFiles(env, outDirFor(opts.File, opts.OutDir), []output.File{f}, opts.Force)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.IO.Out, "Wrote %s: open it to check the draft, then send it.\n", written[0])
	return nil
}
