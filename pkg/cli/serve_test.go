package cli

import (
	"context"
	"testing"
	"time"
)

// startLocal runs a command that serves on the loopback address (the app,
// the preview) in the background, as a person starts it, and returns its
// address and a stop function that ends it as Ctrl-C does and returns how
// it ended. what names it in failures; logs, when given, says what it
// printed.
func startLocal(t *testing.T, what string, logs func() string, run func(ctx context.Context, ready func(string)) error) (base string, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, func(a string) { addr <- a }) }()
	printed := func() string {
		if logs == nil {
			return ""
		}
		return ": " + logs()
	}
	select {
	case base = <-addr:
	case err := <-done:
		cancel()
		t.Fatalf("%s did not start: %v%s", what, err, printed())
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatalf("%s did not start%s", what, printed())
	}
	return base, func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(5 * time.Second):
			t.Fatalf("%s did not stop", what)
			return nil
		}
	}
}
