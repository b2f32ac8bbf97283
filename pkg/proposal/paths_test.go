package proposal

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// pathLike matches a string literal written like a field path:
// "trial.metrics[%d].name", "arrangement.core_hours.start".
var pathLike = regexp.MustCompile(`^[a-z_]+((\.[a-z_]+)|(\[(\d*|%d|\*)\]))+\??$`)

var fileExtensions = map[string]bool{".md": true, ".pdf": true, ".ics": true, ".yaml": true, ".yml": true,
	".eml": true, ".html": true, ".json": true, ".tmpl": true, ".txt": true}

// TestFieldPathsInCodeResolve reads every Go file of the project (tests
// aside) and checks that each string written like a field path names a
// field of the format, so a renamed or removed field cannot leave a stale
// path behind that the compiler would not catch.
func TestFieldPathsInCodeResolve(t *testing.T) {
	top := map[string]bool{}
	for _, f := range root().Fields {
		top[f.Key] = true
	}
	found := 0
	err := filepath.WalkDir("../..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !pathLike.MatchString(s) || !top[strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '[' })[0]] {
				return true
			}
			if ext := filepath.Ext(s); fileExtensions[ext] {
				return true // a file name such as "trial.ics"
			}
			found++
			p := strings.TrimSuffix(strings.ReplaceAll(s, "%d", "0"), "?")
			if _, ok := Lookup(p); !ok {
				t.Errorf("%s: %q names no field of the file format", path, s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 15 {
		t.Errorf("found only %d field paths in the code; the search is broken", found)
	}
	t.Logf("%d field paths in the code, all resolved", found)
}
