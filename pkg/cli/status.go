package cli

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"
	"github.com/propose-cli/propose/pkg/view"
)

// StatusOptions are the inputs of `propose status`.
type StatusOptions struct {
	Env     *Env
	File    string
	Log     string
	Date    string
	To      string
	OutDir  string
	Force   bool
	Formats []string
	// Templates is a folder of templates that replace the built-in ones;
	// "" means the templates folder beside File, when there is one.
	Templates string
}

// NewCmdStatus returns `propose status`. runF replaces the run function in
// tests; nil means statusRun.
func NewCmdStatus(env *Env, runF func(*StatusOptions) error) *cobra.Command {
	opts := &StatusOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "status [FILE]",
		Short: "Write this week's status note to your manager, from the trial log",
		Long: `Status reads the proposal FILE (default proposal.yaml) and its trial log
(FILE's name with .log.yaml, or --log) and writes the week's status note:
what shipped, what is next, what is blocked, and each measure so far against
its target, in two minutes' reading. It writes status-DATE.md and .html into the
output folder, and status-DATE.eml, a draft to your manager, when the proposal
has both email addresses. --date picks an entry; the default is the latest.
Nothing private is in it. For a statutory request (jurisdiction: and
statutory: yes), it also tells you, and not the note, when your employer's
decision is or was due.`,
		Example: "  propose status proposal.yaml\n  propose status proposal.yaml --date 2027-02-05",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, statusRun),
	}
	cmd.Flags().StringVar(&opts.Log, "log", "", "the trial log (default: FILE's name with .log.yaml)")
	cmd.Flags().StringVar(&opts.Date, "date", "", "the entry to write up, as YYYY-MM-DD (default: the latest)")
	cmd.Flags().StringVar(&opts.To, "to", "", "send the draft to this address instead of the manager's")
	cmd.Flags().StringSliceVar(&opts.Formats, "format", []string{"md", "html"}, "formats of the note: md, html")
	outputFlags(cmd, &opts.OutDir, &opts.Force, "the note")
	templatesFlag(cmd, &opts.Templates)
	completeFormats(cmd, "md", "html")
	return cmd
}

func statusRun(opts *StatusOptions) error {
	env := opts.Env
	var date proposal.Date
	if opts.Date != "" {
		if err := date.UnmarshalText([]byte(opts.Date)); err != nil {
			return usageErrorf("--date %q is not a date (write it as YYYY-MM-DD)", opts.Date)
		}
	}
	if err := checkTo(opts.To); err != nil {
		return err
	}
	formats, err := parseFormats(opts.Formats)
	if err != nil {
		return err
	}
	name, p, l, err := loadWithLog(env, opts.File, opts.Log)
	if err != nil {
		return err
	}
	v, ok := view.NewStatus(p, l, date)
	if !ok {
		if date.IsZero() {
			return usageErrorf("%s has no entries yet; add one with `propose log %s`", logFor(opts.File, opts.Log), name)
		}
		return usageErrorf("%s has no entry for %s; add one with `propose log %s --date %s`", logFor(opts.File, opts.Log), date, name, date)
	}
	if date.IsZero() {
		date = latestDate(l)
	}
	docs, err := loadTemplates(env, opts.File, opts.Templates)
	if err != nil {
		return err
	}
	files, err := render.StatusFiles(v, date, opts.To, render.Options{Formats: formats, Templates: docs})
	if err != nil {
		return err
	}
	written, err := writeFiles(env, outDirFor(opts.File, opts.OutDir), files, opts.Force)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.IO.Out, "Wrote the status note for week %d of %d:\n", v.WeekN, v.WeeksTotal)
	for _, w := range written {
		fmt.Fprintf(env.IO.Out, "  %s\n", w)
	}
	if line := view.LawClock(p, date); line != "" {
		fmt.Fprintf(env.IO.Out, "\n%s\n", line)
	}
	return nil
}

func latestDate(l *proposal.Log) proposal.Date {
	var d proposal.Date
	for _, e := range l.Entries {
		if d.Before(e.Date) {
			d = e.Date
		}
	}
	return d
}

// logFor is the trial log of the proposal file: the one asked for, or the
// one beside it.
func logFor(file, asked string) string {
	if asked != "" {
		return asked
	}
	if file == "" {
		file = DefaultFile
	}
	return proposal.LogName(file)
}

// loadWithLog loads and checks the proposal and its trial log, reporting
// the problems of either with their positions.
func loadWithLog(env *Env, file, logFile string) (string, *proposal.Proposal, *proposal.Log, error) {
	name, p, err := loadValid(env, file, "; nothing was written")
	if err != nil {
		return name, nil, nil, err
	}
	path := logFor(file, logFile)
	data, err := readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return name, nil, nil, usageErrorf("there is no trial log %s yet; start it with `propose log %s`", path, name)
	}
	if err != nil {
		return name, nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	l, err := proposal.ParseLog(path, data, p)
	var ps proposal.Problems
	if errors.As(err, &ps) {
		return name, nil, nil, reportProblems(env, path, ps, "; nothing was written")
	}
	return name, p, l, err
}
