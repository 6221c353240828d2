package search

import (
	"context"
	"fmt"
	"hash/fnv"
	"math/rand"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/frontmatter"
)

// TestSplitPostings: a long list splits into a first part of at most
// PartBudget bytes holding exactly the documents that rank first (class,
// then newest), a best-left-out that bounds every document left out, and
// rest files each within its range of documents, which together give the
// list back unchanged.
func TestSplitPostings(t *testing.T) {
	for _, c := range []struct {
		docs, perDoc int
		positional   bool
	}{{40, 2, false}, {3000, 3, false}, {3000, 2, true}, {20000, 1, false}} {
		rng := rand.New(rand.NewSource(int64(c.docs)))
		pw := &postingsWriter{Postings: Postings{positional: c.positional}}
		for d := 0; d < c.docs; d++ {
			if rng.Intn(3) == 0 {
				continue
			}
			head := 1 + rng.Intn(3)
			local := 0
			if rng.Intn(20) != 0 {
				local = 1 + rng.Intn(5) // not the title, mostly
			}
			for k := 0; k < 1+rng.Intn(c.perDoc); k++ {
				for p := 0; p < 1+rng.Intn(3); p++ {
					pw.hit(d, head, local, p*7+rng.Intn(5))
				}
				local += 1 + rng.Intn(4)
			}
		}
		w := pw.done()
		name := fmt.Sprintf("%d docs", c.docs)
		sp := splitPostings(map[bool]string{true: "长三角一", false: "长三"}[c.positional], w, c.docs)
		whole := decode(w.Entries, w.Positions, c.positional)
		got := decode(sp.first.Entries, sp.first.Positions, c.positional)
		if len(sp.chunks) == 0 {
			if !reflect.DeepEqual(got, whole) {
				t.Errorf("%s: an unsplit list changed", name)
			}
			if len(w.Entries)+len(w.Positions) > PartBudget*3/2 {
				t.Errorf("%s: a list of %d bytes is not split", name, len(w.Entries)+len(w.Positions))
			}
			continue
		}
		if n := len(sp.first.Entries) + len(sp.first.Positions); n > PartBudget {
			t.Errorf("%s: first part of %d bytes", name, n)
		}
		key := func(g group) [2]int { return [2]int{g.class, g.doc} }
		less := func(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] < b[1] }
		best := [2]int{sp.bestClass, sp.bestDoc}
		firstDocs := map[int]bool{}
		for _, g := range groups(sp.first.Entries, sp.first.Positions, c.positional) {
			firstDocs[g.doc] = true
			if !less(best, key(g)) {
				t.Errorf("%s: document %d (class %d) is in the first part, yet the best left out is %v", name, g.doc, g.class, best)
			}
		}
		bestFound := false
		for k, chunk := range sp.chunks {
			entries, positions := sp.rest(k)
			for _, g := range groups(entries, positions, c.positional) {
				if g.doc>>sp.chunkLog != chunk {
					t.Errorf("%s: document %d in rest file %d of %d documents each", name, g.doc, chunk, 1<<sp.chunkLog)
				}
				if firstDocs[g.doc] {
					t.Errorf("%s: document %d in the first part and a rest file", name, g.doc)
				}
				if less(best, key(g)) {
					t.Errorf("%s: document %d left out ranks %v, above the best left out %v", name, g.doc, key(g), best)
				}
				bestFound = bestFound || key(g) == best
			}
			got = append(got, decode(entries, positions, c.positional)...)
		}
		if !bestFound {
			t.Errorf("%s: the best left out %v is no document left out", name, best)
		}
		slices.SortStableFunc(got, func(a, b Posting) int { return a.Doc - b.Doc })
		if !reflect.DeepEqual(got, whole) {
			t.Errorf("%s: the parts do not give the list back", name)
		}
	}
}

// TestIncrementalLayout: editing one document's paragraph, or adding a
// newest document, changes only that document's own files (m/, t/, b/),
// the shards and rest files of its tokens, the manifest and (a new
// heading being a suggestion) the suggestion list. The edited
// and added documents are outside the dictionary's sample (made small
// here), so the dictionary and every other text file stay as they are.
func TestIncrementalLayout(t *testing.T) {
	defer func(n int) { dictSample = n }(dictSample)
	dictSample = 20000
	words := strings.Split("长三角 一体化 发展 人民 城市 上海 创新 科技 中心 改革 开放 高质量 推进 建设 12月1日 29日下午 G60 5G", " ")
	rng := rand.New(rand.NewSource(7))
	sentence := func() string {
		var b strings.Builder
		for k := 0; k < 8+rng.Intn(20); k++ {
			b.WriteString(words[rng.Intn(len(words))])
		}
		return b.String() + "。"
	}
	page := func(slug string, day int) *content.Page {
		p := &content.Page{File: "content/" + slug + ".md", Meta: frontmatter.FrontMatter{Title: sentence(), Slug: slug},
			Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day)}
		p.Headings = []content.Heading{{Level: 2, ID: "s1", Text: "一、" + sentence()}}
		for k := 1; k <= 5+rng.Intn(30); k++ {
			p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: k, ID: fmt.Sprintf("p%d", k), Text: sentence() + sentence(), Section: "s1"})
		}
		return p
	}
	var pages []*content.Page // newest first, as the site orders them
	for i := 600; i > 0; i-- {
		pages = append(pages, page(fmt.Sprintf("doc-%d", i), i))
	}
	build := func(pages []*content.Page) (*Index, map[string]string) {
		ix, err := BuildIndex(context.Background(), pages)
		if err != nil {
			t.Fatal(err)
		}
		files, _, err := ix.Files(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, f := range files {
			out[strings.TrimSuffix(strings.TrimPrefix(f.Path, Dir), ".js")] = string(f.Data)
		}
		return ix, out
	}
	hash := func(slug string) uint64 { h := fnv.New64a(); h.Write([]byte(slug)); return h.Sum64() }
	ix0, before := build(pages)
	if len(before["d"]) == 0 {
		t.Fatal("no dictionary: the test site is too small")
	}
	// own lists the files that may change when document d changes.
	own := func(ix *Index, d int) map[string]bool {
		ok := map[string]bool{"manifest": true, "vocab": true, fmt.Sprintf("m/%d", d/DocsPerMeta): true, fmt.Sprintf("b/%d", d/DocsPerBlock): true}
		shards := 1
		for ; before[fmt.Sprintf("s/%d", shards)] != ""; shards++ {
		}
		for _, x := range []*Index{ix0, ix} {
			if d >= len(x.Docs) {
				continue
			}
			for k := 0; k*EntriesPerText < x.Docs[d].Entries; k++ {
				ok[fmt.Sprintf("t/%d-%d", d, k)] = true
			}
			for tok := range postRun(context.Background(), x.Docs, x.Entries, d, d+1).writers {
				ok[fmt.Sprintf("s/%d", ShardOf(tok, shards))] = true
				ok["r/"+tokenHash(tok)] = true
			}
		}
		return ok
	}
	check := func(what string, ix *Index, d int, after map[string]string) {
		ok := own(ix, d)
		changed := 0
		for name, data := range after {
			if before[name] == data {
				continue
			}
			changed++
			base := name
			if strings.HasPrefix(name, "r/") {
				base = name[:strings.LastIndex(name, "-")]
			}
			if !ok[base] {
				t.Errorf("%s: %s changed", what, name)
			}
		}
		for name := range before {
			if _, kept := after[name]; !kept && !ok[name] && !strings.HasPrefix(name, "r/") {
				t.Errorf("%s: %s is gone", what, name)
			}
		}
		t.Logf("%s: %d of %d files changed", what, changed, len(before))
	}
	// 1. edit a paragraph of the document the dictionary samples last
	edited := 0
	for i, p := range pages {
		if hash(p.Meta.Slug) > hash(pages[edited].Meta.Slug) {
			edited = i
		}
	}
	old := pages[edited].Paragraphs[2].Text
	pages[edited].Paragraphs[2].Text = "编者按：" + old
	ix1, after := build(pages)
	check("edit", ix1, len(pages)-1-edited, after)
	pages[edited].Paragraphs[2].Text = old
	// 2. a new newest document, outside the sample
	slug := "new"
	for k := 0; hash(slug) < hash(pages[edited].Meta.Slug)-hash(pages[edited].Meta.Slug)/50; k++ {
		slug = fmt.Sprintf("new-%d", k)
	}
	ix2, after := build(append([]*content.Page{page(slug, 1000)}, pages...))
	check("new document", ix2, len(pages), after)
}

// TestSplitThresholds: a list of up to PartBudget×3/2 bytes stays whole
// in its shard (no rest file to load), one byte more is split; and a
// document whose entries alone exceed PartBudget, ranking first, still
// makes the first part, so the first results need no rest file.
func TestSplitThresholds(t *testing.T) {
	// simple documents: one paragraph (entry 1) once, two bytes each
	list := func(docs int, extra func(w *postingsWriter)) *Postings {
		w := &postingsWriter{}
		for d := range docs {
			w.hit(d, 1, 1, 0)
		}
		if extra != nil {
			extra(w)
		}
		return w.done()
	}
	wide := func(w *postingsWriter) { w.hit(5000, 1, 64, 0) } // entry 64: a two-byte number, three bytes in all
	for _, c := range []struct {
		name  string
		p     *Postings
		split bool
	}{
		{"PartBudget×3/2 bytes", list(PartBudget*3/4, nil), false},
		{"one byte less", list(PartBudget*3/4-2, wide), false},
		{"one byte more", list(PartBudget*3/4-1, wide), true},
	} {
		size := len(c.p.Entries) + len(c.p.Positions)
		sp := splitPostings("的", c.p, 6000)
		if got := len(sp.chunks) > 0; got != c.split {
			t.Errorf("%s (%d bytes): split %v, want %v", c.name, size, got, c.split)
		}
	}
	// the newest document holds the token in its title, 2,000 times, and
	// in 3,999 paragraphs
	w := &postingsWriter{}
	for d := range 3000 {
		w.hit(d, 1, 1, 0)
	}
	for range 2000 {
		w.hit(3000, 1, 0, 0)
	}
	for local := 1; local < 4000; local++ { // more than PartBudget bytes
		w.hit(3000, 1, local, 0)
	}
	sp := splitPostings("的", w.done(), 3001)
	first := decode(sp.first.Entries, sp.first.Positions, false)
	if len(sp.chunks) == 0 || len(first) != 4000 || first[0].Doc != 3000 {
		t.Errorf("a list led by one document of 4,000 entries: first part of %d entries, rest files %v; want that document alone", len(first), sp.chunks)
	}
}
