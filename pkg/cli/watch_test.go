package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/propose-cli/propose/examples"
)

// syncBuffer is a buffer two goroutines may use.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestRenderWatchRendersEachSave renders with --watch, saves a change, then
// a broken file: the change reaches the output, the broken file prints its
// problem and the last good output stays, and ending the watch ends
// cleanly.
func TestRenderWatchRendersEachSave(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "p.yaml")
	src, _ := examples.Get("trial")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut syncBuffer
	env := &Env{IO: &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut},
		Getenv: func(string) string { return "" }, Now: time.Now}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- renderRun(&RenderOptions{Env: env, File: file, Formats: []string{"md"}, Quiet: true, Watch: true, ctx: ctx})
	}()
	md := filepath.Join(dir, "out", "proposal.md")
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if ok() {
				return
			}
		}
		t.Fatalf("%s did not happen; stderr:\n%s", what, errOut.String())
	}
	has := func(s string) func() bool {
		return func() bool { b, _ := os.ReadFile(md); return bytes.Contains(b, []byte(s)) }
	}
	waitFor("the first render", has("Priya Raman"))
	time.Sleep(300 * time.Millisecond) // the watch is set up
	if err := os.WriteFile(file, bytes.Replace(src, []byte("name: Priya Raman"), []byte("name: Priya Ramanathan"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the render of the save", has("Priya Ramanathan"))
	if err := os.WriteFile(file, bytes.Replace(src, []byte("version: 1"), []byte("version: one"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the broken file's problem", func() bool { return strings.Contains(errOut.String(), `version: expected a whole number, found "one"`) })
	if !has("Priya Ramanathan")() {
		t.Error("the last good output was replaced by a broken file")
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("the watch ended with %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the watch did not end")
	}
}

// TestPreviewServesOnLoopbackAndReloads runs propose preview on the trial
// example: it listens on 127.0.0.1 only, serves the proposal page with the
// reload script, and serves the new text after a save.
func TestPreviewServesOnLoopbackAndReloads(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "p.yaml")
	src, _ := examples.Get("trial")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut syncBuffer
	env := &Env{IO: &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut},
		Getenv: func(string) string { return "" }, Now: time.Now}
	base, stop := startLocal(t, "the preview", errOut.String, func(ctx context.Context, ready func(string)) error {
		return previewRun(&PreviewOptions{Env: env, File: file, NoOpen: true, ctx: ctx, ready: ready})
	})
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("the preview listens at %s, not on the loopback address", base)
	}
	get := func(p string) string {
		res, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	page := get("proposal.html")
	if !strings.Contains(page, "Priya Raman") || !strings.Contains(page, "EventSource") {
		t.Fatalf("the proposal page lacks its text or the reload script")
	}
	// A page elsewhere that points its own name at 127.0.0.1 is refused.
	req, _ := http.NewRequest("GET", base+"proposal.html", nil)
	req.Host = "attacker.example:80"
	if res, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else {
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusMisdirectedRequest || strings.Contains(string(b), "Priya") {
			t.Errorf("a foreign Host header got %d and the page", res.StatusCode)
		}
	}
	time.Sleep(300 * time.Millisecond)
	if err := os.WriteFile(file, bytes.Replace(src, []byte("name: Priya Raman"), []byte("name: Priya Ramanathan"), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(get("proposal.html"), "Priya Ramanathan") {
		if time.Now().After(deadline) {
			t.Fatal("the saved change did not reach the preview")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !strings.Contains(get(""), "PRIVATE") {
		t.Error("the index does not mark the private pages")
	}
	// A page left open holds a stream of reload events; stopping the
	// preview ends it rather than waiting on it.
	events, err := http.Get(base + "events")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	streamEnded := make(chan error, 1)
	go func() { _, err := io.Copy(io.Discard, events.Body); streamEnded <- err }()
	if err := stop(); err != nil {
		t.Errorf("the preview ended with %v", err)
	}
	select {
	case <-streamEnded:
	case <-time.After(5 * time.Second):
		t.Error("the stream of reload events outlived the preview")
	}
}
