package link

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/studysite/studysite/generator/content"
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

// wikiLink matches [[slug]], [[slug#p12]], [[slug|label]], [[#s2]].
var wikiLink = regexp.MustCompile(`\[\[([^\[\]|\n]*?)(?:\|([^\[\]\n]*?))?\]\]`)

// structuralID matches the IDs content gives headings and paragraphs.
var structuralID = regexp.MustCompile(`^(p[0-9]+|s[0-9]+(-[0-9]+)*)$`)

// docIndex answers which page a slug or content file names and which
// fragments a page has.
type docIndex struct {
	bySlug map[string]*content.Page
	byFile map[string]*content.Page
	drafts map[string]bool // slugs and files of drafts, for a better message
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
	h := "../../docs/" + to.Slug() + "/index.html"
	if id != "" {
		h += "#" + id
	}
	return h
}

// explicitLinks is what resolving one page's explicit links found.
type explicitLinks struct {
	out      []outLink
	problems []Problem
	changed  map[ast.Node]bool // paragraphs whose text changed
}

type outLink struct {
	to        *content.Page
	paragraph string
	target    string
}

// resolveExplicit turns [[…]] in text into links and rewrites relative
// links to other.md(#heading) into document URLs, on p's AST.
func (ix *docIndex) resolveExplicit(p *content.Page) explicitLinks {
	res := explicitLinks{changed: map[ast.Node]bool{}}
	ln := newLines(p.Body, p.BodyLine)
	type textAt struct {
		t    *ast.Text
		para ast.Node
	}
	var texts []textAt
	var links []*ast.Link
	paraOf := map[ast.Node]ast.Node{}
	var para ast.Node
	_ = ast.Walk(p.AST, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() == ast.KindParagraph {
			if entering {
				para = n
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
			links = append(links, n)
			paraOf[n] = para
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if bytes.Contains(n.Segment.Value(p.Body), []byte("[[")) {
				texts = append(texts, textAt{n, para})
			}
		}
		if skipForText(n) {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	problem := func(off int, format string, args ...any) {
		res.problems = append(res.problems, Problem{File: p.File, Line: ln.at(off), Msg: fmt.Sprintf(format, args...)})
	}
	paraID := func(n ast.Node) string {
		if n == nil {
			return ""
		}
		id, _ := n.AttributeString("id")
		b, _ := id.([]byte)
		return string(b)
	}
	for _, ta := range texts {
		t := ta.t
		val := t.Segment.Value(p.Body)
		var cuts []cut
		for _, m := range wikiLink.FindAllSubmatchIndex(val, -1) {
			start := t.Segment.Start + m[0]
			raw := strings.TrimSpace(string(val[m[2]:m[3]]))
			slug, frag, _ := strings.Cut(raw, "#")
			slug = strings.TrimSpace(slug)
			to := p
			if slug != "" {
				to = ix.bySlug[slug]
			}
			if to == nil {
				if ix.drafts[slug] {
					problem(start, "[[%s]]: document %q is a draft and is not published", raw, slug)
				} else {
					problem(start, "[[%s]]: no document with slug %q", raw, slug)
				}
				continue
			}
			id, fragLabel, ok := fragment(to, frag)
			if !ok {
				problem(start, "[[%s]]: document %q has no paragraph or heading %q", raw, to.Slug(), frag)
				continue
			}
			var label ast.Node
			if m[4] >= 0 && strings.TrimSpace(string(val[m[4]:m[5]])) != "" {
				label = ast.NewTextSegment(text.NewSegment(t.Segment.Start+m[4], t.Segment.Start+m[5]))
			} else {
				s := ast.NewString([]byte(defaultLabel(p, to, fragLabel)))
				s.SetRaw(true)
				label = s
			}
			cuts = append(cuts, cut{start: start, end: t.Segment.Start + m[1], link: newLink(docHref(p, to, id), "xref", label)})
			if to != p {
				res.out = append(res.out, outLink{to: to, paragraph: paraID(ta.para), target: id})
			}
		}
		if len(cuts) > 0 {
			replaceText(t, cuts)
			if ta.para != nil {
				res.changed[ta.para] = true
			}
		}
	}
	for _, l := range links {
		dest := string(l.Destination)
		to, id, ok, handled := ix.relative(p, dest)
		if !handled {
			continue
		}
		off, _ := nodeOffset(l)
		if paraOf[l] != nil && off == 0 {
			off, _ = nodeOffset(paraOf[l])
		}
		if !ok {
			problem(off, "link %q: %s", dest, id)
			continue
		}
		l.Destination = []byte(docHref(p, to, id))
		if to != p {
			res.out = append(res.out, outLink{to: to, paragraph: paraID(paraOf[l]), target: id})
		}
	}
	return res
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
func (ix *docIndex) relative(p *content.Page, dest string) (to *content.Page, id string, ok, handled bool) {
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
	to = ix.byFile[file]
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
