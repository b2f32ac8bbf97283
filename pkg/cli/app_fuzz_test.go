package cli

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/propose-cli/propose/pkg/loopback"
)

// FuzzAppServe sends any method, path and Host to the app's page server as
// it is served (behind loopback.Only, on port 8080): nothing may panic, a
// file outside the page's folder is never served, nothing but GET and HEAD
// is answered, and another host or port gets nothing.
func FuzzAppServe(f *testing.F) {
	for _, seed := range [][3]string{
		{"GET", "/", "127.0.0.1:8080"}, {"GET", "/index.html", "localhost:8080"},
		{"GET", "/../secret.txt", "127.0.0.1:8080"}, {"GET", "/%2e%2e/secret.txt", "127.0.0.1:8080"},
		{"PUT", "/index.html", "127.0.0.1:8080"}, {"GET", "/index.html", "evil.example:8080"},
		{"GET", "/index.html", "127.0.0.1:9090"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	root := f.TempDir()
	dir := filepath.Join(root, "app")
	if err := os.Mkdir(dir, 0o755); err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<p>PAGE</p>"), 0o644); err != nil {
		f.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "secret.txt"), []byte("SECRET"), 0o644); err != nil {
		f.Fatal(err)
	}
	h := loopback.Only(pageHandler(dir), 8080)
	f.Fuzz(func(t *testing.T, method, target, host string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n\t") || method == "" || strings.ContainsAny(method, " \r\n\t()<>@,;:\\\"/[]?={}") {
			return
		}
		r, err := http.NewRequest(method, "http://x"+target, nil)
		if err != nil {
			return
		}
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		body := w.Body.String()
		if strings.Contains(body, "SECRET") {
			t.Fatalf("%s %s served a file outside the page's folder", method, target)
		}
		_, port, _ := net.SplitHostPort(host)
		if strings.Contains(body, "PAGE") && (!loopback.Host(host) || port != "8080" || (method != "GET" && method != "HEAD")) {
			t.Fatalf("%s %s with Host %q got the page", method, target, host)
		}
	})
}
