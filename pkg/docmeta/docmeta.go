// Package docmeta describes a document for the writers that set it, the
// PDF's, the Word file's and the HTML page's: what its metadata, running
// header and footer say, and how it looks. It is written once, by
// package render, and each writer takes what it uses.
package docmeta

import "time"

// Doc describes a document.
type Doc struct {
	Title    string    // the document title, in the metadata and the running header
	Author   string    // the employee
	Subject  string    // one line on what the document asks
	Creator  string    // the program and its version
	Language string    // such as "en-US"
	Date     time.Time // creation and modification date, for reproducible output
	Paper    string    // "letter" or "a4"
	Banner   string    // printed at the top of every page (the prep sheet's privacy mark); "" for none
	Folio    [3]string // the footer's words before the page number, between it and the page count, and after: "Page ", " of ", ""
	Scale    float64   // type size factor; 1 (or 0) is the normal setting, smaller condenses

	// The theme: how the document looks, whatever it says.
	Accent string // the colour of headings, rules and table headers, as #RRGGBB; "" for the default navy
	Sans   bool   // body text in Noto Sans rather than Noto Serif; italic stays Noto Serif Italic, the only italic face
	Logo   []byte // a PNG or JPEG image at the top right of the first page; nil for none
	// LogoAlt is what the logo says to a reader who cannot see it: the
	// company's name. "" marks it as decoration.
	LogoAlt string
}
