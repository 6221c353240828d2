package site

import (
	"net/url"
	"path"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/studysite/studysite/generator/frontmatter"
	"github.com/studysite/studysite/internal/htmltest"
)

const (
	seedTitle    = "习近平总书记考察上海重要讲话精神和深入推进长三角一体化发展座谈会精神"
	seedSubtitle = "(传达稿)"
)

// TestSeedBuild builds the real seed transcript from a folder holding only
// seeds/ and checks what a reader gets: the imported structure, the pages,
// their links and that no character of the transcript is lost.
func TestSeedBuild(t *testing.T) {
	fsys := seedSite(t)
	res := build(t, fsys)
	if res.Pages != 1 || len(res.Imported) != 1 || res.Imported[0].Action != "imported" {
		t.Fatalf("build result: %+v", res)
	}
	contentFile := "site/" + res.Imported[0].Content

	t.Run("content file", func(t *testing.T) {
		head, body, _, err := frontmatter.Split(readFile(t, fsys, contentFile))
		if err != nil {
			t.Fatal(err)
		}
		meta, warns, err := frontmatter.Parse(head)
		if err != nil || len(warns) > 0 {
			t.Fatalf("front matter: %v %v", err, warns)
		}
		if meta.Title != seedTitle {
			t.Errorf("title %q, want %q", meta.Title, seedTitle)
		}
		if meta.Subtitle != seedSubtitle && meta.Subtitle != "（传达稿）" {
			t.Errorf("subtitle %q", meta.Subtitle)
		}
		if meta.Source != "seeds/"+seedFile || len(meta.SourceSHA256) != 64 || meta.Slug == "" {
			t.Errorf("source %q, sha %q, slug %q", meta.Source, meta.SourceSHA256, meta.Slug)
		}
		var h2, paras int
		for _, line := range strings.Split(strings.TrimSpace(string(body)), "\n") {
			switch {
			case strings.HasPrefix(line, "## "):
				h2++
			case strings.HasPrefix(line, "#"):
				t.Errorf("unexpected heading %q", line)
			case line != "":
				paras++
			}
		}
		if h2 != 2 || paras != 19 {
			t.Errorf("body has %d level-2 headings and %d paragraph lines, want 2 and 19", h2, paras)
		}
		// Two of the nine places where a blank line splits a sentence.
		for _, joined := range []string{"作出更大贡献。", "辐射带动作用仍需提升"} {
			if !strings.Contains(string(body), joined) {
				t.Errorf("body does not contain the rejoined %q", joined)
			}
		}
	})

	files := tree(t, fsys, "site/public")
	slug := strings.TrimSuffix(path.Base(contentFile), ".md")
	docPath := "docs/" + slug + "/index.html"
	for _, want := range []string{"index.html", "404.html", docPath} {
		if _, ok := files[want]; !ok {
			t.Fatalf("public/%s missing; have %v", want, sortedKeys(files))
		}
	}
	home := htmltest.Parse(t, readFile(t, fsys, "site/public/index.html"))
	doc := htmltest.Parse(t, readFile(t, fsys, "site/public/"+docPath))

	t.Run("every page is a proper Chinese page", func(t *testing.T) {
		for _, p := range sortedKeys(files) {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			n := htmltest.Parse(t, readFile(t, fsys, "site/public/"+p))
			if lang := htmltest.Attr(htmltest.One(t, n, "html"), "lang"); lang != "zh-CN" {
				t.Errorf("%s: lang %q", p, lang)
			}
			if strings.TrimSpace(htmltest.Text(t, htmltest.One(t, n, "title"), "")) == "" {
				t.Errorf("%s: empty <title>", p)
			}
			if !strings.Contains(htmltest.Attr(htmltest.One(t, n, `meta[name="viewport"]`), "content"), "width=device-width") {
				t.Errorf("%s: no viewport meta", p)
			}
		}
	})

	t.Run("home lists the document", func(t *testing.T) {
		var found bool
		for _, a := range htmltest.All(t, home, "main a[href]") {
			if htmltest.Attr(a, "href") == docPath && strings.Contains(htmltest.Text(t, a, ""), seedTitle) {
				found = true
			}
		}
		if !found {
			t.Errorf("home page has no link %q titled with the seed title", docPath)
		}
		if !strings.Contains(htmltest.Text(t, home, ""), "2023年12月1日") {
			t.Errorf("home page does not show the document date")
		}
	})

	t.Run("document structure", func(t *testing.T) {
		if got := htmltest.Text(t, htmltest.One(t, doc, "h1"), ""); got != seedTitle {
			t.Errorf("h1 %q", got)
		}
		body := htmltest.One(t, doc, ".doc-body")
		h2 := htmltest.All(t, body, "h2")
		if len(h2) != 2 || !strings.HasPrefix(htmltest.Text(t, h2[0], ""), "一、") || !strings.HasPrefix(htmltest.Text(t, h2[1], ""), "二、") {
			t.Errorf("want headings 一、… and 二、…, got %d h2", len(h2))
		}
		ids := map[string]bool{}
		for _, h := range htmltest.All(t, body, "h1,h2,h3,h4,h5,h6") {
			id := htmltest.Attr(h, "id")
			if id == "" || id == "heading" || ids[id] {
				t.Errorf("heading %q has id %q (empty, goldmark's default or repeated)", htmltest.Text(t, h, ""), id)
			}
			ids[id] = true
		}
		paras := htmltest.All(t, body, "p")
		if len(paras) != 19 {
			t.Errorf("%d paragraphs, want 19", len(paras))
		}
		for i, p := range paras {
			if id := htmltest.Attr(p, "id"); id != "p"+strconv.Itoa(i+1) {
				t.Errorf("paragraph %d has id %q", i+1, id)
			}
		}
	})

	t.Run("TOC links every heading", func(t *testing.T) {
		var tocTargets []string
		for _, a := range htmltest.All(t, doc, "nav.toc a") {
			tocTargets = append(tocTargets, strings.TrimPrefix(htmltest.Attr(a, "href"), "#"))
		}
		var headingIDs []string
		for _, h := range htmltest.All(t, doc, ".doc-body h2, .doc-body h3, .doc-body h4, .doc-body h5, .doc-body h6") {
			headingIDs = append(headingIDs, htmltest.Attr(h, "id"))
		}
		if strings.Join(tocTargets, " ") != strings.Join(headingIDs, " ") {
			t.Errorf("TOC targets %v, headings %v", tocTargets, headingIDs)
		}
	})

	t.Run("links are relative and resolve", func(t *testing.T) {
		for _, p := range sortedKeys(files) {
			if !strings.HasSuffix(p, ".html") {
				continue
			}
			n := htmltest.Parse(t, readFile(t, fsys, "site/public/"+p))
			for _, el := range htmltest.All(t, n, "[href],[src]") {
				ref := htmltest.Attr(el, "href") + htmltest.Attr(el, "src")
				if el.Data == "link" && strings.HasPrefix(ref, "data:image/") {
					continue // the 404 page's icon, inline: it links no files
				}
				checkLocalRef(t, p, ref, files, n)
			}
		}
	})

	t.Run("minified", func(t *testing.T) {
		for _, p := range sortedKeys(files) {
			data := string(readFile(t, fsys, "site/public/"+p))
			switch path.Ext(p) {
			case ".css", ".js":
				// (index files are one string of base85, where "/*" is data)
				comment := strings.Contains(data, "/*") && !strings.HasPrefix(p, "search/")
				if comment || strings.Count(data, "\n") > 1 {
					t.Errorf("%s is not minified", p)
				}
			case ".html":
				if strings.Contains(data, "\n  ") || strings.Contains(data, ">\n<") {
					t.Errorf("%s is not minified", p)
				}
			}
		}
	})

	t.Run("nothing lost", func(t *testing.T) {
		seed := htmltest.StripSpace(string(readSeed(t)))
		var shown strings.Builder
		shown.WriteString(htmltest.Text(t, htmltest.One(t, doc, "h1"), ""))
		shown.WriteString(htmltest.Text(t, htmltest.One(t, doc, ".doc-subtitle"), ""))
		shown.WriteString(htmltest.Text(t, htmltest.One(t, doc, ".doc-body"), ".pn"))
		if got := htmltest.StripSpace(shown.String()); got != seed {
			t.Errorf("document text differs from the seed\n%s", htmltest.FirstDiff(got, seed))
		}
	})
}

// checkLocalRef fails when a link or asset reference is absolute or does
// not resolve to a built file (and, with a fragment, to an id there).
func checkLocalRef(t *testing.T, page, ref string, files map[string]string, n *html.Node) {
	t.Helper()
	u, err := url.Parse(ref)
	if err != nil {
		t.Errorf("%s: bad reference %q", page, ref)
		return
	}
	if u.Scheme != "" || strings.HasPrefix(ref, "/") {
		t.Errorf("%s: reference %q is not relative", page, ref)
		return
	}
	if u.Path == "" {
		if u.Fragment != "" && len(htmltest.All(t, n, `[id="`+cssEscapeID(u.Fragment)+`"]`)) == 0 {
			t.Errorf("%s: fragment %q has no target", page, ref)
		}
		return
	}
	if strings.HasSuffix(u.Path, "/") {
		t.Errorf("%s: reference %q names a folder; file:// needs …/index.html", page, ref)
		return
	}
	target := path.Join(path.Dir(page), u.Path)
	if _, ok := files[target]; !ok {
		t.Errorf("%s: reference %q → %s does not exist", page, ref, target)
	}
}

func cssEscapeID(id string) string {
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(id)
}
