//go:build !unix && !windows

package output

import "time"

// lock does nothing where the platform has no file locks.
func lock(dir string, wait time.Duration, waiting func()) (func(), error) { return func() {}, nil }

func syncUnsupported(err error) bool { return true }
