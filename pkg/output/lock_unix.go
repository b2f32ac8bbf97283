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
	// O_NOFOLLOW: a link planted as the lock file would create or open
	// its target; O_NONBLOCK: a named pipe would wait for a writer.
	path := dir + string(os.PathSeparator) + lockName
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|unix.O_NOFOLLOW|unix.O_NONBLOCK, 0o666)
	if errors.Is(err, syscall.ELOOP) {
		return nil, &LinkError{Path: path, What: "a link"}
	}
	if err != nil {
		return nil, &os.PathError{Op: "lock", Path: dir, Err: err}
	}
	if fi, err := f.Stat(); err == nil && !fi.Mode().IsRegular() {
		f.Close()
		return nil, &LinkError{Path: path, What: "not a regular file"}
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
