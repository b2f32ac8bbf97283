// Package cli holds the propose commands. Each command has an options
// struct and a run function that tests can call directly; Main wires them
// into cobra and turns errors into exit codes.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/document"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
)

// Exit codes, as documented in the README.
const (
	ExitOK      = 0
	ExitInvalid = 1 // the input is wrong
	ExitUsage   = 2 // the command line is wrong, or --force is needed
	ExitFailure = 3 // an I/O or internal failure
)

// IOStreams are the standard streams a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// Env is what a command reads from its surroundings, injectable in tests.
type Env struct {
	IO     *IOStreams
	Getenv func(string) string
	Now    func() time.Time
}

// gcPercent is the garbage collector's target for a propose process.
const gcPercent = 300

// Main runs propose with the given arguments (without the program name) on
// the process's standard streams and returns the exit code.
func Main(args []string) int {
	// A command lives for tens of milliseconds and holds a few tens of
	// megabytes: collecting garbage a quarter as often takes a fifth off
	// render's CPU time for 3-4 MiB more at its peak. GOGC still wins.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	env := &Env{
		IO:     &IOStreams{In: os.Stdin, Out: newTextOnly(os.Stdout), ErrOut: newTextOnly(os.Stderr)},
		Getenv: os.Getenv,
		Now:    time.Now,
	}
	return Run(env, args)
}

// Run runs propose in env and returns the exit code.
func Run(env *Env, args []string) int {
	root := NewCmdRoot(env)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return ExitOK
	}
	var silent *silentError
	if !errors.As(err, &silent) {
		fmt.Fprintf(env.IO.ErrOut, "propose: %v\n", err)
	}
	return exitCode(err)
}

// NewCmdRoot returns the root command with every subcommand.
func NewCmdRoot(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "propose",
		Short: "Write a remote or hybrid work proposal your manager takes seriously",
		Long: `propose turns your answers about a remote or hybrid work request into a formal
proposal and a one-page summary for your manager.

Answer the questions:   propose new
Or start from a sample: propose example -o proposal.yaml
Then render it:         propose render proposal.yaml`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       ProgramVersion(),
	}
	root.SetVersionTemplate("propose {{.Version}}\n")
	root.SetIn(env.IO.In)
	root.SetOut(env.IO.Out)
	root.SetErr(env.IO.ErrOut)
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return usageErrorf("%v (see `%s --help`)", err, cmd.CommandPath())
	})
	root.AddCommand(
		NewCmdNew(env, nil),
		NewCmdRender(env, nil),
		NewCmdPreview(env, nil),
		NewCmdApp(env, nil),
		NewCmdEmail(env, nil),
		NewCmdCalendar(env, nil),
		NewCmdValidate(env, nil),
		NewCmdCheck(env, nil),
		NewCmdLog(env, nil),
		NewCmdStatus(env, nil),
		NewCmdReview(env, nil),
		NewCmdReask(env, nil),
		NewCmdExample(env, nil),
		NewCmdSchema(env, nil),
		NewCmdTemplates(env),
		NewCmdEvidence(env),
		NewCmdRules(env, nil),
		NewCmdVersion(env),
		NewCmdMan(env),
	)
	return root
}

// usageError is a command line the user must change.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// silentError carries an exit code for a failure already reported.
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func exitCode(err error) int {
	var silent *silentError
	var usage *usageError
	var problems proposal.Problems
	var tmpl *document.TemplateError
	var link *output.LinkError
	switch {
	case errors.As(err, &silent):
		return silent.code
	case errors.As(err, &usage), errors.As(err, &link):
		return ExitUsage
	case errors.As(err, &problems), errors.As(err, &tmpl):
		return ExitInvalid
	case strings.HasPrefix(err.Error(), "unknown command"),
		strings.HasPrefix(err.Error(), "accepts "),
		strings.HasPrefix(err.Error(), "invalid argument"):
		return ExitUsage
	}
	return ExitFailure
}

// today is the document date when a file gives none: the day of
// SOURCE_DATE_EPOCH when it is set (for reproducible builds), else today.
func (env *Env) today() (proposal.Date, error) {
	if s := env.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return proposal.Date{}, usageErrorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970", s)
		}
		return proposal.DateOf(time.Unix(sec, 0).UTC()), nil
	}
	return proposal.DateOf(env.Now()), nil
}
