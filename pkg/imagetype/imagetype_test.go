package imagetype

import "testing"

func TestOf(t *testing.T) {
	for in, want := range map[string]string{
		"\x89PNG\r\n\x1a\nrest": "png", "\xFF\xD8\xFF\xE0": "jpeg", "GIF89a": "", "": "", "\x89PNG": "",
	} {
		if got := Of([]byte(in)); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
