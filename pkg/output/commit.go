package output

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
)

// How a set is committed. Every new file is written into the staging
// folder, flat under a number, with the new manifest beside them and the
// commit marker, which lists each staged file with its digest, the place it
// goes and the files to remove, and ends in "end". All of them and the
// staging folder are synced together: once that is done the new set exists.
// The moves follow, the manifest last; the folders moved into are synced,
// and the staging folder goes. A command that finds a marker whose staged
// files all match their digests (because the one before it was killed)
// finishes the moves; one that finds anything less discards the staging
// folder, leaving the old set untouched.
const (
	stageName  = ".propose-staging"
	markerName = "commit"
	lockName   = ".propose-lock"
)

// commit stages files and the manifest m, then moves them into dir and
// removes the retired files (name to digest).
func commit(dir string, files []File, retire map[string]string, m map[string]string) (err error) {
	stage := filepath.Join(dir, stageName)
	if err := os.Mkdir(stage, 0o700); err != nil {
		return fmt.Errorf("write into %s: %w", dir, err)
	}
	committed := false
	defer func() {
		if err != nil && !committed {
			os.RemoveAll(stage)
		}
	}()
	staged := append([]File(nil), files...)
	staged = append(staged, File{Name: ManifestName, Data: manifestBytes(m)})

	var marker strings.Builder
	marker.WriteString("# propose: a change to this folder, ready to be moved into place\n")
	for i, f := range staged {
		// Final folders first, so that private ones exist with their mode
		// before anything is moved into them.
		if sub := filepath.Dir(filepath.FromSlash(f.Name)); sub != "." {
			if err := makeDir(filepath.Join(dir, sub), f.Private); err != nil {
				return err
			}
		}
		flag := "0"
		if f.Private {
			flag = "1"
		}
		fmt.Fprintf(&marker, "move %s %s %d %s\n", flag, digest(f.Data), i, f.Name)
	}
	for name, sum := range retire {
		fmt.Fprintf(&marker, "remove %s %s\n", sum, name)
	}
	marker.WriteString("end\n")

	// Write and sync the files and the marker side by side: one sync each,
	// overlapped, so the disk is waited for once.
	errs := make([]error, len(staged)+1)
	var wg sync.WaitGroup
	for i, f := range staged {
		wg.Add(1)
		go func(i int, f File) {
			defer wg.Done()
			perm := os.FileMode(0o666)
			if f.Private {
				perm = 0o600
			}
			if err := writeSynced(filepath.Join(stage, strconv.Itoa(i)), f.Data, perm); err != nil {
				var pe *fs.PathError
				if errors.As(err, &pe) {
					err = pe.Err // the staging path means nothing to the user
				}
				errs[i] = fmt.Errorf("write %s: %w", filepath.Join(dir, filepath.FromSlash(f.Name)), err)
			}
		}(i, f)
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := writeSynced(filepath.Join(stage, markerName), []byte(marker.String()), 0o600); err != nil {
			errs[len(staged)] = fmt.Errorf("write into %s: %w", dir, err)
		}
	}()
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err // the first is enough: a full disk fails them all alike
		}
	}
	if err := syncDir(stage); err != nil {
		return fmt.Errorf("write into %s: %w", dir, err)
	}
	// Committed: from here on a crash or a failure is finished by the next
	// command, so the staging folder must stay until the moves are done.
	committed = true
	return rollForward(dir, false)
}

// recoverDir finishes a committed change left in dir, discards one that
// was never committed, and removes temporary files of older versions.
func recoverDir(dir string) error {
	stage := filepath.Join(dir, stageName)
	if err := realDirs(dir, stage); err != nil {
		return err // a link in place of the staging folder: never read, never removed through
	}
	if _, err := os.Lstat(filepath.Join(stage, markerName)); err == nil {
		if err := rollForward(dir, true); err != nil {
			return err
		}
	}
	if err := os.RemoveAll(stage); err != nil {
		return fmt.Errorf("clean %s: %w", stage, err)
	}
	for _, d := range []string{dir, filepath.Join(dir, "private")} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if n := e.Name(); strings.HasPrefix(n, ".") && strings.Contains(n, ".tmp-") && !e.IsDir() {
				os.Remove(filepath.Join(d, n))
			}
		}
	}
	return nil
}

// move is one line of the commit marker.
type move struct {
	private     bool
	sum, staged string
	name        string
}

// rollForward moves a committed set into place. It can be repeated: a
// file already moved is no longer in the staging folder. check, for a
// change a crash interrupted, first makes sure the marker is whole and
// every file still staged is the one it lists; if not, the change never
// committed and is dropped.
func rollForward(dir string, check bool) error {
	stage := filepath.Join(dir, stageName)
	data, err := readRegular(filepath.Join(stage, markerName))
	if err != nil {
		return fmt.Errorf("finish the last change to %s: %w", dir, err)
	}
	var moves []move
	var removes [][2]string
	whole := false
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		switch {
		case len(f) == 5 && f[0] == "move" && localName(f[4]) && stagedName(f[3]):
			moves = append(moves, move{private: f[1] == "1", sum: f[2], staged: f[3], name: f[4]})
		case len(f) == 3 && f[0] == "remove" && localName(f[2]):
			removes = append(removes, [2]string{f[1], f[2]})
		case len(f) == 1 && f[0] == "end":
			whole = true
		}
	}
	if check {
		ok := whole
		for _, mv := range moves {
			if !ok {
				break
			}
			// Each file is either still staged or already moved; the marker
			// is written beside the files, so one not yet written is neither.
			b, err := readRegular(filepath.Join(stage, mv.staged))
			if errors.Is(err, fs.ErrNotExist) {
				b, err = readRegular(filepath.Join(dir, filepath.FromSlash(mv.name)))
			}
			if err != nil || digest(b) != mv.sum {
				ok = false
			}
		}
		if !ok {
			return nil // never committed: recoverDir discards it
		}
	}
	touched := map[string]bool{dir: true}
	for _, mv := range moves {
		from, to := filepath.Join(stage, mv.staged), filepath.Join(dir, filepath.FromSlash(mv.name))
		if _, err := os.Lstat(from); errors.Is(err, fs.ErrNotExist) {
			continue // moved before the crash
		}
		if err := realDirs(dir, filepath.Dir(to)); err != nil {
			return err
		}
		if err := CheckRegular(to); err != nil {
			return err
		}
		if sub := filepath.Dir(to); sub != dir {
			if err := makeDir(sub, mv.private); err != nil {
				return err
			}
			touched[sub] = true
		}
		if err := os.Rename(from, to); err != nil {
			return fmt.Errorf("write %s: %w", to, err)
		}
	}
	for _, rm := range removes {
		path := filepath.Join(dir, filepath.FromSlash(rm[1]))
		if realDirs(dir, filepath.Dir(path)) != nil {
			continue
		}
		if data, err := readRegular(path); err == nil && digest(data) == rm[0] {
			if err := os.Remove(path); err != nil {
				return fmt.Errorf("remove %s: %w", path, err)
			}
			touched[filepath.Dir(path)] = true
		}
	}
	// The moves are made durable, side by side, before the marker goes.
	errs := make(chan error, len(touched))
	for d := range touched {
		go func() { errs <- syncDir(d) }()
	}
	for range touched {
		if err := <-errs; err != nil {
			return fmt.Errorf("write into %s: %w", dir, err)
		}
	}
	if err := os.RemoveAll(stage); err != nil {
		return fmt.Errorf("clean %s: %w", stage, err)
	}
	return nil
}

// stagedName reports whether name is a staged file's: a number, so that a
// damaged or planted marker cannot move a file from outside the staging
// folder into the output folder.
func stagedName(name string) bool {
	if name == "" || len(name) > 9 {
		return false
	}
	for _, c := range name {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// localName reports whether name stays inside the folder it names a file
// in, so a damaged marker cannot move files elsewhere.
func localName(name string) bool {
	return filepath.IsLocal(filepath.FromSlash(name)) && !strings.HasPrefix(name, stageName)
}

// makeDir creates a folder of outputs; a private one is the user's alone,
// even if an older version made it readable by others.
func makeDir(path string, private bool) error {
	perm := os.FileMode(0o777)
	if private {
		perm = 0o700
	}
	if err := os.MkdirAll(path, perm); err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if private {
		if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(path, 0o700); err != nil {
				return fmt.Errorf("create %s: %w", path, err)
			}
		}
	}
	return nil
}

// writeSynced creates path (which must not exist) with perm, less the
// umask, writes data and syncs it.
func writeSynced(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes the entries of a folder durable where the platform allows.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !syncUnsupported(err) {
		return err
	}
	return nil
}

// WriteFile replaces path with data atomically: it writes a temporary file
// in the same folder, syncs it and renames it over path, so a reader sees
// the old file or the new one, never half of either. A new file gets perm
// less the umask; a replaced file keeps its mode. Temporary files an
// interrupted write left beside path are removed.
func WriteFile(path string, data []byte, perm os.FileMode) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	cleanTemps(dir, base)
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		perm = fi.Mode().Perm()
	}
	var tmp string
	for range 100 {
		var b [6]byte
		rand.Read(b[:])
		tmp = filepath.Join(dir, "."+base+".tmp-"+hex.EncodeToString(b[:]))
		err = writeSynced(tmp, data, perm)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	_ = syncDir(dir) // make the rename durable where the platform allows
	return nil
}

// cleanTemps removes temporary files of base in dir that an interrupted
// write left behind; recent ones may belong to a write under way.
func cleanTemps(dir, base string) {
	old, _ := filepath.Glob(filepath.Join(dir, "."+escapeGlob(base)+".tmp-*"))
	for _, p := range old {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > 10*time.Minute {
			os.Remove(p)
		}
	}
}

func escapeGlob(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}
