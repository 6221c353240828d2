package link

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
)

// Packet is a study packet: documents printed together, in print order,
// with the glossary terms they use.
type Packet struct {
	config.Packet
	Pages []*content.Page
	// Terms are the glossary terms that occur in the packet's documents,
	// in pinyin order, each with its first occurrence in print order.
	Terms []PacketTerm
}

// PacketTerm is a glossary term as a packet's glossary lists it.
type PacketTerm struct {
	Term *Term
	// First is where the packet first uses the term: the first document
	// in print order that uses it, its first paragraph that does.
	First Occurrence
}

// buildPackets selects the documents of every configured packet, or of
// the default packet 最新材料 when none is configured. A packet naming a
// slug no document has is an error naming the packet's line and the slug;
// a packet that selects nothing is a warning.
func (s *Site) buildPackets() ([]string, error) {
	cfgs := s.Config.Packets
	if len(cfgs) == 0 {
		n := s.Config.PacketSettings.NewestCount()
		if n == 0 || len(s.Pages) == 0 {
			return nil, nil
		}
		cfgs = []config.Packet{{Title: config.DefaultPacketTitle, Default: true, Paper: config.PaperA4, Order: config.OrderNewest, NotesAfter: config.NotesAtEnd}}
	}
	slugs := packetSlugs(cfgs)
	var warnings []string
	for i, c := range cfgs {
		c.Slug = slugs[i]
		pages, err := s.selectPages(c)
		if err != nil {
			return nil, err
		}
		if len(pages) == 0 {
			warnings = append(warnings, c.Where()+": selects no document; its page lists none")
		}
		pk := &Packet{Packet: c, Pages: pages}
		pk.Terms = s.packetTerms(pages)
		s.Packets = append(s.Packets, pk)
	}
	return warnings, nil
}

// packetSlugs gives each packet its slug: the configured one, else the
// pinyin of its title, made unique with -2, -3.
func packetSlugs(cfgs []config.Packet) []string {
	out := make([]string, len(cfgs))
	used := map[string]bool{}
	for _, c := range cfgs {
		if c.Slug != "" {
			used[c.Slug] = true
		}
	}
	for i, c := range cfgs {
		if c.Slug != "" {
			out[i] = c.Slug
			continue
		}
		base := nameSlug(c.Title, "packet")
		slug := base
		for n := 2; used[slug]; n++ {
			slug = base + "-" + strconv.Itoa(n)
		}
		used[slug] = true
		out[i] = slug
	}
	return out
}

// selectPages picks a packet's documents: the listed slugs in their
// order; else every document meeting all given conditions, oldest first
// unless order = "newest"; the default packet takes the newest N.
func (s *Site) selectPages(c config.Packet) ([]*content.Page, error) {
	if len(c.Slugs) > 0 {
		var out []*content.Page
		var missing []string
		for _, slug := range c.Slugs {
			p := s.Page(strings.TrimSpace(slug))
			if p == nil {
				missing = append(missing, strconv.Quote(slug))
				continue
			}
			out = append(out, p)
		}
		if len(missing) > 0 {
			return nil, fmt.Errorf("%s: no document has the slug %s (a draft is not published; see the slug: line of each content/*.md)", c.Where(), strings.Join(missing, ", "))
		}
		return out, nil
	}
	var out []*content.Page
	for _, p := range s.Pages { // newest first; undated last
		if c.Default && len(out) == s.Config.PacketSettings.NewestCount() {
			break
		}
		if matchesPacket(c, p) {
			out = append(out, p)
		}
	}
	if c.Order != config.OrderNewest {
		// Oldest first; undated documents stay last.
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i].Date, out[j].Date
			if a.IsZero() != b.IsZero() {
				return b.IsZero()
			}
			return a.Before(b)
		})
	}
	return out, nil
}

// matchesPacket says whether p meets every condition the packet gives.
func matchesPacket(c config.Packet, p *content.Page) bool {
	if c.Tag != "" && !hasTag(p, c.Tag) {
		return false
	}
	if c.Series != "" && strings.TrimSpace(p.Meta.Series) != strings.TrimSpace(c.Series) {
		return false
	}
	if !c.From.IsZero() && (p.Date.IsZero() || p.Date.Before(c.From.Time)) {
		return false
	}
	// To is a whole day: a document dated that day is in.
	if !c.To.IsZero() && (p.Date.IsZero() || !p.Date.Before(c.To.AddDate(0, 0, 1))) {
		return false
	}
	return true
}

func hasTag(p *content.Page, tag string) bool {
	for _, t := range p.Meta.Tags {
		if strings.TrimSpace(t) == strings.TrimSpace(tag) {
			return true
		}
	}
	return false
}

// packetTerms lists the terms the pages use, in pinyin order, each with
// its first occurrence in print order.
func (s *Site) packetTerms(pages []*content.Page) []PacketTerm {
	order := make(map[*content.Page]int, len(pages))
	for i, p := range pages {
		order[p] = i
	}
	var out []PacketTerm
	for _, t := range s.Terms { // pinyin order
		var first *Occurrence
		for i := range t.Occurrences {
			o := &t.Occurrences[i]
			k, in := order[o.Page]
			if !in {
				continue
			}
			if first == nil || k < order[first.Page] ||
				(o.Page == first.Page && (o.Paragraph < first.Paragraph || o.Paragraph == first.Paragraph && o.Start < first.Start)) {
				first = o
			}
		}
		if first != nil {
			out = append(out, PacketTerm{Term: t, First: *first})
		}
	}
	return out
}

// PacketsOf lists the packets that hold p, in configuration order.
func (s *Site) PacketsOf(p *content.Page) []*Packet {
	var out []*Packet
	for _, pk := range s.Packets {
		for _, q := range pk.Pages {
			if q == p {
				out = append(out, pk)
				break
			}
		}
	}
	return out
}
