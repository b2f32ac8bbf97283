package pdfua

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/propose-cli/propose/internal/pdftext"
)

// Assert fails the test with every PDF/UA failure Check finds in pdf, one
// a line; name says which document it was.
func Assert(t testing.TB, name string, pdf []byte) {
	t.Helper()
	fs := Check(pdf)
	if len(fs) == 0 {
		return
	}
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("\n  ")
		b.WriteString(f.String())
	}
	t.Errorf("%s breaks %d PDF/UA-1 rule checks (%s):%s", name, len(fs), Summary(fs), b.String())
}

// Summary counts failures by rule, in rule order: "6.2-1 ×1, 7.1-3 ×2".
func Summary(fs []Failure) string {
	var parts []string
	for i := 0; i < len(fs); {
		j := i
		for j < len(fs) && fs[j].Rule == fs[i].Rule {
			j++
		}
		parts = append(parts, fmt.Sprintf("%s ×%d", fs[i].Rule, j-i))
		i = j
	}
	return strings.Join(parts, ", ")
}

// AssertReadingOrder fails the test for each page whose tagged text (in
// structure-tree order) differs from its content text (in content-stream
// order, artifacts left out), white space aside: assistive technology
// reads the first, the eye sees the second.
func AssertReadingOrder(t testing.TB, name string, pdf []byte) {
	t.Helper()
	pages, err := StructText(pdf)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, p := range pages {
		tagged, content := pdftext.Squash(p.Tagged), pdftext.Squash(p.Content)
		if tagged == content {
			continue
		}
		i := 0
		tr, cr := []rune(tagged), []rune(content)
		for i < len(tr) && i < len(cr) && tr[i] == cr[i] {
			i++
		}
		t.Errorf("%s, page %d: the tagged text does not read in content order; they part after %q:\n  tagged:  %q\n  content: %q",
			name, p.Page, tail(tr[:i], 40), head(tr[i:], 60), head(cr[i:], 60))
	}
}

func tail(r []rune, n int) string {
	if len(r) > n {
		return "…" + string(r[len(r)-n:])
	}
	return string(r)
}

func head(r []rune, n int) string {
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return string(r)
}

// PopplerStructText returns what poppler's `pdfinfo -struct-text` prints
// for pdf: the structure tree with each element's text, for golden files.
// The test is skipped when pdfinfo is not installed (Debian:
// poppler-utils).
func PopplerStructText(t testing.TB, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "struct.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return PopplerStructTextFile(t, path)
}

// PopplerStructTextFile is PopplerStructText for a file on disk.
func PopplerStructTextFile(t testing.TB, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("pdfinfo (poppler-utils) is not installed; the structure-tree golden is not compared")
	}
	out, err := exec.Command(bin, "-struct-text", path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo -struct-text %s: %v\n%s", path, err, out)
	}
	return string(out)
}
