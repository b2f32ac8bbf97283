package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/propose-cli/propose/pkg/loopback"
)

// localServer is what `propose preview` and `propose app` share: a server
// on 127.0.0.1 that answers loopback names only, opens the browser unless
// NoOpen, and runs until Ctrl-C.
type localServer struct {
	Name   string // the command, for errors
	Port   int
	NoOpen bool

	ctx   context.Context   // ends the server; nil means until Ctrl-C
	ready func(addr string) // told the address once the server listens, for tests
}

// serve serves h, prints say(addr), and runs until wait returns; wait is
// given the context that Ctrl-C (or a test) ends.
func (l localServer) serve(h http.Handler, say func(addr string), wait func(ctx context.Context) error) error {
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(l.Port)))
	if err != nil {
		return fmt.Errorf("%s: %w", l.Name, err)
	}
	addr := "http://" + ln.Addr().String() + "/"
	// Requests carry the context base, which ends when the server shuts
	// down: a stream of reload events ends with it instead of holding the
	// shutdown. Idle connections close after a minute, and at most
	// maxConns are open at once.
	base, stopStreams := context.WithCancel(context.Background())
	defer stopStreams()
	srv := &http.Server{
		Handler:           loopback.Only(h, ln.Addr().(*net.TCPAddr).Port),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return base },
	}
	srv.RegisterOnShutdown(stopStreams)
	go func() { _ = srv.Serve(loopback.Listener(ln, maxConns)) }()
	say(addr)
	if l.ready != nil {
		l.ready(addr)
	}
	if !l.NoOpen {
		openBrowser(addr)
	}
	ctx := l.ctx
	if ctx == nil {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
	}
	werr := wait(ctx)
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return werr
}

// maxConns is how many connections a local server holds open at once:
// a browser opens six or so to a host, and a page of this server's own
// keeps one stream of reload events.
const maxConns = 32

// untilDone waits for the end of ctx.
func untilDone(ctx context.Context) error {
	<-ctx.Done()
	return nil
}
