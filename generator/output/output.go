// Package output defines the unit that flows from the render stages to
// publish: one file of the built site.
package output

// File is one file of the built site.
type File struct {
	// Path is slash-separated and relative to the site root, e.g.
	// docs/abc/index.html. It never starts with / or contains "..".
	Path string
	Data []byte
	// Compact says Data is already as small as minifying would make it
	// (the search index's files, thousands of one-statement scripts):
	// publish writes it as it is.
	Compact bool
}
