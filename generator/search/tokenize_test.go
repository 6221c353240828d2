package search

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/frontmatter"
)

// table is testdata/tokens.json, the case table search.js is tested
// against too (internal browser test), so both sides follow one spec.
type table struct {
	Display   [][2]string       `json:"display"`
	Normalize [][2]string       `json:"normalize"`
	Tokens    []json.RawMessage `json:"tokens"`
	Query     []json.RawMessage `json:"query"`
	Plan      []json.RawMessage `json:"plan"`
	Shard     []json.RawMessage `json:"shard"`
	// MatchDocs are documents (title, then paragraphs), oldest first;
	// Match gives queries and their whole ranking in them: [document,
	// class, [[entry, count], …]] (see Index.Search).
	MatchDocs [][]string        `json:"matchDocs"`
	Match     []json.RawMessage `json:"match"`
}

func loadTable(t *testing.T) table {
	t.Helper()
	b, err := os.ReadFile("testdata/tokens.json")
	if err != nil {
		t.Fatal(err)
	}
	var tb table
	if err := json.Unmarshal(b, &tb); err != nil {
		t.Fatalf("testdata/tokens.json: %v", err)
	}
	return tb
}

func TestSharedTable(t *testing.T) {
	tb := loadTable(t)
	for _, c := range tb.Display {
		if got := Display(c[0]); got != c[1] {
			t.Errorf("Display(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	for _, c := range tb.Normalize {
		if got := string(Normalize(c[0])); got != c[1] {
			t.Errorf("Normalize(%q) = %q, want %q", c[0], got, c[1])
		}
	}
	for _, raw := range tb.Tokens {
		var c []json.RawMessage
		var in string
		var want [][2]any
		if err := json.Unmarshal(raw, &c); err != nil || json.Unmarshal(c[0], &in) != nil || json.Unmarshal(c[1], &want) != nil {
			t.Fatalf("bad tokens case %s", raw)
		}
		var got [][2]any
		for _, tk := range Tokens(in) {
			got = append(got, [2]any{tk.Text, float64(tk.Pos)})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Tokens(%q)\n got %v\nwant %v", in, got, want)
		}
	}
	for _, raw := range tb.Query {
		var c []json.RawMessage
		var in string
		var want [][2]any
		if err := json.Unmarshal(raw, &c); err != nil || json.Unmarshal(c[0], &in) != nil || json.Unmarshal(c[1], &want) != nil {
			t.Fatalf("bad query case %s", raw)
		}
		var got [][2]any
		for _, tm := range ParseQuery(in) {
			got = append(got, [2]any{tm.Text, tm.Phrase})
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ParseQuery(%q)\n got %v\nwant %v", in, got, want)
		}
	}
}

// TestPlanTable checks which tokens a term needs against the shared
// table (search.js is checked on it too).
func TestPlanTable(t *testing.T) {
	for _, raw := range loadTable(t).Plan {
		var c []json.RawMessage
		var in string
		var at [][2]any
		var within []string
		var exact bool
		if err := json.Unmarshal(raw, &c); err != nil || len(c) != 4 || json.Unmarshal(c[0], &in) != nil ||
			json.Unmarshal(c[1], &at) != nil || json.Unmarshal(c[2], &within) != nil || json.Unmarshal(c[3], &exact) != nil {
			t.Fatalf("bad plan case %s", raw)
		}
		pl := planTerm([]rune(in))
		gotAt := [][2]any{}
		for _, tk := range pl.at {
			gotAt = append(gotAt, [2]any{tk.Text, float64(tk.Pos)})
		}
		if !reflect.DeepEqual(gotAt, at) || !slices.Equal(pl.within, within) || pl.exact != exact {
			t.Errorf("planTerm(%q) = %v %q %v, want %v %q %v", in, gotAt, pl.within, pl.exact, at, within, exact)
		}
	}
}

// TestShardOf checks the shard table (FNV-1a; search.js must agree) and that shards spread tokens: with
// 64 shards no shard gets more than twice its share of 5,000 tokens.
func TestShardOf(t *testing.T) {
	tb := loadTable(t)
	for _, raw := range tb.Shard {
		var c []json.RawMessage
		var tok string
		var n, want int
		if json.Unmarshal(raw, &c) != nil || json.Unmarshal(c[0], &tok) != nil || json.Unmarshal(c[1], &n) != nil || json.Unmarshal(c[2], &want) != nil {
			t.Fatalf("bad shard case %s", raw)
		}
		got := ShardOf(tok, n)
		if got != want {
			t.Errorf("ShardOf(%q,%d) = %d, want %d", tok, n, got, want)
		}
	}
	count := make([]int, 64)
	for r := rune(0x4E00); r < 0x4E00+5000; r++ {
		count[ShardOf(string(r)+"的", 64)]++
	}
	for s, n := range count {
		if n > 2*5000/64 || n == 0 {
			t.Errorf("shard %d holds %d of 5000 tokens", s, n)
		}
	}
}

// TestEncodeRoundTrip: postings written document by document (a title
// hit, a document of several entries, a far later run joined on) read
// back as written, and their groups' classes are as the ranking weighs them.
func TestEncodeRoundTrip(t *testing.T) {
	var w, later postingsWriter
	w.positional, later.positional = true, true
	hits := func(p *postingsWriter, doc, head, local int, pos ...int) {
		for _, q := range pos {
			p.hit(doc, head, local, q)
		}
	}
	hits(&w, 3, 2, 0, 0, 5, 40, 1200) // the title, four times
	hits(&w, 3, 2, 7, 7)
	hits(&w, 4, 1, 9, 3)
	w.done()
	hits(&later, 70000, 3, 1, 31, 32) // a heading
	hits(&later, 70000, 3, 5, 2)
	hits(&later, 70200, 0, 200000, 9)
	w.join(later.done())
	got := decode(w.Entries, w.Positions, true)
	want := []Posting{
		{Doc: 3, Local: 0, Count: 4, Positions: []int{0, 5, 40, 1200}}, {Doc: 3, Local: 7, Count: 1, Positions: []int{7}},
		{Doc: 4, Local: 9, Count: 1, Positions: []int{3}},
		{Doc: 70000, Local: 1, Count: 2, Positions: []int{31, 32}}, {Doc: 70000, Local: 5, Count: 1, Positions: []int{2}},
		{Doc: 70200, Local: 200000, Count: 1, Positions: []int{9}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("round trip: got %v want %v", got, want)
	}
	if w.Docs != 4 || w.Hits != 6 {
		t.Errorf("%d documents and %d entries counted, want 4 and 6", w.Docs, w.Hits)
	}
	var classes []int
	for _, g := range groups(w.Entries, w.Positions, true) {
		classes = append(classes, g.doc, g.class)
	}
	// a title hit; a paragraph; a heading; a paragraph
	if want := []int{3, 100, 4, 1, 70000, 20, 70200, 1}; !reflect.DeepEqual(classes, want) {
		t.Errorf("documents and classes %v, want %v", classes, want)
	}
}

// TestMatchTable: the index built from the shared table's documents
// finds and ranks each query as the table says (search.js is held to the
// same table by TestBrowserMatchTable).
func TestMatchTable(t *testing.T) {
	tb := loadTable(t)
	var pages []*content.Page
	for i, d := range tb.MatchDocs {
		p := &content.Page{Meta: frontmatter.FrontMatter{Title: d[0], Slug: fmt.Sprint("doc-", i)}}
		for k, text := range d[1:] {
			p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: k + 1, ID: fmt.Sprint("p", k+1), Text: text})
		}
		pages = append([]*content.Page{p}, pages...) // newest first
	}
	ix, err := BuildIndex(context.Background(), pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Match) == 0 {
		t.Fatal("no match cases")
	}
	for _, raw := range tb.Match {
		var c []json.RawMessage
		var q string
		var want [][]json.RawMessage
		if json.Unmarshal(raw, &c) != nil || json.Unmarshal(c[0], &q) != nil || json.Unmarshal(c[1], &want) != nil {
			t.Fatalf("bad match case %s", raw)
		}
		var got []any
		for _, r := range ix.Search(q) {
			var hits [][2]int
			for _, h := range r.Hits {
				hits = append(hits, [2]int{h.Entry, h.Count})
			}
			got = append(got, []any{r.Doc, r.Class, hits})
		}
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(want)
		if got == nil {
			gb = []byte("[]")
		}
		if string(gb) != string(wb) {
			t.Errorf("%q: Search gives %s, the table %s", q, gb, wb)
		}
	}
}
