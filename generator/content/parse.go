package content

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/studysite/studysite/generator/dialect"
	"github.com/studysite/studysite/generator/frontmatter"
)

// Extensions are the goldmark extensions of the content dialect
// (generator/dialect): ingest and render use the same, so parser and
// renderer agree.
var Extensions = dialect.Extensions()

var markdownParser = goldmark.New(goldmark.WithExtensions(Extensions...)).Parser()

// Parse reads one content file. file names the file in errors, which carry
// its line numbers.
func Parse(file string, data []byte) (*Page, error) {
	fm, body, bodyLine, err := frontmatter.Split(data)
	if err != nil {
		return nil, fmt.Errorf("%s:1: %w", file, err)
	}
	meta, warns, err := frontmatter.Parse(fm)
	if err != nil {
		var le *frontmatter.LineError
		if errors.As(err, &le) {
			return nil, fmt.Errorf("%s:%d: %w", file, le.Line, le.Err)
		}
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if meta.Slug == "" {
		// As Hugo does: a file without a slug is addressed by its name.
		meta.Slug = strings.ToLower(strings.TrimSuffix(path.Base(filepath.ToSlash(file)), path.Ext(file)))
		if err := ValidSlug(meta.Slug); err != nil {
			return nil, fmt.Errorf("%s:2: the file name %q cannot be its address (%v): add a line `slug: …` (a–z, 0–9, hyphens) to the front matter", file, meta.Slug, err)
		}
	} else if err := ValidSlug(meta.Slug); err != nil {
		return nil, fmt.Errorf("%s:%d: slug %q: %w", file, keyLineOf(fm, "slug"), meta.Slug, err)
	}
	p := &Page{File: file, Meta: meta, Body: body, BodyLine: bodyLine, SlugLine: keyLineOf(fm, "slug"), Warnings: warns}
	if meta.Date != "" {
		p.Date, _ = frontmatter.ParseDate(meta.Date) // validated by frontmatter.Parse
	}
	p.AST = markdownParser.Parse(text.NewReader(body), parser.WithContext(dialect.NewContext()))
	p.outline()
	return p, nil
}

// outline records the headings and paragraphs with the ids the dialect
// gave them, their plain text and their lines.
func (p *Page) outline() {
	section := ""
	nPara := 0
	lineOf := lineIndex(p.Body, p.BodyLine)
	_ = ast.Walk(p.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			section = dialect.ID(n)
			p.Headings = append(p.Headings, Heading{Level: n.Level, ID: section, Text: PlainText(n, p.Body), Line: lineOf(n)})
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			nPara++
			p.Paragraphs = append(p.Paragraphs, Paragraph{N: nPara, ID: dialect.ID(n), Text: PlainText(n, p.Body), Section: section, Line: lineOf(n)})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// keyLineOf is the file line of a top-level front matter key (2 if absent).
func keyLineOf(fm []byte, key string) int {
	for i, l := range strings.Split(string(fm), "\n") {
		if strings.HasPrefix(l, key+":") {
			return i + 2
		}
	}
	return 2
}

// lineIndex returns a function giving the file line where a block starts.
// Blocks are asked for in document order, so it counts newlines onward from
// the previous block instead of from the start (a 50 MB file has ~100,000
// paragraphs).
func lineIndex(body []byte, bodyLine int) func(ast.Node) int {
	lastOff, lastLine := 0, bodyLine
	return func(n ast.Node) int {
		// Its position, not its first line: a heading with no words has
		// no lines.
		off := n.Pos()
		if off < 0 {
			return lastLine
		}
		if off < lastOff {
			lastOff, lastLine = 0, bodyLine
		}
		lastLine += bytes.Count(body[lastOff:off], []byte("\n"))
		lastOff = off
		return lastLine
	}
}
