package search_test

import (
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/search"
	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/corpus"
	"github.com/studysite/studysite/internal/htmltest"
)

// loadPages loads a site folder's content/ in the site's reading order,
// the order the index numbers entries in.
func loadPages(t testing.TB, dir string) []*content.Page {
	t.Helper()
	pages, err := site.LoadContent(context.Background(), afero.NewOsFs(), site.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	s, err := link.Build(config.Config{}, pages)
	if err != nil {
		t.Fatal(err)
	}
	return s.Pages
}

// randomQueries draws substrings of random paragraphs: three in four are
// 1–12 Chinese characters, the rest 1–12 characters of any kind (words,
// digits, punctuation) with at least one Chinese character or letter,
// since a term of punctuation alone finds nothing. Spaces and quotes,
// which split a query into terms, are left out.
func randomQueries(rng *rand.Rand, ix *search.Index, n int) []string {
	var out []string
	for len(out) < n {
		rs := search.Normalize(ix.Entries[rng.Intn(len(ix.Entries))].Text)
		L := 1 + rng.Intn(12)
		i := rng.Intn(len(rs) + 1)
		if i+L > len(rs) {
			continue
		}
		q := rs[i : i+L]
		hanOnly, split, letters := true, false, false
		for _, r := range q {
			hanOnly = hanOnly && search.IsHan(r)
			split = split || r == ' ' || r == '"' || r == '“' || r == '”'
			letters = letters || search.IsHan(r) || r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
		}
		if hanOnly || rng.Intn(4) == 0 && !split && letters {
			out = append(out, string(q))
		}
	}
	return out
}

// bruteForce scans every entry's normalised text.
func bruteForce(ix *search.Index, q string) []int {
	t := []rune(q)
	var out []int
	for i, n := range normalized(ix) {
		if len(search.Occurrences(n, t)) > 0 {
			out = append(out, i)
		}
	}
	return out
}

var normCache = map[*search.Index][][]rune{}

// normalized is every entry's normalised text, computed once per index.
func normalized(ix *search.Index) [][]rune {
	if n, ok := normCache[ix]; ok {
		return n
	}
	n := make([][]rune, len(ix.Entries))
	for i, e := range ix.Entries {
		n[i] = search.Normalize(e.Text)
	}
	normCache[ix] = n
	return n
}

// corpusDir is a site folder whose content/ holds the benchmark corpus:
// the Markdown in STUDYSITE_CORPUS if set (make bench sets it), else the
// 2,000-document corpus that gencorpus.py writes once into .cache/ (the
// cache the whole-build benchmarks share).
func corpusDir(t testing.TB) string {
	t.Helper()
	src, found, err := corpus.Generated(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if !found {
		// No corpus generator beside the repository (a clean CI
		// machine): 2,000 documents shuffled from the seed.
		return syntheticCorpusDir(t)
	}
	dir := t.TempDir()
	if err := copyDir(src, filepath.Join(dir, "content")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func syntheticCorpusDir(t testing.TB) string { return syntheticSite(t, 2000) }

// syntheticSite is a site folder of n documents shuffled from the seed.
func syntheticSite(t testing.TB, n int) string {
	t.Helper()
	c, err := corpus.Load(filepath.Join("..", ".."), n)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range c.Names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, c.Files[name], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func copyDir(from, to string) error {
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	ents, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// mixedTerms are dates, numbers and names mixing Chinese with digits or
// letters, as readers type them.
var mixedTerms = []string{"12月1日", "29日下午", "11月28日", "2023年12月", "月1", "1日", "年12", "G60", "5G", "g60科创走廊", "5G网络", "第3季度", "12月1日、29日"}

// mixedQueries draws n substrings that cross a boundary between Chinese
// and a word (digits, letters) in random paragraphs: a date, a number
// with its measure word, a name with letters.
func mixedQueries(rng *rand.Rand, ix *search.Index, n int) []string {
	out := append([]string(nil), mixedTerms...)
	for tries := 0; len(out) < len(mixedTerms)+n && tries < 100000; tries++ {
		rs := search.Normalize(ix.Entries[rng.Intn(len(ix.Entries))].Text)
		var edges []int
		for i := 1; i < len(rs); i++ {
			a, b := search.IsHan(rs[i-1]), search.IsHan(rs[i])
			if a != b && (isASCIIWord(rs[i-1]) || isASCIIWord(rs[i])) {
				edges = append(edges, i)
			}
		}
		if len(edges) == 0 {
			continue
		}
		e := edges[rng.Intn(len(edges))]
		from, to := max(0, e-1-rng.Intn(5)), min(len(rs), e+1+rng.Intn(5))
		q := string(rs[from:to])
		if !strings.ContainsAny(q, " \"“”") {
			out = append(out, q)
		}
	}
	return out
}

func isASCIIWord(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' }

// TestRecallPrecision: random substrings of the 2,000-document corpus
// are found by the index in exactly the titles, headings and paragraphs
// whose text, as the built pages show it, holds them, as often. The
// expectation comes from the rendered HTML (see pageEntries) and a count
// written here (countTerm), not from the index's own entry texts or
// search.Occurrences, which Match's text check uses.
func TestRecallPrecision(t *testing.T) {
	var dir, pub string
	if testing.Short() || raceDetector {
		// make test runs the corpus case in its pass without -race (the
		// race detector makes it ten minutes; it shares no goroutines the
		// seed case does not)
		t.Log("-short or -race: using the seed site instead of the 2,000-document corpus")
		pub = buildSeed(t)
		dir = filepath.Dir(pub)
	} else {
		dir = corpusDir(t)
		pub = buildSite(t, dir)
	}
	ix := search.NewIndex(loadPages(t, dir))
	pages := pageEntries(t, pub)
	rng := rand.New(rand.NewSource(1))
	qs := randomQueries(rng, ix, 60)
	qs = append(qs, "长三角", "人民城市", "五个中心", "枫桥经验", "一体化发展", "科技创新中心", "长三角、一体化")
	qs = append(qs, mixedQueries(rng, ix, 40)...)
	for _, q := range qs {
		term := string(search.Normalize(q))
		got := map[string]int{}
		for e, n := range ix.Match(term) {
			en := ix.Entries[e]
			switch en.Kind {
			case search.KindTerms:
				continue // a document's terms are no one element of its page
			case search.KindTitle:
				got[ix.Docs[en.Doc].Slug+"#"] = n
			default:
				got[ix.Docs[en.Doc].Slug+"#"+en.Anchor] = n
			}
		}
		want := map[string]int{}
		for key, text := range pages {
			if n := countTerm(text, term); n > 0 {
				want[key] = n
			}
		}
		if len(got) != len(want) {
			t.Errorf("%q: the index finds %d titles, headings and paragraphs, the pages hold %d", q, len(got), len(want))
		}
		for key, n := range want {
			if got[key] != n {
				t.Errorf("%q: %s holds it %d times, the index counts %d", q, key, n, got[key])
				break
			}
		}
		for key := range got {
			if want[key] == 0 {
				t.Errorf("%q: the index finds it in %s, whose text lacks it", q, key)
				break
			}
		}
	}
}

// pageEntries reads every document page of the built site pub: its title
// (h1, key "<slug>#"), headings and paragraphs (by id, "<slug>#<id>"),
// each as normalised text, without the paragraph number a page shows.
func pageEntries(t *testing.T, pub string) map[string]string {
	t.Helper()
	out := map[string]string{}
	ents, err := os.ReadDir(filepath.Join(pub, "docs"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		f, err := os.Open(filepath.Join(pub, "docs", e.Name(), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			id, class := htmltest.Attr(n, "id"), htmltest.Attr(n, "class")
			switch {
			case n.DataAtom == atom.H1 && class == "doc-title":
				out[e.Name()+"#"] = string(search.Normalize(htmltest.Text(t, n, "a.pn")))
			case id != "" && (n.DataAtom == atom.P && strings.HasPrefix(id, "p") ||
				slices.Contains([]atom.Atom{atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}, n.DataAtom)):
				out[e.Name()+"#"+id] = string(search.Normalize(htmltest.Text(t, n, "a.pn")))
			}
		}
	}
	return out
}

// countTerm counts where term starts in text (both normalised), as README
// defines a match: anywhere, except that a term starting with a letter or
// digit must start a word.
func countTerm(text, term string) int {
	n := 0
	for i := 0; ; {
		k := strings.Index(text[i:], term)
		if k < 0 {
			return n
		}
		at := i + k
		prev, _ := utf8.DecodeLastRuneInString(text[:at])
		first, size := utf8.DecodeRuneInString(term)
		if !(isASCIIWord(first) && at > 0 && isASCIIWord(prev)) {
			n++
		}
		i = at + size
	}
}
