package proposal

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestThemeLogo checks that a logo is read relative to the proposal file,
// and that one too large is refused at its place in the file.
func TestThemeLogo(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	big := append(append([]byte(nil), b.Bytes()...), make([]byte, MaxLogoBytes)...)
	if err := os.WriteFile(filepath.Join(dir, "big.png"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	base, err := os.ReadFile("testdata/valid-minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "proposal.yaml")

	p, err := Parse(name, append(base, "theme:\n  accent: \"#0b6e4f\"\n  body: sans\n  logo: logo.png\n"...), corpusToday)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(p.Derived.Logo, b.Bytes()) {
		t.Errorf("the logo beside the proposal was not read")
	}

	_, err = Parse(name, append(base, "theme:\n  logo: big.png\n"...), corpusToday)
	if err == nil || !strings.Contains(err.Error(), "theme.logo: "+filepath.Join(dir, "big.png")+" is 1025 KB; a logo may be at most 1 MB (1024 KB)") {
		t.Errorf("a logo over 1 MB: got %v", err)
	}
}
