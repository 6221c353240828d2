package render

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/themes"
)

// renderSite links and renders content files with the built-in theme and
// returns the output files by path.
func renderSite(t testing.TB, cfg config.Config, files map[string]string) map[string][]byte {
	t.Helper()
	site := linkSite(t, cfg, files)
	r, err := New(themes.Builtin("default"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(context.Background(), site)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range out {
		m[f.Path] = f.Data
	}
	return m
}

// loadTestSite reads testdata/<name>: studysite.toml and content/*.md.
func loadTestSite(t *testing.T, name string) (config.Config, map[string]string) {
	t.Helper()
	dir := filepath.Join("testdata", name)
	mem := afero.NewMemMapFs()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
		if strings.HasPrefix(rel, "content/") {
			files[rel] = string(b)
		}
		return afero.WriteFile(mem, rel, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg, warns, err := config.Load(mem, config.FileName)
	if err != nil || len(warns) > 0 {
		t.Fatalf("config: %v %v", err, warns)
	}
	return cfg, files
}

func parseHTML(t testing.TB, b []byte) *html.Node {
	t.Helper()
	n, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// find returns the elements for which match is true, in document order.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func outerHTML(t *testing.T, n *html.Node) string {
	var b bytes.Buffer
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLinksGolden renders a three-document site and compares the parts the
// link stage fills — document bodies with term links and [[links]], the
// related/backlinks block, term pages, the terms index and taxonomy pages —
// with testdata/links/golden. Run with -update to accept a change.
func TestLinksGolden(t *testing.T) {
	cfg, files := loadTestSite(t, "links")
	out := renderSite(t, cfg, files)
	var paths []string
	for p := range out {
		if strings.HasSuffix(p, ".html") && !strings.HasPrefix(p, "404") && p != "index.html" && !strings.HasPrefix(p, "search/") {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	var got bytes.Buffer
	for _, p := range paths {
		doc := parseHTML(t, out[p])
		var parts []*html.Node
		if strings.HasPrefix(p, "docs/") {
			parts = find(doc, func(n *html.Node) bool { return htmltest.HasClass(n, "doc-body") || htmltest.HasClass(n, "doc-links") })
		} else {
			parts = find(doc, func(n *html.Node) bool {
				return htmltest.HasClass(n, "term-page") || htmltest.HasClass(n, "terms-page") || htmltest.HasClass(n, "taxonomy-page") || htmltest.HasClass(n, "packet") || htmltest.HasClass(n, "packets-page") || htmltest.HasClass(n, "archive-page")
			})
		}
		if len(parts) == 0 {
			t.Errorf("%s: nothing to compare", p)
		}
		fmt.Fprintf(&got, "==> %s\n", p)
		for _, n := range parts {
			got.WriteString(strings.ReplaceAll(outerHTML(t, n), "><", ">\n<"))
			got.WriteString("\n")
		}
	}
	golden := filepath.Join("testdata", "links", "golden.html")
	if *update {
		if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestLinksGolden -update)", err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("output differs from %s (go test -run TestLinksGolden -update, then review the diff):\n%s", golden, htmltest.FirstDiff(got.String(), string(want)))
	}
}

// TestLinksWhatReadersSee checks the seed-site promises on the three-document
// site: explicit links, backlinks, related documents and the terms index.
func TestLinksWhatReadersSee(t *testing.T) {
	cfg, files := loadTestSite(t, "links")
	out := renderSite(t, cfg, files)
	a := parseHTML(t, out["docs/shang-hai/index.html"])
	var hrefs []string
	for _, n := range find(a, func(n *html.Node) bool {
		return n.Data == "a" && htmltest.HasClass(n, "xref") || n.Data == "a" && htmltest.Attr(n, "href") == "../../docs/jiang-su/index.html#s2"
	}) {
		hrefs = append(hrefs, htmltest.Attr(n, "href")+" "+htmltest.TextOf(n))
	}
	want := []string{"../../docs/jiang-su/index.html#p2 《江苏考察讲话》¶2", "../../docs/jiang-su/index.html#s2 江苏讲话"}
	if strings.Join(hrefs, "|") != strings.Join(want, "|") {
		t.Errorf("explicit links = %q, want %q", hrefs, want)
	}
	back := find(a, func(n *html.Node) bool { return htmltest.HasClass(n, "backlinks") })
	if len(back) != 1 || !strings.Contains(htmltest.TextOf(back[0]), "江苏考察讲话¶2 → ¶1") || !strings.Contains(htmltest.TextOf(back[0]), "学习体会¶1") {
		t.Errorf("backlinks block = %q", htmltest.TextOf(back[0]))
	}
	idx := parseHTML(t, out["terms/index.html"])
	byCount := find(idx, func(n *html.Node) bool { return htmltest.Attr(n, "id") == "by-count" })
	items := find(byCount[0], func(n *html.Node) bool { return n.Data == "li" })
	// 人民城市: twice in a, once in b, once in c (in code: not linked, but
	// still said there); the list item's 中国式现代化 in c is no paragraph.
	if len(items) == 0 || !strings.HasPrefix(htmltest.TextOf(items[0]), "人民城市 4 次 · 3 篇") {
		t.Errorf("most frequent term = %q", htmltest.TextOf(items[0]))
	}
	byPinyin := find(idx, func(n *html.Node) bool { return htmltest.Attr(n, "id") == "by-pinyin" })
	var names []string
	for _, li := range find(byPinyin[0], func(n *html.Node) bool { return n.Data == "li" }) {
		names = append(names, strings.Fields(htmltest.TextOf(li))[0])
	}
	if w := "人民城市 五个中心 现代化 一带一路 中国式现代化 中心"; strings.Join(names, " ") != w {
		t.Errorf("pinyin order = %q, want %q", names, w)
	}
}

// TestNoBrokenInternalLinks builds random sites and follows every relative
// link of every page: the file must exist and a fragment must name an
// element there. For KWIC lines it checks the property a study group relies
// on: the linked paragraph contains the highlighted wording and its context.
func TestNoBrokenInternalLinks(t *testing.T) {
	cfg, files := loadTestSite(t, "links")
	sites := []map[string]string{files}
	for seed := range uint64(12) {
		sites = append(sites, randomSite(seed))
	}
	for i, files := range sites {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			out := renderSite(t, cfg, files)
			checkLinks(t, out)
		})
	}
}

func checkLinks(t *testing.T, out map[string][]byte) {
	t.Helper()
	parsed := map[string]*html.Node{}
	get := func(p string) *html.Node {
		if n, ok := parsed[p]; ok {
			return n
		}
		n := parseHTML(t, out[p])
		parsed[p] = n
		return n
	}
	kwic := 0
	for p := range out {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		for _, a := range find(get(p), func(n *html.Node) bool { return n.Data == "a" || n.Data == "link" || n.Data == "script" }) {
			ref := htmltest.Attr(a, "href") + htmltest.Attr(a, "src")
			if ref == "" && a.Data != "a" {
				continue // an inline script
			}
			u, err := url.Parse(ref)
			if err == nil && (u.Scheme == "https" || u.Scheme == "http") {
				continue // an external link written in a content file
			}
			if err == nil && a.Data == "link" && u.Scheme == "data" {
				continue // the 404 page's icon, inline: it links no files
			}
			if err != nil || u.Scheme != "" || ref == "" || strings.HasPrefix(ref, "/") {
				t.Errorf("%s: link %q is not a relative URL", p, ref)
				continue
			}
			target := p
			if u.Path != "" {
				target = path.Join(path.Dir(p), u.Path)
				if !strings.HasSuffix(u.Path, "index.html") && !strings.Contains(path.Base(u.Path), ".") {
					t.Errorf("%s: link %q does not name a file (breaks from file://)", p, ref)
				}
			}
			if _, ok := out[target]; !ok {
				t.Errorf("%s: link %q: no file %s", p, ref, target)
				continue
			}
			if u.Fragment == "" {
				continue
			}
			els := find(get(target), func(n *html.Node) bool { return htmltest.Attr(n, "id") == u.Fragment })
			if len(els) != 1 {
				t.Errorf("%s: link %q: %d elements with id %q in %s", p, ref, len(els), u.Fragment, target)
				continue
			}
			if marks := find(a, func(n *html.Node) bool { return n.Data == "mark" }); len(marks) == 1 {
				kwic++
				para := htmltest.TextOf(els[0])
				if !strings.Contains(para, htmltest.TextOf(marks[0])) {
					t.Errorf("%s: KWIC %q links to %s#%s, which does not contain %q", p, htmltest.TextOf(a), target, u.Fragment, htmltest.TextOf(marks[0]))
				}
				ctx := find(a, func(n *html.Node) bool {
					return htmltest.HasClass(n, "kwic-before") || n.Data == "mark" || htmltest.HasClass(n, "kwic-after")
				})
				var line string
				for _, c := range ctx {
					line += htmltest.TextOf(c)
				}
				if !strings.Contains(para, strings.Trim(line, "…")) {
					t.Errorf("%s: KWIC line %q is not in the text of %s#%s: %q", p, line, target, u.Fragment, para)
				}
			}
		}
	}
	if kwic == 0 {
		t.Error("no KWIC lines checked")
	}
}

// randomSite makes a site whose paragraphs mix glossary terms, their
// overlaps (中国式现代化/现代化), aliases, exclusions, punctuation, markup and
// [[links]] between documents.
func randomSite(seed uint64) map[string]string {
	r := rand.New(rand.NewPCG(seed, 7))
	words := []string{"人民城市", "中国式现代化", "现代化", "一带一路", "丝绸之路经济带", "中心", "中心城区", "五个中心",
		"，", "。", "“", "”", "推进", "坚持", "**重点**", "`代码人民城市`", "[链接](https://example.org/)", "城市治理", "高质量"}
	n := 3 + r.IntN(5)
	files := map[string]string{}
	paras := make([]int, n)
	for i := range n {
		paras[i] = 1 + r.IntN(6)
	}
	for i := range n {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: 文档%d\nslug: d%d\ndate: \"2023-%02d-%02d\"\ntags: [标签%d]\nterms: [五个中心]\n---\n\n", i, i, 1+r.IntN(12), 1+r.IntN(28), r.IntN(3))
		for k := range paras[i] {
			if k == paras[i]/2 {
				fmt.Fprintf(&b, "## 第%d节\n\n", k)
			}
			for range 5 + r.IntN(40) {
				b.WriteString(words[r.IntN(len(words))])
			}
			if r.IntN(3) == 0 {
				j := r.IntN(n)
				fmt.Fprintf(&b, "见[[d%d#p%d]]。", j, 1+r.IntN(paras[j]))
			}
			b.WriteString("\n\n")
		}
		files[fmt.Sprintf("content/d%d.md", i)] = b.String()
	}
	return files
}
