package cli

import (
	"errors"
	"os"
	"os/exec"
	"strconv"
	"testing"

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
		},
		Setup: func(env *testscript.Env) error {
			env.Setenv("SOURCE_DATE_EPOCH", "1767571200") // 2026-01-05, for files without a date
			return nil
		},
	})
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
