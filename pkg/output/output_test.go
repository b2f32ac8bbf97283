package output

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func files(s string) []File {
	return []File{{Name: "a.md", Data: []byte("A " + s)}, {Name: "b.md", Data: []byte("B " + s)}}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWriteAllCreatesAndReplaces(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	written, err := WriteAll(dir, files("one"), false)
	if err != nil || len(written) != 2 {
		t.Fatalf("first write: %v %v", written, err)
	}
	if _, err := WriteAll(dir, files("two"), false); err != nil {
		t.Fatalf("replacing propose's own files: %v", err)
	}
	if got := read(t, filepath.Join(dir, "a.md")); got != "A two" {
		t.Errorf("a.md = %q", got)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	// a.md, b.md, the manifest and the lock; no temporary files left.
	if got := strings.Join(names, " "); got != ".propose-lock .propose-outputs a.md b.md" {
		t.Errorf("folder holds %s", got)
	}
}

func TestWriteAllKeepsEditsUnlessForced(t *testing.T) {
	dir := t.TempDir()
	if _, err := WriteAll(dir, files("one"), false); err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(dir, "b.md")
	if err := os.WriteFile(edited, []byte("my edits"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := WriteAll(dir, files("two"), false)
	var ee *EditedError
	if !errors.As(err, &ee) || len(ee.Paths) != 1 || ee.Paths[0] != edited {
		t.Fatalf("got %v, want an EditedError for b.md", err)
	}
	// Nothing at all was written: not even the unedited a.md.
	if read(t, filepath.Join(dir, "a.md")) != "A one" || read(t, edited) != "my edits" {
		t.Error("a refused write changed files")
	}
	if _, err := WriteAll(dir, files("two"), true); err != nil {
		t.Fatal(err)
	}
	if read(t, edited) != "B two" {
		t.Error("--force did not replace the edited file")
	}
}

func TestWriteAllRefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("someone else's"), 0o644); err != nil {
		t.Fatal(err)
	}
	var ee *EditedError
	if _, err := WriteAll(dir, files("one"), false); !errors.As(err, &ee) {
		t.Fatalf("got %v, want a refusal to replace a file propose did not write", err)
	}
}

func TestWriteFileLeavesOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.md")
	if err := WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Renaming onto a non-empty folder fails after the temporary file is
	// written; the original must survive and the temporary file must go.
	target := filepath.Join(dir, "folder")
	if err := os.MkdirAll(filepath.Join(target, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, []byte("new"), 0o644); err == nil {
		t.Fatal("write over a folder succeeded")
	}
	if read(t, path) != "old" {
		t.Error("old file changed")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("a temporary file was left behind: %d entries", len(entries))
	}
}

func TestPrivateFilesAreTheUsersAlone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	fs := append(files("x"), File{Name: "private/prep.md", Data: []byte("mine"), Private: true})
	if _, err := WriteAll(dir, fs, false); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]os.FileMode{"a.md": 0o644, "private": 0o700, "private/prep.md": 0o600} {
		fi, err := os.Stat(filepath.Join(dir, path))
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != want && runtime.GOOS != "windows" {
			t.Errorf("%s has mode %v, want %v", path, got, want)
		}
	}
}

func TestRemoveStaleKeepsWhatTheUserChanged(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := WriteAll(dir, files("x"), false); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.md"), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	removed, err := RemoveStale(dir, []string{"a.md", "b.md", "never-written.md"})
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 1 || filepath.Base(removed[0]) != "a.md" {
		t.Errorf("removed %v, want a.md only", removed)
	}
	if _, err := os.Stat(filepath.Join(dir, "a.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a.md is still there: %v", err)
	}
	if got := read(t, filepath.Join(dir, "b.md")); got != "edited" {
		t.Errorf("the user's edit was lost: %q", got)
	}
	// The removed file is out of the manifest: writing it again is not an edit.
	if _, err := WriteAll(dir, files("y"), false); err == nil {
		t.Errorf("b.md, edited by hand, was replaced without --force")
	}
}
