package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/ics"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/wizard"
)

// ReaskOptions are the inputs of `propose reask`.
type ReaskOptions struct {
	Env    *Env
	File   string
	Log    string
	To     string // the new proposal file
	OutDir string
	Force  bool
	// Answer asks for the answer to each reason, in the user's words; on a
	// terminal it is asked anyway.
	Answer     bool
	Accessible bool
}

// NewCmdReask returns `propose reask`. runF replaces the run function in
// tests; nil means reaskRun.
func NewCmdReask(env *Env, runF func(*ReaskOptions) error) *cobra.Command {
	opts := &ReaskOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "reask [FILE]",
		Short: "After a declined review, write the proposal to ask again, and the day to ask",
		Long: `Reask reads the proposal FILE and its trial log, whose outcome records the
decline and its reasons, and writes a new proposal in the reask scenario
(FILE's name with .reask.yaml, or --to): dated on the day to ask again (the
outcome's next_review, or about three months on, on a weekday), answering each
reason given, for a narrower ask in a 30-day trial. It also writes reask.ics, a
reminder for that day, into the output folder. Write your own answer to each
reason before you send it; propose check and propose render work on it as on any
proposal.`,
		Example: "  propose reask proposal.yaml",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, reaskRun),
	}
	cmd.Flags().StringVar(&opts.Log, "log", "", "the trial log (default: FILE's name with .log.yaml)")
	cmd.Flags().StringVar(&opts.To, "to", "", "the new proposal file (default: FILE's name with .reask.yaml)")
	cmd.Flags().BoolVar(&opts.Answer, "answer", false, "ask for your answer to each reason (asked anyway on a terminal)")
	cmd.Flags().BoolVar(&opts.Accessible, "accessible", false, "ask in plain lines, for screen readers")
	outputFlags(cmd, &opts.OutDir, &opts.Force, "the reminder")
	return cmd
}

func reaskRun(opts *ReaskOptions) error {
	env := opts.Env
	_, p, l, err := loadWithLog(env, opts.File, opts.Log)
	if err != nil {
		return err
	}
	q, err := proposal.Reasked(p, l)
	if err != nil {
		return usageErrorf("%s: %v; record `outcome: {decision: declined, reasons: [...]}` in the log first", logFor(opts.File, opts.Log), err)
	}
	if err := askAnswers(opts, q); err != nil {
		if errors.Is(err, wizard.ErrInterrupted) {
			fmt.Fprintln(env.IO.ErrOut, "\nStopped. Nothing was written.")
			return &silentError{code: ExitInterrupted}
		}
		return err
	}
	target := opts.To
	if target == "" {
		target = sibling(nameOr(opts.File), "reask")
	}
	header := fmt.Sprintf("# propose reask wrote this from the review declined on %s. Before you send it:\n"+
		"# write your own answer to each reason under reask.reasons, and check the narrower ask.\n", q.Reask.DeniedOn)
	data := append(proposal.Marshal(q), []byte(header)...)
	if _, err := proposal.Parse(target, data, q.Date); err != nil {
		return fmt.Errorf("the re-ask proposal does not validate: %w", err)
	}
	if exists(target) && !opts.Force {
		return usageErrorf("%s already exists; pass --force to replace it, or --to another file", target)
	}
	if err := output.WriteFile(target, data, 0o644); err != nil {
		return err
	}
	ical, err := ics.WriteReminder(ics.Reminder{
		Who:     p.Employee.Name,
		Summary: "Ask again: the revised proposal to " + p.Manager.Name,
		Detail: fmt.Sprintf("The revised proposal is in %s. Check that each reason given on %s is answered, run propose check, then ask.",
			target, q.Reask.DeniedOn),
		Day:   q.Date.Time(),
		Stamp: q.Reask.DeniedOn.Time(),
	})
	if err != nil {
		return err
	}
	written, err := writeFiles(env, outDirFor(opts.File, opts.OutDir), []output.File{{Name: "reask.ics", Data: ical}}, opts.Force)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.IO.Out, "Wrote %s, the proposal to ask again on %s, and %s, a reminder for that day.\n"+
		"Next: write your answer to each reason in it, then `propose check %s`.\n", target, q.Date, written[0], target)
	return nil
}

// askAnswers asks, with --answer or on a terminal, what has changed about
// each reason the manager gave: the user's own words replace the
// placeholder, which propose check flags where Enter keeps it.
func askAnswers(opts *ReaskOptions, q *proposal.Proposal) error {
	env := opts.Env
	in, ok := env.IO.In.(*os.File)
	if !opts.Answer && !(ok && isatty.IsTerminal(in.Fd())) {
		return nil
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	ask := (&NewOptions{Env: env, Accessible: opts.Accessible}).prompter(ctx)
	if err := ask.Section("Your answers", "For each reason you were given: what has changed, in your own words. A day, an hour, a measure, who covers. Enter leaves a placeholder that propose check will flag."); err != nil {
		return err
	}
	for i := range q.Reask.Reasons {
		r := &q.Reask.Reasons[i]
		v, err := ask.Input(wizard.Field{Title: "What has changed about “" + r.Reason + "”?", Optional: true})
		if err != nil {
			return err
		}
		if v = strings.TrimSpace(v); v != "" {
			r.Response = v
		}
	}
	return nil
}

// nameOr is the proposal file, or the default.
func nameOr(file string) string {
	if file == "" || file == "-" {
		return DefaultFile
	}
	return file
}
