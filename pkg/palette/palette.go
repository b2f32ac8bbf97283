// Package palette holds the documents' colours, as #RRGGBB: the one place
// the PDF, the Word file, the HTML page, its charts and the email take
// them from. The theme's accent (theme.accent) replaces Accent. It also
// holds the arithmetic of colours they share: parsing, the tint behind
// table headings, and the WCAG contrast the accent is held to.
package palette

const (
	Ink    = "#212529" // body text
	Accent = "#1b365d" // headings, table headings, rules under them, quotes' rule; the theme's accent replaces it
	Muted  = "#6c757d" // the running header and footer, captions, chart axes
	Rule   = "#ced4da" // table rules and chart grid lines
	Fill   = "#eef2f7" // behind table headings: the accent's tint
	Link   = "#1b5096" // links
	Target = "#157347" // a chart's target line
	Good   = "#ecf6f0" // a chart's band on the target's good side
	Banner = "#962828" // the prep sheet's PRIVATE mark
	Page   = "#f4f6f8" // behind the HTML page on screen
)
