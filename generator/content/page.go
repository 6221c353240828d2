// Package content loads content/*.md files into Pages: typed front matter,
// a goldmark AST in the content dialect (generator/dialect) whose headings
// and paragraphs carry stable IDs, the table of contents and the plain text
// of every paragraph.
//
// Parse is a pure function of one file's bytes, so a single page can be
// reloaded alone.
package content

import (
	"time"

	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/frontmatter"
)

// Heading is one entry of a page's table of contents.
type Heading struct {
	Level int    // 2–6 in documents (the title is the only level 1)
	ID    string // s1, s1-2, s1-2-3 …
	Text  string // plain text, with its Chinese number (一、…)
	Line  int    // line in the content file
}

// Paragraph is one numbered paragraph of a page.
type Paragraph struct {
	N       int    // 1-based number shown as ¶ N
	ID      string // p1, p2, …
	Text    string // plain text
	Section string // ID of the heading it sits under, "" before the first
	Line    int
}

// Page is one content file, parsed.
type Page struct {
	File       string // path of the content file, for messages
	Meta       frontmatter.FrontMatter
	Date       time.Time // zero when the page has no date
	Body       []byte    // Markdown body (after the front matter)
	BodyLine   int       // line of the file where Body starts
	SlugLine   int       // line of the slug: key (2 when the file name gives the slug)
	AST        ast.Node
	Headings   []Heading
	Paragraphs []Paragraph
	Warnings   []frontmatter.Problem
}

// Slug is the page's URL name: docs/<slug>/.
func (p *Page) Slug() string { return p.Meta.Slug }
