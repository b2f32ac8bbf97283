package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/examples"
)

// ExampleOptions are the inputs of `propose example`.
type ExampleOptions struct {
	Env      *Env
	Scenario string
	Log      bool // print the example's trial log instead
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

  propose example > proposal.yaml

--log prints the trial log that goes with it, eight weeks of a trial:

  propose example --log > proposal.log.yaml

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
	return cmd
}

func exampleRun(opts *ExampleOptions) error {
	if opts.Log {
		b, ok := examples.Log(opts.Scenario)
		if !ok {
			return usageErrorf("no example trial log for scenario %q (there is one for trial)", opts.Scenario)
		}
		_, err := opts.Env.IO.Out.Write(b)
		return err
	}
	b, ok := examples.Get(opts.Scenario)
	if !ok {
		return usageErrorf("no example for scenario %q (choose one of: %s)", opts.Scenario, strings.Join(examples.Names(), ", "))
	}
	_, err := opts.Env.IO.Out.Write(b)
	return err
}
