package render

import (
	"github.com/studysite/studysite/generator/frontmatter"
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/urls"
)

// PacketData is a packet page (packets/<slug>/index.html): the parts the
// print contract (contract13.md) names, in print order.
type PacketData struct {
	PacketRef
	Subtitle, Organiser, Date, Notice string
	Paper                             string // a4, a5
	Duplex, Numbers                   bool
	TOC                               bool
	Docs                              []PacketDoc
	Questions                         []PacketQuestions
	Glossary                          []PacketGlossaryEntry
	// Notes are the notes pages at the end; nil for none.
	Notes *NotesData
}

// NotesData is a run of ruled 学习笔记 pages.
type NotesData struct {
	ID string // notes, or notes-d-<slug> after a document
	// Of is the id of the title of the document the pages follow, so
	// each run of notes pages has its own accessible name.
	Of    string
	Pages []int // one entry a page
	Lines []int // one entry a ruled line of a page
}

// notesLines is how many ruled lines a notes page has: about 10 mm apart
// on A4's 225 mm text area, 8 mm on A5's 159 mm, below the heading.
var notesLines = map[string]int{"a4": 20, "a5": 17}

func notesOf(n int, id, paper string) *NotesData {
	if n == 0 {
		return nil
	}
	return &NotesData{ID: id, Pages: pages(n), Lines: pages(notesLines[paper])}
}

// PacketRef is a packet as other pages list it.
type PacketRef struct {
	Slug  string
	Title string
	URL   string // root-relative
	Href  string // URL relative to the page showing it (set on document pages)
	Count int    // documents
	// PDF is the packet's PDF, root-relative, when the build knows a
	// current one exists; else "".
	PDF string
}

// PacketDoc is one document of a packet, its ids prefixed d-<slug>-.
type PacketDoc struct {
	DocLink
	ID                string // d-<slug>
	Speaker, Occasion string
	Sections          []TOCItem // h2-level headings, for the table of contents
	Body              template.HTML
	Notes             *NotesData // notes pages after this document
}

// PacketQuestions are the discussion questions of one document.
type PacketQuestions struct {
	DocID, Title string
	Questions    []string
}

// PacketGlossaryEntry is a term with its definition, else the sentence
// where the packet first uses it, and that place: FirstID is the
// paragraph's id in the packet (d-<slug>-p12) for a link and a page
// reference.
type PacketGlossaryEntry struct {
	Name, URL  string // URL: the term page, root-relative
	Definition string
	Quote      string
	FirstID    string
	FirstN     int
	FirstDoc   string // the document's title
}

// PacketsIndexData is the packets index.
type PacketsIndexData struct {
	Packets []PacketRef
}

// SetPacketPDFs tells the renderer which packets have a current PDF
// (packets/<slug>.pdf), so their pages link to it. The site package
// decides it from the printer's cache; without a call no page links a PDF.
func (r *Renderer) SetPacketPDFs(slugs map[string]bool) { r.packetPDFs = slugs }

func packetRef(pk *link.Packet, pdfs map[string]bool) PacketRef {
	ref := PacketRef{Slug: pk.Slug, Title: pk.Title, URL: urls.Packet(pk.Slug), Count: len(pk.Pages)}
	if pdfs[pk.Slug] {
		ref.PDF = urls.PacketPDF(pk.Slug)
	}
	return ref
}

// packetPages are the packets index and one page per packet; the packet
// pages' bodies are rendered in the worker (Renderer.packetData).
func (r *Renderer) packetPages(site *link.Site) []job {
	if len(site.Packets) == 0 {
		return nil
	}
	idx := &PacketsIndexData{}
	jobs := []job{}
	for _, pk := range site.Packets {
		idx.Packets = append(idx.Packets, packetRef(pk, r.packetPDFs))
		jobs = append(jobs, job{path: urls.Packet(pk.Slug), kind: "packet", packet: pk})
	}
	jobs = append(jobs, job{path: urls.PacketsIndex, kind: "packets", data: &PageData{
		Title: "学习材料包", Description: "供集中学习打印的材料包：封面、目录、材料、讨论题、提法释义和笔记页", PacketsIndex: idx}})
	return jobs
}

// packetData renders a packet's documents and gathers its parts.
func (r *Renderer) packetData(bodies map[*content.Page]string, links docLinkTable, pk *link.Packet) (*PageData, error) {
	d := &PacketData{
		PacketRef: packetRef(pk, r.packetPDFs),
		Subtitle:  pk.Subtitle, Organiser: pk.Organiser, Date: coverDate(pk.Date), Notice: pk.Notice,
		Paper: string(pk.Paper), Duplex: pk.Duplex, Numbers: pk.Numbers(), TOC: pk.TOC(),
	}
	if d.Paper == "" {
		d.Paper = string(config.PaperA4)
	}
	for _, p := range pk.Pages {
		prefix := packetID(p.Slug())
		pd := PacketDoc{
			DocLink: links.of(p), ID: prefix,
			Speaker: p.Meta.Speaker, Occasion: p.Meta.Occasion,
			Body: template.HTML(typeset(prefixIDs(bodies[p], prefix+"-", pk))),
		}
		for _, h := range p.Headings {
			if h.Level == 2 {
				pd.Sections = append(pd.Sections, TOCItem{ID: prefix + "-" + h.ID, Text: h.Text, Level: 2})
			}
		}
		if pk.NotesAfter == config.NotesAtEach {
			pd.Notes = notesOf(pk.Notes, "notes-"+prefix, d.Paper)
			if pd.Notes != nil {
				pd.Notes.Of = prefix + "-title"
			}
		}
		d.Docs = append(d.Docs, pd)
		if pk.Questions() && len(p.Meta.Questions) > 0 {
			q := PacketQuestions{DocID: prefix, Title: typeset(p.Meta.Title)}
			for _, s := range p.Meta.Questions {
				if s = strings.TrimSpace(s); s != "" {
					q.Questions = append(q.Questions, typeset(s))
				}
			}
			if len(q.Questions) > 0 {
				d.Questions = append(d.Questions, q)
			}
		}
	}
	if pk.NotesAfter != config.NotesAtEach {
		d.Notes = notesOf(pk.Notes, "notes", d.Paper)
	}
	if pk.Glossary() {
		for _, pt := range pk.Terms {
			o := pt.First
			e := PacketGlossaryEntry{
				Name: pt.Term.Name, URL: urls.Term(pt.Term.Slug), Definition: pt.Term.Definition,
				FirstID: packetID(o.Page.Slug()) + "-" + o.Para().ID, FirstN: o.Para().N, FirstDoc: typeset(o.Page.Meta.Title),
			}
			if e.Definition == "" {
				e.Quote = typeset(o.Sentence())
			}
			d.Glossary = append(d.Glossary, e)
		}
	}
	desc := strconv.Itoa(len(pk.Pages)) + "篇材料"
	if pk.Subtitle != "" {
		desc = pk.Subtitle + "，" + desc
	}
	return &PageData{Title: pk.Title, Description: desc, Packet: d}, nil
}

// packetID is the id of a document's section in a packet; every id inside
// it starts with this and a hyphen, so ids stay unique in the packet.
func packetID(slug string) string { return "d-" + slug }

func pages(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}

// idAttr and fragmentHref find the ids and same-page links the body
// renderer writes; goldmark escapes quotes in text, so an attribute is
// the only place `id="` or `href="#` can occur.
var (
	idAttr       = regexp.MustCompile(` id="([^"]*)"`)
	fragmentHref = regexp.MustCompile(` href="#([^"]*)"`)
	docHref      = regexp.MustCompile(` href="` + strings.Replace(regexp.QuoteMeta(urls.FromBody(urls.Doc("SLUG"))), "SLUG", `([a-z0-9-]+)`, 1) + `(?:#([^"]*))?"`)
	outlineH     = regexp.MustCompile(`<h([23])([ >])`)
)

// prefixIDs makes a document body fit in a packet: ids and links to them
// get the document's prefix, links to other documents of the packet stay
// inside the packet, and h2/h3 headings carry data-outline for the PDF
// bookmarks.
func prefixIDs(body, prefix string, pk *link.Packet) string {
	in := make(map[string]bool, len(pk.Pages))
	for _, p := range pk.Pages {
		in[p.Slug()] = true
	}
	body = idAttr.ReplaceAllString(body, ` id="`+prefix+`$1"`)
	body = fragmentHref.ReplaceAllString(body, ` href="#`+prefix+`$1"`)
	body = docHref.ReplaceAllStringFunc(body, func(m string) string {
		sub := docHref.FindStringSubmatch(m)
		if !in[sub[1]] {
			return m
		}
		id := packetID(sub[1])
		if sub[2] != "" {
			id += "-" + sub[2]
		}
		return ` href="#` + id + `"`
	})
	return outlineH.ReplaceAllString(body, `<h$1 data-outline="$1"$2`)
}

// packetRefsOf lists the packets holding p, for its document page.
func packetRefsOf(site *link.Site, p *content.Page, pdfs map[string]bool) []PacketRef {
	var out []PacketRef
	for _, pk := range site.PacketsOf(p) {
		out = append(out, packetRef(pk, pdfs))
	}
	return out
}

// coverDate shows a packet's date as the rest of the site shows dates
// (2023年12月15日); a date in words (二〇二三年十二月) stays as written.
func coverDate(s string) string {
	if t, err := frontmatter.ParseDate(s); err == nil {
		return t.Format("2006年1月2日")
	}
	return s
}
