package cli

import (
	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/proposal"
)

// SchemaOptions are the inputs of `propose schema`.
type SchemaOptions struct {
	Env *Env
}

// NewCmdSchema returns `propose schema`. runF replaces the run function in
// tests; nil means schemaRun.
func NewCmdSchema(env *Env, runF func(*SchemaOptions) error) *cobra.Command {
	opts := &SchemaOptions{Env: env}
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the proposal file format",
		Long: `Schema prints the JSON Schema (draft 2020-12) of the proposal file format: every
key, what it holds, the values it allows. Editors with the YAML language server
(VS Code's YAML extension, Neovim, Helix, Zed, JetBrains IDEs) use it to complete
and document keys as you type.

Files written by propose new and propose example name the schema in their first
line, so most editors need nothing more. To work offline, save it and point your
editor at the copy:

  propose schema > ~/.config/propose/proposal.schema.json`,
		Example: "  propose schema > proposal.schema.json",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return schemaRun(opts)
		},
	}
}

func schemaRun(opts *SchemaOptions) error {
	_, err := opts.Env.IO.Out.Write(proposal.Schema())
	return err
}
