package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/mail"
	"os"
	"path/filepath"
	"strings"

	"github.com/propose-cli/propose/pkg/output"
	"github.com/propose-cli/propose/pkg/proposal"
)

// DefaultFile is the proposal file a command reads when given none.
const DefaultFile = "proposal.yaml"

// stdinName is how messages name standard input.
const stdinName = "<stdin>"

// readInput reads FILE, or standard input for "-". It reads at most one
// byte past the size limit, so a huge file is refused without loading it.
func readInput(env *Env, file string) (name string, data []byte, err error) {
	if file == "" {
		file = DefaultFile
	}
	var r io.Reader
	name = file
	if file == "-" {
		name, r = stdinName, env.IO.In
	} else {
		// Looked at before it is opened: opening a named pipe waits for a
		// writer, and a device may never end.
		if st, err := os.Stat(file); err == nil && !st.IsDir() && !st.Mode().IsRegular() {
			return name, nil, usageErrorf("%s is not a regular file (a named pipe or a device); save the proposal in a file and give that", file)
		}
		f, err := os.Open(file)
		if errors.Is(err, fs.ErrNotExist) {
			// Notepad and TextEdit add their own extension to a name typed
			// without quotes: proposal.yaml.txt.
			for _, ext := range []string{".txt", ".rtf", ".yml", ".yaml"} {
				if st, err := os.Stat(file + ext); err == nil && !st.IsDir() {
					return name, nil, fmt.Errorf("%s: no such file, but there is %s%s: your editor may have added %s when saving (rename it to %s, or give that name)", file, file, ext, ext, file)
				}
			}
			if near := nearName(file); near != "" {
				return name, nil, fmt.Errorf("%s: no such file; did you mean %s? (or run `propose new` to answer the questions and write it)", file, near)
			}
			return name, nil, fmt.Errorf("%s: no such file (run `propose new` to answer the questions and write it, or `propose example -o %s` for a complete file to edit)", file, file)
		}
		if err != nil {
			return name, nil, fmt.Errorf("open %w", err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return name, nil, usageErrorf("%s is a folder; give the proposal file inside it", file)
		}
		r = f
	}
	data, err = io.ReadAll(io.LimitReader(r, proposal.MaxFileSize+1))
	if err != nil {
		return name, nil, fmt.Errorf("read %s: %w", name, err)
	}
	return name, data, nil
}

// readFile reads a file a person gave propose (a proposal, a draft, a log,
// a template) through the same size limit as every input: one byte more
// than the limit is read, so the loader can say the file is too large, and
// a device such as /dev/zero cannot make it read for ever.
func readFile(path string) ([]byte, error) {
	// Looked at before it is opened: opening a named pipe waits for a
	// writer, and a device may never end.
	if st, err := os.Stat(path); err == nil {
		switch {
		case st.IsDir():
			return nil, usageErrorf("%s is a folder, not a file", path)
		case !st.Mode().IsRegular():
			return nil, usageErrorf("%s is not a regular file (a named pipe or a device); save the text in a file and give that", path)
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, usageErrorf("%s is a folder, not a file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, proposal.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data, nil
}

// loadProposal reads, completes and validates FILE.
func loadProposal(env *Env, file string) (string, *proposal.Proposal, error) {
	name, data, err := readInput(env, file)
	if err != nil {
		return name, nil, err
	}
	today, err := env.today()
	if err != nil {
		return name, nil, err
	}
	p, err := proposal.Parse(name, data, today)
	return name, p, err
}

// maxProblemsShown is how many problems are printed before the rest are
// counted: a file that is wrong all over (the wrong file, most often)
// would otherwise fill the screen.
const maxProblemsShown = 40

// reportProblems prints every problem, one a line, and a closing count.
func reportProblems(env *Env, name string, ps proposal.Problems, consequence string) error {
	for i, p := range ps {
		if i == maxProblemsShown && len(ps) > maxProblemsShown+1 {
			fmt.Fprintf(env.IO.ErrOut, "... and %d more, not shown: fix these first, then run it again\n", len(ps)-i)
			break
		}
		fmt.Fprintln(env.IO.ErrOut, p.String())
	}
	noun := "problems"
	if len(ps) == 1 {
		noun = "problem"
	}
	fmt.Fprintf(env.IO.ErrOut, "%d %s in %s%s\n", len(ps), noun, name, consequence)
	return &silentError{code: ExitInvalid}
}

// loadValid loads FILE and, when it has problems, reports them (with the
// consequence, such as "; nothing was written") and returns the silent
// exit-1 error the commands pass on.
func loadValid(env *Env, file, consequence string) (string, *proposal.Proposal, error) {
	name, p, err := loadProposal(env, file)
	var ps proposal.Problems
	if errors.As(err, &ps) {
		return name, nil, reportProblems(env, name, ps, consequence)
	}
	return name, p, err
}

// writeFiles writes outputs into dir as one set (see writeSet).
func writeFiles(env *Env, dir string, files []output.File, force bool) ([]string, error) {
	r, err := writeSet(env, dir, output.Set{Files: files}, force)
	return r.Written, err
}

// writeSet changes dir by set as one unit, saying so when it waits for
// another propose writing there, and turning a refusal to replace a file
// the user edited into a usage error that says how to proceed.
func writeSet(env *Env, dir string, set output.Set, force bool) (output.Result, error) {
	r, err := output.Write(dir, set, output.Options{Force: force, Waiting: func() {
		fmt.Fprintf(env.IO.ErrOut, "Waiting for another propose writing into %s...\n", dir)
	}})
	var edited *output.EditedError
	if errors.As(err, &edited) {
		if edited.NoManifest {
			return r, usageErrorf("%v; nothing was written (if you did not edit them, pass --force; otherwise move your copy aside or choose another --out)", err)
		}
		return r, usageErrorf("%v; nothing was written (move your edited copy aside, choose another --out, or pass --force)", err)
	}
	return r, err
}

// nearName is a proposal file beside file whose name is one slip away
// from it ("propsal.yaml" for "proposal.yaml"), or "".
func nearName(file string) string {
	dir, base := filepath.Split(file)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	best, bestDist := "", 3
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml")) {
			continue
		}
		if d := proposal.Levenshtein(strings.ToLower(n), strings.ToLower(base)); d < bestDist {
			best, bestDist = filepath.Join(filepath.Dir(file), n), d
		}
	}
	return best
}

// checkTo checks a --to address before anything is read or written: a
// mistake on the command line is a usage error (exit 2), whichever
// command it is given to.
func checkTo(to string) error {
	if to == "" {
		return nil
	}
	if _, err := mail.ParseAddress(to); err != nil {
		return usageErrorf("--to %q is not an email address (write it as name@example.com)", to)
	}
	return nil
}
