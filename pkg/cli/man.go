package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// NewCmdMan returns `propose man DIR`, hidden: it writes a man page for
// every command into DIR, dated by SOURCE_DATE_EPOCH when it is set, so
// packagers get the same pages from the same source. `make man` runs it.
func NewCmdMan(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:    "man DIR",
		Short:  "Write the man pages into DIR",
		Hidden: true,
		Args:   cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			today, err := env.today()
			if err != nil {
				return err
			}
			date := today.Time()
			if err := os.MkdirAll(args[0], 0o755); err != nil {
				return fmt.Errorf("create %s: %w", args[0], err)
			}
			header := &doc.GenManHeader{Title: "PROPOSE", Section: "1", Date: &date, Source: "propose " + ProgramVersion(),
				Manual: "propose manual"}
			root := cmd.Root()
			root.DisableAutoGenTag = true
			if err := doc.GenManTree(root, header, args[0]); err != nil {
				return fmt.Errorf("write man pages: %w", err)
			}
			fmt.Fprintf(env.IO.Out, "Wrote the man pages into %s.\n", args[0])
			return nil
		},
	}
}
