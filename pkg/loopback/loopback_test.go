package loopback

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestOnlyRefusesForeignHosts(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("served")) })
	for host, want := range map[string]int{
		"127.0.0.1:8080":          200,
		"localhost:8080":          200,
		"LOCALHOST":               200,
		"[::1]:8080":              200,
		"127.0.0.1":               200,
		"evil.example.com":        421,
		"evil.example.com:8080":   421,
		"127.0.0.1.evil.com:8080": 421,
		"localhost.evil.com":      421,
		"192.168.1.10:8080":       421,
		"":                        421,
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Host = host
		w := httptest.NewRecorder()
		Only(ok).ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, w.Code, want)
		}
		if want != 200 && w.Body.String() == "served" {
			t.Errorf("Host %q: served the page", host)
		}
	}
}
