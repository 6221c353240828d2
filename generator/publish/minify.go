package publish

import (
	"bytes"
	"fmt"
	"path"
	"regexp"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

var mediaTypes = map[string]string{
	".html": "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
}

// newMinifier keeps document and end tags: the output stays valid,
// readable HTML that checkers and old office browsers parse the same way.
func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	m.AddFunc("application/json", json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return m
}

// Minify returns data minified by the type its file name says; other files
// are returned as they are. The type comes from mediaTypes, not from the
// mime package, which reads the machine's own tables: the output must not
// depend on the machine.
func Minify(m *minify.M, name string, data []byte) ([]byte, error) {
	mt, ok := mediaTypes[path.Ext(name)]
	if !ok {
		return data, nil
	}
	// Not m.Bytes: it hands data itself to the lexers, which write into
	// the buffer they read (a NUL past the end, lower-cased names), and
	// data may be a slice the render cache keeps and compares next build.
	// Through a reader the lexer reads a copy.
	var out bytes.Buffer
	out.Grow(len(data))
	if err := m.Minify(mt, &out, bytes.NewReader(data)); err != nil {
		return nil, fmt.Errorf("minifying %s: %w", name, err)
	}
	return out.Bytes(), nil
}
