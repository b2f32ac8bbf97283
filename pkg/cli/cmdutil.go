// Helpers every command shares: reading and checking the file, reporting
// its problems, writing outputs, the flags several commands take, and the
// documents render writes (which new and a trial log given to render use
// too). A command's own file holds its options, constructor and run
// function, and calls only these.
package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/check"
	"github.com/propose-cli/propose/pkg/document"
	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"
	"github.com/propose-cli/propose/pkg/view"
)

// DefaultFile is the proposal file a command reads when given none.
const DefaultFile = "proposal.yaml"

// stdinName is how messages name standard input.
const stdinName = "<stdin>"

// readInput reads FILE, or standard input for "-". It reads at most one
// byte past the size limit, so a huge file is refused without loading it.
func readInput(env *Env, file string) (name string, data []byte, err error) {
	if file == "" {
		file = DefaultFile
	}
	var r io.Reader
	name = file
	if file == "-" {
		name, r = stdinName, env.IO.In
	} else {
		if err := checkReadable(file, "proposal", "; give the proposal file inside it"); err != nil {
			return name, nil, err
		}
		f, err := os.Open(file)
		if errors.Is(err, fs.ErrNotExist) {
			// Notepad and TextEdit add their own extension to a name typed
			// without quotes: proposal.yaml.txt.
			for _, ext := range []string{".txt", ".rtf", ".yml", ".yaml"} {
				if st, err := os.Stat(file + ext); err == nil && !st.IsDir() {
					return name, nil, fmt.Errorf("%s: no such file, but there is %s%s: your editor may have added %s when saving (rename it to %s, or give that name)", file, file, ext, ext, file)
				}
			}
			if near := nearName(file); near != "" {
				return name, nil, fmt.Errorf("%s: no such file; did you mean %s? (or run `propose new` to answer the questions and write it)", file, near)
			}
			return name, nil, fmt.Errorf("%s: no such file (run `propose new` to answer the questions and write it, or `propose example -o %s` for a complete file to edit)", file, file)
		}
		if err != nil {
			return name, nil, fmt.Errorf("open %w", err)
		}
		defer f.Close()
		r = f
	}
	data, err = io.ReadAll(io.LimitReader(r, proposal.MaxFileSize+1))
	if err != nil {
		return name, nil, fmt.Errorf("read %s: %w", name, err)
	}
	return name, data, nil
}

// readFile reads a file a person gave propose (a proposal, a draft, a log,
// a template) through the same size limit as every input: one byte more
// than the limit is read, so the loader can say the file is too large, and
// a device such as /dev/zero cannot make it read for ever.
func readFile(path string) ([]byte, error) {
	if err := checkReadable(path, "text", ", not a file"); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, proposal.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

// checkReadable refuses a path that is a folder, a named pipe or a
// device, before it is opened: opening a named pipe waits for a writer,
// and a device may never end. what names the contents ("proposal"), and
// folder ends the folder's message. A missing path is the opener's to
// report.
func checkReadable(path, what, folder string) error {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return nil
	case st.IsDir():
		return usageErrorf("%s is a folder%s", path, folder)
	case !st.Mode().IsRegular():
		return usageErrorf("%s is not a regular file (a named pipe or a device); save the %s in a file and give that", path, what)
	}
	return nil
}

// loadProposal reads, completes and validates FILE.
func loadProposal(env *Env, file string) (string, *proposal.Proposal, error) {
	name, data, err := readInput(env, file)
	if err != nil {
		return name, nil, err
	}
	today, err := env.today()
	if err != nil {
		return name, nil, err
	}
	p, err := proposal.Parse(name, data, today)
	return name, p, err
}

// maxProblemsShown is how many problems are printed before the rest are
// counted: a file that is wrong all over (the wrong file, most often)
// would otherwise fill the screen.
const maxProblemsShown = 40

// reportProblems prints every problem, one a line, and a closing count.
func reportProblems(env *Env, name string, ps proposal.Problems, consequence string) error {
	for i, p := range ps {
		if i == maxProblemsShown && len(ps) > maxProblemsShown+1 {
			fmt.Fprintf(env.IO.ErrOut, "... and %d more, not shown: fix these first, then run it again\n", len(ps)-i)
			break
		}
		fmt.Fprintln(env.IO.ErrOut, p.String())
	}
	noun := "problems"
	if len(ps) == 1 {
		noun = "problem"
	}
	fmt.Fprintf(env.IO.ErrOut, "%d %s in %s%s\n", len(ps), noun, name, consequence)
	return &silentError{code: ExitInvalid}
}

// loadValid loads FILE and, when it has problems, reports them (with the
// consequence, such as "; nothing was written") and returns the silent
// exit-1 error the commands pass on.
func loadValid(env *Env, file, consequence string) (string, *proposal.Proposal, error) {
	name, p, err := loadProposal(env, file)
	var ps proposal.Problems
	if errors.As(err, &ps) {
		return name, nil, reportProblems(env, name, ps, consequence)
	}
	return name, p, err
}

// writeFiles writes outputs into dir as one set (see writeSet).
func writeFiles(env *Env, dir string, files []output.File, force bool) ([]string, error) {
	r, err := writeSet(env, dir, output.Set{Files: files}, force)
	return r.Written, err
}

// writeSet changes dir by set as one unit, saying so when it waits for
// another propose writing there, and turning a refusal to replace a file
// the user edited into a usage error that says how to proceed.
func writeSet(env *Env, dir string, set output.Set, force bool) (output.Result, error) {
	r, err := output.Write(dir, set, output.Options{Force: force, Waiting: func() {
		fmt.Fprintf(env.IO.ErrOut, "Waiting for another propose writing into %s...\n", dir)
	}})
	var edited *output.EditedError
	var link *output.LinkError
	if errors.As(err, &link) {
		return r, usageErrorf("%v (remove it, or write somewhere else with --out)", err)
	}
	if errors.As(err, &edited) {
		if edited.NoManifest {
			return r, usageErrorf("%v; nothing was written (if you did not edit them, pass --force; otherwise move your copy aside or choose another --out)", err)
		}
		return r, usageErrorf("%v; nothing was written (move your edited copy aside, choose another --out, or pass --force)", err)
	}
	return r, err
}

// nearName is a proposal file beside file whose name is one slip away
// from it ("propsal.yaml" for "proposal.yaml"), or "".
func nearName(file string) string {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	best, bestDist := "", 3
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
			continue
		}
		if d := proposal.Levenshtein(strings.ToLower(n), strings.ToLower(base)); d < bestDist {
			best, bestDist = filepath.Join(filepath.Dir(file), n), d
		}
	}
	return best
}

// checkTo checks a --to address before anything is read or written: a
// mistake on the command line is a usage error (exit 2), whichever
// command it is given to.
func checkTo(to string) error {
	if to == "" {
		return nil
	}
	if _, err := mail.ParseAddress(to); err != nil {
		return usageErrorf("--to %q is not an email address (write it as name@example.com)", to)
	}
	return nil
}

// isSilent reports whether err was already reported to the user.
func isSilent(err error) bool {
	var s *silentError
	return errors.As(err, &s)
}

// reportRefused reports what rendering refused in the file, each problem
// at its place: a character the PDF fonts cannot draw, a one-page summary
// that cannot fit, a proposal longer than four pages. Any other error is returned as it is; nil stays nil.
func reportRefused(env *Env, name string, p *proposal.Proposal, err error, suffix string) error {
	var ps proposal.Problems
	var tooLong *render.TooLongError
	var tooMany *render.TooManyPagesError
	switch {
	case errors.As(err, &ps):
		return reportProblems(env, name, ps, suffix)
	case errors.As(err, &tooLong):
		return reportProblems(env, name, tooLong.Problems(p.Source()), suffix)
	case errors.As(err, &tooMany):
		return reportProblems(env, name, tooMany.Problems(p.Source()), suffix)
	}
	return err
}

// renderLog renders a trial log given to render (as examples/*.yaml
// gives examples/trial.log.yaml): its documents are the review report,
// which `propose review` writes from the proposal beside it.
func renderLog(opts *RenderOptions) error {
	prop := strings.TrimSuffix(opts.File, ".log.yaml") + ".yaml"
	if _, err := os.Stat(prop); err != nil {
		return usageErrorf("%s is a trial log, and there is no %s beside it to review it against; run `propose review PROPOSAL --log %s`", opts.File, prop, opts.File)
	}
	fmt.Fprintf(opts.Env.IO.Out, "%s is the trial log of %s: writing its review report, as `propose review` does.\n", opts.File, prop)
	return writeReview(&ReviewOptions{Env: opts.Env, File: prop, Log: opts.File, OutDir: outDirFor(opts.File, opts.OutDir),
		Force: opts.Force, Formats: opts.Formats, Templates: opts.Templates, NoPDFTags: opts.NoPDFTags})
}

// renderOnce validates and renders the file once, as render without
// --watch does.
func renderOnce(opts *RenderOptions) error {
	env := opts.Env
	if strings.HasSuffix(opts.File, ".log.yaml") {
		return renderLog(opts)
	}
	name, p, err := loadValid(env, opts.File, "; nothing was written")
	if err != nil {
		return err
	}
	outDir := outDirFor(opts.File, opts.OutDir)
	formats, err := parseFormats(opts.Formats)
	if err != nil {
		return err
	}
	docs, err := loadTemplates(env, opts.File, opts.Templates)
	if err != nil {
		return err
	}
	var warned warnings
	files, err := render.Files(p, render.Options{Formats: formats, Creator: "propose " + ProgramVersion(), Templates: docs, NoPDFTags: opts.NoPDFTags,
		Warn: warned.add})
	if err := reportRefused(env, name, p, err, "; nothing was written"); err != nil {
		return err
	}
	res, err := writeSet(env, outDir, output.Set{Files: files, Retire: render.OldPrepNames}, opts.Force)
	if err != nil {
		return err
	}
	written, removed := res.Written, res.Removed
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
	if line := view.LawNote(p); line != "" && len(private) > 0 {
		fmt.Fprintf(env.IO.Out, "%s\n", line)
	}
	if opts.Open {
		for _, w := range shared {
			if filepath.Base(w) == "proposal.pdf" {
				openBrowser(w) // the system's handler for the file: a PDF viewer
			}
		}
	}
	for _, r := range removed {
		fmt.Fprintf(env.IO.Out, "Removed %s: the prep sheet now lives in the private folder.\n", r)
	}
	printWarnings(env, p)
	for _, w := range warned.list.Unique() {
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
			for _, w := range warned.list {
				fits = append(fits, lengthFinding(p, w))
			}
			rep = check.Run(p, today, fits...)
		} else if rep, _, err = checkProposal(p, today, docs); err != nil {
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

// maxOneFile accepts an optional FILE argument.
func maxOneFile(cmd *cobra.Command, args []string) error {
	if len(args) > 1 {
		return usageErrorf("%s takes one file, got %d: %s", cmd.CommandPath(), len(args), strings.Join(args, " "))
	}
	return nil
}

// withFile returns a RunE for a command taking an optional FILE (or, for
// rules, a jurisdiction): it stores the argument in *file, then runs runF
// when a test set one, else run.
func withFile[O any](file *string, opts *O, runF, run func(*O) error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		if len(args) == 1 {
			*file = args[0]
		}
		if runF != nil {
			return runF(opts)
		}
		return run(opts)
	}
}

// pdfTagsFlag adds --no-pdf-tags to a command that writes PDFs: tagged
// PDF (PDF/UA-1), which screen readers can read, is the default.
func pdfTagsFlag(cmd *cobra.Command, noTags *bool) {
	cmd.Flags().BoolVar(noTags, "no-pdf-tags", false, "write PDFs without the structure (tags) that screen readers use")
}

// outputFlags adds --out and --force to a command that writes what, and
// what the shell completes for them and for FILE: proposal files for FILE,
// folders for --out.
func outputFlags(cmd *cobra.Command, outDir *string, force *bool, what string) {
	cmd.Flags().StringVarP(outDir, "out", "o", "", "folder to write "+what+" into (default: out/ beside FILE)")
	cmd.Flags().BoolVarP(force, "force", "f", false, "replace "+what+" even if edited by hand")
	_ = cmd.MarkFlagDirname("out")
	completeFiles(cmd)
	wrapped := cmd.PreRunE
	cmd.PreRunE = func(c *cobra.Command, args []string) error {
		if *outDir == "-" {
			return usageErrorf("--out - would make a folder named “-”; give a folder, such as --out out")
		}
		if wrapped != nil {
			return wrapped(c, args)
		}
		return nil
	}
}

// completeFiles makes the shell offer proposal files (.yaml, .yml) for a
// command's FILE argument.
func completeFiles(cmd *cobra.Command) {
	cmd.ValidArgsFunction = func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	}
}

// completeFormats makes the shell offer the formats for --format.
func completeFormats(cmd *cobra.Command, formats ...string) {
	_ = cmd.RegisterFlagCompletionFunc("format", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return formats, cobra.ShellCompDirectiveNoFileComp
	})
}

// templatesFlag adds --templates to a command that renders documents.
func templatesFlag(cmd *cobra.Command, dir *string) {
	cmd.Flags().StringVar(dir, "templates", "", "folder of templates that replace the built-in ones, file by file (default: templates beside FILE, when there is one)")
	_ = cmd.MarkFlagDirname("templates")
}

// loadTemplates returns the templates to render FILE with: the built-in
// ones, replaced by those in dir (when given) or in the templates folder
// beside FILE (when there is one). A replaced template whose built-in
// template has changed since it was ejected is noted on standard error.
func loadTemplates(env *Env, file, dir string) (*document.Set, error) {
	if dir != "" {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return nil, usageErrorf("--templates %s is not a folder", dir)
		}
	} else {
		dir = TemplatesDir
		if file != "" && file != "-" {
			dir = filepath.Join(filepath.Dir(file), TemplatesDir)
		}
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return document.Default()
		}
		// Found, not asked for: say so, since it changes every document.
		fmt.Fprintf(env.IO.ErrOut, "note: using the templates in %s, beside the file; they replace the built-in ones of the same name\n", dir)
	}
	set, err := document.New(document.WithTemplatesDir(dir))
	if err != nil {
		return nil, err
	}
	for _, n := range document.Names() {
		data, err := readFile(filepath.Join(dir, n))
		if err != nil {
			continue
		}
		builtin, _ := document.Builtin(n)
		if e, ok := readEjected(data); ok && e.hash != hashOf(builtin) {
			fmt.Fprintf(env.IO.ErrOut, "note: the built-in %s changed since %s was ejected; `propose templates diff %s` shows how\n",
				n, filepath.Join(dir, n), dir)
		}
	}
	return set, nil
}

// writeReview writes the review report of the trial log, as `propose
// review` does, and, after an approval, the agreement; render does the
// same for a trial log it is given.
func writeReview(opts *ReviewOptions) error {
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

// warnings collects what render.Options.Warn is told, which may come from
// several goroutines at once.
type warnings struct {
	mu   sync.Mutex
	list proposal.Problems
}

func (w *warnings) add(q proposal.Problem) {
	w.mu.Lock()
	w.list = append(w.list, q)
	w.mu.Unlock()
}
