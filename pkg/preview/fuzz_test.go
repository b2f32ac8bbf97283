package preview

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/propose-cli/propose/pkg/loopback"
)

// FuzzServe sends any method, path and Host to the preview as it is
// served (behind loopback.Only, on port 8080): nothing may panic or hang,
// a request for any other host or port gets nothing, and the private
// pages are served only at their own names.
func FuzzServe(f *testing.F) {
	for _, seed := range [][3]string{
		{"GET", "/", "127.0.0.1:8080"}, {"GET", "/private/prep.html", "localhost:8080"},
		{"GET", "/private/prep.html", "evil.example:8080"}, {"GET", "/../private/prep.html", "[::1]:8080"},
		{"POST", "/events", "127.0.0.1:8080"}, {"GET", "//private//prep.html", "127.0.0.1:8081"},
		{"GET", "/%2e%2e/private/prep.html", "127.0.0.1:8080"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	s := &Server{Title: "T", Render: func() ([]Page, error) {
		return []Page{{Name: "proposal.html", Data: []byte("<p>proposal</p>")},
			{Name: "private/prep.html", Data: []byte("<p>SECRET prep</p>"), Private: true}}, nil
	}}
	s.Update()
	h := loopback.Only(s, 8080)
	f.Fuzz(func(t *testing.T, method, target, host string) {
		if !strings.HasPrefix(target, "/") || strings.ContainsAny(target, " \r\n\t") || !validMethod(method) {
			return
		}
		r, err := http.NewRequest(method, "http://x"+target, nil)
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		r = r.WithContext(ctx)
		r.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		body := w.Body.String()
		_, port, _ := net.SplitHostPort(host)
		if strings.Contains(body, "SECRET") && (!loopback.Host(host) || port != "8080") {
			t.Fatalf("Host %q got the private page", host)
		}
	})
}

func validMethod(m string) bool {
	if m == "" {
		return false
	}
	for _, c := range m {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
