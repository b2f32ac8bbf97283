package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/wizard"
)

// LogOptions are the inputs of `propose log`.
type LogOptions struct {
	Env        *Env
	File       string
	Log        string
	Date       string
	Outcome    bool // record the decision, what was learned and adjusted, instead of a week
	Accessible bool
}

// NewCmdLog returns `propose log`. runF replaces the run function in
// tests; nil means logRun.
func NewCmdLog(env *Env, runF func(*LogOptions) error) *cobra.Command {
	opts := &LogOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "log [FILE]",
		Short: "Add this week's entry to the trial log",
		Long: `Log adds an entry to the trial log of the proposal FILE (default
proposal.yaml; the log is FILE's name with .log.yaml, or --log): each measure's
reading, what shipped, what is next, what is blocked, the days in the office,
and anything your manager said. The last entry's answers are the defaults, and
the log is saved after every answer. An entry for a date that has one already
is edited. Editing the log by hand is just as good; propose status and propose
review read it.

With --outcome it records the decision instead: approved, extended or
declined, when, the reasons given for a no and when to talk again, and what
was learned and adjusted. A no before any trial is recorded the same way, and
then propose reask writes the request to ask again.`,
		Example: "  propose log proposal.yaml\n  propose log proposal.yaml --date 2027-02-05\n  propose log proposal.yaml --outcome",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, logRun),
	}
	cmd.Flags().StringVar(&opts.Log, "log", "", "the trial log (default: FILE's name with .log.yaml)")
	cmd.Flags().StringVar(&opts.Date, "date", "", "the entry's date, as YYYY-MM-DD (default: asked, today suggested)")
	cmd.Flags().BoolVar(&opts.Outcome, "outcome", false, "record the decision, the reasons and what was learned, instead of a week")
	cmd.Flags().BoolVar(&opts.Accessible, "accessible", false, "ask in plain lines, for screen readers")
	completeFiles(cmd)
	return cmd
}

var weekdayOptions = []wizard.Option{
	{Key: "monday", Label: "Monday"}, {Key: "tuesday", Label: "Tuesday"}, {Key: "wednesday", Label: "Wednesday"},
	{Key: "thursday", Label: "Thursday"}, {Key: "friday", Label: "Friday"},
}

func logRun(opts *LogOptions) error {
	env := opts.Env
	name, p, err := loadValid(env, opts.File, "; the log was not changed")
	if err != nil {
		return err
	}
	if !p.HasTrial() && !opts.Outcome {
		return usageErrorf("%s has no trial or review period to log; add a `trial:` section with its measures, or record a decision with --outcome", name)
	}
	path := logFor(opts.File, opts.Log)
	l := &proposal.Log{Version: proposal.Version}
	if data, err := readFile(path); err == nil {
		if l, err = proposal.ParseLog(path, data, p); err != nil {
			var ps proposal.Problems
			if errors.As(err, &ps) {
				return reportProblems(env, path, ps, "; fix them there first, the log was not changed")
			}
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("read %s: %w", path, err)
	}
	today, err := env.today()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	no := &NewOptions{Env: env, Accessible: opts.Accessible}
	ask := no.prompter(ctx)
	save := func() error { return output.WriteFile(path, proposal.MarshalLog(l), 0o644) }

	if opts.Outcome {
		err = askOutcome(ask, l, today, save)
	} else {
		err = askEntry(ask, p, l, opts.Date, today, save)
	}
	if errors.Is(err, wizard.ErrInterrupted) {
		fmt.Fprintf(env.IO.ErrOut, "\nStopped. The answers you gave are saved in %s.\n", path)
		return &silentError{code: ExitInterrupted}
	}
	if err != nil {
		return err
	}
	switch {
	case !opts.Outcome:
		fmt.Fprintf(env.IO.Out, "Saved the entry in %s. Next: `propose status %s` writes the week's note to %s.\n",
			path, name, p.Manager.Name)
	case l.Outcome.Decision == "declined":
		fmt.Fprintf(env.IO.Out, "Saved the decision in %s. Next: `propose reask %s` writes the request to ask again.\n", path, name)
	default:
		fmt.Fprintf(env.IO.Out, "Saved the decision in %s. Next: `propose review %s` writes the review and, after an approval, the agreement.\n", path, name)
	}
	return nil
}

// askOutcome asks for the decision on the arrangement, and saves the log
// after each answer: what was decided and when, the reasons for a no and
// when to talk again, what was learned and what was adjusted.
func askOutcome(ask wizard.Prompter, l *proposal.Log, today proposal.Date, save func() error) error {
	if err := ask.Section("The decision", "What your manager decided, in the words they used; your review and a new request build on it."); err != nil {
		return err
	}
	o := &l.Outcome
	def := o.Decision
	if def == "" {
		def = "approved"
	}
	decision := logQuestion("outcome.decision")
	decision.Default = def
	var options []wizard.Option
	for _, c := range proposal.MustLookupLog("outcome.decision").Choices {
		options = append(options, wizard.Option{Key: c.Value, Label: c.Label})
	}
	d, err := ask.Select(decision, options)
	if err != nil {
		return err
	}
	o.Decision = d
	when := o.Date
	if when.IsZero() {
		when = today
	}
	decided := logQuestion("outcome.date")
	decided.Default = when.String()
	decided.Validate = func(s string) error { var x proposal.Date; return x.UnmarshalText([]byte(s)) }
	s, err := ask.Input(decided)
	if err != nil {
		return err
	}
	if err := o.Date.UnmarshalText([]byte(s)); err != nil {
		return err
	}
	if err := save(); err != nil {
		return err
	}
	if d == "declined" {
		reasons, err := ask.List(logQuestion("outcome.reasons"), o.Reasons)
		if err != nil {
			return err
		}
		o.Reasons = reasons
		if err := save(); err != nil {
			return err
		}
		next := ""
		if !o.NextReview.IsZero() {
			next = o.NextReview.String()
		}
		again := logQuestion("outcome.next_review")
		again.Default = next
		again.Validate = func(s string) error {
			var x proposal.Date
			if s == "" {
				return nil
			}
			return x.UnmarshalText([]byte(s))
		}
		s, err := ask.Input(again)
		if err != nil {
			return err
		}
		o.NextReview = proposal.Date{}
		if s != "" {
			if err := o.NextReview.UnmarshalText([]byte(s)); err != nil {
				return err
			}
		}
		if err := save(); err != nil {
			return err
		}
	}
	for _, q := range []struct {
		path string
		list *[]string
	}{
		{"learned", &l.Learned},
		{"adjusted", &l.Adjusted},
	} {
		items, err := ask.List(logQuestion(q.path), *q.list)
		if err != nil {
			return err
		}
		*q.list = items
		if err := save(); err != nil {
			return err
		}
	}
	return nil
}

// askEntry asks for one entry of the log and saves the log after each
// answer. The date comes from dateFlag, else it is asked, today suggested.
func askEntry(ask wizard.Prompter, p *proposal.Proposal, l *proposal.Log, dateFlag string, today proposal.Date, save func() error) error {
	var date proposal.Date
	if dateFlag != "" {
		if err := date.UnmarshalText([]byte(dateFlag)); err != nil {
			return usageErrorf("--date %q is not a date (write it as YYYY-MM-DD)", dateFlag)
		}
	} else {
		if err := ask.Section("This week", fmt.Sprintf("An entry of the trial log of %s’s %s. The last entry’s answers are suggested.",
			p.Employee.Name, map[bool]string{true: "review period", false: "trial"}[p.Scenario == proposal.ScenarioKeepRemote])); err != nil {
			return err
		}
		suggest := today
		if !proposal.InLogWindow(p, today) {
			suggest = p.Derived.TrialStart
			for _, e := range l.Entries {
				if !e.Date.AddDays(7).Before(suggest) {
					suggest = e.Date.AddDays(7) // the week after the last entry
				}
			}
		}
		dated := logQuestion("entries[].date")
		dated.Default = suggest.String()
		dated.Optional = false
		dated.Validate = func(s string) error {
			var d proposal.Date
			if err := d.UnmarshalText([]byte(s)); err != nil {
				return err
			}
			if !proposal.InLogWindow(p, d) {
				return fmt.Errorf("%s is outside the trial (%s to %s)", d, p.Derived.TrialStart, p.Derived.TrialEnd)
			}
			return nil
		}
		s, err := ask.Input(dated)
		if err != nil {
			return err
		}
		if err := date.UnmarshalText([]byte(s)); err != nil {
			return err
		}
	}
	at := slices.IndexFunc(l.Entries, func(e proposal.LogEntry) bool { return e.Date == date })
	var last *proposal.LogEntry
	for i := range l.Entries {
		if l.Entries[i].Date.Before(date) && (last == nil || last.Date.Before(l.Entries[i].Date)) {
			last = &l.Entries[i]
		}
	}
	if at < 0 {
		e := proposal.LogEntry{Date: date}
		if last != nil {
			e.Next, e.Blocked, e.OfficeDays = slices.Clone(last.Next), slices.Clone(last.Blocked), slices.Clone(last.OfficeDays)
		} else {
			e.OfficeDays = slices.Clone(p.Arrangement.OfficeDays)
		}
		l.Entries = append(l.Entries, e)
		slices.SortStableFunc(l.Entries, func(a, b proposal.LogEntry) int { return a.Date.Time().Compare(b.Date.Time()) })
		at = slices.IndexFunc(l.Entries, func(e proposal.LogEntry) bool { return e.Date == date })
		last = nil
		for i := range l.Entries[:at] {
			last = &l.Entries[i]
		}
	}
	e := &l.Entries[at]
	if err := save(); err != nil {
		return err
	}

	if err := ask.Section("The measures", "Each measure’s reading this week, in the words of its target. Enter keeps the suggestion; leave one empty when it was not measured."); err != nil {
		return err
	}
	for _, m := range p.Trial.Metrics {
		cur := ""
		for _, r := range e.Readings {
			if n, _ := proposal.MetricNamed(p, r.Metric); n == m.Name {
				cur = r.Value
			}
		}
		if cur == "" && last != nil {
			for _, r := range last.Readings {
				if n, _ := proposal.MetricNamed(p, r.Metric); n == m.Name {
					cur = r.Value
				}
			}
		}
		help := "Target: " + m.Target
		if m.Baseline != "" {
			help += "; before the trial: " + m.Baseline
		}
		v, err := ask.Input(wizard.Field{Title: m.Name, Help: help, Default: cur, Optional: true})
		if err != nil {
			return err
		}
		setReading(e, m.Name, v)
		if err := save(); err != nil {
			return err
		}
		// A reading that missed its target is explained where it is
		// recorded: the review says why, in the user's words.
		if v != "" && proposal.Judge(m.Target, v) == proposal.Missed {
			i := slices.IndexFunc(e.Readings, func(r proposal.Reading) bool { return r.Metric == m.Name })
			if i >= 0 {
				why, err := ask.Input(wizard.Field{Title: "Why did “" + m.Name + "” miss its target this week?",
					Help: "A line for your review; it is not in the status note.", Default: e.Readings[i].Why, Optional: true})
				if err != nil {
					return err
				}
				e.Readings[i].Why = why
				if err := save(); err != nil {
					return err
				}
			}
		}
	}

	if err := ask.Section("The week", "Two minutes: your manager reads this in the status note."); err != nil {
		return err
	}
	for _, q := range []struct {
		path string
		list *[]string
	}{
		{"entries[].shipped", &e.Shipped},
		{"entries[].next", &e.Next},
		{"entries[].blocked", &e.Blocked},
	} {
		items, err := ask.List(logQuestion(q.path), *q.list)
		if err != nil {
			return err
		}
		*q.list = items
		if err := save(); err != nil {
			return err
		}
	}
	var keys []string
	for _, d := range e.OfficeDays {
		keys = append(keys, d.String())
	}
	inOffice := logQuestion("entries[].office_days")
	inOffice.Optional = false
	days, err := ask.MultiSelect(inOffice, weekdayOptions, lowerAll(keys))
	if err != nil {
		return err
	}
	e.OfficeDays = nil
	for _, k := range days {
		var d proposal.Weekday
		if d.UnmarshalText([]byte(k)) == nil {
			e.OfficeDays = append(e.OfficeDays, d)
		}
	}
	if err := save(); err != nil {
		return err
	}
	saidQ := logQuestion("entries[].manager_said")
	saidQ.Default = e.ManagerSaid
	said, err := ask.Input(saidQ)
	if err != nil {
		return err
	}
	e.ManagerSaid = said
	return save()
}

// setReading sets the entry's reading of the measure, or removes it when
// value is empty.
func setReading(e *proposal.LogEntry, metric, value string) {
	i := slices.IndexFunc(e.Readings, func(r proposal.Reading) bool { return r.Metric == metric })
	switch {
	case value == "" && i >= 0:
		e.Readings = slices.Delete(e.Readings, i, i+1)
	case value == "":
	case i >= 0:
		e.Readings[i].Value = value
	default:
		e.Readings = append(e.Readings, proposal.Reading{Metric: metric, Value: value})
	}
}

func lowerAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToLower(s)
	}
	return out
}

// logQuestion is the question the log's field at path asks, as its
// declaration words it (proposal.LogFields): an optional answer.
func logQuestion(path string) wizard.Field {
	f := proposal.MustLookupLog(path)
	return wizard.Field{Title: f.Ask, Help: f.Help, Optional: true}
}
