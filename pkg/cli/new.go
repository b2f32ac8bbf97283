package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/check"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/wizard"
)

// ExitInterrupted is the exit code when the user stops the wizard, as a
// shell reports Ctrl-C.
const ExitInterrupted = 130

// NewOptions are the inputs of `propose new`.
type NewOptions struct {
	Env        *Env
	File       string
	From       string
	Fresh      bool
	Force      bool
	Accessible bool

	review bool // the user chose to go through a draft's answers again
}

// NewCmdNew returns `propose new`. runF replaces the run function in tests;
// nil means newRun.
func NewCmdNew(env *Env, runF func(*NewOptions) error) *cobra.Command {
	opts := &NewOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "new [FILE]",
		Short: "Answer questions and get a proposal file (the wizard)",
		Long: `New asks what a strong request needs, a part at a time, and writes FILE
(default proposal.yaml, or the --from file). A suggested answer is shown as the
answer: Enter keeps it, typing replaces it. An example ("For example: ...") is
only an example: Enter leaves the answer empty, and an empty part is left out of
the documents. Shift+Tab (or < in plain lines) goes back to the previous question.

Every answer is saved at once in a draft beside FILE (proposal.draft.yaml for
proposal.yaml). If you stop (Ctrl-C, closing the terminal), run the same command
again: it continues at the question where you stopped, or goes through your
answers again if you choose. --fresh starts over. --from FILE edits FILE.

In a terminal the questions are a full-screen form; with --accessible, with
ACCESSIBLE set, on a dumb terminal (TERM=dumb) or when input is piped, they are
plain lines.`,
		Example: "  propose new\n  propose new my-request.yaml\n  propose new --from proposal.yaml",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, newRun),
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "edit an existing proposal file, its answers as defaults; writes back to it unless FILE is given")
	cmd.Flags().BoolVar(&opts.Fresh, "fresh", false, "start over, ignoring an unfinished draft")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "replace FILE without asking")
	cmd.Flags().BoolVar(&opts.Accessible, "accessible", false, "ask in plain lines, for screen readers")
	_ = cmd.RegisterFlagCompletionFunc("from", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	completeFiles(cmd)
	return cmd
}

// DraftPath is where the wizard keeps unfinished answers for file:
// proposal.yaml's draft is proposal.draft.yaml.
func DraftPath(file string) string { return sibling(file, "draft") }

// sibling names a file beside file, tagged: proposal.yaml and "draft" give
// proposal.draft.yaml.
func sibling(file, tag string) string {
	ext := filepath.Ext(file)
	if ext == ".yaml" || ext == ".yml" {
		return strings.TrimSuffix(file, ext) + "." + tag + ext
	}
	return file + "." + tag + ".yaml"
}

func newRun(opts *NewOptions) error {
	env := opts.Env
	target := opts.target()
	draft := DraftPath(target)
	today, err := env.today()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	ask := opts.prompter(ctx)

	// Replacing a file is asked about once, when its run starts: a draft
	// for it means the user has already answered, or is editing it.
	resuming := exists(draft) && !opts.Fresh
	if exists(target) && !opts.Force && !resuming && filepath.Clean(opts.From) != filepath.Clean(target) {
		replace, err := ask.Confirm(wizard.Field{Title: target + " already exists. Replace it when you finish?",
			Help: "To edit it instead, run propose new --from " + target + "."}, false)
		if err != nil {
			return opts.interrupted("", target)
		}
		if !replace {
			fmt.Fprintf(env.IO.Out, "Nothing was changed. To edit %s, run `propose new --from %s`.\n", target, target)
			return nil
		}
	}

	p, progress, editing, err := startingPoint(env, ask, opts, draft, today)
	if err != nil {
		return err
	}
	var mu sync.Mutex
	save := func(p *proposal.Proposal, at wizard.Progress) error {
		mu.Lock()
		defer mu.Unlock()
		data := append(proposal.Marshal(p), at.Comment()...)
		if err := output.WriteFile(draft, data, 0o600); err != nil {
			return fmt.Errorf("save draft: %w", err)
		}
		return nil
	}
	flow := &wizard.Flow{P: p, Ask: ask, Today: today, Save: save, Zone: localZone(env), Resume: progress,
		Review: opts.review, Editing: editing}
	if err := flow.Run(); err != nil {
		if errors.Is(err, wizard.ErrInterrupted) {
			mu.Lock() // let a save in progress finish
			defer mu.Unlock()
			return opts.interrupted(draft, target)
		}
		return err
	}

	if err := revisitWeakest(env, ask, flow, p, today); err != nil {
		if errors.Is(err, wizard.ErrInterrupted) {
			mu.Lock()
			defer mu.Unlock()
			return opts.interrupted(draft, target)
		}
		return err
	}
	data := proposal.Marshal(p)
	if _, err := proposal.Parse(target, data, today); err != nil {
		var ps proposal.Problems
		if errors.As(err, &ps) {
			for _, q := range ps {
				fmt.Fprintln(env.IO.ErrOut, q.String())
			}
			fmt.Fprintf(env.IO.ErrOut, "Your answers are saved in %s; fix these there or run `%s` again.\n", draft, opts.again(target))
			return &silentError{code: ExitInvalid}
		}
		return err
	}
	kept, err := keepPrevious(target, data)
	if err != nil {
		return err
	}
	if err := output.WriteFile(target, data, 0o644); err != nil {
		return err
	}
	if kept != "" {
		fmt.Fprintf(env.IO.Out, "The version before is kept as %s.\n", kept)
	}
	if err := os.Remove(draft); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(env.IO.ErrOut, "propose: could not remove the draft %s: %v\n", draft, err)
	}
	fmt.Fprintf(env.IO.Out, "\nWrote %s for %s.\nNext: check it, then run `propose render %s` for the proposal and the one-page summary.\n",
		target, p.Employee.Name, target)
	now, err := ask.Confirm(wizard.Field{Title: "Render the documents now?"}, true)
	if err != nil || !now {
		return nil
	}
	return renderOnce(&RenderOptions{Env: env, File: target, Formats: []string{"md", "pdf"}})
}

// keepPrevious copies the file about to be replaced to NAME.previous.yaml,
// when there is one and the new content differs, so nothing the user wrote
// by hand (a comment, a turn of phrase) is lost. It returns the copy's
// name, or "".
func keepPrevious(target string, data []byte) (string, error) {
	old, err := readFile(target)
	if errors.Is(err, fs.ErrNotExist) || err == nil && bytes.Equal(old, data) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s before replacing it: %w", target, err)
	}
	prev := sibling(target, "previous")
	if err := output.WriteFile(prev, old, 0o644); err != nil {
		return "", fmt.Errorf("keep the version before: %w", err)
	}
	return prev, nil
}

// target is the file the wizard writes: FILE, else the --from file, else
// proposal.yaml.
func (opts *NewOptions) target() string {
	switch {
	case opts.File != "":
		return opts.File
	case opts.From != "":
		return opts.From
	}
	return DefaultFile
}

// again is the command that continues this run, with the flags that
// shape it: the same command, less --fresh.
func (opts *NewOptions) again(target string) string {
	cmd := "propose new"
	if opts.Accessible {
		cmd += " --accessible"
	}
	if opts.From != "" {
		cmd += " --from " + opts.From
		if filepath.Clean(target) == filepath.Clean(opts.From) {
			return cmd
		}
	}
	return cmd + " " + target
}

// prompter picks the front end: the full-screen form on a terminal that
// can show it, plain lines otherwise or when asked.
func (opts *NewOptions) prompter(ctx context.Context) wizard.Prompter {
	env := opts.Env
	in, inOK := env.IO.In.(*os.File)
	out, outOK := rawFile(env.IO.Out)
	terminal := inOK && outOK && isatty.IsTerminal(in.Fd()) && isatty.IsTerminal(out.Fd())
	if plainLines(terminal, opts.Accessible, env.Getenv) {
		return wizard.NewLines(ctx, env.IO.In, env.IO.Out)
	}
	return wizard.NewForm(ctx, in, out)
}

// plainLines reports whether the wizard asks in plain lines: off a
// terminal, when asked for (--accessible, ACCESSIBLE), and on a terminal
// that cannot draw the form (TERM=dumb, as in Emacs shells and some screen
// readers' consoles).
func plainLines(terminal, accessible bool, getenv func(string) string) bool {
	return !terminal || accessible || getenv("ACCESSIBLE") != "" || getenv("TERM") == "dumb"
}

// startingPoint is the proposal the questions start from: an unfinished
// draft the user chooses to continue or go through again, the --from file
// (editing: its answers are the user's), or nothing; and, when the user
// continues a draft, where it stopped.
func startingPoint(env *Env, ask wizard.Prompter, opts *NewOptions, draft string, today proposal.Date) (*proposal.Proposal, wizard.Progress, bool, error) {
	if exists(draft) && !opts.Fresh {
		info, _ := os.Stat(draft)
		data, err := readFile(draft)
		if err != nil {
			return nil, wizard.Progress{}, false, err
		}
		p, _, loadErr := proposal.Load(draft, data)
		if loadErr == nil {
			progress := wizard.ParseProgress(data)
			next, part := (&wizard.Flow{P: p.Clone(), Today: today, Zone: localZone(env), Resume: progress,
				Editing: progress.Editing}).NextTitle()
			var choices []wizard.Option
			if progress.At != "" && next != "" {
				choices = append(choices, wizard.Option{Key: "continue",
					Label: fmt.Sprintf("Continue where you stopped: “%s” (%s)", next, part)})
			}
			choices = append(choices,
				wizard.Option{Key: "review", Label: "Go through every question again, your answers suggested"},
				wizard.Option{Key: "fresh", Label: "Start over"})
			choice, err := ask.Select(wizard.Field{
				Title:   fmt.Sprintf("You have an unfinished draft (%s, saved %s).", draft, info.ModTime().Format("Jan 2 15:04")),
				Help:    "Starting over replaces the draft once you answer the first question.",
				Default: choices[0].Key}, choices)
			if err != nil {
				return nil, wizard.Progress{}, false, opts.interrupted(draft, opts.target())
			}
			switch choice {
			case "continue":
				fmt.Fprintf(env.IO.Out, "Picking up at “%s”; your earlier answers are kept as you gave them.\n", next)
				return p, progress, progress.Editing, nil
			case "review":
				opts.review = true
				return p, progress, progress.Editing, nil
			}
		} else {
			kept := draft + ".broken"
			if rerr := os.Rename(draft, kept); rerr != nil {
				return nil, wizard.Progress{}, false, fmt.Errorf("the draft %s cannot be read (%v) and could not be set aside: %w", draft, loadErr, rerr)
			}
			fmt.Fprintf(env.IO.ErrOut, "The draft could not be read, so it was kept as %s and the questions start afresh:\n%v\n", kept, loadErr)
		}
	}
	if opts.From != "" {
		data, err := readFile(opts.From)
		if err != nil {
			return nil, wizard.Progress{}, false, fmt.Errorf("read --from file: %w", err)
		}
		p, _, err := proposal.Load(opts.From, data)
		if err != nil {
			return nil, wizard.Progress{}, false, err
		}
		return p, wizard.Progress{}, true, nil
	}
	return &proposal.Proposal{Version: proposal.Version}, wizard.Progress{}, false, nil
}

// interrupted says how to continue after the user stopped, with the
// flags of this run.
func (opts *NewOptions) interrupted(draft, target string) error {
	env := opts.Env
	if draft != "" && exists(draft) {
		fmt.Fprintf(env.IO.ErrOut, "\nStopped. Your answers so far are saved in %s; run `%s` to pick up where you left off.\n",
			draft, opts.again(target))
	} else {
		fmt.Fprintf(env.IO.ErrOut, "\nStopped. Nothing was written.\n")
	}
	return &silentError{code: ExitInterrupted}
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// localZone is the IANA name of the local time zone, or "".
func localZone(env *Env) string {
	if tz := strings.TrimPrefix(env.Getenv("TZ"), ":"); strings.Contains(tz, "/") {
		return tz
	}
	if link, err := os.Readlink("/etc/localtime"); err == nil {
		if _, zone, ok := strings.Cut(link, "zoneinfo/"); ok {
			return zone
		}
	}
	return ""
}

// revisitWeakest checks the answers as propose check would and, when a
// manager would raise something, names the three gaps worth most and
// offers to answer those questions again before the file is written.
func revisitWeakest(env *Env, ask wizard.Prompter, flow *wizard.Flow, p *proposal.Proposal, today proposal.Date) error {
	q, err := proposal.Parse("", proposal.Marshal(p), today)
	if err != nil {
		return nil // the command reports the problems next
	}
	r := check.Run(q, today)
	if len(r.Top) == 0 {
		return nil
	}
	var lines []string
	var fields []string
	for _, f := range r.Top {
		lines = append(lines, "• "+f.Manager)
		fields = append(fields, f.Field)
	}
	intro := fmt.Sprintf("Read as a sceptical manager would, the request scores %d/100. They may ask:\n%s",
		r.Score, strings.Join(lines, "\n"))
	if err := ask.Section("Before you send it", intro); err != nil {
		return err
	}
	again, err := ask.Confirm(wizard.Field{Title: "Answer these questions again now?",
		Help: "Your answers so far are kept; `propose check` lists everything later."}, true)
	if err != nil {
		return err
	}
	if !again {
		return nil
	}
	return flow.Revisit(fields)
}
