package link

import (
	"reflect"
	"testing"
)

func TestRelatedByRareSharedTerms(t *testing.T) {
	cfg := glossaryConfig("枫桥经验", "高质量发展", "人民城市", "一带一路")
	files := map[string]string{
		// 高质量发展 is everywhere, so it carries no weight; 枫桥经验 is in two
		// documents, 人民城市 and 一带一路 in three.
		"content/a.md": doc("a", "2023-01-01", "", "\n枫桥经验，高质量发展，人民城市。\n"),
		"content/b.md": doc("b", "2023-02-01", "", "\n枫桥经验，高质量发展。\n"),
		"content/c.md": doc("c", "2023-03-01", "", "\n高质量发展，人民城市，一带一路。\n"),
		"content/d.md": doc("d", "2023-04-01", "", "\n高质量发展，人民城市，一带一路。\n"),
		"content/e.md": doc("e", "2023-05-01", "", "\n高质量发展，一带一路。\n"),
	}
	s := mustBuild(t, cfg, files)
	got := func(slug string) []string {
		var out []string
		for _, r := range s.Related(s.Page(slug)) {
			out = append(out, r.Page.Slug())
			var shared []string
			for _, t := range r.Shared {
				shared = append(shared, t.Name)
			}
			out = append(out, shared...)
		}
		return out
	}
	// a: b shares the rare 枫桥经验 (ln 5/2) > c, d share 人民城市 (ln 5/3);
	// c and d tie, the newer first. e shares only 高质量发展: not related.
	if want := []string{"b", "枫桥经验", "d", "人民城市", "c", "人民城市"}; !reflect.DeepEqual(got("a"), want) {
		t.Errorf("related(a) = %q, want %q", got("a"), want)
	}
	// c: d shares two terms, then a (人民城市) and e (一带一路) tie on
	// weight; the newer (e) first. Equal-weight shared terms: pinyin order.
	if want := []string{"d", "人民城市", "一带一路", "e", "一带一路", "a", "人民城市"}; !reflect.DeepEqual(got("c"), want) {
		t.Errorf("related(c) = %q, want %q", got("c"), want)
	}
	var docTerms []string
	for _, tc := range s.DocTerms(s.Page("a")) {
		docTerms = append(docTerms, tc.Term.Name)
	}
	if want := []string{"枫桥经验", "高质量发展", "人民城市"}; !reflect.DeepEqual(docTerms, want) {
		t.Errorf("terms of a = %q, want %q (equal counts: pinyin order)", docTerms, want)
	}
}

func TestRelatedKeepsTopFive(t *testing.T) {
	files := map[string]string{}
	for _, slug := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		files["content/"+slug+".md"] = doc(slug, "2023-01-01", "", "\n人民城市。\n")
	}
	files["content/z.md"] = doc("z", "2023-01-01", "", "\n无关。\n")
	s := mustBuild(t, glossaryConfig("人民城市"), files)
	var got []string
	for _, r := range s.Related(s.Page("a")) {
		got = append(got, r.Page.Slug())
	}
	if want := []string{"b", "c", "d", "e", "f"}; !reflect.DeepEqual(got, want) {
		t.Errorf("related = %q, want %q", got, want)
	}
}

func TestTaxonomies(t *testing.T) {
	s := mustBuild(t, glossaryConfig(), map[string]string{
		"content/a.md": doc("a", "2023-01-01", "tags: [改革开放, 科技创新]\nseries: 学习笔记\nspeaker: 李强\n", "\n正文。\n"),
		"content/b.md": doc("b", "2023-02-01", "tags: [科技创新, 科技创新]\nseries: 学习笔记\n", "\n正文。\n"),
	})
	got := map[string][]string{}
	for _, tx := range s.Taxonomies {
		for _, e := range tx.Entries {
			var slugs []string
			for _, p := range e.Pages {
				slugs = append(slugs, p.Slug())
			}
			got[tx.Kind+"/"+e.Slug+" "+e.Name] = slugs
		}
	}
	want := map[string][]string{
		"tags/gai-ge-kai-fang 改革开放":  {"a"},
		"tags/ke-ji-chuang-xin 科技创新": {"b", "a"},
		"series/xue-xi-bi-ji 学习笔记":   {"a", "b"}, // a series reads oldest first
		"speakers/li-qiang 李强":       {"a"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("taxonomies = %v, want %v", got, want)
	}
	if of := s.Taxonomies[0].Of(s.Page("b")); len(of) != 1 || of[0].Name != "科技创新" {
		t.Errorf("tags of b = %+v", of)
	}
}
