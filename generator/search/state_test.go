package search

import (
	"bytes"
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/frontmatter"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
)

// stateWords are what random documents are written from: few enough
// that their n-grams repeat across documents (long posting lists with
// rest files), in clauses varied enough to fill a text dictionary.
var stateWords = []string{
	"人民", "城市", "长三角", "一体化", "高质量发展", "改革开放", "营商环境", "数字化转型",
	"国际大都市", "科技创新", "Shanghai", "2035", "五个中心", "核心竞争力", "乡村振兴", "生态文明",
}

type stateSite struct {
	rng   *rand.Rand
	pages []*content.Page // newest first, as the link stage orders them
	next  int
}

func (s *stateSite) text(n int) string {
	var b strings.Builder
	w := func() string { return stateWords[s.rng.IntN(len(stateWords))] }
	for range n {
		b.WriteString(w() + w() + "的" + w() + string([]rune("，。；！？")[s.rng.IntN(5)]))
	}
	return b.String()
}

func (s *stateSite) page() *content.Page {
	s.next++
	p := &content.Page{
		File: fmt.Sprintf("content/d%d.md", s.next),
		Meta: frontmatter.FrontMatter{Title: s.text(1), Slug: fmt.Sprintf("d%d", s.next), Series: []string{"", "讲话", "报告"}[s.rng.IntN(3)]},
		Date: time.Date(2000+s.rng.IntN(25), 1, 1, 0, 0, 0, 0, time.UTC),
	}
	if s.rng.IntN(2) == 0 {
		p.Meta.Tags = []string{[]string{"经济", "城市", "改革"}[s.rng.IntN(3)]}
		p.Meta.Terms = []string{"长三角", "五个中心"}[:1+s.rng.IntN(2)]
	}
	for h := range s.rng.IntN(3) {
		p.Headings = append(p.Headings, content.Heading{Level: 2, ID: fmt.Sprintf("s%d", h+1), Text: s.text(1)})
	}
	for k := range 2 + s.rng.IntN(12) {
		sec := ""
		if len(p.Headings) > 0 {
			sec = p.Headings[k%len(p.Headings)].ID
		}
		p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: k + 1, ID: fmt.Sprintf("p%d", k+1), Text: s.text(1 + s.rng.IntN(4)), Section: sec})
	}
	return p
}

// edit changes the site at random, as an author would between two builds,
// and says what it did. Pages are replaced, never changed in place: the
// incremental builder gives a new Page for a changed file.
func (s *stateSite) edit() string {
	i := s.rng.IntN(len(s.pages))
	p := *s.pages[i]
	switch s.rng.IntN(9) {
	case 0:
		s.pages = slices.Insert(s.pages, 0, s.page())
		return "new newest document"
	case 1:
		s.pages = slices.Insert(s.pages, i, s.page())
		return fmt.Sprintf("new document at %d (renumbers newer ones)", i)
	case 2:
		if len(s.pages) > 2 {
			s.pages = slices.Delete(s.pages, i, i+1)
			return fmt.Sprintf("document %d removed", i)
		}
		return "nothing"
	case 3:
		p.Meta.Title = s.text(1)
	case 4:
		p.Headings = slices.Clone(p.Headings)
		if len(p.Headings) > 0 {
			p.Headings[0].Text = s.text(1)
		}
	case 5:
		p.Meta.Tags, p.Meta.Series = []string{"新标签"}, "新系列"
	case 6:
		p.Meta.Slug = fmt.Sprintf("renamed%d", s.rng.IntN(1000)) // moves it in the dictionary sample
	case 7:
		p.Paragraphs = slices.Clone(p.Paragraphs)
		for k := range p.Paragraphs {
			p.Paragraphs[k].ID = fmt.Sprintf("p%d", k+2) // anchors only: the same tokens
		}
	default:
		p.Paragraphs = slices.Clone(p.Paragraphs)
		k := s.rng.IntN(len(p.Paragraphs))
		p.Paragraphs[k].Text += s.text(1)
		if s.rng.IntN(3) == 0 {
			p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: len(p.Paragraphs) + 1, ID: "px", Text: "新出现的词语" + s.text(1)})
		}
	}
	s.pages[i] = &p
	return fmt.Sprintf("document %d edited", i)
}

// TestStateEqualsBuild builds a site at random, edit after edit, with one
// State, and compares every file with a fresh search.Build. Under -short
// (make mutate runs the tests once per mutant) one seed of the two.
func TestStateEqualsBuild(t *testing.T) {
	was := dictSample
	dictSample = 20000 // a part of the documents, so edits fall in and out of it
	defer func() { dictSample = was }()
	seeds := []uint64{1, 2}
	if testing.Short() {
		seeds = seeds[:1]
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			s := &stateSite{rng: rand.New(rand.NewPCG(seed, 5))}
			for range 400 {
				s.pages = append(s.pages, s.page())
			}
			st := NewState()
			what := "first build"
			sawRests, sawDict, sawSplice := false, false, false
			var lastDict []byte
			for step := range 40 {
				site := &link.Site{Pages: s.pages, Terms: []*link.Term{{Name: "长三角", Aliases: []string{"长三角地区"}}}}
				got, gotStats, err := st.Build(context.Background(), site)
				if err != nil {
					t.Fatalf("step %d (%s): State.Build: %v", step, what, err)
				}
				want, wantStats, err := Build(context.Background(), site)
				if err != nil {
					t.Fatalf("step %d (%s): Build: %v", step, what, err)
				}
				compareFiles(t, fmt.Sprintf("step %d (%s)", step, what), want, got)
				sawRests = sawRests || wantStats.Rests > 0
				var dict []byte
				if k := slices.IndexFunc(want, func(f output.File) bool { return f.Path == Dir+"d.js" }); k >= 0 {
					dict, sawDict = want[k].Data, true
				}
				// An edit that keeps the dictionary deflates again the
				// files it changes, not the others.
				if step > 0 && st.Tokenised <= 2 && bytes.Equal(dict, lastDict) {
					sawSplice = true
					if gotStats.Deflated*2 > gotStats.Files {
						t.Errorf("step %d (%s): deflated %d of %d files", step, what, gotStats.Deflated, gotStats.Files)
					}
				}
				what, lastDict = s.edit(), dict
			}
			if !sawRests || !sawDict || !sawSplice {
				t.Errorf("the edits never exercised rest files (%v), a dictionary (%v) or a splice (%v)", sawRests, sawDict, sawSplice)
			}
		})
	}
}

func compareFiles(t *testing.T, step string, want, got []output.File) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d files, want %d", step, len(got), len(want))
	}
	bad := 0
	for i := range want {
		if got[i].Path != want[i].Path || !bytes.Equal(got[i].Data, want[i].Data) {
			t.Errorf("%s: file %d is %s (%d bytes), want %s (%d bytes)", step, i, got[i].Path, len(got[i].Data), want[i].Path, len(want[i].Data))
			if bad++; bad == 5 {
				t.FailNow()
			}
		}
	}
	if bad > 0 {
		t.FailNow()
	}
}

// TestStateAfterCancel: a cancelled Build leaves the State to start over,
// and the next Build still equals search.Build.
func TestStateAfterCancel(t *testing.T) {
	s := &stateSite{rng: rand.New(rand.NewPCG(9, 9))}
	for range 50 {
		s.pages = append(s.pages, s.page())
	}
	st := NewState()
	site := &link.Site{Pages: s.pages}
	if _, _, err := st.Build(context.Background(), site); err != nil {
		t.Fatal(err)
	}
	s.edit()
	site = &link.Site{Pages: s.pages}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := st.Build(ctx, site); err == nil {
		t.Fatal("State.Build on a cancelled context gave no error")
	}
	got, _, err := st.Build(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := Build(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	compareFiles(t, "after a cancelled build", want, got)
}

// seedText is the paragraphs of the repository's seed transcript.
func seedText(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "content", "*.md"))
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := content.Parse(f, b)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range p.Paragraphs {
			out = append(out, para.Text)
		}
	}
	if len(out) == 0 {
		t.Fatal("no seed transcript in content/")
	}
	return out
}

// TestStateSmallSiteEdits: on a site of a few short documents, an edit
// that brings more new tokens than the index held (shards from one to
// many), and then one that takes a document's only tokens away again,
// still publishes what search.Build does.
func TestStateSmallSiteEdits(t *testing.T) {
	notice := func(slug, title string, paras ...string) *content.Page {
		p := &content.Page{File: "content/" + slug + ".md", Meta: frontmatter.FrontMatter{Title: title, Slug: slug},
			Date: time.Date(2024, 3, len(slug), 0, 0, 0, 0, time.UTC)}
		for k, text := range paras {
			p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: k + 1, ID: fmt.Sprintf("p%d", k+1), Text: text})
		}
		return p
	}
	steps := []struct {
		what  string
		pages []*content.Page
	}{
		{"two short notices", []*content.Page{notice("tong-zhi", "通知", "各单位。"), notice("han", "函", "收悉。")}},
		// the seed transcript's text: the index grows from one shard to many
		{"a notice rewritten at length", []*content.Page{notice("tong-zhi", "通知", seedText(t)...), notice("han", "函", "收悉。")}},
		{"the long text taken away again", []*content.Page{notice("tong-zhi", "通知", "各单位。"), notice("han", "函", "收悉。")}},
		// 通知's syllables (tong, zhi) are read in no title now
		{"a notice retitled", []*content.Page{notice("tong-zhi", "公告", "各单位。"), notice("han", "函", "收悉。")}},
	}
	st := NewState()
	for _, s := range steps {
		site := &link.Site{Pages: s.pages}
		got, _, err := st.Build(context.Background(), site)
		if err != nil {
			t.Fatalf("%s: State.Build: %v", s.what, err)
		}
		want, _, err := Build(context.Background(), site)
		if err != nil {
			t.Fatalf("%s: Build: %v", s.what, err)
		}
		compareFiles(t, s.what, want, got)
		if s.what != steps[0].what && st.Tokenised != 1 {
			t.Errorf("%s: %d documents tokenised, want the edited one", s.what, st.Tokenised)
		}
	}
}

// TestStateDictionaryFollowsItsSample: the dictionary kept from the last
// build is reused only when its sample reads the same texts: a paragraph
// added to every document (one phrase, many times: the dictionary takes
// it), every text revised, or a new document read last in the sample
// give the dictionary search.Build chooses.
func TestStateDictionaryFollowsItsSample(t *testing.T) {
	s := &stateSite{rng: rand.New(rand.NewPCG(11, 11))}
	for range 30 {
		s.pages = append(s.pages, s.page())
	}
	revise := func(p *content.Page) *content.Page {
		q := *p
		q.Meta.Title += "（修订）"
		q.Headings = slices.Clone(p.Headings)
		for k := range q.Headings {
			q.Headings[k].Text += "（修订）"
		}
		q.Paragraphs = slices.Clone(p.Paragraphs)
		for k := range q.Paragraphs {
			q.Paragraphs[k].Text += "（修订）"
		}
		if len(q.Meta.Terms) > 0 {
			q.Meta.Terms = append(slices.Clone(q.Meta.Terms), "修订")
		}
		return &q
	}
	hash := func(slug string) uint64 { h := fnv.New64a(); h.Write([]byte(slug)); return h.Sum64() }
	st := NewState()
	for step, what := range []string{"first build", "a paragraph added to every document", "every text revised", "a new document read last"} {
		switch step {
		case 1:
			for i := range s.pages {
				p := *s.pages[i]
				p.Paragraphs = append(slices.Clone(p.Paragraphs), content.Paragraph{N: len(p.Paragraphs) + 1, ID: "px", Text: strings.Repeat("深入学习贯彻党的二十大精神，", 4)})
				s.pages[i] = &p
			}
		case 2:
			for i := range s.pages {
				s.pages[i] = revise(s.pages[i])
			}
		case 3:
			p := s.page()
			p.Paragraphs[0].Text = strings.Repeat("奋力谱写中国式现代化新篇章，", 60)
			for k := 0; slices.ContainsFunc(s.pages, func(q *content.Page) bool { return hash(q.Meta.Slug) > hash(p.Meta.Slug) }); k++ {
				p.Meta.Slug = fmt.Sprintf("new-%d", k)
			}
			s.pages = append([]*content.Page{p}, s.pages...)
		}
		site := &link.Site{Pages: s.pages}
		got, _, err := st.Build(context.Background(), site)
		if err != nil {
			t.Fatalf("%s: State.Build: %v", what, err)
		}
		want, _, err := Build(context.Background(), site)
		if err != nil {
			t.Fatalf("%s: Build: %v", what, err)
		}
		if !slices.ContainsFunc(want, func(f output.File) bool { return f.Path == Dir+"d.js" }) {
			t.Fatalf("%s: no dictionary: the library is too small", what)
		}
		compareFiles(t, what, want, got)
	}
}

// TestStateLibraryGrowsAndShrinks: rest files' ranges of documents are
// chosen from the number of documents, so when a library grows by an
// eighth with newer documents that hold none of its words (a new series
// of briefings on other topics: few enough changed documents that the
// State splices them in), and shrinks again when they go, the lists of
// the older words, though no posting of theirs changed, are published as
// search.Build publishes them.
func TestStateLibraryGrowsAndShrinks(t *testing.T) {
	s := &stateSite{rng: rand.New(rand.NewPCG(4, 4))}
	for range 500 {
		s.pages = append(s.pages, s.page())
	}
	// no character of stateWords, so the older words' postings stay as they are
	other := []string{"教育", "医疗", "养老", "就业", "住房", "托育", "食品安全", "社区服务", "公共交通", "垃圾分类", "老旧小区", "社会保障", "职业技能", "健康", "早餐工程"}
	var briefings []*content.Page
	for i := range 62 { // at most an eighth of the documents, before and after: spliced
		p := &content.Page{File: fmt.Sprintf("content/jb%d.md", i), Date: time.Date(2025, 1, 1+i%28, 0, 0, 0, 0, time.UTC),
			Meta: frontmatter.FrontMatter{Title: fmt.Sprintf("第%d期工作简报", i+1), Slug: fmt.Sprintf("jb%d", i), Series: "简报"}}
		for k := range 3 {
			p.Paragraphs = append(p.Paragraphs, content.Paragraph{N: k + 1, ID: fmt.Sprintf("p%d", k+1),
				Text: other[(i+k)%len(other)] + "和" + other[(i*7+k)%len(other)] + "工作稳步推进。"})
		}
		briefings = append([]*content.Page{p}, briefings...) // newest first
	}
	older := s.pages
	st := NewState()
	ranges := map[string][]int{} // per step, each token's documents per rest file
	for step, c := range []struct {
		what  string
		pages []*content.Page
	}{
		{"500 documents", older},
		{"62 newer briefings added", append(slices.Clone(briefings), older...)},
		{"the briefings removed again", older},
	} {
		site := &link.Site{Pages: c.pages}
		got, _, err := st.Build(context.Background(), site)
		if err != nil {
			t.Fatalf("%s: State.Build: %v", c.what, err)
		}
		if step > 0 && st.Tokenised != len(briefings) {
			t.Fatalf("%s: %d documents tokenised, want the %d briefings spliced", c.what, st.Tokenised, len(briefings))
		}
		want, _, err := Build(context.Background(), site)
		if err != nil {
			t.Fatalf("%s: Build: %v", c.what, err)
		}
		compareFiles(t, c.what, want, got)
		p := readPublished(t, want)
		for s := range p.manifest.Shards {
			for _, row := range p.shardTable(s) {
				if row.rests > 0 {
					ranges[row.tok] = append(ranges[row.tok], 1<<row.clog)
				}
			}
		}
	}
	// what makes the test: an older word's rest files cover other ranges
	// in the larger library
	moved := 0
	for _, r := range ranges {
		if len(r) == 3 && r[0] != r[1] {
			moved++
		}
	}
	if moved == 0 {
		t.Error("no list's rest files change their range of documents as the library grows: the test needs one")
	}
}
