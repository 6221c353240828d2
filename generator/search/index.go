// Package search builds the site's full-text search index: Chinese by
// overlapping character n-grams of one to four characters, words by prefix,
// titles and headings also by pinyin. The index is written as small JS
// files (a manifest, token shards, document metadata and text chunks)
// that search.js loads with <script> tags, so search works from file://.
//
// Every title, heading, list of terms and paragraph is one "entry"; hits
// are entries, so a result links to the paragraph it was found in.
package search

import (
	"context"
	"fmt"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"github.com/mozillazg/go-pinyin"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/internal/parallel"
)

// Entry kinds, in the order a document's entries come.
const (
	KindTitle = iota
	KindHeading
	KindTerms
	KindParagraph
)

// Entry is one searchable unit of a document.
type Entry struct {
	Doc    int
	Kind   int
	Anchor string // fragment to link to: "", s1, p12
	Path   string // heading path shown above the snippet
	Text   string // display text (white space collapsed)
}

// Doc is one document of the index; its entries are
// Entries[FirstEntry:FirstEntry+Entries], numbered 0… within it.
type Doc struct {
	Title, Slug, Date, Series string
	Year                      int
	Tags                      []string
	FirstEntry, Entries, Head int // Head: title, headings and terms entries
}

// Index is the whole index in memory.
type Index struct {
	Docs      []Doc   // oldest first
	Entries   []Entry // document by document
	Postings  map[string]*Postings
	Syllables []string // pinyin syllables that occur, for query splitting
	// Vocab is what "no results" suggests from: glossary terms (front
	// matter terms) and headings, without their Chinese numbers.
	Vocab []string
}

// MaxVocab bounds the suggestion vocabulary kept in the manifest.
const MaxVocab = 2000

// EntryStride bounds a document's entries: search.js names an entry by
// document × EntryStride + its number within the document.
const EntryStride = 1 << 20

// NewIndex indexes pages given in the site's reading order (newest first).
func NewIndex(pages []*content.Page) *Index {
	ix, _ := BuildIndex(context.Background(), pages) // no cancellation; the only error is a document too long
	return ix
}

// BuildIndex indexes pages given in the site's reading order (newest
// first). Documents are numbered oldest first, so a new newest document
// is appended and every other document keeps its number, and entries are
// numbered within their document. It stops when ctx is cancelled.
func BuildIndex(ctx context.Context, pages []*content.Page) (*Index, error) {
	docs, entries, err := collect(pages)
	if err != nil {
		return nil, err
	}
	postings, syl, err := post(ctx, docs, entries, runtime.GOMAXPROCS(0))
	if err != nil {
		return nil, err
	}
	return &Index{Docs: docs, Entries: entries, Postings: postings, Vocab: vocabulary(pages), Syllables: sortedKeys(syl)}, nil
}

// collect gives the documents and their entries, oldest document first.
func collect(pages []*content.Page) ([]Doc, []Entry, error) {
	return collectWith(pages, func(p *content.Page) (Doc, []Entry, error) { return collectPage(p) })
}

// collectWith is collect with each page's document and entries given by
// page (FirstEntry and the entries' Doc are set here). Pages are read in
// parallel (page must be safe to call so); the first error in document
// order wins.
func collectWith(pages []*content.Page, page func(*content.Page) (Doc, []Entry, error)) ([]Doc, []Entry, error) {
	docs := make([]Doc, len(pages))
	each := make([][]Entry, len(pages))
	err := parallel.ForEach(context.Background(), len(pages), func(d int) error {
		var err error
		docs[d], each[d], err = page(pages[len(pages)-1-d])
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	n := 0
	for _, es := range each {
		n += len(es)
	}
	entries := make([]Entry, 0, n)
	for d, es := range each {
		docs[d].FirstEntry = len(entries)
		for _, e := range es {
			e.Doc = d
			entries = append(entries, e)
		}
	}
	return docs, entries, nil
}

// collectPage gives the document of a page and its entries.
func collectPage(p *content.Page) (Doc, []Entry, error) {
	doc := Doc{Title: p.Meta.Title, Slug: p.Slug(), Series: p.Meta.Series, Tags: p.Meta.Tags}
	if !p.Date.IsZero() {
		doc.Date = p.Date.Format("2006-01-02")
		doc.Year = p.Date.Year()
	}
	var entries []Entry
	add := func(kind int, anchor, path, text string) {
		entries = append(entries, Entry{Kind: kind, Anchor: anchor, Path: path, Text: Display(text)})
	}
	add(KindTitle, "", "", p.Meta.Title)
	paths := headingPaths(p.Headings)
	for _, h := range p.Headings {
		parent := ""
		if k := strings.LastIndex(paths[h.ID], " › "); k >= 0 {
			parent = paths[h.ID][:k]
		}
		add(KindHeading, h.ID, parent, h.Text)
	}
	if len(p.Meta.Terms) > 0 {
		add(KindTerms, "", "", strings.Join(p.Meta.Terms, "、"))
	}
	doc.Head = len(entries)
	for _, para := range p.Paragraphs {
		add(KindParagraph, para.ID, paths[para.Section], para.Text)
	}
	doc.Entries = len(entries)
	if doc.Entries >= EntryStride {
		return Doc{}, nil, fmt.Errorf("%s: %d paragraphs and headings, more than search can number (%d)", p.File, doc.Entries, EntryStride-1)
	}
	return doc, entries, nil
}

// sortedKeys gives the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// post tokenises and posts contiguous runs of documents in parallel (most
// of the work), then joins each token's runs in document order, so the
// bytes are the same whatever the number of workers. It also gives the
// pinyin syllables seen, each with the number of documents it is seen in.
func post(ctx context.Context, docs []Doc, entries []Entry, workers int) (map[string]*Postings, map[string]int, error) {
	n := max(1, min(workers, len(docs)))
	chunks := make([]postingChunk, n)
	err := parallel.ForEach(ctx, n, func(c int) error {
		chunks[c] = postRun(ctx, docs, entries, c*len(docs)/n, (c+1)*len(docs)/n)
		return ctx.Err()
	})
	if err != nil {
		return nil, nil, err
	}
	postings, syl := map[string]*Postings{}, map[string]int{}
	for _, c := range chunks {
		for tok, cw := range c.writers {
			if w := postings[tok]; w != nil {
				w.join(cw)
				// cw lives in an array of its run's tokens, which
				// tokens not seen before keep: let its bytes go
				cw.Entries, cw.Positions = nil, nil
			} else {
				postings[tok] = cw
			}
		}
		for s, n := range c.syllables {
			syl[s] += n
		}
	}
	return postings, syl, nil
}

// postingChunk holds the postings of one contiguous run of documents.
type postingChunk struct {
	writers   map[string]*Postings
	syllables map[string]int // documents each syllable is seen in
}

// postRun posts documents from to to (stopping early when ctx is done).
func postRun(ctx context.Context, docs []Doc, entries []Entry, from, to int) postingChunk {
	return postWith(ctx, newPoster(), docs, entries, from, to)
}

// postWith is postRun with the poster given.
func postWith(ctx context.Context, ps *poster, docs []Doc, entries []Entry, from, to int) postingChunk {
	for d := from; d < to && ctx.Err() == nil; d++ {
		doc := docs[d]
		for local := range doc.Entries {
			e := entries[doc.FirstEntry+local]
			ps.entry(local, e.Text, e.Kind != KindParagraph)
		}
		ps.endDocument(d, doc.Head)
	}
	return ps.chunk()
}

// pinyinTokens gives "~syllable" and "^initial" at the position of each
// Han character, for every reading go-pinyin knows (heteronyms included),
// so both 长 cháng and zhǎng are found.
func pinyinTokens(text string, args pinyin.Args, seen map[string]bool) []Token {
	var out []Token
	for i, r := range Normalize(text) {
		if !IsHan(r) {
			continue
		}
		done := map[string]bool{}
		for _, py := range pinyin.SinglePinyin(r, args) {
			if py == "" || done[py] {
				continue
			}
			done[py] = true
			seen[py] = true
			out = append(out, Token{"~" + py, i})
			if !done["^"+py[:1]] {
				done["^"+py[:1]] = true
				out = append(out, Token{"^" + py[:1], i})
			}
		}
	}
	return out
}

// headingPaths maps each heading ID to its path of heading texts.
func headingPaths(hs []content.Heading) map[string]string {
	paths := map[string]string{}
	type open struct {
		level int
		path  string
	}
	var stack []open
	for _, h := range hs {
		for len(stack) > 0 && stack[len(stack)-1].level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		p := h.Text
		if len(stack) > 0 {
			p = stack[len(stack)-1].path + " › " + h.Text
		}
		paths[h.ID] = p
		stack = append(stack, open{h.Level, p})
	}
	return paths
}

var headingNumber = regexp.MustCompile(`^[（(]?[一二三四五六七八九十百0-9]+[、.．)）]\s*`)

func vocabulary(pages []*content.Page) []string {
	seen := map[string]bool{}
	var terms, heads []string
	for _, p := range pages {
		for _, t := range p.Meta.Terms {
			if t = Display(t); t != "" && !seen[t] {
				seen[t] = true
				terms = append(terms, t)
			}
		}
	}
	for _, p := range pages {
		for _, h := range p.Headings {
			if t := Display(headingNumber.ReplaceAllString(h.Text, "")); t != "" && !seen[t] {
				seen[t] = true
				heads = append(heads, t)
			}
		}
	}
	sort.Strings(terms)
	sort.Strings(heads)
	v := append(terms, heads...)
	if len(v) > MaxVocab {
		v = v[:MaxVocab]
	}
	if v == nil {
		v = []string{}
	}
	return v
}
