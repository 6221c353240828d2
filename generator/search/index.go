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
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"

	"github.com/studysite/studysite/generator/content"
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

// Doc is one document of the index.
type Doc struct {
	Title, Slug, Date, Series string
	Year                      int
	Tags                      []string
	FirstEntry, Entries, Head int // Head: title, headings and terms entries
}

// Index is the whole index in memory.
type Index struct {
	Docs      []Doc
	Entries   []Entry
	Postings  map[string]*Postings
	Syllables []string // pinyin syllables that occur, for query splitting
	// Vocab is what "no results" suggests from: glossary terms (front
	// matter terms) and headings, without their Chinese numbers.
	Vocab []string
}

// MaxVocab bounds the suggestion vocabulary kept in the manifest.
const MaxVocab = 2000

// NewIndex indexes pages in the order given (the site's reading order,
// newest first, which is also the ranking's recency order).
func NewIndex(pages []*content.Page) *Index {
	ix := &Index{Postings: map[string]*Postings{}}
	// 1. Collect the entries in reading order.
	for d, p := range pages {
		doc := Doc{Title: p.Meta.Title, Slug: p.Slug(), Series: p.Meta.Series, Tags: p.Meta.Tags, FirstEntry: len(ix.Entries)}
		if !p.Date.IsZero() {
			doc.Date = p.Date.Format("2006-01-02")
			doc.Year = p.Date.Year()
		}
		add := func(kind int, anchor, path, text string) {
			ix.Entries = append(ix.Entries, Entry{Doc: d, Kind: kind, Anchor: anchor, Path: path, Text: Display(text)})
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
		doc.Head = len(ix.Entries) - doc.FirstEntry
		for _, para := range p.Paragraphs {
			add(KindParagraph, para.ID, paths[para.Section], para.Text)
		}
		doc.Entries = len(ix.Entries) - doc.FirstEntry
		ix.Docs = append(ix.Docs, doc)
	}
	// 2. Tokenise and post the entries.
	postings, syl := post(ix.Entries, runtime.GOMAXPROCS(0))
	ix.Postings = postings
	ix.Vocab = vocabulary(pages)
	for s := range syl {
		ix.Syllables = append(ix.Syllables, s)
	}
	sort.Strings(ix.Syllables)
	return ix
}

// post tokenises and posts contiguous runs of entries in parallel (most
// of the work), then joins each token's runs in entry order, so the bytes
// are the same whatever the number of workers. It also gives the pinyin
// syllables seen.
func post(entries []Entry, workers int) (map[string]*Postings, map[string]bool) {
	postings, syl := map[string]*Postings{}, map[string]bool{}
	for _, c := range postChunks(entries, workers) {
		for tok, cw := range c.writers {
			if w := postings[tok]; w != nil {
				w.join(cw)
			} else {
				postings[tok] = cw
			}
		}
		for s := range c.syllables {
			syl[s] = true
		}
	}
	return postings, syl
}

// postingChunk holds the postings of one contiguous run of entries.
type postingChunk struct {
	writers   map[string]*Postings
	syllables map[string]bool
}

// postChunks splits entries into n runs and posts each in its own goroutine.
func postChunks(entries []Entry, n int) []postingChunk {
	n = max(1, min(n, len(entries)))
	chunks := make([]postingChunk, n)
	var wg sync.WaitGroup
	for c := range chunks {
		from, to := c*len(entries)/n, (c+1)*len(entries)/n
		wg.Add(1)
		go func() {
			defer wg.Done()
			args := pinyin.NewArgs()
			args.Heteronym = true
			ch := postingChunk{writers: map[string]*Postings{}, syllables: map[string]bool{}}
			for id := from; id < to; id++ {
				e := entries[id]
				toks := Tokens(e.Text)
				if e.Kind != KindParagraph {
					toks = append(toks, pinyinTokens(e.Text, args, ch.syllables)...)
				}
				indexEntry(ch.writers, id, toks)
			}
			for _, w := range ch.writers {
				w.flush()
				w.pos = nil
			}
			chunks[c] = ch
		}()
	}
	wg.Wait()
	return chunks
}

// indexEntry adds an entry's tokens to the writers. Tokens of one text
// come in position order, so each writer collects the entry's positions
// and writes them when a later entry reaches it (or the run ends).
func indexEntry(writers map[string]*Postings, id int, toks []Token) {
	for _, t := range toks {
		w := writers[t.Text]
		if w == nil {
			w = &Postings{positional: Positional(t.Text)}
			// a token is a slice of its entry's text: keep only its bytes
			writers[strings.Clone(t.Text)] = w
		}
		w.hit(id, t.Pos)
	}
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
