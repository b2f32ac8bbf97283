package cli

import (
	"context"
	"fmt"
	"os/exec"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/propose-cli/propose/pkg/preview"
	"github.com/propose-cli/propose/pkg/proposal"
	"github.com/propose-cli/propose/pkg/render"
	"github.com/propose-cli/propose/pkg/watch"
)

// PreviewOptions are the inputs of `propose preview`.
type PreviewOptions struct {
	Env    *Env
	File   string
	Port   int
	NoOpen bool

	ctx   context.Context   // ends the preview; nil means until Ctrl-C
	ready func(addr string) // told the address once the server listens, for tests
}

// NewCmdPreview returns `propose preview`. runF replaces the run function
// in tests; nil means previewRun.
func NewCmdPreview(env *Env, runF func(*PreviewOptions) error) *cobra.Command {
	opts := &PreviewOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "preview [FILE]",
		Short: "Show the documents in your browser, and reload them each time you save the file",
		Long: `Preview renders FILE (default proposal.yaml) and serves the documents as web pages,
with a link to each PDF, on this computer only (127.0.0.1). The open page
reloads each time you save the file; a save with problems shows them above the
last good version. It opens your browser unless --no-open, and prints the
address. Ctrl-C stops it. It writes no file.`,
		Example: "  propose preview proposal.yaml\n  propose preview --port 8080 --no-open",
		Args:    maxOneFile,
		RunE:    withFile(&opts.File, opts, runF, previewRun),
	}
	cmd.Flags().IntVar(&opts.Port, "port", 0, "the port to listen on (default: any free port)")
	cmd.Flags().BoolVar(&opts.NoOpen, "no-open", false, "do not open the browser")
	completeFiles(cmd)
	return cmd
}

func previewRun(opts *PreviewOptions) error {
	env := opts.Env
	file := nameOr(opts.File)
	if opts.File == "-" {
		return usageErrorf("preview needs a file to watch, not standard input")
	}
	today, err := env.today()
	if err != nil {
		return err
	}
	s := &preview.Server{Title: file, Render: func() ([]preview.Page, error) {
		data, err := readFile(file)
		if err != nil {
			return nil, err
		}
		p, err := proposal.Parse(file, data, today)
		if err != nil {
			return nil, err
		}
		files, err := render.Files(p, render.Options{Formats: []render.Format{render.HTML, render.PDF}, Creator: "propose " + ProgramVersion()})
		if err != nil {
			return nil, err
		}
		var pages []preview.Page
		for _, f := range files {
			pages = append(pages, preview.Page{Name: f.Name, Data: f.Data, Private: f.Private})
		}
		return pages, nil
	}}
	s.Update()

	l := localServer{Name: "preview", Port: opts.Port, NoOpen: opts.NoOpen, ctx: opts.ctx, ready: opts.ready}
	return l.serve(s, func(addr string) {
		fmt.Fprintf(env.IO.Out, "Previewing %s at %s (this computer only). Save the file to see the change; Ctrl-C stops.\n", file, addr)
	}, func(ctx context.Context) error { return watch.Changes(ctx, []string{file}, s.Update) })
}

// openBrowser asks the system to open the address or file with its
// handler (the browser, a PDF viewer); it says nothing when it cannot,
// since the address or path is printed.
func openBrowser(addr string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", addr)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", addr)
	default:
		cmd = exec.Command("xdg-open", addr)
	}
	_ = cmd.Start()
}
