package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// A folder propose writes into may hold what someone else put there: a
// link named private that points at another folder, a link where a PDF
// goes that points at a system file, a named pipe where a reader would
// wait for ever. propose writes only real files in real folders: it never
// follows a link or opens anything but a regular file inside the folder,
// and says so instead.

// LinkError is a link, or a file that is not a regular one, where propose
// would write or read an output.
type LinkError struct {
	Path string
	What string // "a link" or "not a regular file"
}

func (e *LinkError) Error() string {
	return fmt.Sprintf("%s is %s; propose writes only regular files in real folders, so nothing was written", e.Path, e.What)
}

// CheckRegular returns a *LinkError when path is a link or a special file:
// a place propose must not write. A missing or regular file is fine.
func CheckRegular(path string) error {
	if err := regular(path); !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// regular checks that path is a regular file, not a link to one; a
// missing file is fs.ErrNotExist.
func regular(path string) error {
	fi, err := os.Lstat(path)
	switch {
	case err != nil:
		return err
	case fi.Mode()&fs.ModeSymlink != 0:
		return &LinkError{Path: path, What: "a link"}
	case !fi.Mode().IsRegular():
		return &LinkError{Path: path, What: "not a regular file"}
	}
	return nil
}

// realDirs checks each folder from dir (not included: the output folder
// may itself be a link the user made) down to sub, which must lie inside
// it: each that exists must be a folder, and not a link to one.
func realDirs(dir, sub string) error {
	rel, err := filepath.Rel(dir, sub)
	if err != nil || rel == "." {
		return nil
	}
	path := dir
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		path = filepath.Join(path, part)
		fi, err := os.Lstat(path)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil
		case err != nil:
			return err
		case fi.Mode()&fs.ModeSymlink != 0:
			return &LinkError{Path: path, What: "a link"}
		case !fi.IsDir():
			return &LinkError{Path: path, What: "not a folder"}
		}
	}
	return nil
}

// readRegular reads path if it is a regular file, refusing a link or a
// special file; a missing file is fs.ErrNotExist.
func readRegular(path string) ([]byte, error) {
	if err := regular(path); err != nil {
		return nil, err
	}
	return os.ReadFile(path)
}
