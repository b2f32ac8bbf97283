package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/evidence"
)

// NewCmdEvidence returns `propose evidence`.
func NewCmdEvidence(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "evidence",
		Short: "List the verified citations a proposal may cite",
		Long: `Evidence lists the built-in, verified research findings. Put the ids of those that
fit your situation under evidence: in your proposal file; the proposal cites them
with numbered references. Each finding holds for the population it names.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			var b strings.Builder
			for i, c := range evidence.All(evidence.Supporting) {
				if i > 0 {
					b.WriteString("\n")
				}
				fmt.Fprintf(&b, "%s\n  %s\n  Holds for: %s\n  %s %s\n", c.ID, c.Claim, c.HoldsFor, c.Reference, c.URL)
			}
			_, err := fmt.Fprint(env.IO.Out, b.String())
			return err
		},
	}
}
