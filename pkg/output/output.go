// Package output writes rendered documents safely: every file is replaced
// atomically, and a file the user edited after propose wrote it is never
// overwritten without their say-so.
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

// EditedError reports output files that would replace something propose
// did not write, or that the user changed since.
type EditedError struct {
	Paths []string
}

func (e *EditedError) Error() string {
	return fmt.Sprintf("%s changed since propose wrote it; rendering would replace those changes",
		strings.Join(e.Paths, ", "))
}

// WriteAll writes files into dir, creating it if needed. Unless force is
// set, it first checks that no existing file holds content propose did not
// write, and writes nothing if one does. Each file is replaced atomically.
// It returns the paths written, in order.
func WriteAll(dir string, files []File, force bool) ([]string, error) {
	manifest, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	if !force {
		var edited []string
		for _, f := range files {
			path := filepath.Join(dir, filepath.FromSlash(f.Name))
			old, err := os.ReadFile(path)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", path, err)
			}
			sum := digest(old)
			if sum != manifest[f.Name] && !bytes.Equal(old, f.Data) {
				edited = append(edited, path)
			}
		}
		if len(edited) > 0 {
			return nil, &EditedError{Paths: edited}
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create output folder: %w", err)
	}
	var written []string
	for _, f := range files {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		perm, dirPerm := os.FileMode(0o644), os.FileMode(0o755)
		if f.Private {
			perm, dirPerm = 0o600, 0o700
		}
		if sub := filepath.Dir(path); sub != filepath.Clean(dir) {
			if err := os.MkdirAll(sub, dirPerm); err != nil {
				return written, fmt.Errorf("create %s: %w", sub, err)
			}
		}
		if err := WriteFile(path, f.Data, perm); err != nil {
			return written, err
		}
		manifest[f.Name] = digest(f.Data)
		written = append(written, path)
	}
	return written, writeManifest(dir, manifest)
}

// RemoveStale removes files propose wrote into dir under names it no
// longer uses (the prep sheet, which moved into private/), when they are
// as propose wrote them: a file the user changed is kept. It returns the
// paths removed.
func RemoveStale(dir string, names []string) ([]string, error) {
	manifest, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	var removed []string
	for _, name := range names {
		sum, ok := manifest[name]
		if !ok {
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		data, err := os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			delete(manifest, name)
			continue
		}
		if err != nil || digest(data) != sum {
			continue
		}
		if err := os.Remove(path); err != nil {
			return removed, fmt.Errorf("remove %s: %w", path, err)
		}
		delete(manifest, name)
		removed = append(removed, path)
	}
	if len(removed) == 0 {
		return nil, nil
	}
	return removed, writeManifest(dir, manifest)
}

// WriteFile replaces path with data atomically: it writes a temporary file
// in the same folder, syncs it and renames it over path, so a reader sees
// the old file or the new one, never half of either.
func WriteFile(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if d, derr := os.Open(dir); derr == nil {
		_ = d.Sync() // make the rename durable where the platform allows
		d.Close()
	}
	return nil
}

func digest(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func readManifest(dir string) (map[string]string, error) {
	m := map[string]string{}
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", ManifestName, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if ok {
			m[name] = sum
		}
	}
	return m, sc.Err()
}

func writeManifest(dir string, m map[string]string) error {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	b.WriteString("# Files propose wrote here, with their SHA-256. propose uses this to avoid\n")
	b.WriteString("# overwriting a file you edited by hand. Safe to delete.\n")
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", m[n], n)
	}
	return WriteFile(filepath.Join(dir, ManifestName), b.Bytes(), 0o644)
}
