package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/render"
)

// CalendarOptions are the inputs of `propose calendar`.
type CalendarOptions struct {
	Env    *Env
	File   string
	OutDir string
	Force  bool
}

// NewCmdCalendar returns `propose calendar`. runF replaces the run function
// in tests; nil means calendarRun.
func NewCmdCalendar(env *Env, runF func(*CalendarOptions) error) *cobra.Command {
	opts := &CalendarOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "calendar [FILE]",
		Short: "Write the trial's checkpoints as a calendar file (trial.ics)",
		Long: `Calendar writes trial.ics into the output folder (default: out/ beside FILE): the
start of the trial, the check-in and the final review, each with a reminder the
day before and the measures to bring, and a weekly reminder to send your status
summary. Import it into any calendar; importing it again updates the same events.`,
		Example: "  propose calendar proposal.yaml",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, calendarRun),
	}
	outputFlags(cmd, &opts.OutDir, &opts.Force, "trial.ics")
	return cmd
}

func calendarRun(opts *CalendarOptions) error {
	env := opts.Env
	name, p, err := loadValid(env, opts.File, "; nothing was written")
	if err != nil {
		return err
	}
	f, err := render.Calendar(p)
	if err := reportRefused(env, name, p, err, "; nothing was written"); err != nil {
		return err
	}
	written, err := writeFiles(env, outDirFor(opts.File, opts.OutDir), []output.File{f}, opts.Force)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.IO.Out, "Wrote %s: import it into your calendar.\n", written[0])
	return nil
}
