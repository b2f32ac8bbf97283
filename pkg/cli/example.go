package cli

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/locale"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
)

// ExampleOptions are the inputs of `propose example`.
type ExampleOptions struct {
	Env      *Env
	Scenario string
	Log      bool   // print the example's trial log instead
	Out      string // write it to this file instead of standard output
	Force    bool
	Language string // the language of the example: a tag such as "de"; "" for English
}

// NewCmdExample returns `propose example`. runF replaces the run function
// in tests; nil means exampleRun.
func NewCmdExample(env *Env, runF func(*ExampleOptions) error) *cobra.Command {
	opts := &ExampleOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "example [SCENARIO]",
		Short: "Print a complete sample proposal file",
		Long: `Example prints a complete, valid proposal file for SCENARIO (default trial), with
comments, to start your own from:

  propose example -o proposal.yaml

With -o the file starts from today: it has no date line (the documents
carry the day you render them) and its other dates move by whole weeks,
so the trial starts on the same weekday a week or so from now.

--log prints the trial log that goes with it, eight weeks of a trial:

  propose example --log > proposal.log.yaml

--language writes a sample in another language, written the way someone
there would write it (a German request under a works agreement, a French
one under a charte de télétravail):

  propose example --language de -o antrag.yaml

Scenarios with an example: ` + strings.Join(examples.Names(), ", "),
		Args:      maxOneFile,
		ValidArgs: examples.Names(),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Scenario = "trial"
			if len(args) == 1 {
				opts.Scenario = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return exampleRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Log, "log", false, "print the example's trial log")
	cmd.Flags().StringVarP(&opts.Out, "out", "o", "", "write it to FILE instead of printing it (no shell redirection needed)")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "replace FILE if it exists")
	cmd.Flags().StringVar(&opts.Language, "language", "", "a sample written in this language: "+strings.Join(exampleLanguages(), ", "))
	return cmd
}

func exampleRun(opts *ExampleOptions) error {
	folder := ""
	if opts.Language != "" {
		l, ok := locale.Of(opts.Language)
		if !ok {
			return usageErrorf("--language %q is not a language propose writes (choose one of: %s)", opts.Language, strings.Join(locale.Tags(), ", "))
		}
		folder = l.Folder
	}
	if opts.Log {
		b, ok := examples.LogIn(folder, opts.Scenario)
		if !ok {
			return usageErrorf("no example trial log for scenario %q in this language (there is one for trial in English)", opts.Scenario)
		}
		return writeExample(opts, b)
	}
	b, ok := examples.GetIn(folder, opts.Scenario)
	if !ok {
		if folder != "" && folder != "en" {
			have := examples.NamesIn(folder)
			if len(have) == 0 {
				return usageErrorf("there is no example in %s yet", opts.Language)
			}
			return usageErrorf("there is no %s example of scenario %q yet (there is one of: %s)", opts.Language, opts.Scenario, strings.Join(have, ", "))
		}
		return usageErrorf("no example for scenario %q (choose one of: %s)", opts.Scenario, strings.Join(examples.Names(), ", "))
	}
	if opts.Out != "" && opts.Out != "-" {
		today, err := opts.Env.today()
		if err != nil {
			return err
		}
		b = startingToday(b, today)
	}
	return writeExample(opts, b)
}

// writeExample prints the file, or writes it to --out as UTF-8 whatever
// the shell would have made of a redirection.
func writeExample(opts *ExampleOptions, b []byte) error {
	if opts.Out == "" || opts.Out == "-" {
		_, err := opts.Env.IO.Out.Write(b)
		return err
	}
	if exists(opts.Out) && !opts.Force {
		return usageErrorf("%s already exists; pass --force to replace it", opts.Out)
	}
	// The file names itself in its header, not the example it came from.
	b = renderLine().ReplaceAll(b, []byte("${1}propose render "+opts.Out))
	if err := output.WriteFile(opts.Out, b, 0o644); err != nil {
		return err
	}
	_, err := fmt.Fprintf(opts.Env.IO.Out, "Wrote %s. Edit it, then run `propose render %s`.\n", opts.Out, opts.Out)
	return err
}

// startingToday makes an example a file to start from: it drops the
// example's own date, so the documents carry the day they are rendered,
// and moves every other date by the whole weeks that bring the example's
// date to today or the six days after it. Weekdays, and the spacing
// between an offer, a refusal and a start, stay as the example has them.
func startingToday(b []byte, today proposal.Date) []byte {
	m := dateLine().FindSubmatch(b)
	if m == nil {
		return b
	}
	var was proposal.Date
	if err := was.UnmarshalText(m[2]); err != nil {
		return b
	}
	days := was.DaysUntil(today)
	weeks := days / 7
	if days > weeks*7 {
		weeks++ // round up: never before today
	}
	b = dateLine().ReplaceAll(b, []byte("# date: left out, so the documents carry the day you render them\n"))
	return anyDate().ReplaceAllFunc(b, func(s []byte) []byte {
		var d proposal.Date
		if d.UnmarshalText(s) != nil {
			return s
		}
		return []byte(d.AddDays(7 * weeks).String())
	})
}

// dateLine is the example's top-level date line; anyDate is a date anywhere.
var (
	dateLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^(date:\s*)(\d{4}-\d{2}-\d{2})[^\n]*\n`) })
	anyDate  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b\d{4}-\d{2}-\d{2}\b`) })
)

// renderLine is the example's header line that says how to render it.
var renderLine = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)^(# Render it with:\s+)propose render \S+`)
})

// exampleLanguages are the languages with an example of their own.
func exampleLanguages() []string {
	var out []string
	for _, l := range locale.Languages {
		if l.Folder != "en" && len(examples.NamesIn(l.Folder)) > 0 {
			out = append(out, l.Tag)
		}
	}
	return out
}
