// Package pdfua checks PDFs against the machine-checkable rules of PDF/UA-1
// (ISO 14289-1), for tests. No PDF/UA validator can be installed where
// propose is built, so this package holds propose's tagged PDFs to the
// standard instead: each check carries the id of the veraPDF rule it
// implements (veraPDF-validation-profiles, PDF_UA/PDFUA-1.xml), and follows
// that rule's test and the definitions veraPDF's model gives its terms.
//
// Check returns the failures; Assert fails a test with them; StructText
// reads each page's text in structure-tree order and in content order, and
// AssertReadingOrder compares the two; PopplerStructText runs poppler's
// `pdfinfo -struct-text` for golden files.
//
// The rules checked:
//
//	6.1-1       the header is %PDF-1.n, n from 0 to 7, and an end of line
//	6.2-1       catalog /MarkInfo /Marked true
//	5-1 … 5-5   XMP metadata holds the PDF/UA identification (namespace
//	            http://www.aiim.org/pdfua/ns/id/), pdfuaid:part is 1, and
//	            part, amd and corr carry the prefix pdfuaid
//	7.1-1       no artifact inside tagged content
//	7.1-2       no tagged content inside an artifact
//	7.1-3       every content item (text shown by Tj, TJ, ' or ", a path
//	            painted by S s f F f* B B* b b* — not n, which paints
//	            nothing —, a shading painted by sh, an inline image, an image
//	            XObject; form XObjects are read through) is tagged real
//	            content or inside an /Artifact sequence. Content is tagged
//	            when the innermost marked-content sequence with an MCID
//	            around it leads, through the page's (or form's)
//	            /StructParents and the ParentTree, to an element whose /P
//	            chain reaches the StructTreeRoot
//	7.1-4       /MarkInfo /Suspects is not true
//	7.1-5       non-standard structure types are role-mapped to standard ones
//	7.1-6       no circular role mapping
//	7.1-7       standard types are not remapped
//	7.1-8       the catalog has a /Metadata stream (/Type /Metadata, /Subtype /XML)
//	7.1-9       the metadata has a dc:title
//	7.1-10      /ViewerPreferences /DisplayDocTitle true
//	7.1-11      the catalog has a /StructTreeRoot
//	7.1-12      every structure element has /P — here also: pointing at the
//	            element (or root) whose /K holds it
//	7.2-3 … 20, 7.2-26 … 28, 7.2-36 … 40
//	            Table, THead/TBody/TFoot, TR, TH/TD, L, LI, Lbl/LBody, TOC/TOCI
//	            nesting and Caption placement
//	7.2-15, 7.2-41, 7.2-42, 7.2-43
//	            tables are regular: cells do not overlap, rows span as many
//	            columns and columns as many rows as the first (row and column
//	            spans from the Table attributes, laid out as veraPDF does)
//	7.2-21 … 24 the language of /ActualText, /Alt, /E and annotation
//	            /Contents can be determined
//	7.2-29      every /Lang (catalog, element, marked-content property list)
//	            is a language tag
//	7.2-34      the language of every text item can be determined (catalog,
//	            marked content, or its element and the element's ancestors)
//	7.3-1       every Figure has /Alt (not empty) or /ActualText
//	7.4.2-1     the first heading is H1 and no level is skipped going down
//	7.4.4-1 … 3 at most one H kid; H and Hn are not mixed
//	7.5-1, 7.5-2
//	            in a regular table whose TH elements do not all have a
//	            /Scope, every TD has /Headers naming TH /IDs, or a TH scoped
//	            to its column above it or to its row left of it
//	7.7-1       every Formula has /Alt or /ActualText
//	7.9-1, 7.9-2
//	            every Note has an /ID, and no two the same
//	7.18.1-1, 7.18.1-2
//	            annotations other than links and widgets are in an Annot
//	            element and have /Contents or an /Alt
//	7.18.3-1    /Tabs /S on every page with annotations
//	7.18.5-1    every link annotation belongs (/StructParent) to a Link element
//	7.18.5-2    every link annotation has /Contents
//	7.21.3.2-1  an embedded CIDFontType2 font has /CIDToGIDMap
//	7.21.4.1-1  the program of every font used for visible text is embedded
//	7.21.4.1-2  every glyph shown exists in the embedded TrueType program
//	7.21.5-1    the widths of the glyphs shown agree (within 1/1000 em)
//	            between the font dictionary and the TrueType program
//	7.21.7-1    every code shown has a Unicode value (ToUnicode, or a
//	            standard encoding of a simple font)
//	7.21.7-2    no ToUnicode value of a code shown is U+0000, U+FEFF or U+FFFE
//	7.21.8-1    no text operator shows the .notdef glyph (glyph 0 of a
//	            CIDFont, or a glyph named .notdef)
//
// Hidden annotations and those outside the crop box are exempt, as veraPDF
// exempts them. veraPDF takes the parent tree and the structure tree to
// agree; this package checks that they do (ISO 32000-1, 14.7.4.4), under
// ids of its own:
//
//	parent-tree-1  an MCID in the content that the ParentTree does not lead
//	               to the element listing it (or whose page or form has no
//	               /StructParents)
//	parent-tree-2  an element's marked-content reference to an MCID that its
//	               page does not have, or that the ParentTree gives to
//	               another element
//	parent-tree-3  one MCID on two marked-content sequences of a page
//	parent-tree-4  an object reference (OBJR) to an annotation whose
//	               /StructParent does not lead back to the element, or a
//	               link whose element has no OBJR for it
//
// Failures of content-item rules (7.1-1, 7.1-2, 7.1-3, 7.2-34) are counted
// per page, with the first one named; font rules are reported once per
// font, listing the codes. A file pdfcpu cannot read gives the rule "read".
//
// Not checked: rules veraPDF applies to what propose does not write (forms,
// optional content, media, embedded files, encryption, XFA, reference
// XObjects), simple TrueType fonts' cmap rules (7.21.6), CharSet and CIDSet
// (7.21.4.2), and embedded-CMap rules (7.21.3.1, 7.21.3.3). CIDs are read
// through Identity-H/V only; glyph names of simple fonts are read without
// the Adobe Glyph List (uniXXXX, uXXXX, single letters and standard
// encodings only). What needs a person is not checked at all: that the
// reading order makes sense, that alternate text says what a figure shows.
package pdfua
