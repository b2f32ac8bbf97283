//go:build windows

package output

import (
	"errors"
	"os"
	"time"

	"golang.org/x/sys/windows"
)

// lock takes the folder's lock, waiting up to wait (a minute when zero)
// for another propose to let go of it. The lock ends with the process, so
// a killed propose never leaves the folder locked.
func lock(dir string, wait time.Duration, waiting func()) (func(), error) {
	f, err := os.OpenFile(dir+string(os.PathSeparator)+lockName, os.O_RDWR|os.O_CREATE, 0o666)
	if err != nil {
		return nil, &os.PathError{Op: "lock", Path: dir, Err: err}
	}
	if wait == 0 {
		wait = time.Minute
	}
	deadline := time.Now().Add(wait)
	h := windows.Handle(f.Fd())
	for {
		ol := new(windows.Overlapped)
		err := windows.LockFileEx(h, windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, ol)
		if err == nil {
			return func() { windows.UnlockFileEx(h, 0, 1, 0, new(windows.Overlapped)); f.Close() }, nil
		}
		if !errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
			f.Close()
			return nil, &os.PathError{Op: "lock", Path: dir, Err: err}
		}
		if time.Now().After(deadline) {
			f.Close()
			return nil, &BusyError{Dir: dir}
		}
		if waiting != nil {
			waiting()
			waiting = nil
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func syncUnsupported(err error) bool { return true }
