// Package imagetype tells the image formats propose embeds (a logo) by
// their first bytes: the one place the validation, the PDF and the HTML
// page ask.
package imagetype

import "bytes"

// Of returns "png" or "jpeg" for an image in one of the formats the
// documents embed, and "" for anything else.
func Of(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "jpeg"
	}
	return ""
}
