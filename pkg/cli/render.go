package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/watch"
)

// RenderOptions are the inputs of `propose render`.
type RenderOptions struct {
	Env  *Env
	File string
	// More are further files to render in the same process, each into a
	// folder of its own named after it (see renderMany).
	More    []string
	OutDir  string
	Force   bool
	Formats []string
	Quiet   bool // leave out the check's top findings
	Watch   bool // render again each time FILE changes
	Open    bool // open the proposal's PDF in the system's viewer once written
	// NoPDFTags writes plain PDFs, without the structure tree that screen
	// readers read.
	NoPDFTags bool
	// Templates is a folder of templates that replace the built-in ones;
	// "" means the templates folder beside File, when there is one.
	Templates string

	ctx context.Context // ends --watch; nil means until Ctrl-C
}

// NewCmdRender returns `propose render`. runF replaces the run function in
// tests; nil means renderRun.
func NewCmdRender(env *Env, runF func(*RenderOptions) error) *cobra.Command {
	opts := &RenderOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "render [FILE]...",
		Short: "Write the proposal and the one-page summary",
		Long: `Render validates FILE (default proposal.yaml; - reads standard input) and writes
the proposal, the one-page summary and your private prep sheet, as .md and .pdf,
into the output folder (default: out/ beside FILE). --format chooses among md,
pdf, html and docx (a Word file), for example --format pdf or --format md,pdf,docx.

Nothing is written unless FILE is valid. The folder changes as one unit, and if
you edited a file propose wrote, nothing is replaced unless you pass --force.

Given several files, render writes each into a folder named after it inside the
output folder (out/trial/ for trial.yaml), all in one run.`,
		Example: "  propose render examples/trial.yaml\n  propose render proposal.yaml --out ~/Documents/proposal\n  propose render examples/*.yaml --out rendered",
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				opts.More = args[1:]
				args = args[:1]
			}
			return withFile(&opts.File, opts, runF, renderRun)(c, args)
		},
	}
	outputFlags(cmd, &opts.OutDir, &opts.Force, "the documents")
	cmd.Flags().StringSliceVar(&opts.Formats, "format", []string{"md", "pdf"}, "formats to write: md, pdf, html, docx, or a list such as md,pdf,docx")
	completeFormats(cmd, "md", "pdf", "html", "docx")
	templatesFlag(cmd, &opts.Templates)
	cmd.Flags().BoolVarP(&opts.Quiet, "quiet", "q", false, "do not print what propose check would raise")
	cmd.Flags().BoolVarP(&opts.Watch, "watch", "w", false, "render again each time FILE is saved, until Ctrl-C")
	cmd.Flags().BoolVar(&opts.Open, "open", false, "open the proposal's PDF in your PDF viewer once it is written")
	pdfTagsFlag(cmd, &opts.NoPDFTags)
	return cmd
}

func renderRun(opts *RenderOptions) error {
	if len(opts.More) > 0 {
		return renderMany(opts)
	}
	if !opts.Watch {
		return renderOnce(opts)
	}
	env := opts.Env
	if opts.File == "-" {
		return usageErrorf("--watch needs a file to watch, not standard input")
	}
	file := nameOr(opts.File)
	ctx := opts.ctx
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	again := func() {
		// A file with problems prints them and the last good documents
		// stay: the outputs are replaced only by a render that succeeds.
		if err := renderOnce(opts); err != nil && !isSilent(err) {
			fmt.Fprintf(env.IO.ErrOut, "propose: %v\n", err)
		}
		fmt.Fprintf(env.IO.ErrOut, "Watching %s; save it to render again, Ctrl-C to stop.\n", file)
	}
	again()
	// The file, the templates that replace the built-in ones, and the
	// theme's logo: a change to any of them renders again.
	paths := []string{file}
	tdir := opts.Templates
	if tdir == "" {
		tdir = filepath.Join(filepath.Dir(file), TemplatesDir)
	}
	if fi, err := os.Stat(tdir); err == nil && fi.IsDir() {
		paths = append(paths, tdir)
	}
	if data, err := readFile(file); err == nil {
		if p, _, err := proposal.Load(file, data); err == nil && p.Theme.Logo != "" {
			paths = append(paths, filepath.Join(filepath.Dir(file), p.Theme.Logo))
		}
	}
	if err := watch.Changes(ctx, paths, again); err != nil {
		return err
	}
	fmt.Fprintln(env.IO.ErrOut, "Stopped watching.")
	return nil
}

// renderMany renders several files one after the other in this process,
// each into its own folder: the output folder (--out, else out/ beside
// the file) holds a folder named after each file, so two files never write
// over each other. A file with problems is reported and the others are
// still rendered; the exit code is the worst of them.
func renderMany(opts *RenderOptions) error {
	files := append([]string{opts.File}, opts.More...)
	if opts.Watch {
		return usageErrorf("--watch follows one file; run one `propose render --watch` for each")
	}
	if opts.Open {
		return usageErrorf("--open opens one file's proposal; render it alone to open it")
	}
	seen := map[string]string{}
	for _, f := range files {
		if f == "-" {
			return usageErrorf("- (standard input) can only be rendered alone")
		}
		dir := outDirFor(f, opts.OutDir)
		out := filepath.Join(dir, fileStem(f))
		if other, dup := seen[out]; dup {
			return usageErrorf("%s and %s would both be written into %s; rename one, or render them one at a time", other, f, out)
		}
		seen[out] = f
	}
	var worst error
	for i, f := range files {
		if i > 0 {
			fmt.Fprintln(opts.Env.IO.Out)
		}
		one := *opts
		one.File, one.More = f, nil
		one.OutDir = filepath.Join(outDirFor(f, opts.OutDir), fileStem(f))
		if err := renderOnce(&one); err != nil {
			if !isSilent(err) {
				fmt.Fprintf(opts.Env.IO.ErrOut, "propose: %v\n", err)
			}
			if worst == nil || exitCode(err) > exitCode(worst) {
				worst = err
			}
		}
	}
	if worst != nil {
		return &silentError{code: exitCode(worst)}
	}
	return nil
}

// fileStem is a file's name without its folder and its extension.
func fileStem(file string) string {
	base := filepath.Base(file)
	return strings.TrimSuffix(base, filepath.Ext(base))
}
