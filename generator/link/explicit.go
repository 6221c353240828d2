package link

import (
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
	"github.com/studysite/studysite/generator/urls"
)

// Backlink is a link from another document to this one.
type Backlink struct {
	From *content.Page
	// Paragraph is the ID of the paragraph holding the link (p3), "" when
	// the link sits outside a numbered paragraph.
	Paragraph string
	// Target is the fragment linked to (p12, s1-2), "" for the document.
	Target string
}

// Problem is a broken link: file, line and what is wrong.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) Error() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg) }

// structuralID matches the IDs content gives headings and paragraphs.
var structuralID = regexp.MustCompile(`^(p[0-9]+|s[0-9]+(-[0-9]+)*)$`)

// docIndex answers which page a slug or content file names and which
// fragments a page has.
type docIndex struct {
	bySlug map[string]*content.Page
	byFile map[string]*content.Page
	drafts map[string]bool // slugs and files of drafts, for a better message
}

// lookup gives the page a slug (or, byFile, a content file) names, and
// notes the lookup in seen.
func (ix *docIndex) lookup(byFile bool, key string, seen *[]lookup) *content.Page {
	to := ix.pages(byFile)[key]
	*seen = append(*seen, lookup{byFile: byFile, key: key, to: to, draft: to == nil && ix.drafts[key]})
	return to
}

// pages is the index by content file when byFile, else by slug.
func (ix *docIndex) pages(byFile bool) map[string]*content.Page {
	if byFile {
		return ix.byFile
	}
	return ix.bySlug
}

// fragment resolves frag on page p: a paragraph or heading ID, or the exact
// text of a heading (the reader's way to name a section). ok is false when
// nothing matches.
func fragment(p *content.Page, frag string) (id, label string, ok bool) {
	if frag == "" {
		return "", "", true
	}
	if len(frag) > 1 && frag[0] == 'p' {
		if n, err := strconv.Atoi(frag[1:]); err == nil && n >= 1 && n <= len(p.Paragraphs) && p.Paragraphs[n-1].ID == frag {
			return frag, "¶" + strconv.Itoa(n), true
		}
	}
	for _, h := range p.Headings {
		if h.ID == frag {
			return h.ID, h.Text, true
		}
	}
	for _, h := range p.Headings {
		if strings.TrimSpace(h.Text) == strings.TrimSpace(frag) {
			return h.ID, h.Text, true
		}
	}
	return "", "", false
}

// docHref is the URL of a document (and fragment) from a document page.
// Document, packet and term pages all sit two folders deep, so the same
// AST renders correctly on each.
func docHref(from, to *content.Page, id string) string {
	if to == from && id != "" {
		return "#" + id
	}
	return urls.FromBody(urls.DocFragment(to.Slug(), id))
}

// explicitLinks is what resolving one page's explicit links found. The
// page and its tree are only read.
type explicitLinks struct {
	out      []outLink
	problems []Problem
	wiki     map[*dialect.WikiLink]dialect.Target
	links    map[*ast.Link]string
	// texts are the paragraphs (by index) holding a resolved [[link]],
	// with the text a reader sees: its label, not its markup.
	texts map[int]string
	// lookups are the pages the links named, as the index gave them: the
	// result holds while they are the same (Cache).
	lookups []lookup
}

type outLink struct {
	to        *content.Page
	paragraph string
	target    string
}

// resolveExplicit resolves the [[links]] of p and its Markdown links to
// other.md(#heading).
func (ix *docIndex) resolveExplicit(p *content.Page) explicitLinks {
	res := explicitLinks{}
	ln := newLines(p.Body, p.BodyLine)
	var para ast.Node
	paraIndex := -1
	problem := func(off int, format string, args ...any) {
		res.problems = append(res.problems, Problem{File: p.File, Line: ln.at(off), Msg: fmt.Sprintf(format, args...)})
	}
	changed := map[int]ast.Node{}
	link := func(l *ast.Link) {
		dest := string(l.Destination)
		to, id, ok, handled := ix.relative(p, dest, &res.lookups)
		if !handled {
			return
		}
		off, _ := nodeOffset(l)
		if para != nil && off == 0 {
			off, _ = nodeOffset(para)
		}
		if !ok {
			problem(off, "link %q: %s", dest, id)
			return
		}
		if res.links == nil {
			res.links = map[*ast.Link]string{}
		}
		res.links[l] = docHref(p, to, id)
		if to != p {
			res.out = append(res.out, outLink{to: to, paragraph: paraID(para), target: id})
		}
	}
	wiki := func(w *dialect.WikiLink) {
		start := w.Source.Start
		raw, slug, frag := w.Target, w.Slug(), w.Fragment()
		to := p
		if slug != "" {
			to = ix.lookup(false, slug, &res.lookups)
		}
		if to == nil {
			if ix.drafts[slug] {
				problem(start, "[[%s]]: document %q is a draft and is not published", raw, slug)
			} else {
				problem(start, "[[%s]]: no document with slug %q", raw, slug)
			}
			return
		}
		id, fragLabel, ok := fragment(to, frag)
		if !ok {
			problem(start, "[[%s]]: document %q has no paragraph or heading %q", raw, to.Slug(), frag)
			return
		}
		if res.wiki == nil {
			res.wiki = map[*dialect.WikiLink]dialect.Target{}
		}
		res.wiki[w] = dialect.Target{Href: docHref(p, to, id), Label: defaultLabel(p, to, fragLabel)}
		if para != nil {
			changed[paraIndex] = para
		}
		if to != p {
			res.out = append(res.out, outLink{to: to, paragraph: paraID(para), target: id})
		}
	}
	_ = ast.Walk(p.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == ast.KindParagraph {
			if entering {
				para = n
				paraIndex++
			} else {
				para = nil
			}
			return ast.WalkContinue, nil
		}
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			link(n)
			return ast.WalkSkipChildren, nil
		case *dialect.WikiLink:
			wiki(n)
		}
		if dialect.SkipForText(n) {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(changed) > 0 {
		label := func(w *dialect.WikiLink) (string, bool) {
			t, ok := res.wiki[w]
			return t.Label, ok
		}
		res.texts = make(map[int]string, len(changed))
		for i, n := range changed {
			res.texts[i] = content.ResolvedText(n, p.Body, label)
		}
	}
	return res
}

// paraID is the id of the paragraph holding a link, "" outside one.
func paraID(para ast.Node) string {
	if para == nil {
		return ""
	}
	return dialect.ID(para)
}

func defaultLabel(from, to *content.Page, fragLabel string) string {
	switch {
	case to == from:
		return fragLabel
	case fragLabel == "":
		return "《" + to.Meta.Title + "》"
	default:
		return "《" + to.Meta.Title + "》" + fragLabel
	}
}

// relative resolves a Markdown link destination that names another content
// file (other.md, ./other.md#一、标题) or a fragment of this page (#p3).
// handled is false for every other link, which is left alone. When ok is
// false, id holds what is wrong.
func (ix *docIndex) relative(p *content.Page, dest string, seen *[]lookup) (to *content.Page, id string, ok, handled bool) {
	if dest == "" || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "//") {
		return nil, "", false, false
	}
	pathPart, frag, _ := strings.Cut(dest, "#")
	if i := strings.IndexAny(pathPart, ":?"); i >= 0 {
		return nil, "", false, false // a URL with a scheme or a query
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	if pathPart == "" {
		// Only check fragments that look like ours: #p12, #s1-2.
		if !structuralID.MatchString(frag) {
			if id, _, ok := fragment(p, frag); ok && id != "" {
				return p, id, true, true
			}
			return nil, "", false, false
		}
		if id, _, ok := fragment(p, frag); ok {
			return p, id, true, true
		}
		return nil, fmt.Sprintf("this document has no paragraph or heading %q", frag), false, true
	}
	if !strings.HasSuffix(strings.ToLower(pathPart), ".md") {
		return nil, "", false, false
	}
	if u, err := url.PathUnescape(pathPart); err == nil {
		pathPart = u
	}
	file := path.Join(path.Dir(p.File), pathPart)
	to = ix.lookup(true, file, seen)
	if to == nil {
		if ix.drafts[file] {
			return nil, fmt.Sprintf("%s is a draft and is not published", file), false, true
		}
		return nil, fmt.Sprintf("no content file %s", file), false, true
	}
	id, _, found := fragment(to, frag)
	if !found {
		return nil, fmt.Sprintf("%s has no paragraph or heading %q", file, frag), false, true
	}
	return to, id, true, true
}
