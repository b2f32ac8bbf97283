package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/document"
	"github.com/propose-cli/propose/pkg/output"
)

// TemplatesDir is the folder, beside the proposal file, whose templates
// replace the built-in ones.
const TemplatesDir = "templates"

// NewCmdTemplates returns `propose templates` and its subcommands.
func NewCmdTemplates(env *Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "Copy the document templates to edit them, and see what changed since",
		Long: `The documents are made from text/template files. A folder named templates
beside the proposal file (or --templates DIR on render, email, status and
review) replaces the built-in templates file by file: a file it does not hold
stays the built-in one.

  propose templates eject       copies every built-in template into ./templates
  propose templates diff        shows which built-in templates changed since

The manager's documents are made from a view without your private answers, so
an edited template cannot print them: a template that asks for one fails with
its file and line.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newCmdTemplatesEject(env), newCmdTemplatesDiff(env))
	return cmd
}

// TemplatesEjectOptions are the inputs of `propose templates eject`.
type TemplatesEjectOptions struct {
	Env   *Env
	Dir   string
	For   string // a proposal file: eject into the templates folder beside it
	Force bool
}

func newCmdTemplatesEject(env *Env) *cobra.Command {
	opts := &TemplatesEjectOptions{Env: env, Dir: TemplatesDir}
	cmd := &cobra.Command{
		Use:   "eject [DIR]",
		Short: "Copy the built-in templates into a folder to edit them",
		Long: `Eject writes every built-in template into DIR (default: templates, in the current
folder, which is beside proposal.yaml; --for FILE: the templates folder beside
FILE). Keep the folder beside your proposal file and edit the files: render,
email, status and review then use them. Delete a file to go back to the
built-in one.

Each file's first line is a template comment that records the propose
version and the SHA-256 of the built-in text, so that propose templates diff
can tell you when the built-in changes in a later version. A file already
there is kept unless you pass --force.`,
		Example: "  propose templates eject\n  propose templates eject --for ~/proposal/proposal.yaml\n  propose templates eject ~/proposal/templates",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			switch {
			case len(args) == 1 && opts.For != "":
				return usageErrorf("give DIR or --for FILE, not both")
			case len(args) == 1:
				opts.Dir = args[0]
			case opts.For != "":
				opts.Dir = filepath.Join(filepath.Dir(opts.For), TemplatesDir)
			}
			return templatesEjectRun(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Force, "force", "f", false, "replace templates already in DIR")
	cmd.Flags().StringVar(&opts.For, "for", "", "a proposal file: write into the templates folder beside it, where render looks")
	_ = cmd.RegisterFlagCompletionFunc("for", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	return cmd
}

func templatesEjectRun(opts *TemplatesEjectOptions) error {
	names := document.Names()
	if !opts.Force {
		for _, n := range names {
			path := filepath.Join(opts.Dir, n)
			if _, err := os.Stat(path); err == nil {
				return usageErrorf("%s is already there; nothing was written (edit it, move it aside, or pass --force)", path)
			}
		}
	}
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return fmt.Errorf("eject templates: %w", err)
	}
	// Each is replaced whole (never written through a link planted in
	// its place), and only after every place is checked.
	for _, n := range names {
		if err := output.CheckRegular(filepath.Join(opts.Dir, n)); err != nil {
			return usageErrorf("%v (remove it, or eject into another folder)", err)
		}
	}
	for _, n := range names {
		text, _ := document.Builtin(n)
		path := filepath.Join(opts.Dir, n)
		if err := output.WriteFile(path, append(ejectHeader(n, text), text...), 0o644); err != nil {
			return fmt.Errorf("eject templates: %w", err)
		}
	}
	out := opts.Env.IO.Out
	fmt.Fprintf(out, "Wrote %d templates to %s:\n", len(names), opts.Dir)
	for _, n := range names {
		fmt.Fprintf(out, "  %s\n", filepath.Join(opts.Dir, n))
	}
	fmt.Fprintf(out, "Edit them; a templates folder beside the proposal file replaces the built-in ones.\n")
	return nil
}

// ejectHeader is the first line of an ejected template: a template
// comment, which prints nothing, recording where the file came from.
func ejectHeader(name string, text []byte) []byte {
	return fmt.Appendf(nil, "{{/* propose %s template %s sha256 %s: delete this file to use the built-in template again. */ -}}\n",
		ProgramVersion(), name, hashOf(text))
}

var headerRE = regexp.MustCompile(`^\{\{/\* propose (\S+) template (\S+) sha256 ([0-9a-f]{64})\b.*\n`)

// ejected is what the first line of an ejected template records.
type ejected struct {
	version, hash string
	body          []byte // the file without its first line
}

func readEjected(data []byte) (ejected, bool) {
	m := headerRE.FindSubmatch(data)
	if m == nil {
		return ejected{body: data}, false
	}
	return ejected{version: string(m[1]), hash: string(m[3]), body: data[len(m[0]):]}, true
}

func hashOf(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// TemplatesDiffOptions are the inputs of `propose templates diff`.
type TemplatesDiffOptions struct {
	Env *Env
	Dir string
}

func newCmdTemplatesDiff(env *Env) *cobra.Command {
	opts := &TemplatesDiffOptions{Env: env, Dir: TemplatesDir}
	cmd := &cobra.Command{
		Use:   "diff [DIR]",
		Short: "Show which built-in templates changed since you ejected them",
		Long: `Diff reads the templates in DIR (default: templates in the current folder) and,
for each one whose built-in template has changed since it was ejected, says so
and shows a unified diff from your file to today's built-in template. Lines
marked + are in the built-in template and not in yours; carry over what you
want, then eject that file again or update its first line.

The built-in text you ejected is not kept, only its hash, so the diff also
shows your own edits (as - lines).`,
		Example: "  propose templates diff",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Dir = args[0]
			}
			return templatesDiffRun(opts)
		},
	}
	return cmd
}

func templatesDiffRun(opts *TemplatesDiffOptions) error {
	out := opts.Env.IO.Out
	found, err := fs.Glob(os.DirFS(opts.Dir), "*.md.tmpl")
	if err != nil {
		return fmt.Errorf("read %s: %w", opts.Dir, err)
	}
	if _, err := os.Stat(opts.Dir); errors.Is(err, fs.ErrNotExist) {
		return usageErrorf("there is no folder %s; copy the templates there with `propose templates eject`", opts.Dir)
	}
	if len(found) == 0 {
		return usageErrorf("%s holds no templates (*.md.tmpl); copy them there with `propose templates eject`", opts.Dir)
	}
	changed := 0
	for _, n := range found {
		path := filepath.Join(opts.Dir, n)
		data, err := readFile(path)
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
		builtin, ok := document.Builtin(n)
		if !ok {
			fmt.Fprintf(out, "%s: not a template propose knows (the templates are %s)\n", path, strings.Join(document.Names(), ", "))
			changed++
			continue
		}
		e, ok := readEjected(data)
		now := hashOf(builtin)
		switch {
		case !ok:
			fmt.Fprintf(out, "%s: no record of the built-in template it was copied from; against today's built-in:\n", path)
		case e.hash == now:
			continue
		default:
			edited := "unedited"
			if hashOf(e.body) != e.hash {
				edited = "edited"
			}
			fmt.Fprintf(out, "%s: the built-in template changed since you ejected it from propose %s (your copy is %s); against today's built-in:\n", path, e.version, edited)
		}
		changed++
		d := diff.Diff(path, e.body, n+" (built-in, propose "+ProgramVersion()+")", builtin)
		if d == nil {
			fmt.Fprintf(out, "(the text is the same)\n")
		}
		out.Write(d)
	}
	if changed == 0 {
		fmt.Fprintf(out, "No built-in template changed since you ejected the templates in %s.\n", opts.Dir)
	}
	return nil
}
