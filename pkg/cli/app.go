package cli

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
)

// AppOptions are the inputs of `propose app`.
type AppOptions struct {
	Env    *Env
	Dir    string // the page's folder; "" means app/ beside the executable
	Port   int
	NoOpen bool

	ctx   context.Context   // ends the server; nil means until Ctrl-C
	ready func(addr string) // told the address once the server listens, for tests
}

// NewCmdApp returns `propose app`. runF replaces the run function in
// tests; nil means appRun.
func NewCmdApp(env *Env, runF func(*AppOptions) error) *cobra.Command {
	opts := &AppOptions{Env: env}
	cmd := &cobra.Command{
		Use:   "app",
		Short: "Open the questions, the coach and the documents as a page in your browser",
		Long: `App serves the page of propose on this computer only (127.0.0.1) and opens it
in your browser: the same questions as propose new, the coach's points beside
the answer they concern, and the documents as you type, to download. The page
runs propose itself inside the browser; nothing you type is sent anywhere, not
even to this server. It opens your browser unless --no-open, and prints the
address. Ctrl-C stops it.`,
		Example: "  propose app\n  propose app --port 8080 --no-open",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return appRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Dir, "dir", "", "the page's folder (default: app beside propose)")
	cmd.Flags().IntVar(&opts.Port, "port", 0, "the port to listen on (default: any free port)")
	cmd.Flags().BoolVar(&opts.NoOpen, "no-open", false, "do not open the browser")
	return cmd
}

func appRun(opts *AppOptions) error {
	env := opts.Env
	dir := opts.Dir
	if dir == "" {
		dir = shippedPage()
	}
	for _, name := range []string{"index.html", "app.js", "propose.wasm", "wasm_exec.js"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			return usageErrorf("the page is not in %s (it has no %s): use the app folder from the release archive, or build one with scripts/build-app.sh, and name it with --dir", dir, name)
		}
	}
	l := localServer{Name: "app", Port: opts.Port, NoOpen: opts.NoOpen, ctx: opts.ctx, ready: opts.ready}
	return l.serve(pageHandler(dir), func(addr string) {
		fmt.Fprintf(env.IO.Out, "The page is at %s (this computer only). Ctrl-C stops it.\n", addr)
	}, untilDone)
}

// shippedPage is where a release put the page: app/ beside the binary
// (the archives, and Homebrew and Scoop, which link to the binary in
// them), or share/propose/app beside its bin/ (the deb and rpm packages).
func shippedPage() string {
	exe, err := os.Executable()
	if err != nil {
		return "app"
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	bin := filepath.Dir(exe)
	for _, dir := range []string{filepath.Join(bin, "app"), filepath.Join(bin, "..", "share", "propose", "app")} {
		if _, err := os.Stat(filepath.Join(dir, "index.html")); err == nil {
			return dir
		}
	}
	return filepath.Join(bin, "app")
}

// pagePolicy lets the page load only its own files and run its engine: no
// request to any other host, no form sent anywhere.
const pagePolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self' data:; frame-src blob:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

// pageHandler serves the page's folder, read-only, with pagePolicy. It
// accepts only GET and HEAD: the page never sends anything back.
func pageHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "the page only reads its own files", http.StatusMethodNotAllowed)
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", pagePolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
