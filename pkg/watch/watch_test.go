package watch

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestChangesSeesAnEditorsSave saves a watched file the way editors do (a
// new file renamed over the old one) and as a plain write, and checks each
// burst is reported once, and a change to another file in the folder not
// at all.
func TestChangesSeesAnEditorsSave(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "proposal.yaml")
	if err := os.WriteFile(file, []byte("a"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan struct{}, 10)
	go func() { _ = Changes(ctx, []string{file}, func() { got <- struct{}{} }) }()
	time.Sleep(200 * time.Millisecond) // the watch is set up

	wait := func(what string) {
		t.Helper()
		select {
		case <-got:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s was not seen", what)
		}
	}
	// Renamed over, as most editors save.
	tmp := filepath.Join(dir, ".proposal.yaml.swp")
	if err := os.WriteFile(tmp, []byte("b"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	wait("a save by rename")
	// Written in place, three times in a burst: one change.
	for i := 0; i < 3; i++ {
		if err := os.WriteFile(file, []byte{'c', byte(i)}, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wait("a write")
	// Another file in the folder is not a change.
	if err := os.WriteFile(filepath.Join(dir, "other.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-got:
		t.Error("a change was reported for another file, or a burst twice")
	case <-time.After(2 * Debounce):
	}
}
