// Package templates embeds the Markdown templates of the documents. Each
// `NAME.md.tmpl` is a text/template executed with a view from pkg/view:
// manager-facing documents with view.Public, the prep sheet with
// view.Private. User text in a view is already escaped for Markdown.
package templates

import "embed"

// FS holds every `*.md.tmpl` file.
//
//go:embed *.md.tmpl
var FS embed.FS
