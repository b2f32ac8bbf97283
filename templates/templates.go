// Package templates embeds the words of the documents, one folder per
// language (en, de, fr, es, nl). Each folder holds:
//
//   - `NAME.md.tmpl`, a text/template executed with a view from pkg/view
//     into a document's Markdown: manager-facing documents with
//     view.Public, the prep sheet with view.Private;
//   - `phrases.tmpl`, the phrases the view composes from the facts of a
//     proposal (a title, a risk and its answer, a milestone's name), each
//     a named template ({{define "name"}}…{{end}}) that the documents'
//     templates may also call;
//   - `questions.tmpl` (languages other than English), the question each
//     rule of `propose check` raises in a manager's mind, for the prep
//     sheet: `{{define "q:RULE"}}…{{end}}`. English keeps them with the
//     rules, in pkg/check/rules.md;
//   - `law.tmpl`, what the law where the user works adds (pkg/law): the
//     statements of a statutory request and the prep sheet's lines on the
//     law. A language without one of its phrases uses British English's,
//     the language of most of these laws.
//
// User text in a view is already escaped for Markdown. No sentence a reader
// sees is written in Go.
package templates

import "embed"

// FS holds every language's templates, as FOLDER/NAME.
//
//go:embed */*.md.tmpl */phrases.tmpl */questions.tmpl */law.tmpl
var FS embed.FS
