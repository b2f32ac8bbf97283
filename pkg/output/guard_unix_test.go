//go:build unix

package output

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestWriteRefusesSpecialFiles: a named pipe where a document goes, or in
// place of the lock, would make propose wait for ever; each is refused at
// once, and nothing is written.
func TestWriteRefusesSpecialFiles(t *testing.T) {
	for _, at := range []string{"proposal.md", lockName, ManifestName} {
		dir := t.TempDir()
		if err := syscall.Mkfifo(filepath.Join(dir, at), 0o600); err != nil {
			t.Skip("no named pipes here:", err)
		}
		_, err := Write(dir, Set{Files: []File{{Name: "proposal.md", Data: []byte("x")}, {Name: "private/prep.md", Data: []byte("y"), Private: true}}}, Options{Force: true})
		var le *LinkError
		if !errors.As(err, &le) || le.What != "not a regular file" {
			t.Errorf("a named pipe at %s: %v", at, err)
		}
		if _, err := os.Stat(filepath.Join(dir, "private")); err == nil {
			t.Errorf("a named pipe at %s: the private folder was made", at)
		}
	}
}

// TestPlantedMarkerMovesNothingIn: a staging folder left (or planted) with a
// marker that names a staged file outside it moves nothing into the
// output folder, and a link in place of the staging folder is refused, its
// target untouched.
func TestPlantedMarkerMovesNothingIn(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("not yours"), 0o600); err != nil {
		t.Fatal(err)
	}
	stage := filepath.Join(dir, stageName)
	if err := os.Mkdir(stage, 0o700); err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(stage, secret)
	marker := "move 0 " + digest([]byte("not yours")) + " " + rel + " stolen.txt\nend\n"
	if err := os.WriteFile(filepath.Join(stage, markerName), []byte(marker), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Repair(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "stolen.txt")); err == nil {
		t.Error("a file from outside was moved into the output folder")
	}
	if _, err := os.Stat(secret); err != nil {
		t.Errorf("the file outside was moved: %v", err)
	}

	linked := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(linked, stageName)); err != nil {
		t.Fatal(err)
	}
	_, err := Write(linked, Set{Files: []File{{Name: "a.md", Data: []byte("a")}}}, Options{})
	var le *LinkError
	if !errors.As(err, &le) {
		t.Errorf("a link as the staging folder: %v", err)
	}
	if _, err := os.Stat(secret); err != nil {
		t.Errorf("the link's target was cleaned: %v", err)
	}
}
