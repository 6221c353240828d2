package site

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/check"
	"github.com/studysite/studysite/internal/htmltest"
)

// badInput is one hostile or broken site, given as files over the seed site.
type badInput struct {
	name string
	// big cases are left out of -race runs, which make them ten times
	// slower; `make test` runs the catalogue a second time without -race.
	big   bool
	files map[string]string // site-relative path → content
	// wantErr, when set, lists the problems the build must fail with: the
	// error has exactly one line per entry, and each entry is found in a
	// line of its own (a file, or file:line:, and what is wrong there).
	// When empty the build must succeed and every link of public/ resolve.
	wantErr []string
	// brokenLinks lists what studysite check finds in public/ after a
	// successful build, one line each (none by default).
	brokenLinks []string
	// wantWarn lists the warnings the successful build must log, one line
	// each; the build logs no other warning.
	wantWarn []string
	check    func(t *testing.T, fsys afero.Fs)
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func pngBytes() string {
	return "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
}

func manyHeadings(n int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: 很多标题\nslug: many\n---\n\n")
	for i := 0; i < n; i++ {
		b.WriteString("## 标题\n\n段落。\n\n")
	}
	return b.String()
}

// bigTranscript is a transcript of about size bytes: numbered headings and
// paragraphs, as a long report would have.
func bigTranscript(size int) string {
	var b strings.Builder
	b.WriteString("大文件\n\n")
	para := strings.Repeat("坚持以人民为中心的发展思想，推动高质量发展取得新成效。", 10) + "\n\n"
	for i := 0; b.Len() < size; i++ {
		if i%20 == 0 {
			b.WriteString("一、总体要求\n\n")
		}
		b.WriteString(para)
	}
	return b.String()
}

// namesFile matches an error line that names the file it concerns.
var namesFile = regexp.MustCompile(`(content|seeds|themes)/[^ :]+|studysite\.toml|\.html`)

func docMD(title, slug, body string) string {
	return "---\ntitle: " + title + "\nslug: " + slug + "\n---\n\n" + body + "\n"
}

// TestBadInputCatalogue builds a good site, then each broken variant of it:
// a broken one fails with a clear error naming the file and leaves public/
// exactly as it was; a merely strange one builds correctly. Never a panic.
func TestBadInputCatalogue(t *testing.T) {
	cases := []badInput{
		// Files that are no transcript at all are named and passed over;
		// the rest of the site builds.
		{name: "empty transcript", files: map[string]string{"seeds/empty.txt": ""}, wantWarn: []string{"warning: seeds/empty.txt: not imported: the file has no text"}},
		{name: "binary renamed .txt", files: map[string]string{"seeds/photo.txt": pngBytes()}, wantWarn: []string{"warning: seeds/photo.txt: not imported: this is a PNG image, not a text transcript"}},
		{name: "Word 97 file renamed .txt", files: map[string]string{"seeds/讲话.txt": "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"}, wantWarn: []string{"warning: seeds/讲话.txt: not imported: this is an old Word .doc file (save it as .docx)"}},
		{name: "zip that is no docx", files: map[string]string{"seeds/讲话.docx": "PK\x03\x04 broken"}, wantWarn: []string{"warning: seeds/讲话.docx: not imported: not a Word .docx file"}},
		{name: "undecodable bytes", files: map[string]string{"seeds/bad.txt": "标题\n\n正文\xff\xfe\x80。\n"}, wantErr: []string{"seeds/bad.txt"}},
		{name: "two seeds that cannot be decoded", files: map[string]string{"seeds/bad.txt": "标题\n\n正文\xff\xfe\x80。\n", "seeds/worse.txt": "标题\n\n第一段。\n\n正文\xff\xfe\x80。\n"}, wantErr: []string{"seeds/bad.txt: byte offset 14: byte 0xFF", "seeds/worse.txt: byte offset 28: byte 0xFF"}},
		{name: "front matter broken in two files", files: map[string]string{"content/x.md": "---\ntitle: t\nslug: x\ndate: 明天\n---\n正文\n", "content/y.md": "---\ntitle: u\nslug: y\ntags: {a: 1}\n---\n正文\n"}, wantErr: []string{"content/x.md:4:", "content/y.md:4:"}},
		{name: "front matter not YAML", files: map[string]string{"content/x.md": "---\ntitle: [a\nslug: x\n---\n正文\n"}, wantErr: []string{"content/x.md:"}},
		{name: "front matter wrong type", files: map[string]string{"content/x.md": "---\ntitle: t\nslug: x\ntags: {a: 1}\n---\n正文\n"}, wantErr: []string{"content/x.md:4:"}},
		{name: "date does not parse", files: map[string]string{"content/x.md": "---\ntitle: t\nslug: x\ndate: 明天\n---\n正文\n"}, wantErr: []string{"content/x.md:4:"}},
		{name: "two documents, one slug", files: map[string]string{"content/a.md": docMD("甲", "same", "甲文。"), "content/b.md": docMD("乙", "same", "乙文。")}, wantErr: []string{`content/b.md:3: slug "same" is already used by content/a.md`}},
		{name: "slug with ../", files: map[string]string{"content/x.md": docMD("t", "../../etc", "x")}, wantErr: []string{"content/x.md:3:"}},
		{name: "slug with /", files: map[string]string{"content/x.md": docMD("t", "a/b", "x")}, wantErr: []string{"content/x.md:3:"}},
		{name: `slug with \`, files: map[string]string{"content/x.md": docMD("t", `"a\\b"`, "x")}, wantErr: []string{"content/x.md:3:"}},
		{name: "slug with NUL", files: map[string]string{"content/x.md": docMD("t", `"a\0b"`, "x")}, wantErr: []string{"content/x.md:3:"}},
		{name: "slug CON", files: map[string]string{"content/x.md": docMD("t", "con", "x")}, wantErr: []string{"content/x.md:3:"}},
		{name: "slug NUL.txt", files: map[string]string{"content/x.md": docMD("t", "nul.txt", "x")}, wantErr: []string{"content/x.md:3:"}},
		{name: "slug of 300 characters", files: map[string]string{"content/x.md": docMD("t", strings.Repeat("a", 300), "x")}, wantErr: []string{"content/x.md:3:"}},
		{name: "content file name with spaces and no slug", files: map[string]string{"content/学习 笔记.md": "---\ntitle: t\n---\nx\n"}, wantErr: []string{"content/学习 笔记.md:2:"}},
		{name: "seed named CON.txt", files: map[string]string{"seeds/CON.txt": "关于学习的通知\n\n请按时参加。\n"}, check: func(t *testing.T, fsys afero.Fs) {
			if ok, _ := afero.Exists(fsys, "site/content/con.md"); ok {
				t.Error("content file named after a Windows device")
			}
		}},
		{name: "seed name of 300 characters", files: map[string]string{"seeds/" + strings.Repeat("长", 100) + ".txt": "标题\n\n正文。\n"}, check: func(t *testing.T, fsys afero.Fs) {
			if !strings.Contains(string(readFile(t, fsys, "site/public/index.html")), "标题") {
				t.Error("the document is not on the home page")
			}
		}},
		{name: "title with script", files: map[string]string{"content/x.md": docMD(`"<script>alert(1)</script>标题"`, "x", "正文。")}, check: func(t *testing.T, fsys afero.Fs) {
			for _, p := range []string{"site/public/index.html", "site/public/docs/x/index.html"} {
				n := htmltest.Parse(t, readFile(t, fsys, p))
				for _, s := range htmltest.All(t, n, "script") {
					if strings.Contains(htmltest.Text(t, s, ""), "alert") {
						t.Errorf("%s: the title became a script", p)
					}
				}
			}
		}},
		{name: "raw HTML escaped by default", files: map[string]string{"content/x.md": docMD("t", "x", "<iframe src=\"https://evil\"></iframe>\n\n文<img src=x onerror=alert(1)>字")}, check: func(t *testing.T, fsys afero.Fs) {
			n := htmltest.Parse(t, readFile(t, fsys, "site/public/docs/x/index.html"))
			if len(htmltest.All(t, n, ".doc-body iframe, .doc-body img")) != 0 {
				t.Error("raw HTML became elements")
			}
		}},
		{name: "raw HTML allowed by config", files: map[string]string{"studysite.toml": "[markup]\nunsafeHTML = true\n", "content/x.md": docMD("t", "x", "文<b class=\"raw\">粗</b>字")}, check: func(t *testing.T, fsys afero.Fs) {
			n := htmltest.Parse(t, readFile(t, fsys, "site/public/docs/x/index.html"))
			if len(htmltest.All(t, n, ".doc-body b.raw")) != 1 {
				t.Error("unsafeHTML did not let the element through")
			}
		}},
		{name: "one line of 200,000 characters", files: map[string]string{"seeds/long.txt": "长文\n\n" + strings.Repeat("学习贯彻会议精神，", 22223) + "。\n"}, check: func(t *testing.T, fsys afero.Fs) {
			n := htmltest.Parse(t, readFile(t, fsys, "site/public/docs/zhang-wen/index.html")) // 长 read zhǎng: a polyphone without context
			if got := len([]rune(htmltest.TextOf(htmltest.One(t, n, "#p1")))); got < 200000 {
				t.Errorf("¶1 has %d characters, want the whole line", got)
			}
		}},
		{name: "a 50 MB transcript", big: true, files: map[string]string{"seeds/big.txt": bigTranscript(50 << 20)}, check: func(t *testing.T, fsys afero.Fs) {
			if ok, _ := afero.Exists(fsys, "site/content/da-wen-jian.md"); !ok {
				t.Error("big transcript not imported")
			}
		}},
		{name: "10,000 headings", files: map[string]string{"content/many.md": manyHeadings(10000)}, check: func(t *testing.T, fsys afero.Fs) {
			n := htmltest.Parse(t, readFile(t, fsys, "site/public/docs/many/index.html"))
			ids := map[string]bool{}
			for _, h := range htmltest.All(t, n, ".doc-body h2") {
				ids[htmltest.Attr(h, "id")] = true
			}
			if len(ids) != 10000 {
				t.Errorf("%d distinct heading ids, want 10000", len(ids))
			}
		}},
		{name: "nesting deeper than 6 levels", files: map[string]string{"content/deep.md": docMD("t", "deep", "####### 七级\n\n> > > > > > > > 引用\n\n- a\n  - b\n    - c\n      - d\n        - e\n          - f\n            - g")}, check: func(t *testing.T, fsys afero.Fs) {
			n := htmltest.Parse(t, readFile(t, fsys, "site/public/docs/deep/index.html"))
			if text := htmltest.TextOf(htmltest.One(t, n, ".doc-body")); !strings.Contains(text, "七级") || !strings.Contains(text, "引用") || !strings.Contains(text, "g") {
				t.Errorf("deep nesting lost text: %q", text)
			}
		}},
		{name: "unknown front matter key warns", files: map[string]string{"content/x.md": "---\ntitle: t\nslug: x\nauthor: 某\n---\n正文\n"}, wantWarn: []string{`warning: content/x.md:4: unknown front matter key "author"`}},
		{name: "[[link]] to nothing", files: map[string]string{"content/x.md": docMD("t", "x", "第一段。\n\n见[[no-such-document]]。")}, wantErr: []string{"content/x.md:8:"}},
		{name: "[[link]] to a missing paragraph", files: map[string]string{"content/x.md": docMD("t", "x", "见[[x#p99]]。")}, wantErr: []string{"content/x.md:6:"}},
		{name: "broken links in two files", files: map[string]string{"content/x.md": docMD("t", "x", "见[[x#p99]]。\n\n又见[[nope]]。"), "content/y.md": docMD("u", "y", "见[[x#s9]]。")}, wantErr: []string{`content/x.md:6: [[x#p99]]: document "x" has no paragraph or heading "p99"`, `content/x.md:8: [[nope]]: no document with slug "nope"`, `content/y.md:6: [[x#s9]]: document "x" has no paragraph or heading "s9"`}},
		{name: "unknown theme", files: map[string]string{"studysite.toml": "theme = \"nosuch\"\n"}, wantErr: []string{"studysite.toml"}},
		{name: "theme template syntax error", files: map[string]string{"themes/default/templates/doc.html": "{{define \"main\"}}\n<h1>{{.Doc.Title}</h1>\n{{end}}\n"}, wantErr: []string{"doc.html:2"}},
		{name: "theme templates missing", files: map[string]string{"studysite.toml": "theme = \"mine\"\n", "themes/mine/templates/base.html": "<html></html>", "themes/mine/templates/home.html": "", "themes/mine/templates/404.html": "", "themes/mine/templates/doc.html": ""},
			wantErr: []string{"themes/mine: the theme has no templates/packet.html, templates/packets.html, templates/search.html, templates/term.html, templates/terms.html, which the site's pages need"}},
		{name: "base.html copied from the first studysite", files: map[string]string{"themes/default/templates/base.html": readTestdata(t, "base-f752626.html")},
			wantWarn: []string{
				"warning: themes/default/templates/base.html: the copied template lacks the target of the 回到顶部 links",
				"warning: themes/default/templates/base.html: the copied template lacks the Content-Security-Policy meta tag",
				"warning: themes/default/templates/base.html: the copied template lacks the reader's 字号 and colour scheme applied before the first paint",
				"warning: themes/default/templates/base.html: the copied template lacks the 404 page's inline stylesheet and script",
				"warning: themes/default/templates/base.html: the copied template lacks the header navigation",
				"warning: themes/default/templates/base.html: the copied template lacks the search box in the header",
				"warning: themes/default/templates/base.html: the copied template lacks the reading controls",
				"warning: themes/default/templates/base.html: the copied template lacks the styles of cross-links",
				"warning: themes/default/templates/base.html: the copied template lacks the styles of search results",
				"warning: themes/default/templates/base.html: the copied template lacks the styles of study packet pages",
				"warning: themes/default/templates/base.html: the copied template lacks search from the header box",
				"warning: themes/default/templates/base.html: the copied template lacks the stylesheet of a theme that extends this one",
				"warning: themes/default/templates/base.html: the copied template lacks the link to the Atom feed",
			},
			brokenLinks: []string{`docs/xi-jin-ping-zong-shu-ji-kao-cha/index.html:1: a@href "#top": no element with id "top"`},
			check: func(t *testing.T, fsys afero.Fs) {
				// The pages are built through the old layout, with
				// their text and their own stylesheet.
				n := htmltest.Parse(t, readFile(t, fsys, "site/public/docs/xi-jin-ping-zong-shu-ji-kao-cha/index.html"))
				if len(htmltest.All(t, n, ".doc-body p")) < 10 || len(htmltest.All(t, n, `link[rel=stylesheet]`)) != 1 {
					t.Error("the document page did not build through the old base.html")
				}
			}},
		{name: "theme template runtime error", files: map[string]string{"themes/default/templates/home.html": "{{define \"main\"}}{{.NoSuchField}}{{end}}"}, wantErr: []string{"home.html"}},
		{name: "studysite.toml syntax error", files: map[string]string{"studysite.toml": "title = \"a\"\ntheme = = \"x\"\n"}, wantErr: []string{"studysite.toml:2:"}},
		{name: "folder named like a seed", files: map[string]string{"seeds/notes.txt/inner.txt": "x"}, check: func(t *testing.T, fsys afero.Fs) {
			// Seeds are the files of seeds/ itself: the folder is passed
			// over, the seed beside it is still the one document.
			entries, err := afero.ReadDir(fsys, "site/content")
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if len(names) != 1 || strings.Contains(names[0], "note") || strings.Contains(names[0], "inner") {
				t.Errorf("content/ holds %q, want the seed's document alone", names)
			}
		}},
	}
	base := seedSite(t)
	build(t, base)
	before := tree(t, base, "site/public")
	for _, tc := range cases {
		// -short (make mutate) leaves the big cases out too: they would
		// run once per mutant.
		if tc.big && (raceDetector || testing.Short()) {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			fsys := copyFs(t, base)
			for name, data := range tc.files {
				if err := afero.WriteFile(fsys, "site/"+name, []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var log bytes.Buffer
			_, err := Build(context.Background(), fsys, Options{Source: "site", Log: &log})
			if len(tc.wantErr) > 0 {
				if err == nil {
					t.Fatalf("build succeeded, want an error with the lines %q", tc.wantErr)
				}
				checkErrorLines(t, err, tc.wantErr)
				if got := tree(t, fsys, "site/public"); !maps.Equal(got, before) {
					t.Error("failed build changed public/")
				}
				return
			}
			if err != nil {
				t.Fatalf("build: %v", err)
			}
			rep, err := check.Site(fsys, "site/public", "")
			if err != nil {
				t.Fatalf("checking public/: %v", err)
			}
			var problems []string
			for _, p := range rep.Problems {
				problems = append(problems, p.String())
			}
			if missing, extra := matchLines(problems, tc.brokenLinks); len(missing) > 0 || len(extra) > 0 {
				t.Errorf("studysite check on public/: not found: %q; found but not expected: %q", missing, extra)
			}
			var warnings []string
			for _, l := range strings.Split(log.String(), "\n") {
				if strings.HasPrefix(l, "warning: ") {
					warnings = append(warnings, l)
				}
			}
			if missing, extra := matchLines(warnings, tc.wantWarn); len(missing) > 0 || len(extra) > 0 {
				t.Errorf("warnings not logged: %q; logged but not expected: %q", missing, extra)
			}
			if tc.check != nil {
				tc.check(t, fsys)
			}
		})
	}
}

// checkErrorLines fails unless err has one line per wanted problem, each
// line holding its own entry of want and naming a file.
func checkErrorLines(t *testing.T, err error, want []string) {
	t.Helper()
	lines := strings.Split(err.Error(), "\n")
	for _, l := range lines {
		if !namesFile.MatchString(l) {
			t.Errorf("error line %q names no file", l)
		}
	}
	if missing, extra := matchLines(lines, want); len(missing) > 0 || len(extra) > 0 {
		t.Errorf("want one line per problem; no line of its own says %q; lines not expected: %q\nthe error:\n%s", missing, extra, err)
	}
}

// matchLines pairs each wanted substring with a line of its own holding it;
// it gives the wanted ones no line holds and the lines left over.
func matchLines(lines, want []string) (missing, extra []string) {
	used := make([]bool, len(lines))
	for _, w := range want {
		found := false
		for i, l := range lines {
			if !used[i] && strings.Contains(l, w) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			missing = append(missing, w)
		}
	}
	for i, l := range lines {
		if !used[i] {
			extra = append(extra, l)
		}
	}
	return missing, extra
}

// TestSeedsSymlinkLoop: on a real disk, a symlink loop in seeds/ gives an
// error naming it instead of hanging or crashing.
func TestSeedsSymlinkLoop(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("loop.txt", filepath.Join(dir, "seeds", "loop.txt")); err != nil {
		t.Fatal(err)
	}
	_, err := Build(context.Background(), afero.NewOsFs(), Options{Source: dir})
	if err == nil || !strings.Contains(err.Error(), "loop.txt") {
		t.Errorf("error %v, want one naming seeds/loop.txt", err)
	}
}
