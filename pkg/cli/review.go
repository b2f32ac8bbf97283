package cli

import (
	"github.com/spf13/cobra"
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
// tests; nil means writeReview, which a trial log given to render runs
// too.
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
		RunE:    withFile(&opts.File, opts, runF, writeReview),
	}
	cmd.Flags().StringVar(&opts.Log, "log", "", "the trial log (default: FILE's name with .log.yaml)")
	cmd.Flags().StringSliceVar(&opts.Formats, "format", []string{"md", "pdf"}, "formats to write: md, pdf, html, docx, or a list such as md,pdf,docx")
	pdfTagsFlag(cmd, &opts.NoPDFTags)
	outputFlags(cmd, &opts.OutDir, &opts.Force, "the report")
	templatesFlag(cmd, &opts.Templates)
	completeFormats(cmd, "md", "pdf", "html", "docx")
	return cmd
}
