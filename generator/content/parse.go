package content

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/studysite/studysite/generator/frontmatter"
)

// Extensions are the goldmark extensions of the content dialect; the render
// stage uses the same list so parser and renderer agree.
var Extensions = []goldmark.Extender{extension.Table}

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
	ctx := parser.NewContext(parser.WithIDs(&sectionIDs{}))
	p.AST = markdownParser.Parse(text.NewReader(body), parser.WithContext(ctx))
	p.number()
	return p, nil
}

// number gives headings hierarchical IDs (s1, s1-2, …) and paragraphs
// running IDs (p1, p2, …), and records both with their plain text.
// goldmark's own heading IDs keep only ASCII letters, so every Chinese
// heading would get id="heading"; section numbers are short, stable, and
// survive edits to the heading's wording.
func (p *Page) number() {
	var counters [7]int
	section := ""
	nPara := 0
	lineOf := lineIndex(p.Body, p.BodyLine)
	_ = ast.Walk(p.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			// A level-1 heading in a body counts as a top section: the
			// page title is the only h1 a reader sees.
			lvl := max(n.Level, 2)
			counters[lvl]++
			for i := lvl + 1; i < len(counters); i++ {
				counters[i] = 0
			}
			parts := make([]string, 0, lvl-1)
			for i := 2; i <= lvl; i++ {
				parts = append(parts, strconv.Itoa(counters[i]))
			}
			id := "s" + strings.Join(parts, "-")
			n.SetAttributeString("id", []byte(id))
			section = id
			p.Headings = append(p.Headings, Heading{Level: n.Level, ID: id, Text: PlainText(n, p.Body), Line: lineOf(n)})
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			nPara++
			id := "p" + strconv.Itoa(nPara)
			n.SetAttributeString("id", []byte(id))
			p.Paragraphs = append(p.Paragraphs, Paragraph{N: nPara, ID: id, Text: PlainText(n, p.Body), Section: section, Line: lineOf(n)})
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
		lines := n.Lines()
		if lines == nil || lines.Len() == 0 {
			return lastLine
		}
		off := lines.At(0).Start
		if off < lastOff {
			lastOff, lastLine = 0, bodyLine
		}
		lastLine += bytes.Count(body[lastOff:off], []byte("\n"))
		lastOff = off
		return lastLine
	}
}

// sectionIDs is the parser.IDs handed to goldmark so that any ID it makes
// on its own is unique and never the ASCII-only default; number() replaces
// heading IDs with section numbers afterwards.
type sectionIDs struct {
	n    int
	used map[string]bool
}

func (s *sectionIDs) Generate(_ []byte, _ ast.NodeKind) []byte {
	for {
		s.n++
		id := "h" + strconv.Itoa(s.n)
		if !s.used[id] {
			s.Put([]byte(id))
			return []byte(id)
		}
	}
}

func (s *sectionIDs) Put(value []byte) {
	if s.used == nil {
		s.used = map[string]bool{}
	}
	s.used[string(value)] = true
}
