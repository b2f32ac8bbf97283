package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"
	"github.com/propose-cli/propose/pkg/view"
)

// ReviewOptions are the inputs of `propose review`.
type ReviewOptions struct {
	Env     *Env
	File    string
	Log     string
	OutDir  string
	Force   bool
	Formats []string
	// Templates is a folder of templates that replace the built-in ones;
	// "" means the templates folder beside File, when there is one.
	Templates string
	NoPDFTags bool // plain PDFs, without the structure tree
}

// NewCmdReview returns `propose review`. runF replaces the run function in
// tests; nil means reviewRun.
func NewCmdReview(env *Env, runF func(*ReviewOptions) error) *cobra.Command {
	opts := &ReviewOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "review [FILE]",
		Short: "Write the review report from the trial log, for the check-in or the final review",
		Long: `Review reads the proposal FILE (default proposal.yaml) and its trial log and
writes the review report: each measure's baseline, target, readings over the
weeks with a chart, and whether the target is met; what was delivered, learned
and adjusted; the recommendation; and a sign-off for the decision. It writes
review.md and review.pdf (--format adds .html or .docx) into the output folder,
and your private prep sheet for the review into its private folder.`,
		Example: "  propose review proposal.yaml",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, reviewRun),
	}
	cmd.Flags().StringVar(&opts.Log, "log", "", "the trial log (default: FILE's name with .log.yaml)")
	cmd.Flags().StringSliceVar(&opts.Formats, "format", []string{"md", "pdf"}, "formats to write: md, pdf, html, docx, or a list such as md,pdf,docx")
	pdfTagsFlag(cmd, &opts.NoPDFTags)
	outputFlags(cmd, &opts.OutDir, &opts.Force, "the report")
	templatesFlag(cmd, &opts.Templates)
	completeFormats(cmd, "md", "pdf", "html", "docx")
	return cmd
}

func reviewRun(opts *ReviewOptions) error {
	env := opts.Env
	formats, err := parseFormats(opts.Formats)
	if err != nil {
		return err
	}
	name, p, l, err := loadWithLog(env, opts.File, opts.Log)
	if err != nil {
		return err
	}
	v, ok := view.NewReviewPrivate(p, l)
	if !ok {
		return usageErrorf("%s has no entries yet; add them week by week with `propose log %s`", logFor(opts.File, opts.Log), name)
	}
	docs, err := loadTemplates(env, opts.File, opts.Templates)
	if err != nil {
		return err
	}
	ropts := render.Options{Formats: formats, Creator: "propose " + ProgramVersion(), Templates: docs, NoPDFTags: opts.NoPDFTags}
	files, err := render.ReviewFilesOf(v, l, ropts)
	if err == nil {
		// After an approval, the agreement for the permanent arrangement.
		if a, ok := view.NewPermanent(p, l); ok {
			var more []output.File
			if more, err = render.AgreementFiles(a, ropts); err == nil {
				files = append(files, more...)
			}
		}
	}
	var ps proposal.Problems
	if errors.As(err, &ps) {
		file := name
		if len(ps) > 0 && ps[0].File != "" {
			file = ps[0].File
		}
		return reportProblems(env, file, ps, "; nothing was written")
	}
	if err != nil {
		return err
	}
	written, err := writeFiles(env, outDirFor(opts.File, opts.OutDir), files, opts.Force)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.IO.Out, "Wrote the review report (%d of %d targets met):\n", v.Met, len(v.Measures))
	for i, w := range written {
		if !files[i].Private {
			fmt.Fprintf(env.IO.Out, "  %s\n", w)
		}
	}
	fmt.Fprintln(env.IO.Out, "For you alone (never send these):")
	for i, w := range written {
		if files[i].Private {
			fmt.Fprintf(env.IO.Out, "  %s\n", w)
		}
	}
	return nil
}
