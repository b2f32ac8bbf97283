package cli

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/document"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/view"
)

// RenderOptions are the inputs of `propose render`.
type RenderOptions struct {
	Env    *Env
	File   string
	OutDir string
	Force  bool
}

// NewCmdRender returns `propose render`. runF replaces the run function in
// tests; nil means renderRun.
func NewCmdRender(env *Env, runF func(*RenderOptions) error) *cobra.Command {
	opts := &RenderOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "render [FILE]",
		Short: "Write the proposal and the one-page summary",
		Long: `Render validates FILE (default proposal.yaml; - reads standard input) and writes
proposal.md and one-pager.md into the output folder (default: out/ beside FILE).

Nothing is written unless FILE is valid. Each file is replaced atomically, and a
file you edited after propose wrote it is kept unless you pass --force.`,
		Example: "  propose render examples/trial.yaml\n  propose render proposal.yaml --out ~/Documents/proposal",
		Args:    maxOneFile,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return renderRun(opts)
		},
	}
	cmd.Flags().StringVarP(&opts.OutDir, "out", "o", "", "folder to write the documents into (default: out/ beside FILE)")
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "overwrite output files even if you edited them")
	return cmd
}

func renderRun(opts *RenderOptions) error {
	env := opts.Env
	name, p, err := loadProposal(env, opts.File)
	var ps proposal.Problems
	if errors.As(err, &ps) {
		return reportProblems(env, name, ps, "; nothing was written")
	}
	if err != nil {
		return err
	}
	outDir := opts.OutDir
	if outDir == "" {
		outDir = "out"
		if opts.File != "" && opts.File != "-" {
			outDir = filepath.Join(filepath.Dir(opts.File), "out")
		}
	}
	pub := view.NewPublic(p)
	var files []output.File
	for _, kind := range document.Kinds {
		md, err := document.Render(kind, pub)
		if err != nil {
			return err
		}
		files = append(files, output.File{Name: string(kind) + ".md", Data: md})
	}
	written, err := output.WriteAll(outDir, files, opts.Force)
	var edited *output.EditedError
	if errors.As(err, &edited) {
		return usageErrorf("%v; nothing was written (move your edited copy aside, choose another --out, or pass --force)", err)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.IO.Out, "Rendered %s:\n", name)
	for _, w := range written {
		fmt.Fprintf(env.IO.Out, "  %s\n", w)
	}
	return nil
}
