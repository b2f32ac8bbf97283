package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/check"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"
)

// RenderOptions are the inputs of `propose render`.
type RenderOptions struct {
	Env     *Env
	File    string
	OutDir  string
	Force   bool
	Formats []string
	Quiet   bool // leave out the check's top findings
}

// NewCmdRender returns `propose render`. runF replaces the run function in
// tests; nil means renderRun.
func NewCmdRender(env *Env, runF func(*RenderOptions) error) *cobra.Command {
	opts := &RenderOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "render [FILE]",
		Short: "Write the proposal and the one-page summary",
		Long: `Render validates FILE (default proposal.yaml; - reads standard input) and writes
the proposal, the one-page summary and your private prep sheet, as .md and .pdf,
into the output folder (default: out/ beside FILE). --format chooses among md,
pdf, html and docx (a Word file), for example --format pdf or --format md,pdf,docx.

Nothing is written unless FILE is valid. Each file is replaced atomically, and a
file you edited after propose wrote it is kept unless you pass --force.`,
		Example: "  propose render examples/trial.yaml\n  propose render proposal.yaml --out ~/Documents/proposal",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, renderRun),
	}
	outputFlags(cmd, &opts.OutDir, &opts.Force, "the documents")
	cmd.Flags().StringSliceVar(&opts.Formats, "format", []string{"md", "pdf"}, "formats to write: md, pdf, html, docx, or a list such as md,pdf,docx")
	completeFormats(cmd, "md", "pdf", "html", "docx")
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "do not print what propose check would raise")
	return cmd
}

func renderRun(opts *RenderOptions) error {
	env := opts.Env
	name, p, err := loadValid(env, opts.File, "; nothing was written")
	if err != nil {
		return err
	}
	outDir := outDirFor(opts.File, opts.OutDir)
	formats, err := parseFormats(opts.Formats)
	if err != nil {
		return err
	}
	var mu sync.Mutex
	var warnings proposal.Problems
	files, err := render.Files(p, render.Options{Formats: formats, Creator: "propose " + ProgramVersion(),
		Warn: func(q proposal.Problem) { mu.Lock(); warnings = append(warnings, q); mu.Unlock() }})
	var tooLong *render.TooLongError
	var ps proposal.Problems
	switch {
	case errors.As(err, &ps):
		return reportProblems(env, name, ps, "; nothing was written")
	case errors.As(err, &tooLong):
		return reportProblems(env, name, tooLong.Problems(p.Source()), "; nothing was written")
	case err != nil:
		return err
	}
	written, err := writeFiles(outDir, files, opts.Force)
	if err != nil {
		return err
	}
	removed, err := output.RemoveStale(outDir, render.OldPrepNames)
	if err != nil {
		return err
	}
	var shared, private []string
	for i, w := range written {
		if files[i].Private {
			private = append(private, w)
		} else {
			shared = append(shared, w)
		}
	}
	fmt.Fprintf(env.IO.Out, "Rendered %s.\n", name)
	if len(shared) > 0 {
		fmt.Fprintf(env.IO.Out, "For your manager:\n")
		for _, w := range shared {
			fmt.Fprintf(env.IO.Out, "  %s\n", w)
		}
	}
	if len(private) > 0 {
		fmt.Fprintf(env.IO.Out, "For you alone (never send these):\n")
		for _, w := range private {
			fmt.Fprintf(env.IO.Out, "  %s\n", w)
		}
	}
	for _, r := range removed {
		fmt.Fprintf(env.IO.Out, "Removed %s: the prep sheet now lives in the private folder.\n", r)
	}
	printWarnings(env, p)
	for _, w := range warnings.Unique() {
		fmt.Fprintln(env.IO.ErrOut, w.String())
	}
	if !opts.Quiet {
		today, err := env.today()
		if err != nil {
			return err
		}
		var rep *check.Report
		if slices.Contains(formats, render.PDF) {
			var fits []check.Finding
			for _, w := range warnings {
				fits = append(fits, lengthFinding(p, w))
			}
			rep = check.Run(p, today, fits...)
		} else if rep, err = checkProposal(p, today); err != nil {
			return err // the page fit, as propose check finds it, without PDFs written
		}
		printTopFindings(env, name, rep)
	}
	return nil
}

func parseFormats(names []string) ([]render.Format, error) {
	var out []render.Format
	for _, n := range names {
		switch f := render.Format(strings.ToLower(strings.TrimSpace(n))); f {
		case render.Markdown, render.PDF, render.HTML, render.DOCX:
			out = append(out, f)
		default:
			return nil, usageErrorf("unknown format %q (use md, pdf, html, docx, or a list such as md,pdf)", n)
		}
	}
	if len(out) == 0 {
		return nil, usageErrorf("--format needs md, pdf, or md,pdf")
	}
	return out, nil
}

// outDirFor is the output folder: the one asked for, else out/ beside the
// input file (or in the current folder for standard input).
func outDirFor(file, asked string) string {
	if asked != "" {
		return asked
	}
	if file != "" && file != "-" {
		return filepath.Join(filepath.Dir(file), "out")
	}
	return "out"
}
