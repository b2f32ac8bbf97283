package cli

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/propose-cli/propose/internal/golden"
	"github.com/propose-cli/propose/internal/schemacheck"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"propose": func() { os.Exit(Main(os.Args[1:])) },
	})
}

// TestScripts runs the command-line scenarios in testdata/script. Each
// reads as documentation of what a user sees; run with -update to refresh
// the expected output embedded in them, then read the diff.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: golden.Update(),
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":         cmdStatus,
			"matches-schema": cmdMatchesSchema,
			"matches-log-schema": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 1 || neg {
					ts.Fatalf("usage: matches-log-schema FILE")
				}
				if err := schemacheck.ValidateLog([]byte(ts.ReadFile(args[0]))); err != nil {
					ts.Fatalf("%s does not match the log's schema:\n%v", args[0], err)
				}
			},
			"answer":  cmdAnswer,
			"replace": cmdReplace,
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("SOURCE_DATE_EPOCH", "1767571200") // 2026-01-05, for files without a date
			return nil
		},
	})
}

// cmdReplace edits a file in place, replacing the first OLD by NEW; \n in
// NEW is a newline:
//
//	replace templates/proposal.md.tmpl '## Summary' '## In short'
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	path := ts.MkAbs(args[0])
	data, err := os.ReadFile(path)
	ts.Check(err)
	if !strings.Contains(string(data), args[1]) {
		ts.Fatalf("%s has no %q", args[0], args[1])
	}
	data = []byte(strings.Replace(string(data), args[1], strings.ReplaceAll(args[2], `\n`, "\n"), 1))
	ts.Check(os.WriteFile(path, data, 0o644))
}

// cmdStatus runs a command and checks its exit code:
//
//	status 1 propose validate bad.yaml
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

// cmdMatchesSchema checks a file against the JSON Schema with an
// independent validator:
//
//	matches-schema proposal.yaml
func cmdMatchesSchema(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: matches-schema FILE")
	}
	err := schemacheck.Validate([]byte(ts.ReadFile(args[0])))
	switch {
	case err != nil && !neg:
		ts.Fatalf("%s does not match the schema:\n%v", args[0], err)
	case err == nil && neg:
		ts.Fatalf("%s matches the schema", args[0])
	}
}

// cmdAnswer runs a command that asks questions in plain lines (propose new
// with piped input) and answers each question by what it asks, as a person
// reads the screen and types:
//
//	answer [-code N] ANSWERS propose new request.yaml
//
// Each line of ANSWERS is "part of a question => the answer". When a
// question is asked, the answer whose part the question's text contains
// (the longest, when several do) is typed and used up; a question no line
// answers gets Enter. "=> ^D" closes the input there, as a person stopping
// would. Every answer must be used, so a question that is renamed or
// dropped fails the script. The command's output goes to stdout and
// stderr; its exit code must be N (default 0).
func cmdAnswer(ts *testscript.TestScript, neg bool, args []string) {
	code := 0
	if len(args) > 1 && args[0] == "-code" {
		n, err := strconv.Atoi(args[1])
		if err != nil {
			ts.Fatalf("answer: -code %q: %v", args[1], err)
		}
		code, args = n, args[2:]
	}
	if neg || len(args) < 2 {
		ts.Fatalf("usage: answer [-code N] ANSWERS COMMAND [ARGS...]")
	}
	type answer struct{ key, text string }
	var answers []*answer
	for _, line := range strings.Split(ts.ReadFile(args[0]), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=>")
		if !ok {
			ts.Fatalf("answer: %q has no =>", line)
		}
		answers = append(answers, &answer{strings.TrimSpace(k), strings.TrimSpace(v)})
	}
	path := args[1] // found in the script's PATH, where testscript puts propose
	for _, dir := range filepath.SplitList(ts.Getenv("PATH")) {
		if _, err := os.Stat(filepath.Join(dir, args[1])); err == nil {
			path = filepath.Join(dir, args[1])
			break
		}
	}
	cmd := exec.Command(path, args[2:]...)
	cmd.Dir = ts.MkAbs(".")
	for _, k := range []string{"PATH", "HOME", "TMPDIR", "WORK", "SOURCE_DATE_EPOCH", "TZ", "TERM", "ACCESSIBLE", "NO_COLOR"} {
		if v := ts.Getenv(k); v != "" {
			cmd.Env = append(cmd.Env, k+"="+v)
		}
	}
	stdin, err := cmd.StdinPipe()
	ts.Check(err)
	outPipe, err := cmd.StdoutPipe()
	ts.Check(err)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	ts.Check(cmd.Start())
	timer := time.AfterFunc(60*time.Second, func() { _ = cmd.Process.Kill() })
	defer timer.Stop()

	var stdout bytes.Buffer
	r := bufio.NewReader(outPipe)
	var screen strings.Builder // what the command printed since the last answer
	closed := false
	refused := 0 // Enter refused in a row
	for {
		b, err := r.ReadByte()
		if err == io.EOF {
			break
		}
		ts.Check(err)
		stdout.WriteByte(b)
		screen.WriteByte(b)
		if closed || !strings.HasSuffix(screen.String(), "> ") {
			continue
		}
		// A prompt: the command waits for a line.
		asked := screen.String()
		screen.Reset()
		var best *answer
		for _, a := range answers {
			if a.key != "" && strings.Contains(asked, a.key) && (best == nil || len(a.key) > len(best.key)) {
				best = a
			}
		}
		if strings.Contains(asked, "✗") && best == nil {
			if refused++; refused > 5 {
				_ = cmd.Process.Kill()
				ts.Fatalf("answer: the command refuses Enter again and again, and no line answers it:\n%s", asked)
			}
		} else {
			refused = 0
		}
		reply := ""
		if best != nil {
			reply = best.text
			for i, a := range answers {
				if a == best {
					answers = append(answers[:i], answers[i+1:]...)
					break
				}
			}
		}
		if reply == "^D" {
			closed = true
			ts.Check(stdin.Close())
			continue
		}
		stdout.WriteString(reply + "\n") // as the terminal would echo it
		if _, err := io.WriteString(stdin, reply+"\n"); err != nil {
			break
		}
	}
	err = cmd.Wait()
	ts.Stdout().Write(stdout.Bytes())
	ts.Stderr().Write(stderr.Bytes())
	got := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		got = ee.ExitCode()
	} else {
		ts.Check(err)
	}
	if got != code {
		ts.Fatalf("exit code %d, want %d\n%s", got, code, stderr.String())
	}
	for _, a := range answers {
		ts.Fatalf("no question asked for %q (answer %q)", a.key, a.text)
	}
}

func TestPlainLinesWhereTheFormCannotWork(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		terminal, accessible bool
		env                  func(string) string
		want                 bool
	}{
		{true, false, env("TERM", "xterm-256color"), false},
		{true, false, env("TERM", "dumb"), true},
		{true, false, env("ACCESSIBLE", "1"), true},
		{true, true, env(), true},
		{false, false, env("TERM", "xterm"), true},
	} {
		if got := plainLines(c.terminal, c.accessible, c.env); got != c.want {
			t.Errorf("terminal %v, accessible %v, TERM %q: plain lines %v, want %v", c.terminal, c.accessible, c.env("TERM"), got, c.want)
		}
	}
}
