// Package loopback guards the servers propose runs on this computer. A
// server bound to 127.0.0.1 can still be reached by a web page elsewhere
// that points its own host name at 127.0.0.1 (DNS rebinding); such a
// request carries that foreign name in its Host header, and is refused.
package loopback

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// Only serves h to requests addressed to this computer by a loopback name
// (127.0.0.1, localhost, [::1]) and refuses every other Host with 421
// Misdirected Request. A port other than 0 must be the Host's too: a
// request meant for another server on this computer is not this one's.
func Only(h http.Handler, port int) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !Host(r.Host) || (port != 0 && !onPort(r.Host, port)) {
			http.Error(w, "this server answers only to 127.0.0.1 or localhost, on its own port", http.StatusMisdirectedRequest)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// onPort reports whether a Host header names the port (a Host without one
// names port 80).
func onPort(host string, port int) bool {
	p := "80"
	if _, hp, err := net.SplitHostPort(host); err == nil {
		p = hp
	}
	return p == strconv.Itoa(port)
}

// Listener accepts at most max connections at once from l: a page that
// opens connections without end waits rather than exhausting the process.
func Listener(l net.Listener, max int) net.Listener {
	return &limited{Listener: l, slots: make(chan struct{}, max)}
}

type limited struct {
	net.Listener
	slots chan struct{}
}

func (l *limited) Accept() (net.Conn, error) {
	l.slots <- struct{}{}
	c, err := l.Listener.Accept()
	if err != nil {
		<-l.slots
		return nil, err
	}
	return &slotConn{Conn: c, free: func() { <-l.slots }}, nil
}

// slotConn gives its slot back once, when it is closed.
type slotConn struct {
	net.Conn
	once sync.Once
	free func()
}

func (c *slotConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.free)
	return err
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
