//go:build unix

package output

import (
	"errors"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
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
	for {
		err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB)
		if err == nil {
			return func() { unix.Flock(int(f.Fd()), unix.LOCK_UN); f.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			if errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.ENOLCK) {
				return func() { f.Close() }, nil // a file system without locks
			}
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

func syncUnsupported(err error) bool {
	return errors.Is(err, syscall.EINVAL) || errors.Is(err, syscall.ENOTSUP)
}
