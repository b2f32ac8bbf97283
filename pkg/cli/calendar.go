package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

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
	Invite bool
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
summary. Import it into any calendar; importing it again updates the same events,
even after the dates move: each event keeps its UID, and one that changed gets a
higher SEQUENCE.

--invite makes the check-in and the review invitations to your manager
(manager.email), from you (employee.email): send trial.ics to your manager, and
their calendar offers to accept them.`,
		Example: "  propose calendar proposal.yaml\n  propose calendar --invite proposal.yaml",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, calendarRun),
	}
	outputFlags(cmd, &opts.OutDir, &opts.Force, "trial.ics")
	cmd.Flags().BoolVar(&opts.Invite, "invite", false, "invite the manager to the check-in and the review (needs manager.email)")
	return cmd
}

func calendarRun(opts *CalendarOptions) error {
	env := opts.Env
	name, p, err := loadValid(env, opts.File, "; nothing was written")
	if err != nil {
		return err
	}
	dir := outDirFor(opts.File, opts.OutDir)
	// The calendar written before, so that an event that changed gets a
	// higher SEQUENCE; none is fine.
	previous, err := os.ReadFile(filepath.Join(dir, render.CalendarName))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("read the previous calendar: %w", err)
	}
	f, err := render.Calendar(p, render.CalendarOptions{Invite: opts.Invite, Previous: previous})
	if err := reportRefused(env, name, p, err, "; nothing was written"); err != nil {
		return err
	}
	written, err := writeFiles(env, dir, []output.File{f}, opts.Force)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.IO.Out, "Wrote %s: import it into your calendar.\n", written[0])
	return nil
}
