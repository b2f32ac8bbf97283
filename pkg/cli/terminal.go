package cli

import (
	"fmt"
	"io"
	"os"
	"unicode"
	"unicode/utf8"
)

// textOnly passes text to a terminal with every character that could
// control it shown as an escape instead: a file name, key or value quoted
// in a message can then neither clear the screen, move the cursor, set the
// window title, nor reorder the line with bidi controls. Newlines and tabs
// pass; so do the full-screen wizard's own sequences, which reach the
// terminal through raw.
type textOnly struct {
	w       io.Writer
	raw     *os.File // the terminal itself, for the wizard; nil if w is not a file
	pending []byte   // the start of a character split between writes
}

func newTextOnly(w io.Writer) io.Writer {
	if _, ok := w.(*textOnly); ok {
		return w
	}
	t := &textOnly{w: w}
	t.raw, _ = w.(*os.File)
	return t
}

// rawFile is the file behind w, unwrapping textOnly, for the full-screen
// wizard that draws with escape sequences of its own.
func rawFile(w io.Writer) (*os.File, bool) {
	if t, ok := w.(*textOnly); ok {
		return t.raw, t.raw != nil
	}
	f, ok := w.(*os.File)
	return f, ok
}

func (t *textOnly) Write(p []byte) (int, error) {
	n := len(p)
	if len(t.pending) > 0 {
		p = append(t.pending, p...)
		t.pending = nil
	}
	out := make([]byte, 0, len(p)+8)
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(p[i:]) {
				t.pending = append([]byte(nil), p[i:]...)
				break
			}
			out = fmt.Appendf(out, `\x%02x`, p[i])
			i++
			continue
		}
		out = appendVisible(out, r, p[i:i+size])
		i += size
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return n, nil
}

// appendVisible appends the character r (encoded as b) as it may be shown
// on a terminal.
func appendVisible(out []byte, r rune, b []byte) []byte {
	switch {
	case r == '\n' || r == '\t':
		return append(out, b...)
	case r < 0x20 || r == 0x7f:
		return fmt.Appendf(out, `\x%02x`, r)
	case r >= 0x80 && r <= 0x9f, isBidiControl(r), unicode.Is(unicode.Cf, r), r == 0x2028, r == 0x2029:
		// Controls, bidi overrides and the other invisible characters (a
		// byte-order mark in a key, a zero-width space) are shown as what
		// they are.
		return fmt.Appendf(out, `\u%04x`, r)
	}
	return append(out, b...)
}

// isBidiControl reports the characters that change the direction of the
// text around them without being seen (the "Trojan Source" characters).
func isBidiControl(r rune) bool {
	switch {
	case r == 0x061c, r == 0x200e, r == 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
