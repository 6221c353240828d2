package render

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"slices"
	"sync"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/dialect"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/internal/parallel"
)

// Cache keeps what one Renderer made in earlier Render calls, so that a
// rebuild after an edit renders again only what changed: the body HTML of
// each document, kept while the page (the same parsed *content.Page) and
// what the link stage decided for it (its Resolution) are the same; and
// the bytes of each page, kept while the data its template sees is the
// same. A page's data is everything a template can reach: the exported
// fields of PageData, the cross-link block (DocLinks), the theme's assets
// and the site's configuration. So a page is reused only when rendering it
// again would give the same bytes, and a Render with a Cache gives what
// one without gives.
//
// A Cache belongs to one Renderer (one set of templates): a theme change
// needs a new Renderer and a new Cache. Pages must not change once parsed
// (no stage changes them), so a page is known by its pointer.
type Cache struct {
	seed   maphash.Seed // of digests
	mu     sync.Mutex
	bodies map[*content.Page]cachedBody
	pages  map[string]cachedPage
	terms  map[string]cachedTerm // by term slug
	// nextTerms are the terms of the Render under way.
	nextTerms map[string]cachedTerm
	site      []byte // the site key of the last Render
	// lines and links are what term pages are made of (termPage), by
	// page: those of pages gone are let go after each Render.
	lines map[*content.Page]map[lineAt]KWICLine
	links map[*content.Page]DocLink
	// Rendered and Reused count the pages of the last Render: executed
	// through their template, or taken from the cache. Bodies counts the
	// document bodies it rendered through goldmark; the others were kept.
	Rendered, Reused, Bodies int
}

type cachedBody struct {
	res  *dialect.Resolution
	html string
	sum  digest // of html: stands for it in page keys
}

type cachedPage struct {
	key  digest
	data []byte
	// from is the PageData the page was rendered from: a term page's data
	// is kept (termPage), and the same data under the same site key has
	// the same key. Holding it keeps its address from being reused.
	from *PageData
}

// NewCache gives an empty cache; see Renderer.SetCache.
func NewCache() *Cache {
	return &Cache{seed: maphash.MakeSeed(), bodies: map[*content.Page]cachedBody{}, pages: map[string]cachedPage{}, terms: map[string]cachedTerm{},
		lines: map[*content.Page]map[lineAt]KWICLine{}, links: map[*content.Page]DocLink{}}
}

// SetCache makes Render keep and reuse what it renders in c; nil renders
// everything every time.
func (r *Renderer) SetCache(c *Cache) { r.cache = c }

// body gives the cached body of p when it was rendered with an equal
// resolution and the same unsafeHTML setting (a new Cache per config).
func (c *Cache) body(p *content.Page, res *dialect.Resolution) (cachedBody, bool) {
	if c == nil {
		return cachedBody{}, false
	}
	c.mu.Lock()
	b, ok := c.bodies[p]
	c.mu.Unlock()
	if !ok || !sameResolution(b.res, res) {
		return cachedBody{}, false
	}
	return b, true
}

// keepBodies replaces the cached bodies with this build's, of which
// rendered were made anew.
func (c *Cache) keepBodies(bodies map[*content.Page]cachedBody, rendered int) {
	if c != nil {
		c.bodies, c.Bodies = bodies, rendered
	}
}

// page gives the cached page at path when it was made from data with the
// same key.
func (c *Cache) page(path string, key digest) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[path]
	if !ok || p.key != key {
		return nil, false
	}
	return p.data, true
}

// pageFrom gives the cached page at path when it was rendered from d itself
// under the same site key as this Render's.
func (c *Cache) pageFrom(path string, d *PageData, sameSite bool) (cachedPage, bool) {
	if !sameSite {
		return cachedPage{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[path]
	return p, ok && p.from == d
}

// pageKey is the digest of what the template of a page sees, besides what
// all pages of a Render share (site): the body of a document stands in by
// its digest, the cross-link block is written field by field
// (writeDocLinks), the rest as JSON.
func (c *Cache) pageKey(site []byte, d *PageData, links *DocLinksData, body *digest) (digest, error) {
	shallow := *d
	shallow.Site = config.Config{}
	if d.Doc != nil {
		doc := *d.Doc
		doc.Body = ""
		shallow.Doc = &doc
	}
	h := c.newDigester()
	h.Write(site)
	writeDocLinks(h, links)
	enc := json.NewEncoder(h)
	enc.SetEscapeHTML(false) // a key is never read back: escaping only costs
	if err := enc.Encode(struct {
		Page *PageData
		Body *digest
	}{&shallow, body}); err != nil {
		return 0, fmt.Errorf("render cache: %s: %w", d.Path, err)
	}
	return h.sum(), nil
}

// siteKey is what every page of a Render shares: the configuration (title,
// baseURL, language …), the theme's fingerprinted and inline assets, the
// packets with a current PDF, whether the site has packets and terms.
func siteKey(d *PageData) ([]byte, error) {
	var b bytes.Buffer
	err := json.NewEncoder(&b).Encode(struct {
		Site                 any
		Assets, Inline       map[string]string
		PDFs                 map[string]bool
		HasPackets, HasTerms bool
	}{d.Site, d.assets, d.inline, d.packetPDFs, d.HasPackets, d.HasTerms})
	if err != nil {
		return nil, fmt.Errorf("render cache: %w", err)
	}
	return b.Bytes(), nil
}

// keepPages replaces the cached pages and terms with this build's.
func (c *Cache) keepPages(pages map[string]cachedPage, site []byte, docs []*content.Page) {
	c.pages, c.site, c.terms = pages, site, c.nextTerms
	c.forgetPagesBut(docs)
}

// sameResolution says whether two resolutions of the same tree decide the
// same for every node.
func sameResolution(a, b *dialect.Resolution) bool {
	if a == nil || b == nil {
		return a == b
	}
	if len(a.WikiLinks) != len(b.WikiLinks) || len(a.Links) != len(b.Links) || len(a.Terms) != len(b.Terms) {
		return false
	}
	for n, t := range a.WikiLinks {
		if u, ok := b.WikiLinks[n]; !ok || u != t {
			return false
		}
	}
	for n, href := range a.Links {
		if u, ok := b.Links[n]; !ok || u != href {
			return false
		}
	}
	for n, ms := range a.Terms {
		if u, ok := b.Terms[n]; !ok || !slices.Equal(u, ms) {
			return false
		}
	}
	return true
}

// digest stands for bytes in the cache's keys: their 64-bit maphash
// under a seed made at random per Cache (the cache lives in one process's
// memory). maphash reads the megabytes of page data a rebuild keys several
// times faster than SHA-256 did; two different inputs give the same digest
// with a chance of one in 2^64, for one page of one rebuild.
type digest uint64

// digester gathers the bytes of a key, to be hashed at once: many small
// writes into maphash cost more than one long one.
type digester struct {
	seed maphash.Seed
	buf  []byte
}

var digestBuffers = sync.Pool{New: func() any { return new([]byte) }}

func (c *Cache) newDigester() *digester {
	return &digester{seed: c.seed, buf: (*digestBuffers.Get().(*[]byte))[:0]}
}

func (d *digester) Write(p []byte) (int, error) {
	d.buf = append(d.buf, p...)
	return len(p), nil
}

// sum gives the digest and lets go of the buffer.
func (d *digester) sum() digest {
	sum := digest(maphash.Bytes(d.seed, d.buf))
	buf := d.buf[:0]
	digestBuffers.Put(&buf)
	d.buf = nil
	return sum
}

// digestOf is the digest of b.
func (c *Cache) digestOf(b []byte) digest {
	return digest(maphash.Bytes(c.seed, b))
}

// cachedTerm is the data of a term's pages and what it was made from.
type cachedTerm struct {
	from  termInputs
	pages []*PageData
}

// termInputs are all that termPage reads of a term: its names and counts,
// and where it occurs. Occurrences is the link stage's own list (it does
// not change once linked), kept by reference.
type termInputs struct {
	Name, Slug, Definition, Category string
	Documents                        int
	Aliases                          []string
	FirstUse                         *link.Occurrence
	Occurrences                      []link.Occurrence
}

func inputsOf(t *link.Term) termInputs {
	in := termInputs{Name: t.Name, Slug: t.Slug, Definition: t.Definition, Category: t.Category,
		Documents: t.Documents, Aliases: t.Aliases, Occurrences: t.Occurrences}
	if o := t.FirstUse; o != nil {
		first := *o
		in.FirstUse = &first
	}
	return in
}

// sameTerm says whether a term's pages made from b would read as those
// made from a. An occurrence in the same page (pointer) at the same place
// reads the same; one in a page parsed again after an edit reads the same
// when its line and its document's link do — an edit to one paragraph of
// a long speech leaves most of its terms' pages as they were.
func (c *Cache) sameTerm(a, b termInputs) bool {
	if a.Name != b.Name || a.Slug != b.Slug || a.Definition != b.Definition || a.Category != b.Category ||
		a.Documents != b.Documents || !slices.Equal(a.Aliases, b.Aliases) || len(a.Occurrences) != len(b.Occurrences) {
		return false
	}
	if (a.FirstUse == nil) != (b.FirstUse == nil) {
		return false
	}
	if a.FirstUse != nil && *a.FirstUse != *b.FirstUse && !c.sameQuote(*a.FirstUse, *b.FirstUse) {
		return false
	}
	for i := range a.Occurrences {
		x, y := a.Occurrences[i], b.Occurrences[i]
		if x != y && (x.Page.Slug() != y.Page.Slug() || c.kwicLine(x) != c.kwicLine(y) || !sameDocLink(c.docLink(x.Page), c.docLink(y.Page))) {
			return false
		}
	}
	return true
}

// sameQuote says whether two first uses quote the same (termPageWith).
func (c *Cache) sameQuote(x, y link.Occurrence) bool {
	return x.Sentence() == y.Sentence() && paragraphURL(x) == paragraphURL(y) && x.Para().N == y.Para().N &&
		sameDocLink(c.docLink(x.Page), c.docLink(y.Page))
}

// sameDocLink compares two document links by what a page shows of them.
func sameDocLink(a, b DocLink) bool {
	if (a.Date == nil) != (b.Date == nil) || (a.Date != nil && a.Date.ISO() != b.Date.ISO()) {
		return false
	}
	a.Date, b.Date = nil, nil
	return a == b
}

// termPage is the package's termPage, kept while the term's pages would
// read the same. The Cache keeps the terms of the last Render only.
// Render is the only caller, once per term, so no lock is needed.
func (c *Cache) termPage(t *link.Term) []*PageData {
	if c == nil {
		return termPage(t)
	}
	in := inputsOf(t)
	if was, ok := c.terms[t.Slug]; ok && c.sameTerm(was.from, in) {
		// Kept with its old inputs: they are what its data was made of.
		c.nextTerms[t.Slug] = was
		return was.pages
	}
	pages := termPageWith(t, c.kwicLine, c.docLink)
	c.nextTerms[t.Slug] = cachedTerm{from: in, pages: pages}
	return pages
}

// lineAt is where an occurrence is in its page.
type lineAt struct{ paragraph, start, end int }

// kwicLine is the package's kwicLine, kept by page and place: a term used
// in every document has most of its lines unchanged by an edit. Lines are
// values: termPage sets Href on its own copies.
func (c *Cache) kwicLine(o link.Occurrence) KWICLine {
	byPage := c.lines[o.Page]
	if byPage == nil {
		byPage = map[lineAt]KWICLine{}
		c.lines[o.Page] = byPage
	}
	at := lineAt{o.Paragraph, o.Start, o.End}
	l, ok := byPage[at]
	if !ok {
		l = kwicLine(o)
		byPage[at] = l
	}
	return l
}

// docLink is linkOf, kept by page.
func (c *Cache) docLink(p *content.Page) DocLink {
	l, ok := c.links[p]
	if !ok {
		l = linkOf(p)
		c.links[p] = l
	}
	return l
}

// forgetPagesBut lets go of the lines and links of pages that are neither
// in pages nor read by a kept term (whose old inputs may still be
// compared with the next build's).
func (c *Cache) forgetPagesBut(pages []*content.Page) {
	keep := make(map[*content.Page]bool, len(pages))
	for _, p := range pages {
		keep[p] = true
	}
	for _, t := range c.terms {
		for _, o := range t.from.Occurrences {
			keep[o.Page] = true
		}
		if o := t.from.FirstUse; o != nil {
			keep[o.Page] = true
		}
	}
	for p := range c.lines {
		if !keep[p] {
			delete(c.lines, p)
		}
	}
	for p := range c.links {
		if !keep[p] {
			delete(c.links, p)
		}
	}
}

// docLinks makes the DocLinks of pages, taking those of pages the last
// Render showed from c. A page's DocLink is kept by its pointer: a parsed
// page does not change.
func (c *Cache) docLinks(ctx context.Context, pages []*content.Page) docLinkTable {
	made := make([]DocLink, len(pages))
	known := make([]bool, len(pages))
	if c != nil {
		for i, p := range pages {
			made[i], known[i] = c.links[p]
		}
	}
	_ = parallel.ForEach(ctx, len(pages), func(i int) error {
		if !known[i] {
			made[i] = linkOf(pages[i])
		}
		return nil
	})
	t := make(docLinkTable, len(pages))
	for i, p := range pages {
		t[p] = made[i]
		if c != nil && !known[i] {
			c.links[p] = made[i]
		}
	}
	return t
}
