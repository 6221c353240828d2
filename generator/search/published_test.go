package search

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mozillazg/go-pinyin"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/frontmatter"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/internal/corpus"
)

// reportDoc is a work report as the importer writes it: numbered
// headings with sub-headings under them, dates, G60 and 5G mixed into
// the Chinese, a stage note, terms in its front matter.
const reportDoc = `---
title: 2023年长三角地区合作与发展工作报告
slug: chang-san-jiao-gong-zuo-bao-gao
date: "2023-12-01"
tags: [区域协调发展, 长三角]
series: 工作报告
terms: [长三角一体化, 五个中心]
---

## 一、过去一年工作回顾

2023年12月1日，长三角三省一市在上海召开座谈会，总结一体化发展成果。（掌声）

### （一）科技创新

长三角G60科创走廊集聚高新技术企业超过4万家，5G网络覆盖所有县城。

#### 1.科创走廊

G60科创走廊九城市协同推进科技创新，5G网络建设提速。

### （二）生态绿色

11月28日至29日下午，长三角生态绿色一体化发展示范区执委会召开第3次全体会议。

## 二、2024年工作安排

坚持“十四五”规划确定的目标，推动长三角在科技创新上率先突破。
`

// publishedLibrary is a site as the link stage gives it: documents
// shuffled from the seed transcript (dated, tagged, in series, with
// headings), the seed transcript itself and reportDoc, newest first; the
// glossary of the repository's studysite.toml, one term given aliases.
func publishedLibrary(t *testing.T, docs int) *link.Site {
	t.Helper()
	t.Setenv(corpus.EnvSite, "") // the shuffled seed, whatever make bench set
	c, err := corpus.Load(filepath.Join("..", ".."), docs)
	if err != nil {
		t.Fatal(err)
	}
	pages, err := c.Parse()
	if err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "content", "*.md"))
	for _, f := range seeds {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := content.Parse("content/"+filepath.Base(f), b)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	report, err := content.Parse("content/report.md", []byte(reportDoc))
	if err != nil {
		t.Fatal(err)
	}
	pages = append(pages, report)
	cfg := c.Config
	cfg.Glossary = append(slices.Clone(cfg.Glossary), config.GlossaryEntry{Term: "长三角地区", Aliases: []string{"长三角区域", "三省一市"}})
	site, err := link.Build(cfg, pages)
	if err != nil {
		t.Fatal(err)
	}
	return site
}

// truthPosting is where a token occurs in one entry, by the tokenisation
// specification (Tokens, and pinyinTokens for titles, headings and terms).
type truthPosting struct {
	doc, local, count int
	positions         []int
	weight            int // for ranking: title 100, heading or terms 20, paragraph 1
}

// It gives the pinyin syllables read too, sorted.
func specifiedPostings(ix *Index) (map[string][]truthPosting, []string) {
	args := pinyin.NewArgs()
	args.Heteronym = true
	out := map[string][]truthPosting{}
	seen := map[string]bool{}
	for d, doc := range ix.Docs {
		for local := range doc.Entries {
			e := ix.Entries[doc.FirstEntry+local]
			toks := Tokens(e.Text)
			if e.Kind != KindParagraph {
				toks = append(toks, pinyinTokens(e.Text, args, seen)...)
			}
			for _, tk := range toks {
				ps := out[tk.Text]
				if n := len(ps); n > 0 && ps[n-1].doc == d && ps[n-1].local == local {
					ps[n-1].count++
					ps[n-1].positions = append(ps[n-1].positions, tk.Pos)
					continue
				}
				weight := 1
				if local == 0 {
					weight = 100
				} else if local < doc.Head {
					weight = 20
				}
				out[tk.Text] = append(ps, truthPosting{d, local, 1, []int{tk.Pos}, weight})
			}
		}
	}
	return out, sortedKeys(seen)
}

// TestPublishedIndexReadsBack: the files a build publishes, read as
// search.js reads them, hold the site's index: each token in the shard
// its hash names, with every entry, count and (for the tokens that carry
// them) position the tokenisation specification gives, split between its
// first part and rest files as the ranking bound promises; each
// document's title, slug, date, year, series and tags; each entry's
// anchor, heading path and text; the suggestions; nothing else. Build and
// BuildTo publish the same bytes, and their Stats count what they wrote.
func TestPublishedIndexReadsBack(t *testing.T) {
	for _, c := range []struct {
		name  string
		site  func(t *testing.T) *link.Site
		rests bool // long lists split into rest files
		// headings suggested without their numbers
		headings []string
	}{
		{"transcripts", func(t *testing.T) *link.Site { return publishedLibrary(t, 24) }, false,
			[]string{"过去一年工作回顾", "科技创新", "科创走廊", "2024年工作安排", "深入推进长三角一体化发展座谈会精神"}},
		{"many short documents", func(t *testing.T) *link.Site {
			s := &stateSite{rng: rand.New(rand.NewPCG(3, 3))}
			for range 400 {
				s.pages = append(s.pages, s.page())
			}
			return &link.Site{Pages: s.pages, Terms: []*link.Term{{Name: "长三角", Aliases: []string{"长三角地区"}}}}
		}, true, nil},
		// two blocks of filter numbers (b/), each full
		{"a thousand notices", func(t *testing.T) *link.Site {
			var pages []*content.Page
			for i := range 2 * DocsPerBlock {
				p := &content.Page{File: fmt.Sprintf("content/n%d.md", i), Date: time.Date(2000+i%25, 1, 1, 0, 0, 0, 0, time.UTC),
					Meta: frontmatter.FrontMatter{Title: fmt.Sprintf("关于第%d次学习会的通知", i), Slug: fmt.Sprintf("n%d", i),
						Series: []string{"", "通知", "通报"}[i%3], Tags: [][]string{nil, {"学习"}, {"学习", "党建"}}[i%3]}}
				p.Paragraphs = []content.Paragraph{{N: 1, ID: "p1", Text: "各单位：请按时参加学习，深入学习贯彻习近平新时代中国特色社会主义思想。"}}
				pages = append([]*content.Page{p}, pages...)
			}
			return &link.Site{Pages: pages}
		}, false, nil},
		// mostly rare words (names), and a list of one document longer
		// than a first part
		{"commendation lists", func(t *testing.T) *link.Site { return commendationLists() }, false,
			[]string{"先进工作者", "先进集体", "全国优秀教师", "优秀共产党员"}},
	} {
		t.Run(c.name, func(t *testing.T) { checkPublished(t, c.site(t), c.rests, c.headings) })
	}
}

func checkPublished(t *testing.T, site *link.Site, wantRests bool, headings []string) {
	files, st, err := Build(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	// BuildTo hands files from several goroutines.
	var mu sync.Mutex
	var streamed []output.File
	stStreamed, err := BuildTo(context.Background(), site, func(fs []output.File) error {
		mu.Lock()
		defer mu.Unlock()
		streamed = append(streamed, fs...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if streamed[len(streamed)-1].Path != Dir+"manifest.js" {
		t.Errorf("BuildTo handed %s last, want the manifest", streamed[len(streamed)-1].Path)
	}
	byPath := map[string][]byte{}
	size := 0
	for _, f := range files {
		byPath[f.Path] = f.Data
		size += len(f.Data)
		if !f.Compact {
			t.Errorf("%s is not marked compact: the minifier would rewrite it", f.Path)
		}
	}
	for _, f := range streamed {
		if !bytes.Equal(byPath[f.Path], f.Data) {
			t.Errorf("BuildTo's %s differs from Build's", f.Path)
		}
	}
	if len(streamed) != len(files) {
		t.Errorf("BuildTo handed %d files, Build gives %d", len(streamed), len(files))
	}

	// what the files should hold: the documents and entries, and every
	// token by the tokenisation specification
	docs, entries, err := collect(site.Pages)
	if err != nil {
		t.Fatal(err)
	}
	ix := &Index{Docs: docs, Entries: entries}
	truth, syllables := specifiedPostings(ix)
	p := readPublished(t, files)
	m := p.manifest
	if m.V != FormatVersion || m.ND != len(ix.Docs) || m.S != EntryStride {
		t.Errorf("manifest: version %d, %d documents, stride %d; want %d, %d, %d", m.V, m.ND, m.S, FormatVersion, len(ix.Docs), EntryStride)
	}
	if !m.D {
		t.Error("no dictionary published")
	}
	if len(p.dict) > DictSize {
		t.Errorf("dictionary of %d bytes, more than DEFLATE's window allows for (%d)", len(p.dict), DictSize)
	}
	if got := strings.Fields(m.Syl); !slices.Equal(got, syllables) {
		t.Errorf("manifest syllables %q, the titles and headings read %q", got, syllables)
	}

	t.Run("documents", func(t *testing.T) { checkPublishedDocs(t, p, ix) })
	t.Run("texts", func(t *testing.T) { checkPublishedTexts(t, p, ix) })
	t.Run("suggestions", func(t *testing.T) { checkPublishedVocab(t, p, site, headings) })
	rests := 0
	t.Run("postings", func(t *testing.T) { rests = checkPublishedPostings(t, p, truth) })
	if wantRests && rests == 0 {
		t.Error("no token has rest files: the library is too small to test splitting")
	}
	if p.manifest.Shards < 2 {
		t.Errorf("%d shards: the library is too small to test sharding", p.manifest.Shards)
	}
	// The shards are as few as keep each within ShardTarget bytes (a
	// query's first load): a power of two, so half to all of it on
	// average. The number is chosen from an estimate of each token's
	// bytes (its table row's fields: eight bytes; a row of one short
	// list takes about six), within a twentieth of what is written.
	raw := 0
	for s := range p.manifest.Shards {
		raw += len(p.bytes(fmt.Sprintf("s/%d", s), nil))
	}
	if mean := raw / p.manifest.Shards; mean > ShardTarget*21/20 || mean <= ShardTarget/2*19/20 {
		t.Errorf("%d shards of %d bytes on average, want half to all of ShardTarget (%d) each", p.manifest.Shards, mean, ShardTarget)
	}
	t.Logf("%d shards of %d bytes on average", p.manifest.Shards, raw/p.manifest.Shards)
	if len(p.utf8) > 0 {
		t.Errorf("text files stored as UTF-8, not GB18030, though their text has none of the characters browsers read otherwise: %q", p.utf8[:min(5, len(p.utf8))])
	}
	if left := p.unread(); len(left) > 0 {
		slices.Sort(left)
		t.Errorf("published files no reader loads: %q", left[:min(5, len(left))])
	}
	want := Stats{Files: len(files), Shards: m.Shards, Rests: rests, Bytes: size, ManifestBytes: len(byPath[Dir+"manifest.js"]), Deflated: len(files)}
	for _, got := range []Stats{st, stStreamed} {
		got.Index, got.Lay, got.Encode = 0, 0, 0
		if got != want {
			t.Errorf("Stats %+v, the files give %+v", got, want)
		}
	}
}

// checkPublishedDocs: m/ gives each document's title, slug and date;
// b/ its year, series and tags by the manifest's lists, which hold each
// tag and series once, sorted.
func checkPublishedDocs(t *testing.T, p *published, ix *Index) {
	m := p.manifest
	var tags, series []string
	for _, d := range ix.Docs {
		tags = append(tags, d.Tags...)
		if d.Series != "" {
			series = append(series, d.Series)
		}
	}
	slices.Sort(tags)
	slices.Sort(series)
	if tags, series = slices.Compact(tags), slices.Compact(series); !slices.Equal(m.Tags, tags) || !slices.Equal(m.Series, series) {
		t.Errorf("manifest tags %q and series %q, the documents have %q and %q", m.Tags, m.Series, tags, series)
	}
	if len(m.Tags) < 2 || len(m.Series) < 2 {
		t.Fatalf("tags %q, series %q: too few to tell them apart", m.Tags, m.Series)
	}
	metas := map[int][][]string{}
	blocks := map[int][]int{}
	blockAt := map[int]int{} // where the next document's numbers start in its block
	for d, doc := range ix.Docs {
		k := d / m.M
		if _, ok := metas[k]; !ok {
			var rows [][]string
			p.json(fmt.Sprintf("m/%d", k), &rows)
			metas[k] = rows
		}
		if d-k*m.M >= len(metas[k]) {
			t.Fatalf("document %d: m/%d has %d rows", d, k, len(metas[k]))
		}
		if got, want := metas[k][d-k*m.M], []string{doc.Title, doc.Slug, doc.Date}; !slices.Equal(got, want) {
			t.Errorf("document %d: m/%d gives %q, want %q", d, k, got, want)
		}
		b := d / m.B
		if _, ok := blocks[b]; !ok {
			var nums []int
			p.json(fmt.Sprintf("b/%d", b), &nums)
			blocks[b] = nums
		}
		nums, at := blocks[b], blockAt[b]
		if at+3 > len(nums) || at+3+nums[at+2] > len(nums) {
			t.Fatalf("document %d: b/%d ends at %d", d, b, len(nums))
		}
		year, seriesNum, ntags := nums[at], nums[at+1], nums[at+2]
		var gotTags []string
		for _, k := range nums[at+3 : at+3+ntags] {
			gotTags = append(gotTags, m.Tags[k])
		}
		gotSeries := ""
		if seriesNum > 0 {
			gotSeries = m.Series[seriesNum-1]
		}
		if year != doc.Year || gotSeries != doc.Series || !slices.Equal(gotTags, doc.Tags) {
			t.Errorf("document %d: b/%d gives year %d, series %q, tags %q; want %d, %q, %q", d, b, year, gotSeries, gotTags, doc.Year, doc.Series, doc.Tags)
		}
		blockAt[b] = at + 3 + ntags
	}
	for b, nums := range blocks {
		if blockAt[b] != len(nums) {
			t.Errorf("b/%d: %d numbers, its documents use %d", b, len(nums), blockAt[b])
		}
	}
}

// checkPublishedTexts: t/D-K gives each entry of document D, by its
// number in the document: anchor, heading path, text.
func checkPublishedTexts(t *testing.T, p *published, ix *Index) {
	m := p.manifest
	for d, doc := range ix.Docs {
		files := map[int][][]string{}
		for local := range doc.Entries {
			k := local / m.E
			if _, ok := files[k]; !ok {
				var rows [][]string
				p.json(fmt.Sprintf("t/%d-%d", d, k), &rows)
				files[k] = rows
			}
			rows := files[k]
			if local-k*m.E >= len(rows) {
				t.Fatalf("document %d entry %d: t/%d-%d has %d rows", d, local, d, k, len(rows))
			}
			e := ix.Entries[doc.FirstEntry+local]
			if got, want := rows[local-k*m.E], []string{e.Anchor, e.Path, e.Text}; !slices.Equal(got, want) {
				t.Errorf("document %d entry %d: t/%d-%d gives %q, want %q", d, local, d, k, got, want)
			}
		}
		for k, rows := range files {
			if want := min(m.E, doc.Entries-k*m.E); len(rows) != want {
				t.Errorf("t/%d-%d: %d rows, want %d", d, k, len(rows), want)
			}
		}
	}
}

// checkPublishedVocab: the suggestions are the glossary's terms and
// aliases first, then the documents' front matter terms and headings
// (without their numbers), each once.
func checkPublishedVocab(t *testing.T, p *published, site *link.Site, headings []string) {
	var vocab []string
	p.json("vocab", &vocab)
	var glossary []string
	for _, term := range site.Terms {
		glossary = append(glossary, term.Name)
		glossary = append(glossary, term.Aliases...)
	}
	seen := map[string]int{}
	for i, w := range vocab {
		if j, dup := seen[w]; dup {
			t.Errorf("suggestion %q at %d and %d", w, j, i)
		}
		seen[w] = i
	}
	for i, w := range glossary {
		if seen[w] > len(glossary) {
			t.Errorf("glossary term %q is suggestion %d, after the %d glossary terms", w, seen[w], len(glossary))
		}
		if _, ok := seen[w]; !ok {
			t.Errorf("glossary term %d %q is not suggested", i, w)
		}
	}
	for _, want := range headings {
		if _, ok := seen[want]; !ok {
			t.Errorf("heading %q is not suggested (suggestions: %q)", want, vocab[:min(20, len(vocab))])
		}
	}
}

// checkPublishedPostings reads every shard: each token sits in the shard
// ShardOf names; its first part and rest files together give the entries,
// counts and positions the specification gives (positions for the tokens
// that carry them, none for the others); the first part holds the
// documents that rank first, the best left out bounds the rest, and each
// rest file holds the documents of its range. It gives the rest files
// read.
func checkPublishedPostings(t *testing.T, p *published, truth map[string][]truthPosting) int {
	found := map[string]bool{}
	rests := 0
	for s := range p.manifest.Shards {
		for _, row := range p.shardTable(s) {
			tok := row.tok
			if ShardOf(tok, p.manifest.Shards) != s {
				t.Errorf("token %q in s/%d, its hash names s/%d", tok, s, ShardOf(tok, p.manifest.Shards))
			}
			if found[tok] {
				t.Errorf("token %q in two shard tables", tok)
			}
			found[tok] = true
			want, ok := truth[tok]
			if !ok {
				t.Errorf("s/%d lists %q, which no entry holds", s, tok)
				continue
			}
			first, err := decodeStream(row.entryStream, row.posStream)
			if err != nil {
				t.Fatalf("token %q, first part: %v", tok, err)
			}
			all := slices.Clone(first)
			inFirst := map[int]bool{}
			for _, h := range first {
				inFirst[h.doc] = true
			}
			class := func(hs []hitList) map[int]int {
				out := map[int]int{}
				for _, h := range hs {
					out[h.doc] = max(out[h.doc], h.weight)
				}
				return out
			}
			for k, c := range row.restFiles {
				rest, err := p.restFile(tok, c)
				if err != nil {
					t.Fatalf("token %q, rest file %d: %v", tok, c, err)
				}
				rests++
				if len(rest) == 0 {
					t.Errorf("token %q: rest file %d is empty", tok, c)
				}
				for _, h := range rest {
					if h.doc>>row.clog != c {
						t.Errorf("token %q: document %d in rest file %d of %d documents each", tok, h.doc, c, 1<<row.clog)
					}
					if inFirst[h.doc] {
						t.Errorf("token %q: document %d in the first part and rest file %d", tok, h.doc, c)
					}
				}
				if k > 0 && c <= row.restFiles[k-1] {
					t.Errorf("token %q: rest files %v out of order", tok, row.restFiles)
				}
				all = append(all, rest...)
			}
			if row.rests > 0 {
				// every document of the first part ranks above the best
				// left out, which ranks at least as high as every other
				firstClass, restClass := class(first), class(all[len(first):])
				above := func(class, doc int) bool {
					return class > row.bestClass || class == row.bestClass && doc > row.bestDoc
				}
				for d, c := range firstClass {
					if !above(c, d) {
						t.Errorf("token %q: document %d (class %d) in the first part, below the best left out (%d, %d)", tok, d, c, row.bestClass, row.bestDoc)
					}
				}
				if restClass[row.bestDoc] != row.bestClass {
					t.Errorf("token %q: the best left out (%d, %d) is no document of the rest files", tok, row.bestClass, row.bestDoc)
				}
				for d, c := range restClass {
					if above(c, d) {
						t.Errorf("token %q: document %d (class %d) left out, above the best left out (%d, %d)", tok, d, c, row.bestClass, row.bestDoc)
					}
				}
				size := len(row.entryStream) + len(row.posStream)
				if size > PartBudget {
					t.Errorf("token %q: a first part of %d bytes", tok, size)
				}
				// and it is full: the best left out would not have fit.
				// The budget counts each document's gap as two bytes
				// (most take one), so its estimate of the first part
				// exceeds the bytes by at most one a document, and of
				// the best left out's group by at most one.
				left := 0
				for _, h := range all[len(first):] {
					if h.doc == row.bestDoc {
						left += h.size
					}
				}
				if size+len(firstClass)+left+1 <= PartBudget {
					t.Errorf("token %q: a first part of %d bytes and %d documents had room for the best left out (document %d, %d bytes)", tok, size, len(firstClass), row.bestDoc, left)
				}
			}
			slices.SortStableFunc(all, func(a, b hitList) int { return a.doc - b.doc })
			positional := slices.ContainsFunc(all, func(h hitList) bool { return h.positions != nil })
			checkTokenHits(t, tok, all, want, positional)
			if row.docs != len(class(all)) || row.entries != len(all) {
				t.Errorf("token %q: the table gives %d documents and %d entries, its lists %d and %d", tok, row.docs, row.entries, len(class(all)), len(all))
			}
		}
	}
	for tok := range truth {
		if !found[tok] {
			t.Errorf("token %q is in no shard table", tok)
			break
		}
	}
	return rests
}

// checkTokenHits compares a token's entries as read with the
// specification's, positions included when the token carries them.
func checkTokenHits(t *testing.T, tok string, got []hitList, want []truthPosting, positional bool) {
	t.Helper()
	if wantPositional := Positional(tok); positional != wantPositional {
		t.Errorf("token %q: positions published %v, want %v", tok, positional, wantPositional)
	}
	if len(got) != len(want) {
		t.Errorf("token %q: %d entries published, the text has %d", tok, len(got), len(want))
		return
	}
	for i, w := range want {
		g := got[i]
		if g.doc != w.doc || g.local != w.local || g.count != w.count || g.weight != w.weight || positional && !reflect.DeepEqual(g.positions, w.positions) {
			t.Errorf("token %q, hit %d: document %d entry %d count %d weight %d positions %v; the text has document %d entry %d count %d weight %d positions %v",
				tok, i, g.doc, g.local, g.count, g.weight, g.positions, w.doc, w.local, w.count, w.weight, w.positions)
			return
		}
	}
}
