package render

import "encoding/binary"

// The cross-link block of a document page is most of what its cache key
// reads: the terms it uses, related documents with their shared terms,
// backlinks, taxonomies, packets. Encoding it as JSON for every document
// of a library on every rebuild cost more than anything else serve does
// after an edit, so it is written into the key field by field here, with
// lengths instead of names and quotes. TestDocLinksDigestReadsEveryField
// changes every field of every type below, one at a time, and fails when
// the digest does not change: a field added to one of them must be added
// here.

// writeDocLinks writes every field of d (nil apart from empty) into h.
func writeDocLinks(h *digester, d *DocLinksData) {
	if d == nil {
		h.int(-1)
		return
	}
	h.int(len(d.Terms))
	for i := range d.Terms {
		h.termRef(&d.Terms[i])
	}
	h.int(len(d.Related))
	for i := range d.Related {
		r := &d.Related[i]
		h.docLink(&r.DocLink)
		h.str(r.Href)
		h.int(len(r.Shared))
		for k := range r.Shared {
			h.termRef(&r.Shared[k])
		}
		h.int(r.More)
	}
	h.int(len(d.Backlinks))
	for i := range d.Backlinks {
		g := &d.Backlinks[i]
		h.docLink(&g.DocLink)
		h.str(g.Href)
		h.int(len(g.Links))
		for _, l := range g.Links {
			h.str(l.FromURL)
			h.str(l.FromN)
			h.str(l.Target)
			h.str(l.TargetURL)
		}
	}
	h.int(len(d.Taxa))
	for i := range d.Taxa {
		g := &d.Taxa[i]
		h.str(g.Title)
		h.str(g.URL)
		h.str(g.Href)
		h.int(len(g.Entries))
		for _, e := range g.Entries {
			h.strs(e.Name, e.URL, e.Href)
			h.int(e.Count)
		}
	}
	h.int(len(d.Packets))
	for _, p := range d.Packets {
		h.strs(p.Slug, p.Title, p.URL, p.Href)
		h.int(p.Count)
		h.str(p.PDF)
	}
}

func (h *digester) termRef(r *TermRef) {
	h.str(r.Name)
	h.str(r.URL)
	h.str(r.Href)
	h.int(r.Count)
	h.int(r.Docs)
	h.str(r.Category)
}

func (h *digester) docLink(l *DocLink) {
	h.str(l.Title)
	h.str(l.Subtitle)
	if l.Date == nil {
		h.str("")
	} else {
		h.str(l.Date.ISO()) // all a template can show of it
	}
	h.str(l.URL)
	h.str(l.Summary)
}

// str writes s after its length, so that no two lists of strings write
// the same bytes.
func (h *digester) str(s string) {
	h.int(len(s))
	h.buf = append(h.buf, s...)
}

// strs writes each of ss as str does.
func (h *digester) strs(ss ...string) {
	for _, s := range ss {
		h.str(s)
	}
}

func (h *digester) int(n int) { h.buf = binary.AppendVarint(h.buf, int64(n)) }
