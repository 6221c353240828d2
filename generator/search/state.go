package search

import (
	"context"
	"encoding/binary"
	"runtime"
	"sync"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
)

// State is the search index kept from one build to the next (studysite
// serve), so that an edit redoes only what it touches. Its Build gives
// the files search.Build would, byte for byte.
//
// What it keeps, and what that depends on:
//   - each page's entries (white space collapsed), by the page's address;
//   - the documents' entries and every token's postings. A document whose
//     number (oldest first), head count and entries' kinds and texts are
//     unchanged keeps its postings; an edited, added or removed one is
//     tokenised again, alone, and its group spliced into the postings of
//     the tokens it holds (or held). When many documents change (a new
//     document dated among the old ones renumbers all newer ones) it
//     tokenises everything, as Build does;
//   - the layout (see layout): the shards, rest files and text files,
//     laid out again only for tokens whose postings changed and documents
//     whose texts changed;
//   - each file's raw bytes and its encoded output: a file whose raw
//     bytes are equal (and the dictionary, for a text file) is not
//     deflated again;
//   - the text dictionary, chosen again only when its sample (see
//     dictSampleOf) holds other documents or texts.
//
// A failed or cancelled Build leaves the State empty: the next one starts
// over.
type State struct {
	pages     map[*content.Page]pageEntries
	docs      []Doc
	entries   []Entry
	postings  map[string]*Postings
	syllables map[string]int // documents each syllable is seen in
	sample    []int          // the dictionary's sample, documents of docs
	dict      []byte
	layout    layout
	enc       encodings
	// Tokenised is how many documents the last Build tokenised.
	Tokenised int
}

// pageEntries is what collectPage gave for a page. It is kept by the
// page's address: a Page is not changed once parsed (site.Incremental
// gives a new one for a changed file, as render.Cache relies on too).
type pageEntries struct {
	doc     Doc
	entries []Entry
}

// NewState gives an empty State: its first Build builds everything.
func NewState() *State {
	return &State{}
}

// Build indexes a linked site as search.Build does, redoing only what
// changed since the State's last Build.
func (s *State) Build(ctx context.Context, site *link.Site) (files []output.File, st Stats, err error) {
	defer func() {
		if err != nil {
			*s = State{}
		}
	}()
	collected := make(map[*content.Page]pageEntries, len(site.Pages))
	var mu sync.Mutex // collectWith reads pages in parallel
	docs, entries, err := collectWith(site.Pages, func(p *content.Page) (Doc, []Entry, error) {
		c, ok := s.pages[p]
		if !ok {
			var err error
			if c.doc, c.entries, err = collectPage(p); err != nil {
				return Doc{}, nil, err
			}
		}
		mu.Lock()
		collected[p] = c
		mu.Unlock()
		return c.doc, c.entries, nil
	})
	s.pages = collected
	if err != nil {
		return nil, Stats{}, err
	}
	changed, textSame := s.diff(docs, entries)
	var dirty map[string]bool
	if s.postings == nil || len(changed) > max(16, len(docs)/8) {
		if s.postings, s.syllables, err = post(ctx, docs, entries, runtime.GOMAXPROCS(0)); err != nil {
			return nil, Stats{}, err
		}
		s.Tokenised, textSame = len(docs), nil
	} else {
		dirty = s.splice(ctx, changed, docs, entries)
		s.Tokenised = len(changed)
		if err := ctx.Err(); err != nil {
			return nil, Stats{}, err
		}
	}
	ix := &Index{Docs: docs, Entries: entries, Postings: s.postings, Syllables: sortedKeys(s.syllables)}
	ix.Vocab = mergeVocab(glossary(site), vocabulary(site.Pages))
	sample := dictSampleOf(docs, entries)
	oldDocs, oldEntries, oldSample, oldDict := s.docs, s.entries, s.sample, s.dict
	dict := func() []byte {
		if oldSample != nil && sameSample(oldDocs, oldEntries, oldSample, docs, entries, sample) {
			return oldDict
		}
		return dictionaryOf(docs, entries, sample)
	}
	files, st, err = ix.files(ctx, &s.layout, dirty, textSame, dict, &s.enc)
	if err != nil {
		return nil, Stats{}, err
	}
	s.docs, s.entries, s.sample, s.dict = docs, entries, sample, s.enc.dict
	return files, st, nil
}

// glossary gives the glossary's terms and aliases, which lead the
// suggestions offered when a query finds nothing.
func glossary(site *link.Site) []string {
	var out []string
	for _, t := range site.Terms {
		out = append(out, t.Name)
		out = append(out, t.Aliases...)
	}
	return out
}

// diff gives the documents (by number) whose postings may differ from
// the last build's: added, removed, or with other entries; and for each
// document whether its text files are the last build's.
func (s *State) diff(docs []Doc, entries []Entry) (changed []int, textSame []bool) {
	textSame = make([]bool, len(docs))
	for d := range max(len(docs), len(s.docs)) {
		if d >= len(docs) || d >= len(s.docs) {
			changed = append(changed, d)
			continue
		}
		tokens, text := sameDoc(s.docs[d], s.entries, docs[d], entries)
		if !tokens {
			changed = append(changed, d)
		}
		textSame[d] = text
	}
	return changed, textSame
}

// sameDoc compares a document of the last build with one of this build
// of the same number: tokens says its postings are the same (its head
// count and entries' kinds and texts are), text that its text files are
// (its entries' anchors, paths and texts are).
func sameDoc(a Doc, ae []Entry, b Doc, be []Entry) (tokens, text bool) {
	if a.Entries != b.Entries {
		return false, false
	}
	tokens, text = a.Head == b.Head, true
	for i := range a.Entries {
		x, y := ae[a.FirstEntry+i], be[b.FirstEntry+i]
		if x.Text != y.Text {
			return false, false
		}
		tokens = tokens && x.Kind == y.Kind
		text = text && x.Anchor == y.Anchor && x.Path == y.Path
	}
	return tokens, text
}

// sameSample says whether two dictionary samples read the same texts in
// the same order (and so give the same dictionary).
func sameSample(aDocs []Doc, aEntries []Entry, a []int, bDocs []Doc, bEntries []Entry, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := aDocs[a[i]], bDocs[b[i]]
		if x.Entries != y.Entries {
			return false
		}
		for k := range x.Entries {
			if aEntries[x.FirstEntry+k].Text != bEntries[y.FirstEntry+k].Text {
				return false
			}
		}
	}
	return true
}

// splice tokenises the changed documents (as they were and as they are)
// and puts their new groups in the postings of the tokens they hold or
// held, in document order. It gives the tokens whose postings changed.
func (s *State) splice(ctx context.Context, changed []int, docs []Doc, entries []Entry) map[string]bool {
	olds, fresh := map[int]postingChunk{}, map[int]postingChunk{}
	touched := map[string]bool{}
	for _, d := range changed {
		if d < len(s.docs) {
			old := postRun(ctx, s.docs, s.entries, d, d+1)
			olds[d] = old
			for t := range old.writers {
				touched[t] = true
			}
			for y := range old.syllables {
				if s.syllables[y]--; s.syllables[y] == 0 {
					delete(s.syllables, y)
				}
			}
		}
		if d < len(docs) {
			now := postRun(ctx, docs, entries, d, d+1)
			fresh[d] = now
			for t := range now.writers {
				touched[t] = true
			}
			for y := range now.syllables {
				s.syllables[y]++
			}
		}
	}
	// Most of an edited document's tokens have the same group as before
	// (the same entries, counts and positions): their postings stay.
	for t := range touched {
		same := true
		for _, d := range changed {
			a, b := olds[d].writers[t], fresh[d].writers[t]
			if (a == nil) != (b == nil) || a != nil && (string(a.Entries) != string(b.Entries) || string(a.Positions) != string(b.Positions)) {
				same = false
				break
			}
		}
		if same {
			delete(touched, t)
		}
	}
	isChanged := make(map[int]bool, len(changed))
	for _, d := range changed {
		isChanged[d] = true
	}
	dirty := map[string]bool{}
	for t := range touched {
		positional := Positional(t)
		was := s.postings[t]
		var olds []group
		if was != nil {
			olds = groups(was.Entries, was.Positions, positional)
		}
		now := &Postings{}
		add := func(g group, from *Postings) {
			now.Entries = binary.AppendUvarint(now.Entries, uint64(g.doc-now.last)*2+uint64(g.flag))
			now.Entries = append(now.Entries, from.Entries[g.e0:g.e1]...)
			now.Positions = append(now.Positions, from.Positions[g.p0:g.p1]...)
			now.last = g.doc
			now.Docs++
			now.Hits += g.len
		}
		i := 0
		for _, d := range changed {
			w := fresh[d].writers[t]
			if w == nil {
				continue
			}
			for ; i < len(olds) && olds[i].doc < d; i++ {
				if !isChanged[olds[i].doc] {
					add(olds[i], was)
				}
			}
			add(groups(w.Entries, w.Positions, positional)[0], w)
		}
		for ; i < len(olds); i++ {
			if !isChanged[olds[i].doc] {
				add(olds[i], was)
			}
		}
		switch {
		case now.Docs == 0:
			delete(s.postings, t)
			dirty[t] = true
		case was == nil || string(was.Entries) != string(now.Entries) || string(was.Positions) != string(now.Positions):
			s.postings[t] = now
			dirty[t] = true
		}
	}
	return dirty
}
