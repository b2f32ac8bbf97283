// Package loopback guards the servers propose runs on this computer. A
// server bound to 127.0.0.1 can still be reached by a web page elsewhere
// that points its own host name at 127.0.0.1 (DNS rebinding); such a
// request carries that foreign name in its Host header, and is refused.
package loopback

import (
	"net"
	"net/http"
	"strings"
)

// Only serves h to requests addressed to this computer by a loopback name
// (127.0.0.1, localhost, [::1]) and refuses every other Host with 421
// Misdirected Request.
func Only(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !Host(r.Host) {
			http.Error(w, "this server answers only to 127.0.0.1 or localhost", http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Host reports whether a Host header names this computer.
func Host(host string) bool {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.TrimSuffix(strings.TrimPrefix(name, "["), "]")
	if strings.EqualFold(name, "localhost") {
		return true
	}
	ip := net.ParseIP(name)
	return ip != nil && ip.IsLoopback()
}
