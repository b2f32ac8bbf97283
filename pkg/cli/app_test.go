package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestAppServesThePageOnlyHere checks that `propose app` serves the page's
// folder on the loopback address with a policy that forbids any other
// host, refuses a foreign Host header and anything but reading, and
// explains a folder without the page.
func TestAppServesThePageOnlyHere(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"index.html", "app.js", "propose.wasm", "wasm_exec.js"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("the "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out bytes.Buffer
	env := &Env{IO: &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: io.Discard}, Getenv: func(string) string { return "" }, Now: time.Now}
	base, stop := startLocal(t, "the app", nil, func(ctx context.Context, ready func(string)) error {
		return appRun(&AppOptions{Env: env, Dir: dir, NoOpen: true, ctx: ctx, ready: ready})
	})
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("the app listens at %s, not on the loopback address", base)
	}
	do := func(method, path, host string) (*http.Response, string) {
		req, _ := http.NewRequest(method, base+path, nil)
		if host != "" {
			req.Host = host
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, string(b)
	}
	res, body := do("GET", "propose.wasm", "")
	if res.StatusCode != 200 || body != "the propose.wasm" {
		t.Errorf("GET propose.wasm: %d %q", res.StatusCode, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/wasm" {
		t.Errorf("propose.wasm is served as %q; browsers compile only application/wasm as it streams", ct)
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "connect-src 'self'", "form-action 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the policy %q lacks %q", csp, want)
		}
	}
	if res, body := do("GET", "index.html", "attacker.example"); res.StatusCode != http.StatusMisdirectedRequest || strings.Contains(body, "the index") {
		t.Errorf("a foreign Host got %d %q", res.StatusCode, body)
	}
	if res, _ := do("POST", "index.html", ""); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST got %d", res.StatusCode)
	}
	if err := stop(); err != nil {
		t.Errorf("the app ended with %v", err)
	}

	empty := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // it must refuse before it serves; a cancelled context ends it if not
	err := appRun(&AppOptions{Env: env, Dir: empty, NoOpen: true, ctx: ctx})
	if err == nil || !strings.Contains(err.Error(), "has no index.html") || !strings.Contains(err.Error(), "--dir") {
		t.Errorf("a folder without the page: %v", err)
	}
}

// TestAppPageCarriesThePolicy checks that the page declares the server's
// policy itself, so that it holds when the page is opened another way.
func TestAppPageCarriesThePolicy(t *testing.T) {
	b, err := os.ReadFile("../../web/app/index.html")
	if err != nil {
		t.Fatal(err)
	}
	meta := strings.TrimSuffix(pagePolicy, "; frame-ancestors 'none'") // not allowed in a meta tag
	if !strings.Contains(string(b), `content="`+meta+`"`) {
		t.Errorf("web/app/index.html does not declare the policy %q", meta)
	}
}
