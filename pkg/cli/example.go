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
}

// NewCmdExample returns `propose example`. runF replaces the run function
// in tests; nil means exampleRun.
func NewCmdExample(env *Env, runF func(*ExampleOptions) error) *cobra.Command {
	opts := &ExampleOptions{Env: env}
	return &cobra.Command{
		Use:   "example [SCENARIO]",
		Short: "Print a complete sample proposal file",
		Long: `Example prints a complete, valid proposal file for SCENARIO (default trial), with
comments, to start your own from:

  propose example > proposal.yaml

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
}

func exampleRun(opts *ExampleOptions) error {
	b, ok := examples.Get(opts.Scenario)
	if !ok {
		return usageErrorf("no example for scenario %q (choose one of: %s)", opts.Scenario, strings.Join(examples.Names(), ", "))
	}
	_, err := opts.Env.IO.Out.Write(b)
	return err
}
