package search

import (
	"bytes"
	"cmp"
	"container/heap"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/studysite/studysite/internal/htmltest"
)

// randomLibrary makes documents of clauses drawn from a small stock, so
// that clauses and 4-grams repeat across documents as a library's phrasing
// does, with characters beyond U+FFFF (𠮷, 𡈽), ASCII and full-width
// punctuation among them.
func randomLibrary(r *rand.Rand, docs int) ([]Doc, []Entry) {
	stock := []string{"坚持以人民为中心的发展思想", "推动长三角一体化发展", "𠮷祥如意𡈽地", "加快建设现代化产业体系",
		"GDP增长5.2%", "深入学习贯彻", "人民城市人民建，人民城市为人民", "高质量发展", "AB𠮷CD", "枫桥经验"}
	marks := []string{"，", "。", "；", "！", "？", ",", ";", "", "、"}
	var ds []Doc
	var es []Entry
	for d := 0; d < docs; d++ {
		doc := Doc{Slug: fmt.Sprintf("doc-%03d", d), FirstEntry: len(es)}
		for p := 0; p < 1+r.IntN(8); p++ {
			var b strings.Builder
			for c := 0; c < 1+r.IntN(12); c++ {
				w := stock[r.IntN(len(stock))]
				if r.IntN(4) == 0 { // a clause of its own, seen once
					w += fmt.Sprintf("第%d条", r.IntN(1000))
				}
				b.WriteString(w)
				b.WriteString(marks[r.IntN(len(marks))])
			}
			es = append(es, Entry{Doc: d, Text: b.String()})
			doc.Entries++
		}
		ds = append(ds, doc)
	}
	return ds, es
}

// TestDictionaryOfPicksWhatTheSpecificationPicks: the numbered-gram
// dictionaryOf gives byte for byte what its plain form gives, over random
// libraries large enough to fill the dictionary and small enough to have
// none, and over the first documents only (the sample of a large one).
func TestDictionaryOfPicksWhatTheSpecificationPicks(t *testing.T) {
	filled := 0
	for seed := uint64(1); seed <= 12; seed++ {
		r := rand.New(rand.NewPCG(seed, 3))
		docs, entries := randomLibrary(r, 20+r.IntN(300))
		samples := [][]int{dictSampleOf(docs, entries)}
		var firstHalf []int
		for d := 0; d < len(docs)/2; d++ {
			firstHalf = append(firstHalf, d)
		}
		samples = append(samples, firstHalf)
		for _, sample := range samples {
			got, want := dictionaryOf(docs, entries, sample), dictionaryOfSpec(docs, entries, sample)
			if !bytes.Equal(got, want) {
				t.Fatalf("seed %d, %d documents: dictionaryOf gives %d bytes, the specification %d; first difference: %s", seed, len(sample), len(got), len(want), htmltest.FirstDiff(string(got), string(want)))
			}
			if len(got) > 0 {
				filled++
			}
		}
	}
	if filled == 0 {
		t.Fatal("no library made a dictionary: this test compares only nils")
	}
	// A library of many repeated clauses, each of its own characters (a
	// commendation list, say): more worth keeping than DictSize holds, so
	// the picking stops at the size and the dictionary is cut to it.
	r := rand.New(rand.NewPCG(7, 7))
	docs, entries := clauseLibrary(r, 300, 3000)
	all := dictSampleOf(docs, entries)
	got, want := dictionaryOf(docs, entries, all), dictionaryOfSpec(docs, entries, all)
	if !bytes.Equal(got, want) {
		t.Fatalf("a full dictionary: dictionaryOf gives %d bytes, the specification %d; first difference: %s", len(got), len(want), htmltest.FirstDiff(string(got), string(want)))
	}
	if len(got) != DictSize {
		t.Fatalf("a library of 3,000 repeated clauses gives a dictionary of %d bytes, want it full (%d)", len(got), DictSize)
	}
}

// clauseLibrary makes docs documents of clauses drawn from a stock of
// distinct clauses of eight characters each, so that most 4-grams belong
// to one clause and repeat as often as it does.
func clauseLibrary(r *rand.Rand, docs, distinct int) ([]Doc, []Entry) {
	chars := []rune("人民城市建设发展改革开放科技创新教育卫生文化体育交通住房生态环境安全治理服务保障就业收入乡村振兴产业园区企业项目资金政策")
	stock := make([]string, distinct)
	for i := range stock {
		c := make([]rune, 8)
		for k := range c {
			c[k] = chars[r.IntN(len(chars))]
		}
		stock[i] = string(c)
	}
	var ds []Doc
	var es []Entry
	for d := range docs {
		doc := Doc{Slug: fmt.Sprintf("list-%03d", d), FirstEntry: len(es)}
		for range 5 {
			var b strings.Builder
			for range 10 {
				b.WriteString(stock[r.IntN(len(stock))])
				b.WriteString("，")
			}
			es = append(es, Entry{Doc: d, Text: b.String()})
			doc.Entries++
		}
		ds = append(ds, doc)
	}
	return ds, es
}

// gramTable gives one number per distinct 4-gram, the same for the same
// gram whether it is packed or kept by its text, and none to a clause of
// fewer than four characters.
func TestGramTableNumbersEachGramOnce(t *testing.T) {
	g := newGramTable()
	for _, tc := range []struct {
		clause string
		grams  []string
	}{
		{"人民城市为人民", []string{"人民城市", "民城市为", "城市为人", "市为人民"}},
		{"城市为人民", []string{"城市为人", "市为人民"}},
		{"𠮷祥如意𡈽", []string{"𠮷祥如意", "祥如意𡈽"}},
		{"A𠮷祥如意", []string{"A𠮷祥如", "𠮷祥如意"}},
		{"三个字", nil},
		{"", nil},
	} {
		ids := g.idsOf(tc.clause)
		if len(ids) != len(tc.grams) {
			t.Fatalf("%q: %d grams, want %d", tc.clause, len(ids), len(tc.grams))
		}
		for i, gram := range tc.grams {
			again := g.idsOf(gram)
			if len(again) != 1 || again[0] != ids[i] {
				t.Errorf("%q: gram %q is %d in the clause, %v alone", tc.clause, gram, ids[i], again)
			}
		}
	}
	if a, b := g.idsOf("人民城市"), g.idsOf("人民城士"); a[0] == b[0] {
		t.Error("two grams share a number")
	}
}

// TestDictSample: the dictionary is chosen from the documents whose slugs
// hash lowest (FNV-1a, 64 bit), read in that order until they hold
// dictSample characters, so that which documents it reads does not depend
// on their numbers (a document dated among older ones renumbers the newer
// ones) and a new or edited document changes the dictionary, and with it
// every text file, only when it falls among them. Checked with the limit
// falling just before, on and just after a document's end.
func TestDictSample(t *testing.T) {
	defer func(n int) { dictSample = n }(dictSample)
	r := rand.New(rand.NewPCG(4, 4))
	docs, entries := randomLibrary(r, 60)
	hash := func(d int) uint64 { h := fnv.New64a(); h.Write([]byte(docs[d].Slug)); return h.Sum64() }
	chars := func(d int) int {
		n := 0
		for _, e := range entries[docs[d].FirstEntry : docs[d].FirstEntry+docs[d].Entries] {
			n += utf8.RuneCountInString(e.Text)
		}
		return n
	}
	byHash := make([]int, len(docs))
	for d := range byHash {
		byHash[d] = d
	}
	slices.SortFunc(byHash, func(a, b int) int { return cmp.Compare(hash(a), hash(b)) })
	fifth := 0 // the characters of the five documents hashing lowest
	for _, d := range byHash[:5] {
		fifth += chars(d)
	}
	for _, c := range []struct {
		limit, want int
	}{{fifth - 1, 5}, {fifth, 5}, {fifth + 1, 6}, {1 << 30, len(docs)}} {
		dictSample = c.limit
		sample := dictSampleOf(docs, entries)
		if !slices.Equal(sample, byHash[:c.want]) {
			t.Errorf("limit %d characters: sample %v, want the %d documents hashing lowest %v", c.limit, sample, c.want, byHash[:c.want])
		}
		// the same documents, numbered the other way round
		rev := slices.Clone(docs)
		slices.Reverse(rev)
		var revEntries []Entry
		for i := range rev {
			es := entries[rev[i].FirstEntry : rev[i].FirstEntry+rev[i].Entries]
			rev[i].FirstEntry = len(revEntries)
			revEntries = append(revEntries, es...)
		}
		var slugs, revSlugs []string
		for _, d := range sample {
			slugs = append(slugs, docs[d].Slug)
		}
		for _, d := range dictSampleOf(rev, revEntries) {
			revSlugs = append(revSlugs, rev[d].Slug)
		}
		if !slices.Equal(slugs, revSlugs) {
			t.Errorf("limit %d characters: the documents numbered the other way round give the sample %q, not %q", c.limit, revSlugs, slugs)
		}
	}
}

// TestSplitClauses: the dictionary's clauses end after each ，。；！？ and
// their ASCII forms; the rest of a text is a clause of its own.
func TestSplitClauses(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"人民城市人民建，人民城市为人民。", []string{"人民城市人民建，", "人民城市为人民。"}},
		{"GDP增长5.2%;就业稳定!物价平稳?总体向好", []string{"GDP增长5.2%;", "就业稳定!", "物价平稳?", "总体向好"}},
		{"坚持稳中求进；以进促稳！先立后破？", []string{"坚持稳中求进；", "以进促稳！", "先立后破？"}},
		{"一张床、一间房、一套房", []string{"一张床、一间房、一套房"}},
		{"", nil},
	} {
		if got := splitClauses(c.text); !slices.Equal(got, c.want) {
			t.Errorf("splitClauses(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// TestJoinPicked: the clauses picked (best first) make a dictionary with
// the best last, nearest the data DEFLATE compresses; one of more than
// DictSize bytes keeps its last DictSize bytes, so the best clauses; and
// clauses of fewer than 1,024 bytes make none.
func TestJoinPicked(t *testing.T) {
	// clauses as picked: GB18030 bytes, written here as letters
	best, next, worst := strings.Repeat("b", 600), strings.Repeat("n", 300), strings.Repeat("w", 124)
	middle := strings.Repeat("m", DictSize)
	for _, c := range []struct {
		name   string
		picked []string
		want   string
	}{
		{"1,024 bytes", []string{best, next, worst}, worst + next + best},
		{"1,023 bytes: too few", []string{best, next, worst[1:]}, ""},
		{"more than DictSize", []string{best, middle, worst}, middle[:DictSize-len(best)] + best},
	} {
		size := 0
		for _, p := range c.picked {
			size += len(p)
		}
		got := joinPicked(c.picked, size)
		if string(got) != c.want || (got == nil) != (c.want == "") {
			t.Errorf("%s: a dictionary of %d bytes, want %d", c.name, len(got), len(c.want))
		}
	}
}

// TestClauseHeap: the greedy pick takes the clause of the highest value
// first, and among clauses of equal value the one whose text sorts first,
// so that the dictionary does not depend on the order clauses are met in.
func TestClauseHeap(t *testing.T) {
	h := clauseHeap{{"推动高质量发展，", 2, 0}, {"人民城市为人民。", 3.5, 1}, {"加快建设，", 2, 2}, {"深化改革；", 2, 3}, {"人民城市人民建，", 3.5, 4}}
	heap.Init(&h)
	var got []string
	for h.Len() > 0 {
		got = append(got, heap.Pop(&h).(scored).text)
	}
	want := []string{"人民城市为人民。", "人民城市人民建，", "加快建设，", "推动高质量发展，", "深化改革；"}
	slices.Sort(want[:2])
	slices.Sort(want[2:])
	if !slices.Equal(got, want) {
		t.Errorf("picked %q, want %q", got, want)
	}
}
