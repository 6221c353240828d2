package site

import (
	"context"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/frontmatter"

	"github.com/studysite/studysite/internal/docxtest"
)

// speechDocx is a speech as offices receive it from Word: title, subtitle,
// date, speaker, salutation, numbered sections, a stage note.
func speechDocx(extra string) []byte {
	paras := []docxtest.Para{
		{Style: "Title", Text: "在全市优化营商环境大会上的讲话"},
		{Text: "（2024年2月18日）"},
		{Text: "市长　王　明"},
		{Text: "同志们："},
		{Text: "今天召开全市优化营商环境大会，主要任务是总结去年工作，部署今年任务。（掌声）"},
		{Style: "1", Text: "一、充分肯定过去一年的成绩"},
		{Text: "过去一年，全市上下坚持“两个毫不动摇”，营商环境持续改善，市场主体增长百分之十二。"},
		{Text: "我们推行“一网通办”，企业开办时间压缩到一天以内。"},
		{Style: "1", Text: "二、扎实做好今年重点工作"},
		{Text: "要对标国际一流，打造市场化、法治化、国际化营商环境。"},
		{Text: "要坚持“枫桥经验”，把矛盾纠纷化解在基层。"},
	}
	if extra != "" {
		paras = append(paras, docxtest.Para{Text: extra})
	}
	return docxtest.Build(paras, map[string]string{"Title": "Title", "1": "heading 1"})
}

const speechSeed = "site/seeds/营商环境讲话.docx"

// frontMatterSlips are the mistakes people make editing front matter by
// hand. line is the file line the error must name (0: not an error, the
// form is accepted).
var frontMatterSlips = []struct {
	name string
	slip func(fm string) string
	line int
}{
	{"date as written in Chinese", func(fm string) string { return addKey(fm, "date: 2024年2月18日") }, 0},
	{"date with dots", func(fm string) string { return addKey(fm, "date: 2024.2.18") }, 0},
	{"date in words", func(fm string) string { return addKey(fm, "date: 二月十八日") }, -1},
	{"impossible date", func(fm string) string { return addKey(fm, "date: 2024/2/30") }, -1},
	{"empty title", func(fm string) string { return regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(fm, "title:") }, 2},
	{"unclosed quote", func(fm string) string {
		return regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllString(fm, `title: "在全市优化营商环境大会上的讲话`)
	}, 2},
	{"mis-indented terms list", func(fm string) string { return strings.Replace(fm, "\n  - 一网通办", "\n    - 一网通办", 1) }, -1},
	{"tab before a key", func(fm string) string { return strings.Replace(fm, "\nslug:", "\n\tslug:", 1) }, -1},
	{"tags as one line", func(fm string) string { return addKey(fm, "tags: 营商环境, 讲话") }, -1},
	{"front matter not closed", func(fm string) string { return strings.Replace(fm, "\n---\n", "\n\n", 1) }, -1},
}

// addKey replaces the line of the key, or adds one after the title line.
func addKey(fm, line string) string {
	key, _, _ := strings.Cut(line, ":")
	if re := regexp.MustCompile(`(?m)^` + key + `: .*$`); re.MatchString(fm) {
		return re.ReplaceAllLiteralString(fm, line)
	}
	return regexp.MustCompile(`(?m)^title: .*$`).ReplaceAllStringFunc(fm, func(t string) string { return t + "\n" + line })
}

// edits are what people change besides the slip.
var edits = []struct {
	name string
	edit func(md string) string
}{
	{"only the slip", func(md string) string { return md }},
	{"body edited", func(md string) string {
		return strings.Replace(md, "营商环境持续改善", "营商环境持续改善（据市统计局数据）", 1) + "\n学习时请结合本单位实际。\n"
	}},
	{"questions added", func(md string) string {
		return regexp.MustCompile(`(?m)^slug: .*$`).ReplaceAllStringFunc(md, func(s string) string {
			return s + "\nquestions:\n  - 如何理解“两个毫不动摇”？"
		})
	}},
	{"title corrected", func(md string) string {
		return strings.Replace(md, "title: 在全市优化营商环境大会上的讲话", "title: 在全市优化营商环境工作大会上的讲话", 1)
	}},
}

// TestHandEditsNeverLost: every front-matter slip × every kind of edit ×
// seed unchanged or changed, through build and import. The edited file is
// never overwritten, moved or duplicated; a slip that is an error fails with
// the file and line and writes nothing (content/ and public/ stay as they
// were); an accepted form builds from the edited file.
func TestHandEditsNeverLost(t *testing.T) {
	if raceDetector {
		// 320 builds that test no concurrency: `make test` runs this test
		// again without -race, as it does the catalogue's big cases.
		t.Skip("run by make test without -race")
	}
	// One imported and built site, copied for every case.
	base := afero.NewMemMapFs()
	write(t, base, speechSeed, speechDocx(""))
	first, err := Import(context.Background(), base, Options{Source: "site"}, ImportOptions{})
	if err != nil || len(first) != 1 {
		t.Fatalf("first import: %v %+v", err, first)
	}
	if _, err := Build(context.Background(), base, Options{Source: "site"}); err != nil {
		t.Fatal(err)
	}
	for _, slip := range frontMatterSlips {
		for _, ed := range edits {
			for _, seedChanged := range []bool{false, true} {
				for _, cmd := range []string{"build", "import"} {
					name := slip.name + "/" + ed.name + "/" + map[bool]string{false: "seed unchanged", true: "seed changed"}[seedChanged] + "/" + cmd
					t.Run(name, func(t *testing.T) {
						fsys := copyFs(t, base)
						o := Options{Source: "site"}
						file := "site/" + first[0].Content
						md := string(readFile(t, fsys, file))
						head, body, _ := strings.Cut(strings.TrimPrefix(md, "---\n"), "\n---\n")
						edited := ed.edit(slip.slip("---\n"+head+"\n---\n") + body)
						write(t, fsys, file, []byte(edited))
						if seedChanged {
							write(t, fsys, speechSeed, speechDocx("会后，各区要抓紧制定具体措施。"))
						}
						contentBefore, publicBefore := tree(t, fsys, "site/content"), tree(t, fsys, "site/public")

						if cmd == "build" {
							_, err = Build(context.Background(), fsys, o)
						} else {
							_, err = Import(context.Background(), fsys, o, ImportOptions{})
						}
						switch {
						case slip.line != 0:
							if err == nil {
								t.Fatal("no error for a front matter that does not parse")
							}
							want := first[0].Content + ":"
							if slip.line > 0 {
								want = first[0].Content + ":" + strconv.Itoa(slip.line) + ":"
							}
							if !strings.HasPrefix(err.Error(), want) {
								t.Errorf("error %q does not start with %q", err, want)
							}
							if strings.Count(err.Error(), "\n") > 0 {
								t.Errorf("error is not one line: %q", err)
							}
						case cmd == "import" && seedChanged:
							if !errors.Is(err, ErrHandEdited) {
								t.Errorf("import of a changed seed over an edited file: err %v", err)
							}
						default:
							if err != nil {
								t.Fatalf("err %v", err)
							}
						}
						if got := string(readFile(t, fsys, file)); got != edited {
							t.Fatalf("the edited file was overwritten:\n%s", got)
						}
						if after := tree(t, fsys, "site/content"); !sameTree(contentBefore, after) {
							t.Errorf("content/ changed: %v → %v", sortedKeys(contentBefore), sortedKeys(after))
						}
						if err != nil && !sameTree(publicBefore, tree(t, fsys, "site/public")) {
							t.Error("a failed build changed public/")
						}
					})
				}
			}
		}
	}
}

// TestForceKeepsBackup: --force replaces an edited or broken file with the
// fresh import and keeps what it replaced in content/.backup/.
func TestForceKeepsBackup(t *testing.T) {
	for _, slip := range frontMatterSlips[:6] {
		t.Run(slip.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			write(t, fsys, speechSeed, speechDocx(""))
			o := Options{Source: "site"}
			first, err := Import(context.Background(), fsys, o, ImportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			file := "site/" + first[0].Content
			fresh := string(readFile(t, fsys, file))
			head, body, _ := strings.Cut(strings.TrimPrefix(fresh, "---\n"), "\n---\n")
			edited := slip.slip("---\n"+head+"\n---\n") + body + "\n手写的一段。\n"
			write(t, fsys, file, []byte(edited))
			res, err := Import(context.Background(), fsys, o, ImportOptions{Force: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(res) != 1 || res[0].Action != ActionReplaced || !strings.HasPrefix(res[0].Backup, BackupDir+"/") {
				t.Fatalf("%+v", res)
			}
			if got := string(readFile(t, fsys, "site/"+res[0].Backup)); got != edited {
				t.Errorf("backup holds %q", got)
			}
			if got := string(readFile(t, fsys, file)); got != fresh {
				t.Errorf("forced import wrote\n%s\nwant the fresh import\n%s", got, fresh)
			}
			// The backup is not content: the site builds one document.
			if r, err := Build(context.Background(), fsys, o); err != nil || r.Pages != 1 {
				t.Errorf("build after force: %v, %+v", err, r)
			}
		})
	}
}

// TestUneditedFilesFollowSeedAndImporter: a file nobody edited is rewritten
// when its seed changes and when an older importer wrote it.
func TestUneditedFilesFollowSeedAndImporter(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, speechSeed, speechDocx(""))
	o := Options{Source: "site"}
	first, err := Import(context.Background(), fsys, o, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	file := "site/" + first[0].Content
	fresh := string(readFile(t, fsys, file))

	write(t, fsys, speechSeed, speechDocx("会后，各区要抓紧制定具体措施。"))
	res, err := Build(context.Background(), fsys, o)
	if err != nil || res.Imported[0].Action != ActionUpdated || !strings.Contains(string(readFile(t, fsys, file)), "会后，各区要抓紧制定具体措施。") {
		t.Fatalf("seed changed: %v %+v", err, res)
	}

	// A file as importer version 2 wrote it: body_sha256, no content_sha256.
	write(t, fsys, speechSeed, speechDocx(""))
	old := regexp.MustCompile(`(?m)^content_sha256: .*$`).ReplaceAllString(fresh, "body_sha256: "+bodyHashOf(t, fresh))
	old = strings.Replace(old, `importer_version: "3"`, `importer_version: "2"`, 1)
	write(t, fsys, file, []byte(old))
	res, err = Build(context.Background(), fsys, o)
	if err != nil || res.Imported[0].Action != ActionUpdated || string(readFile(t, fsys, file)) != fresh {
		t.Fatalf("older importer's file: %v %+v\n%s", err, res, readFile(t, fsys, file))
	}
	// The same old file with a tag added is the user's: kept.
	tagged := strings.Replace(old, "\nslug:", "\ntags:\n  - 营商环境\nslug:", 1)
	write(t, fsys, file, []byte(tagged))
	if res, err = Build(context.Background(), fsys, o); err != nil || res.Imported[0].Action != ActionUnchanged || string(readFile(t, fsys, file)) != tagged {
		t.Fatalf("older importer's file with a tag: %v %+v", err, res)
	}
	// Saved by an editor with CRLF line ends and a BOM: not an edit.
	write(t, fsys, file, []byte("\xEF\xBB\xBF"+strings.ReplaceAll(fresh, "\n", "\r\n")))
	write(t, fsys, speechSeed, speechDocx("会后，各区要抓紧制定具体措施。"))
	if res, err = Build(context.Background(), fsys, o); err != nil || res.Imported[0].Action != ActionUpdated {
		t.Fatalf("CRLF copy: %v %+v", err, res)
	}
}

func bodyHashOf(t *testing.T, md string) string {
	t.Helper()
	_, body, _ := strings.Cut(strings.TrimPrefix(md, "---\n"), "\n---\n")
	return frontmatter.LegacyBodyHash([]byte(body))
}

func write(t testing.TB, fsys afero.Fs, name string, data []byte) {
	t.Helper()
	if err := afero.WriteFile(fsys, name, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func sameTree(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
