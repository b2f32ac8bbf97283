package render

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/propose-cli/propose/examples"
	"github.com/propose-cli/propose/pkg/proposal"
)

// writeLogo writes a small PNG into dir and returns its name.
func writeLogo(t *testing.T, dir string) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 120, 40))
	for x := 0; x < 120; x++ {
		for y := 0; y < 40; y++ {
			img.Set(x, y, color.RGBA{uint8(2 * x), 110, 79, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return "logo.png"
}

// themedFiles renders the trial example, in dir, with theme appended to it.
func themedFiles(t *testing.T, dir, theme string) map[string][]byte {
	t.Helper()
	src, _ := examples.Get("trial")
	src = append(append([]byte(nil), src...), theme...)
	p, err := proposal.Parse(filepath.Join(dir, "proposal.yaml"), src, today)
	if err != nil {
		t.Fatal(err)
	}
	files, err := Files(p, Options{Formats: []Format{Markdown, PDF, HTML}, Creator: "propose test"})
	if err != nil {
		t.Fatal(err)
	}
	return byName(files)
}

// TestThemeStylesPDFAndHTML checks that each key of the theme changes the
// PDFs and the HTML pages and no word of the Markdown, and that a themed
// document is the same bytes each time.
func TestThemeStylesPDFAndHTML(t *testing.T) {
	dir := t.TempDir()
	logo := writeLogo(t, dir)
	plain := themedFiles(t, dir, "")
	for _, theme := range []string{
		"theme:\n  accent: \"#0B6E4F\"\n",
		"theme:\n  body: sans\n",
		"theme:\n  logo: " + logo + "\n",
	} {
		t.Run(strings.Fields(theme)[1], func(t *testing.T) {
			got := themedFiles(t, dir, theme)
			for _, name := range []string{"proposal", "one-pager", "private/prep"} {
				if !bytes.Equal(got[name+".md"], plain[name+".md"]) {
					t.Errorf("%s.md: the theme changed the text", name)
				}
				if bytes.Equal(got[name+".pdf"], plain[name+".pdf"]) {
					t.Errorf("%s.pdf: the theme changed nothing", name)
				}
				if bytes.Equal(got[name+".html"], plain[name+".html"]) {
					t.Errorf("%s.html: the theme changed nothing", name)
				}
			}
			again := themedFiles(t, dir, theme)
			if !bytes.Equal(got["proposal.pdf"], again["proposal.pdf"]) {
				t.Errorf("the same themed input made two different PDFs")
			}
		})
	}
	got := themedFiles(t, dir, "theme:\n  accent: \"#0B6E4F\"\n  logo: "+logo+"\n")
	page := string(got["proposal.html"])
	if !strings.Contains(page, "color: #0b6e4f") || strings.Contains(page, "#1b365d") {
		t.Errorf("the HTML page does not use the accent in place of the default")
	}
	// The logo is the company's: a screen reader reads its name.
	if !strings.Contains(page, `<img class="logo" alt="Northwind Logistics" src="data:image/png;base64,`) {
		t.Errorf("the HTML page has no logo with the company's name as its text")
	}
	if n := pages(t, got["one-pager.pdf"]); n != 1 {
		t.Errorf("the themed one-pager has %d pages", n)
	}

	// A JPEG logo makes a valid PDF too.
	var j bytes.Buffer
	if err := jpeg.Encode(&j, image.NewRGBA(image.Rect(0, 0, 60, 20)), nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "logo.jpg"), j.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got = themedFiles(t, dir, "theme:\n  logo: logo.jpg\n")
	if n := pages(t, got["one-pager.pdf"]); n != 1 {
		t.Errorf("the one-pager with a JPEG logo has %d pages", n)
	}
	if !strings.Contains(string(got["one-pager.html"]), `src="data:image/jpeg;base64,`) {
		t.Errorf("the HTML page has no JPEG logo")
	}
}
