// Package output writes rendered documents safely. The files a command
// writes into an output folder change as one unit: they are staged beside
// the folder's contents, committed with one durable marker and then moved
// into place, so after a crash, a full disk or kill -9 the folder holds the
// complete old set or (once the next command has finished the move) the
// complete new set, and its manifest matches what is there. A file the user
// edited after propose wrote it is never overwritten without their say-so.
package output

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// ManifestName is the file in an output folder that records what propose
// wrote there, so later renders can tell its files from the user's edits.
const ManifestName = ".propose-outputs"

// File is one document to write.
type File struct {
	Name string // file name inside the output folder, with / between folders
	Data []byte

	// Private marks a file for the user alone (the prep sheet): it and the
	// folder it is in are readable by the user only.
	Private bool
}

// Set is what one command changes in an output folder.
type Set struct {
	// Files are written, replacing files of the same name.
	Files []File

	// Retire names files propose wrote in the past under names it no
	// longer uses. Each is removed in the same change, when it is still as
	// propose wrote it; a file the user changed is kept.
	Retire []string
}

// Options say how a set is written.
type Options struct {
	// Force replaces files the user edited.
	Force bool

	// Wait is how long to wait for another propose writing into the same
	// folder; zero means a minute.
	Wait time.Duration

	// Waiting, when set, is called once if another propose holds the folder.
	Waiting func()
}

// Result lists what a write changed.
type Result struct {
	Written []string // paths written, in the order of Set.Files
	Removed []string // retired paths removed
}

// EditedError reports output files that would replace something propose
// did not write, or that the user changed since.
type EditedError struct {
	Paths []string

	// NoManifest is set when the folder has no record of what propose
	// wrote there, so an unchanged file cannot be told from an edited one.
	NoManifest bool
}

func (e *EditedError) Error() string {
	if e.NoManifest {
		return fmt.Sprintf("%s would be replaced, and the folder has no %s to show it is as propose wrote it",
			strings.Join(e.Paths, ", "), ManifestName)
	}
	return fmt.Sprintf("%s changed since propose wrote it; rendering would replace those changes",
		strings.Join(e.Paths, ", "))
}

// BusyError reports that another propose kept the folder locked for longer
// than the command would wait.
type BusyError struct {
	Dir string
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("%s: another propose is writing into this folder; try again when it has finished", e.Dir)
}

// WriteAll writes files into dir as one set; see Write.
func WriteAll(dir string, files []File, force bool) ([]string, error) {
	r, err := Write(dir, Set{Files: files}, Options{Force: force})
	return r.Written, err
}

// Write changes dir by set as one unit, creating dir if needed. It holds a
// lock on the folder while it works, first finishes or discards whatever a
// crashed propose left there, and, unless opts.Force is set, writes
// nothing if a file it would replace holds content propose did not write.
func Write(dir string, set Set, opts Options) (Result, error) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return Result{}, fmt.Errorf("create output folder: %w", err)
	}
	unlock, err := lock(dir, opts.Wait, opts.Waiting)
	if err != nil {
		return Result{}, err
	}
	defer unlock()
	if err := recoverDir(dir); err != nil {
		return Result{}, err
	}
	// Every place a file goes, and the folders on the way, must be real:
	// checked before anything is written, so a refusal changes nothing.
	for _, name := range append(fileNames(set.Files), ManifestName) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := realDirs(dir, filepath.Dir(path)); err != nil {
			return Result{}, err
		}
		if err := CheckRegular(path); err != nil {
			return Result{}, err
		}
	}
	manifest, found, err := readManifest(dir)
	if err != nil {
		return Result{}, err
	}
	if !opts.Force {
		var edited []string
		for _, f := range set.Files {
			path := filepath.Join(dir, filepath.FromSlash(f.Name))
			old, err := readRegular(path)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return Result{}, fmt.Errorf("read %s: %w", path, err)
			}
			if digest(old) != manifest[f.Name] && !bytes.Equal(old, f.Data) {
				edited = append(edited, path)
			}
		}
		if len(edited) > 0 {
			return Result{}, &EditedError{Paths: edited, NoManifest: !found && len(edited) > 0}
		}
	}
	var res Result
	retire := map[string]string{}
	for _, name := range set.Retire {
		sum, ok := manifest[name]
		if !ok {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		data, err := readRegular(path)
		if errors.Is(err, fs.ErrNotExist) {
			delete(manifest, name)
			continue
		}
		if err != nil || digest(data) != sum {
			continue // the user changed it: theirs to keep
		}
		retire[name] = sum
		delete(manifest, name)
		res.Removed = append(res.Removed, path)
	}
	for _, f := range set.Files {
		manifest[f.Name] = digest(f.Data)
		res.Written = append(res.Written, filepath.Join(dir, filepath.FromSlash(f.Name)))
	}
	if err := commit(dir, set.Files, retire, manifest); err != nil {
		return Result{}, err
	}
	return res, nil
}

// RemoveStale removes files propose wrote into dir under names it no
// longer uses, when they are as propose wrote them; see Set.Retire.
func RemoveStale(dir string, names []string) ([]string, error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	r, err := Write(dir, Set{Retire: names}, Options{})
	return r.Removed, err
}

// Repair finishes or discards a change to dir that a crashed propose left
// half done, under the folder's lock. A folder propose never wrote into is
// left as it is.
func Repair(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, stageName)); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	unlock, err := lock(dir, 0, nil)
	if err != nil {
		return err
	}
	defer unlock()
	return recoverDir(dir)
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// readManifest reads dir's manifest, saying whether there was one.
func readManifest(dir string) (map[string]string, bool, error) {
	m := map[string]string{}
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return m, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read %s: %w", ManifestName, err)
	}
	defer f.Close()
	// A line longer than any propose writes (someone else's edit) is
	// skipped, not an error that would stop every later render.
	sc := bufio.NewScanner(f)
	sc.Split(manifestLines())
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if ok {
			m[name] = sum
		}
	}
	return m, true, sc.Err()
}

// maxManifestLine is the longest manifest line read: a digest, two
// spaces and a file name.
const maxManifestLine = 4096

// manifestLines returns a split function for the manifest's lines that
// drops any line longer than maxManifestLine, in pieces, whatever its
// length.
func manifestLines() bufio.SplitFunc {
	skipping := false // inside a line too long to keep
	return func(data []byte, atEOF bool) (int, []byte, error) {
		i := bytes.IndexByte(data, '\n')
		switch {
		case i >= 0 && (skipping || i > maxManifestLine):
			skipping = false
			return i + 1, []byte("#"), nil
		case i >= 0:
			return i + 1, bytes.TrimSuffix(data[:i], []byte("\r")), nil
		case len(data) > maxManifestLine || (skipping && len(data) > 0):
			skipping = true
			return len(data), []byte("#"), nil
		case atEOF && len(data) > 0 && !skipping:
			return len(data), data, nil
		case atEOF:
			return len(data), nil, nil
		}
		return 0, nil, nil
	}
}

func manifestBytes(m map[string]string) []byte {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.WriteString("# Files propose wrote here, with their SHA-256. propose reads this to avoid\n")
	b.WriteString("# overwriting a file you edited by hand; without it, propose asks before\n")
	b.WriteString("# replacing any file here that differs from what it would write.\n")
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", m[n], n)
	}
	return b.Bytes()
}

func fileNames(files []File) []string {
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.Name
	}
	return names
}
