// Package watch tells when files change, the way editors change them: it
// watches the folders the files are in (an editor often saves by writing a
// new file and renaming it over the old one, which a watch on the file
// itself loses) and reports a burst of events as one change.
package watch

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Debounce is how long a burst of events may last before it is reported
// as one change.
const Debounce = 300 * time.Millisecond

// Changes calls changed, from one goroutine, each time any of the files at
// paths (or any file under a folder among paths) is written, created,
// renamed or removed, after the burst settles. It returns when ctx ends,
// or with an error when the folders cannot be watched.
func Changes(ctx context.Context, paths []string, changed func()) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	defer w.Close()
	files := map[string]bool{}
	folders := map[string]bool{}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return fmt.Errorf("watch %s: %w", p, err)
		}
		if isDir(abs) {
			folders[abs] = true
			if err := w.Add(abs); err != nil {
				return fmt.Errorf("watch %s: %w", p, err)
			}
			continue
		}
		files[abs] = true
		if err := w.Add(filepath.Dir(abs)); err != nil {
			return fmt.Errorf("watch %s: %w", filepath.Dir(p), err)
		}
	}
	concerns := func(name string) bool {
		abs, err := filepath.Abs(name)
		if err != nil {
			return false
		}
		if files[abs] {
			return true
		}
		for f := range folders {
			if strings.HasPrefix(abs, f+string(filepath.Separator)) {
				return true
			}
		}
		return false
	}
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	for {
		select {
		case <-ctx.Done():
			if timer != nil {
				timer.Stop()
			}
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ev.Op == fsnotify.Chmod || !concerns(ev.Name) {
				continue
			}
			if timer != nil {
				timer.Stop()
			}
			timer = time.AfterFunc(Debounce, func() {
				select {
				case fire <- struct{}{}:
				default:
				}
			})
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			return fmt.Errorf("watch: %w", err)
		case <-fire:
			changed()
		}
	}
}
