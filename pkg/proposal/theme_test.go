package proposal

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
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

// TestLogoBombsAreRefusedAtTheirField: a small file that claims or holds
// an image of many millions of pixels, and a PNG cut off in its data, are
// refused at theme.logo, in bounded memory, before anything draws them.
func TestLogoBombsAreRefusedAtTheirField(t *testing.T) {
	dir := t.TempDir()
	var small bytes.Buffer
	if err := png.Encode(&small, image.NewGray(image.Rect(0, 0, 64, 64))); err != nil {
		t.Fatal(err)
	}
	// A real 3,000 × 2,000 image: 6 million pixels in a few kilobytes.
	var many bytes.Buffer
	if err := png.Encode(&many, image.NewGray(image.Rect(0, 0, 3000, 2000))); err != nil {
		t.Fatal(err)
	}
	// A header that claims 100,000 × 100,000 pixels over the small image's
	// data (the IHDR's width and height at bytes 16 to 23; its CRC no
	// longer matches, which a decoder that trusts the header never sees).
	claims := bytes.Clone(small.Bytes())
	copy(claims[16:24], []byte{0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0})
	cut := small.Bytes()[:small.Len()-20]
	files := map[string][]byte{"many.png": many.Bytes(), "claims.png": claims, "cut.png": cut}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	base, err := os.ReadFile("testdata/valid-minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "proposal.yaml")
	line := bytes.Count(base, []byte("\n")) + 2
	for file, want := range map[string]string{
		"many.png":   "is 3000 × 2000 pixels; a logo may have at most 4 million pixels",
		"claims.png": "",
		"cut.png":    "is damaged or cut off",
	} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := Parse(name, append(base, "theme:\n  logo: "+file+"\n"...), corpusToday)
		runtime.ReadMemStats(&after)
		at := fmt.Sprintf("proposal.yaml:%d:9: theme.logo: ", line)
		if err == nil || !strings.Contains(err.Error(), at) || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q at %s", file, err, want, at)
		}
		if used := after.TotalAlloc - before.TotalAlloc; used > 64<<20 {
			t.Errorf("%s: refusing it allocated %d MB", file, used>>20)
		}
	}
}
