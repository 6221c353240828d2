package site

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// speechText is speechDocx as a text file: the same characters, laid out
// as Notepad would have them.
const speechText = `在全市优化营商环境大会上的讲话
（2024年2月18日）
市长　王　明

同志们：
　　今天召开全市优化营商环境大会，主要任务是总结去年工作，部署今年任务。（掌声）
一、充分肯定过去一年的成绩
　　过去一年，全市上下坚持“两个毫不动摇”，营商环境持续改善，市场主体增长百分之十二。
　　我们推行“一网通办”，企业开办时间压缩到一天以内。
二、扎实做好今年重点工作
　　要对标国际一流，打造市场化、法治化、国际化营商环境。
　　要坚持“枫桥经验”，把矛盾纠纷化解在基层。
`

func buildLogged(t *testing.T, fsys afero.Fs) (*Result, string, error) {
	t.Helper()
	var log bytes.Buffer
	res, err := Build(context.Background(), fsys, Options{Source: "site", Log: &log})
	return res, log.String(), err
}

// TestUnreadableSeedsNamed: files studysite cannot read are named, each with
// how to convert it, and the rest of the site builds; the files Windows and
// Word put beside documents are passed over without a word.
func TestUnreadableSeedsNamed(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, speechSeed, speechDocx(""))
	unreadable := map[string]struct {
		data []byte
		hint string
	}{
		"site/seeds/营商环境讲话（旧版）.doc": {[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 word 97"), "另存为"},
		"site/seeds/通知.wps":         {[]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 wps"), "另存为"},
		"site/seeds/十九大报告.pdf":      {[]byte("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"), "pdftotext -layout"},
		"site/seeds/名单.xlsx":        {[]byte("PK\x03\x04 xlsx"), "spreadsheet"},
		"site/seeds/扫描件.JPG":        {[]byte("\xFF\xD8\xFF\xE0 jpeg"), "picture"},
		"site/seeds/说明.rtf":         {[]byte(`{\rtf1\ansi 说明}`), "另存为"},
	}
	for name, f := range unreadable {
		write(t, fsys, name, f.data)
	}
	write(t, fsys, "site/seeds/~$营商环境讲话.docx", []byte("\x0cWord lock file"))
	write(t, fsys, "site/seeds/Thumbs.db", []byte("\x00\x01"))

	res, log, err := buildLogged(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	if res.Pages != 1 {
		t.Errorf("built %d pages, want the one readable seed", res.Pages)
	}
	lines := strings.Split(strings.TrimSpace(log), "\n")
	for name, f := range unreadable {
		seed := strings.TrimPrefix(name, "site/")
		found := false
		for _, l := range lines {
			if strings.HasPrefix(l, "warning: "+seed+": not imported: ") && strings.Contains(l, f.hint) {
				found = true
			}
		}
		if !found {
			t.Errorf("no warning naming %s with %q:\n%s", seed, f.hint, log)
		}
	}
	for _, quiet := range []string{"~$", "Thumbs.db"} {
		if strings.Contains(log, quiet) {
			t.Errorf("the log mentions %s:\n%s", quiet, log)
		}
	}

	// With pdftotext available, the PDF is imported through it.
	var gotPDF []byte
	pdfText := func(pdf []byte) ([]byte, error) {
		gotPDF = pdf
		return []byte("在党的二十大精神宣讲会上的讲话\n\n（2022年11月1日）\n\n同志们：\n    今天我们在这里\n\n- 2 -\n\n举行宣讲会。\n"), nil
	}
	var log2 bytes.Buffer
	res2, err := Build(context.Background(), fsys, Options{Source: "site", Log: &log2, PDFText: pdfText})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(gotPDF, []byte("%PDF")) || res2.Pages != 2 || strings.Contains(log2.String(), "十九大报告.pdf: not imported") {
		t.Errorf("PDF through pdftotext: %d pages\n%s", res2.Pages, log2.String())
	}
	for _, r := range res2.Imported {
		if r.Seed == "seeds/十九大报告.pdf" && (r.Report == nil || r.Report.Format != "pdf" || len(r.Report.Removed) != 1) {
			t.Errorf("PDF import report: %+v", r.Report)
		}
	}
	md := string(readFile(t, fsys, "site/content/zai-dang-de-er-shi-da-jing-shen.md"))
	if !strings.Contains(md, "今天我们在这里举行宣讲会。") {
		t.Errorf("PDF text not repaired:\n%s", md)
	}

	// A PDF without a text layer (a scan), or one pdftotext cannot read,
	// is named with the reason; the rest builds.
	fsys2 := afero.NewMemMapFs()
	write(t, fsys2, speechSeed, speechDocx(""))
	write(t, fsys2, "site/seeds/扫描.pdf", []byte("%PDF-1.4"))
	write(t, fsys2, "site/seeds/坏.pdf", []byte("%PDF-1.4 damaged"))
	var log3 bytes.Buffer
	res3, err := Build(context.Background(), fsys2, Options{Source: "site", Log: &log3, PDFText: func(pdf []byte) ([]byte, error) {
		if bytes.Contains(pdf, []byte("damaged")) {
			return nil, errors.New("Syntax Error: Couldn't find trailer dictionary")
		}
		return []byte("\f\n"), nil
	}})
	if err != nil || res3.Pages != 1 ||
		!strings.Contains(log3.String(), "warning: seeds/扫描.pdf: not imported: the PDF has no text layer (a scan?)") ||
		!strings.Contains(log3.String(), "warning: seeds/坏.pdf: not imported: the PDF could not be read: Syntax Error") {
		t.Errorf("unreadable PDFs: %v\n%s", err, log3.String())
	}
}

// TestSameTextImportedOnce: a GBK and a UTF-8 copy of one speech, the same
// file under a second name, and its Word version give one document, from
// the .docx; each copy is named.
func TestSameTextImportedOnce(t *testing.T) {
	fsys := afero.NewMemMapFs()
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(strings.ReplaceAll(speechText, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	write(t, fsys, "site/seeds/讲话-gbk.txt", gbk)
	write(t, fsys, "site/seeds/讲话.txt", []byte(speechText))
	write(t, fsys, "site/seeds/讲话（副本）.txt", []byte(speechText))
	write(t, fsys, speechSeed, speechDocx(""))
	write(t, fsys, "site/seeds/另一篇.txt", []byte("关于另一件事的通知\n\n各单位：\n请按时参加学习。\n"))

	for round := 1; round <= 2; round++ {
		res, log, err := buildLogged(t, fsys)
		if err != nil {
			t.Fatal(err)
		}
		if res.Pages != 2 {
			t.Errorf("round %d: %d pages, want 2", round, res.Pages)
		}
		for _, copyName := range []string{"讲话-gbk.txt", "讲话.txt", "讲话（副本）.txt"} {
			want := "warning: seeds/" + copyName + " has the same text as seeds/营商环境讲话.docx: imported once, from seeds/营商环境讲话.docx"
			if !strings.Contains(log, want) {
				t.Errorf("round %d: no %q in\n%s", round, want, log)
			}
		}
		files, _ := afero.ReadDir(fsys, "site/content")
		if len(files) != 2 {
			t.Errorf("round %d: %d content files", round, len(files))
		}
	}
	md := string(readFile(t, fsys, "site/content/zai-quan-shi-you-hua-ying-shang.md"))
	if !strings.Contains(md, "source: seeds/营商环境讲话.docx") {
		t.Errorf("not imported from the .docx:\n%s", md)
	}
}

// TestOrphans: a content file whose seed was deleted stays and is warned
// about; --prune moves it to content/.backup/, an edited one only with
// --force.
func TestOrphans(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, speechSeed, speechDocx(""))
	write(t, fsys, "site/seeds/通知.txt", []byte("关于做好学习的通知\n\n各单位：\n请按时参加学习。\n"))
	o := Options{Source: "site"}
	first, err := Import(context.Background(), fsys, o, ImportOptions{})
	if err != nil || len(first) != 2 {
		t.Fatal(err, first)
	}
	var noticeFile string
	for _, r := range first {
		if r.Seed == "seeds/通知.txt" {
			noticeFile = r.Content
		}
	}
	if err := fsys.Remove("site/seeds/通知.txt"); err != nil {
		t.Fatal(err)
	}
	res, log, err := buildLogged(t, fsys)
	if err != nil || res.Pages != 2 {
		t.Fatalf("%v %+v", err, res)
	}
	if want := "warning: " + noticeFile + ": its seed seeds/通知.txt is gone"; !strings.Contains(log, want) || !strings.Contains(log, "--prune") {
		t.Errorf("no %q in\n%s", want, log)
	}

	// Edited: --prune keeps it.
	edited := string(readFile(t, fsys, "site/"+noticeFile)) + "\n补充：带笔记本。\n"
	write(t, fsys, "site/"+noticeFile, []byte(edited))
	res2, err := Import(context.Background(), fsys, o, ImportOptions{Prune: true})
	if err != nil || string(readFile(t, fsys, "site/"+noticeFile)) != edited {
		t.Fatalf("prune removed an edited orphan: %v %+v", err, res2)
	}
	// --prune --force moves it, keeping a backup.
	res3, err := Import(context.Background(), fsys, o, ImportOptions{Prune: true, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	var pruned ImportResult
	for _, r := range res3 {
		if r.Action == ActionPruned {
			pruned = r
		}
	}
	if pruned.Backup == "" || string(readFile(t, fsys, "site/"+pruned.Backup)) != edited {
		t.Fatalf("prune --force: %+v", res3)
	}
	if _, err := fsys.Stat("site/" + noticeFile); err == nil {
		t.Error("the orphan is still in content/")
	}
	if res, _, err := buildLogged(t, fsys); err != nil || res.Pages != 1 {
		t.Errorf("after prune: %v %+v", err, res)
	}
}

// TestRenumberingNamesLinks: a re-import that moves paragraph numbers says
// which ones, and which links in other content files point at them.
func TestRenumberingNamesLinks(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, "site/seeds/讲话.txt", []byte(speechText))
	o := Options{Source: "site"}
	first, err := Import(context.Background(), fsys, o, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	slug := strings.TrimSuffix(strings.TrimPrefix(first[0].Content, "content/"), ".md")
	notes := "---\ntitle: 学习笔记\nslug: xue-xi-bi-ji\n---\n\n第一段引用[[" + slug + "#p1]]。\n\n" +
		"见[[" + slug + "#p3|第三段]]和[原文](" + slug + ".md#p4)。\n\n又见[[" + slug + "#p5]]。\n"
	write(t, fsys, "site/content/xue-xi-bi-ji.md", []byte(notes))
	if _, _, err := buildLogged(t, fsys); err != nil {
		t.Fatal(err)
	}
	// The new seed has one paragraph more after ¶3.
	changed := strings.Replace(speechText, "百分之十二。\n", "百分之十二。\n　　这些成绩来之不易。\n", 1)
	write(t, fsys, "site/seeds/讲话.txt", []byte(changed))
	res, log, err := buildLogged(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	var r *Renumbering
	for _, x := range res.Imported {
		if x.Renumbered != nil {
			r = x.Renumbered
		}
	}
	if r == nil {
		t.Fatalf("no renumbering reported:\n%s", log)
	}
	if len(r.Changes) != 3 || r.Changes[0] != (IDChange{Old: "p4", New: "p5"}) {
		t.Errorf("changes %+v, want p4 → p5, p5 → p6, p6 → p7", r.Changes)
	}
	want := []AffectedLink{
		{File: "content/xue-xi-bi-ji.md", Line: 8, Link: "](" + slug + ".md#p4)"},
		{File: "content/xue-xi-bi-ji.md", Line: 10, Link: "[[" + slug + "#p5]]"},
	}
	if len(r.Links) != len(want) || r.Links[0] != want[0] || r.Links[1] != want[1] {
		t.Errorf("links %+v, want %+v", r.Links, want)
	}
	if !strings.Contains(log, "warning: "+first[0].Content+": the re-import changes paragraph or section numbers (#p4 → p5") ||
		!strings.Contains(log, "content/xue-xi-bi-ji.md:10 [["+slug+"#p5]]") {
		t.Errorf("build log:\n%s", log)
	}
}

// TestBuildOutsideSite: a build in a folder with no seeds/, content/ or
// studysite.toml fails with a hint and creates nothing.
func TestBuildOutsideSite(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, "home/照片.jpg", []byte("\xFF\xD8"))
	_, err := Build(context.Background(), fsys, Options{Source: "home"})
	if err == nil || !strings.Contains(err.Error(), "home is not a studysite folder") || !strings.Contains(err.Error(), "seeds/") {
		t.Fatalf("err %v", err)
	}
	if _, err := fsys.Stat("home/public"); !errors.Is(err, afero.ErrFileNotFound) && err == nil {
		t.Error("public/ was created")
	}
}

// TestCopiedContentFile: a content file copied to start a document of one's
// own still names the seed; neither file is updated from the seed, nothing
// is duplicated, and the build says which files and what to do.
func TestCopiedContentFile(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, speechSeed, speechDocx(""))
	o := Options{Source: "site"}
	first, err := Import(context.Background(), fsys, o, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	orig := string(readFile(t, fsys, "site/"+first[0].Content))
	copied := strings.Replace(orig, "slug: zai-quan-shi-you-hua-ying-shang", "slug: wo-de-xue-xi-gang-yao", 1)
	write(t, fsys, "site/content/wo-de-xue-xi-gang-yao.md", []byte(copied))
	write(t, fsys, speechSeed, speechDocx("会后，各区要抓紧制定具体措施。"))
	res, log, err := buildLogged(t, fsys)
	if err != nil || res.Pages != 2 {
		t.Fatalf("%v %+v", err, res)
	}
	want := "warning: content/wo-de-xue-xi-gang-yao.md and " + first[0].Content + " all name seeds/营商环境讲话.docx as their source: none of them is updated from it"
	if !strings.Contains(log, want) {
		t.Errorf("no %q in\n%s", want, log)
	}
	if string(readFile(t, fsys, "site/"+first[0].Content)) != orig || string(readFile(t, fsys, "site/content/wo-de-xue-xi-gang-yao.md")) != copied {
		t.Error("a file was rewritten")
	}
	if files, _ := afero.ReadDir(fsys, "site/content"); len(files) != 2 {
		t.Errorf("%d files in content/", len(files))
	}
}
