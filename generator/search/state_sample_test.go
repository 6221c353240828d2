package search

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
)

// TestStateEditOutsideTheSample: the dictionary is chosen from a sample of
// the library read in the order of its slugs' hashes, and kept while the
// sample reads the same. An edit to a document outside the sample gives
// what search.Build gives, whatever document the library holds as its
// oldest (pages are newest first; the oldest document's entries start the
// index's entry list): here each of the first three read in the sample in
// turn.
func TestStateEditOutsideTheSample(t *testing.T) {
	was := dictSample
	dictSample = 20000 // a part of the library
	defer func() { dictSample = was }()
	hash := func(p *content.Page) uint64 { h := fnv.New64a(); h.Write([]byte(p.Meta.Slug)); return h.Sum64() }
	s := &stateSite{rng: rand.New(rand.NewPCG(21, 21))}
	chars := 0
	for range 300 {
		p := s.page()
		for _, para := range p.Paragraphs {
			chars += utf8.RuneCountInString(para.Text)
		}
		s.pages = append(s.pages, p)
	}
	if chars < 2*dictSample {
		t.Fatalf("%d characters: the library is too small for a document outside the sample", chars)
	}
	byHash := slices.SortedFunc(slices.Values(s.pages), func(a, b *content.Page) int { return cmp.Compare(hash(a), hash(b)) })
	for _, first := range byHash[:3] {
		t.Run(first.Meta.Slug, func(t *testing.T) {
			var pages []*content.Page
			for _, p := range s.pages {
				if p != first {
					pages = append(pages, p)
				}
			}
			pages = append(pages, first)
			st := NewState()
			if _, _, err := st.Build(context.Background(), &link.Site{Pages: pages}); err != nil {
				t.Fatal(err)
			}
			last := slices.Index(pages, byHash[len(byHash)-1])
			edited := *pages[last]
			edited.Paragraphs = slices.Clone(edited.Paragraphs)
			edited.Paragraphs[0].Text += "新出现的词语"
			pages[last] = &edited
			site := &link.Site{Pages: pages}
			got, _, err := st.Build(context.Background(), site)
			if err != nil {
				t.Fatalf("after the edit: State.Build: %v", err)
			}
			want, _, err := Build(context.Background(), site)
			if err != nil {
				t.Fatal(err)
			}
			compareFiles(t, fmt.Sprintf("%s oldest, %s edited", first.Meta.Slug, edited.Meta.Slug), want, got)
		})
	}
}
