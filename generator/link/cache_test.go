package link

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
)

// editedLibrary is a small library that an editing session changes one
// file at a time, as serve sees it: each file parsed again only when its
// text changed, so an unchanged file is the same *content.Page.
type editedLibrary struct {
	texts map[string]string
	pages map[string]*content.Page
}

func (l *editedLibrary) set(t *testing.T, file, text string) {
	t.Helper()
	if text == "" {
		delete(l.texts, file)
		delete(l.pages, file)
		return
	}
	if l.texts[file] == text {
		return
	}
	p, err := content.Parse(file, []byte(text))
	if err != nil {
		t.Fatalf("%s: %v\n%s", file, err, text)
	}
	l.texts[file], l.pages[file] = text, p
}

func (l *editedLibrary) list() []*content.Page {
	var out []*content.Page
	for _, f := range slices.Sorted(maps.Keys(l.pages)) {
		out = append(out, l.pages[f])
	}
	return out
}

// randomDoc writes a document of slug with paragraphs that use terms,
// link to other slugs (by [[slug]], [[slug#p1]], [[slug#s1]] and
// slug.md), carry front matter terms, and sometimes a broken link.
func randomDoc(r *rand.Rand, slug string, slugs []string) string {
	words := []string{"人民城市", "中国式现代化", "新质生产力", "枫桥经验", "高质量发展", "乡村振兴", "一般的话", "工作"}
	var fm string
	if r.IntN(3) == 0 {
		fm = "terms: [\"" + []string{"城市更新", "数字政府", "基层治理"}[r.IntN(3)] + "\"]\n"
	}
	date := fmt.Sprintf("2024-%02d-%02d", 1+r.IntN(3), 1+r.IntN(28))
	var body strings.Builder
	body.WriteString("\n## 一、总体要求\n\n")
	for p := 0; p < 1+r.IntN(4); p++ {
		for w := 0; w < 2+r.IntN(4); w++ {
			body.WriteString(words[r.IntN(len(words))])
			if r.IntN(4) == 0 {
				body.WriteString([]string{"城市更新", "数字政府", "基层治理"}[r.IntN(3)])
			}
		}
		if r.IntN(2) == 0 && len(slugs) > 0 {
			to := slugs[r.IntN(len(slugs))]
			switch r.IntN(5) {
			case 0:
				fmt.Fprintf(&body, "见[[%s]]", to)
			case 1:
				fmt.Fprintf(&body, "见[[%s#p1]]", to)
			case 2:
				fmt.Fprintf(&body, "见[[%s#s1|那一节]]", to)
			case 3:
				fmt.Fprintf(&body, "见[原文](%s.md)", to)
			default:
				body.WriteString("见[[不存在]]")
			}
		}
		body.WriteString("。\n\n")
	}
	title := "标题" + slug
	if r.IntN(3) == 0 {
		title += "（修订）"
	}
	return "---\ntitle: " + title + "\nslug: " + slug + "\ndate: \"" + date + "\"\n" + fm + "---\n" + body.String()
}

// TestCacheGivesWhatBuildGives edits a library at random — a document
// rewritten, added, removed, made a draft; the glossary or termLinks mode
// changed — and after every step links it with the cache kept from the
// steps before and without one: the two Sites must read the same. Pages
// no edit touched keep their pointer in the Site, copies included, and
// most are neither resolved nor scanned again.
func TestCacheGivesWhatBuildGives(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			slugs := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
			lib := &editedLibrary{texts: map[string]string{}, pages: map[string]*content.Page{}}
			for _, s := range slugs {
				lib.set(t, "content/"+s+".md", randomDoc(r, s, slugs))
			}
			cfg := pureConfig()
			cache := NewCache()
			var last *Site
			var kept, relatedKept int
			for step := 0; step < 60; step++ {
				what := "nothing"
				switch k := r.IntN(10); {
				case k < 5:
					s := slugs[r.IntN(len(slugs))]
					what = "rewrite " + s
					lib.set(t, "content/"+s+".md", randomDoc(r, s, slugs))
				case k == 5:
					s := slugs[r.IntN(len(slugs))]
					what = "remove " + s
					lib.set(t, "content/"+s+".md", "")
				case k == 6:
					s := slugs[r.IntN(len(slugs))]
					what = "draft " + s
					lib.set(t, "content/"+s+".md", strings.Replace(randomDoc(r, s, slugs), "---\n", "---\ndraft: true\n", 1))
				case k == 7:
					what = "glossary"
					cfg = pureConfig()
					if r.IntN(2) == 0 {
						cfg.Glossary = append(cfg.Glossary, config.GlossaryEntry{Term: "枫桥经验"})
					}
				case k == 8:
					what = "termLinks"
					cfg.TermLinks = []string{config.TermLinksAll, config.TermLinksFirstPerSection, config.TermLinksOff}[r.IntN(3)]
				}
				pages := lib.list()
				got, err := BuildWith(cfg, pages, cache)
				if err != nil {
					t.Fatalf("step %d (%s): %v", step, what, err)
				}
				want, err := Build(cfg, pages)
				if err != nil {
					t.Fatal(err)
				}
				if g, w := view(t, got), view(t, want); g != w {
					t.Fatalf("step %d (%s): the cached build differs:\n%s\nwant:\n%s", step, what, g, w)
				}
				if what == "nothing" && last != nil {
					if cache.Resolved != 0 || cache.Scanned != 0 || !cache.RelatedKept {
						t.Errorf("step %d: nothing changed, yet %d pages resolved, %d scanned, related kept %v", step, cache.Resolved, cache.Scanned, cache.RelatedKept)
					}
					if !slices.Equal(got.Pages, last.Pages) {
						t.Errorf("step %d: nothing changed, yet the Site's pages are other pointers", step)
					}
				}
				kept += len(pages) - cache.Resolved
				if cache.RelatedKept {
					relatedKept++
				}
				last = got
			}
			if kept == 0 || relatedKept == 0 {
				t.Errorf("the cache kept nothing over the session (%d pages, related %d times): this test proves nothing", kept, relatedKept)
			}
		})
	}
}

// A link to a missing document reads differently once a draft takes that
// slug (and again when the draft goes): the cached build says so as a
// build from scratch does, though the linking file never changed.
func TestCacheSeesAMissingDocumentBecomeADraft(t *testing.T) {
	lib := &editedLibrary{texts: map[string]string{}, pages: map[string]*content.Page{}}
	lib.set(t, "content/from.md", doc("from", "2024-03-06", "", "\n学习[[er-shi-da]]和[报告](er-shi-da.md)。\n"))
	draft := doc("er-shi-da", "2022-10-16", "draft: true\n", "\n尚未定稿。\n")
	cfg := pureConfig()
	cache := NewCache()
	for _, step := range []struct{ name, text string }{
		{"missing", ""}, {"a draft", draft}, {"missing again", ""}, {"a draft again", draft},
	} {
		lib.set(t, "content/er-shi-da.md", step.text)
		got, err := BuildWith(cfg, lib.list(), cache)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Build(cfg, lib.list())
		if err != nil {
			t.Fatal(err)
		}
		g, w := strings.Join(got.Warnings, "\n"), strings.Join(want.Warnings, "\n")
		if g != w {
			t.Errorf("%s: cached build warns\n%s\nwant\n%s", step.name, g, w)
		}
		if isDraft := strings.Contains(w, "draft"); isDraft != (step.text != "") {
			t.Errorf("%s: warnings %q", step.name, w)
		}
	}
}
