package cli

import (
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
}

// NewCmdNew returns `propose new`. runF replaces the run function in tests;
// nil means newRun.
func NewCmdNew(env *Env, runF func(*NewOptions) error) *cobra.Command {
	opts := &NewOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "new [FILE]",
		Short: "Answer questions and get a proposal file (the wizard)",
		Long: `New asks what a strong request needs, a group at a time, and writes FILE
(default proposal.yaml). Press Enter to keep a suggested answer.

Every answer is saved at once in a draft beside FILE (proposal.draft.yaml for
proposal.yaml). If you stop (Ctrl-C, closing the terminal), run the same command
again: it continues at the question where you stopped, or goes through your
answers again if you choose. --fresh starts over. --from edits an existing file.

In a terminal the questions are a full-screen form; with --accessible, with
ACCESSIBLE set, or when input is piped, they are plain lines.`,
		Example: "  propose new\n  propose new my-request.yaml\n  propose new --from proposal.yaml",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, newRun),
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "start from an existing proposal file, its answers as defaults")
	cmd.Flags().BoolVar(&opts.Fresh, "fresh", false, "start over, ignoring an unfinished draft")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "replace FILE without asking")
	cmd.Flags().BoolVar(&opts.Accessible, "accessible", false, "ask in plain lines, for screen readers")
	return cmd
}

// DraftPath is where the wizard keeps unfinished answers for file:
// proposal.yaml's draft is proposal.draft.yaml.
func DraftPath(file string) string {
	ext := filepath.Ext(file)
	if ext == ".yaml" || ext == ".yml" {
		return strings.TrimSuffix(file, ext) + ".draft" + ext
	}
	return file + ".draft.yaml"
}

func newRun(opts *NewOptions) error {
	env := opts.Env
	target := opts.File
	if target == "" {
		target = DefaultFile
	}
	draft := DraftPath(target)
	today, err := env.today()
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	ask := opts.prompter(ctx)

	if exists(target) && !opts.Force && filepath.Clean(opts.From) != filepath.Clean(target) {
		replace, err := ask.Confirm(wizard.Field{Title: target + " already exists. Replace it when you finish?",
			Help: "To edit it instead, run propose new --from " + target + "."}, false)
		if err != nil {
			return interrupted(env, "", target)
		}
		if !replace {
			fmt.Fprintf(env.IO.Out, "Nothing was changed. To edit %s, run `propose new --from %s`.\n", target, target)
			return nil
		}
	}

	p, progress, err := startingPoint(env, ask, opts, draft)
	if err != nil {
		return err
	}
	if progress.Answered > 0 {
		fmt.Fprintln(env.IO.Out, progress.Summary())
	}
	replay := wizard.NewReplay(ask, progress)
	var mu sync.Mutex
	save := func(p *proposal.Proposal) error {
		mu.Lock()
		defer mu.Unlock()
		data := append(proposal.Marshal(p), replay.Done.Comment()...)
		if err := output.WriteFile(draft, data, 0o600); err != nil {
			return fmt.Errorf("save draft: %w", err)
		}
		return nil
	}
	flow := &wizard.Flow{P: p, Ask: replay, Today: today, Save: save, Zone: localZone(env)}
	if err := flow.Run(); err != nil {
		if errors.Is(err, wizard.ErrInterrupted) {
			mu.Lock() // let a save in progress finish
			defer mu.Unlock()
			return interrupted(env, draft, target)
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
			fmt.Fprintf(env.IO.ErrOut, "Your answers are saved in %s; fix these there or run `propose new %s` again.\n", draft, target)
			return &silentError{code: ExitInvalid}
		}
		return err
	}
	if err := output.WriteFile(target, data, 0o644); err != nil {
		return err
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
	return renderRun(&RenderOptions{Env: env, File: target, Formats: []string{"md", "pdf"}})
}

// prompter picks the front end: the full-screen form on a terminal, plain
// lines otherwise or when asked.
func (opts *NewOptions) prompter(ctx context.Context) wizard.Prompter {
	env := opts.Env
	in, inOK := env.IO.In.(*os.File)
	out, outOK := env.IO.Out.(*os.File)
	terminal := inOK && outOK && isatty.IsTerminal(in.Fd()) && isatty.IsTerminal(out.Fd())
	if !terminal || opts.Accessible || env.Getenv("ACCESSIBLE") != "" {
		return wizard.NewLines(ctx, env.IO.In, env.IO.Out)
	}
	return wizard.NewForm(ctx, in, out)
}

// startingPoint is the proposal the questions start from: an unfinished
// draft the user chooses to resume, the --from file, or nothing; and, when
// the user continues a draft, how far it got.
func startingPoint(env *Env, ask wizard.Prompter, opts *NewOptions, draft string) (*proposal.Proposal, wizard.Progress, error) {
	if exists(draft) && !opts.Fresh {
		info, _ := os.Stat(draft)
		data, err := os.ReadFile(draft)
		if err != nil {
			return nil, wizard.Progress{}, err
		}
		progress := wizard.ParseProgress(data)
		choices := []wizard.Option{
			{Key: "continue", Label: fmt.Sprintf("Continue where you stopped (after answer %d)", progress.Answered)},
			{Key: "review", Label: "Go through every question again, your answers suggested"},
			{Key: "fresh", Label: "Start over"},
		}
		if progress.Answered == 0 {
			choices = choices[1:]
		}
		choice, err := ask.Select(wizard.Field{
			Title:   fmt.Sprintf("You have an unfinished draft (%s, saved %s).", draft, info.ModTime().Format("Jan 2 15:04")),
			Help:    "Starting over replaces the draft once you answer the first question.",
			Default: choices[0].Key}, choices)
		if err != nil {
			return nil, wizard.Progress{}, interrupted(env, draft, opts.File)
		}
		if choice != "fresh" {
			p, _, err := proposal.Load(draft, data)
			if err == nil {
				if choice == "review" {
					progress = wizard.Progress{}
				}
				return p, progress, nil
			}
			kept := draft + ".broken"
			if rerr := os.Rename(draft, kept); rerr != nil {
				return nil, wizard.Progress{}, fmt.Errorf("the draft %s cannot be read (%v) and could not be set aside: %w", draft, err, rerr)
			}
			fmt.Fprintf(env.IO.ErrOut, "The draft could not be read, so it was kept as %s and the questions start afresh:\n%v\n", kept, err)
		}
	}
	if opts.From != "" {
		data, err := os.ReadFile(opts.From)
		if err != nil {
			return nil, wizard.Progress{}, fmt.Errorf("read --from file: %w", err)
		}
		p, _, err := proposal.Load(opts.From, data)
		if err != nil {
			return nil, wizard.Progress{}, err
		}
		return p, wizard.Progress{}, nil
	}
	return &proposal.Proposal{Version: proposal.Version}, wizard.Progress{}, nil
}

func interrupted(env *Env, draft, target string) error {
	if target == "" {
		target = DefaultFile
	}
	if draft != "" && exists(draft) {
		fmt.Fprintf(env.IO.ErrOut, "\nStopped. Your answers so far are saved in %s; run `propose new %s` to pick up where you left off.\n", draft, target)
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
