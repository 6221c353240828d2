package site

import (
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// numerals number hand edits and seeds in the texts of these tests.
var numerals = []string{"一", "二", "三", "四"}

// TestSameTextImportedFromFirstByName: copies of one speech none of which is
// a .docx or has a content file are imported once, from the first by name
// (README: "else the first by name"), and every other copy is named.
func TestSameTextImportedFromFirstByName(t *testing.T) {
	for _, c := range []struct {
		name   string
		seeds  []string // in name order
		others []string // seeds that are not copies
	}{
		{"two copies", []string{"seeds/2024-02-18讲话.txt", "seeds/2024-02-18讲话（副本）.txt"}, nil},
		{"three copies", []string{"seeds/a讲话.txt", "seeds/b讲话.txt", "seeds/c讲话.txt"}, nil},
		{"two copies beside another speech", []string{"seeds/营商环境.txt", "seeds/营商环境（定稿）.txt"}, []string{"seeds/通知.txt"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			for _, s := range c.seeds {
				write(t, fsys, "site/"+s, []byte(speechText))
			}
			for _, s := range c.others {
				write(t, fsys, "site/"+s, []byte("关于做好学习的通知\n\n各单位：\n请按时参加学习。\n"))
			}
			res, log, err := buildLogged(t, fsys)
			if err != nil {
				t.Fatal(err)
			}
			if want := 1 + len(c.others); res.Pages != want {
				t.Errorf("%d pages, want %d", res.Pages, want)
			}
			first := c.seeds[0]
			for _, copyName := range c.seeds[1:] {
				want := "warning: " + copyName + " has the same text as " + first + ": imported once, from " + first
				if !strings.Contains(log, want) {
					t.Errorf("no %q in\n%s", want, log)
				}
			}
			if strings.Contains(log, first+" has the same text") {
				t.Errorf("the seed imported is named a copy:\n%s", log)
			}
			md := string(readFile(t, fsys, "site/content/zai-quan-shi-you-hua-ying-shang.md"))
			if !strings.Contains(md, "source: "+first+"\n") {
				t.Errorf("not imported from %s:\n%s", first, md)
			}
		})
	}
}

// TestImportListsBySeedThenFile: import reports its results by seed name,
// and the content files of one seed by file name, whatever order they were
// found in: two copies of an orphaned document, a skipped file, new seeds.
func TestImportListsBySeedThenFile(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, "site/seeds/讲话.txt", []byte(speechText))
	o := Options{Source: "site"}
	first := importOK(t, fsys, o, ImportOptions{})
	orig := string(readFile(t, fsys, "site/"+first[0].Content))
	// Copies made to start documents of one's own, named to sort before
	// and after the imported file; then the seed is deleted.
	for _, slug := range []string{"a-bi-ji", "zz-bi-ji"} {
		copied := strings.Replace(orig, "slug: zai-quan-shi-you-hua-ying-shang", "slug: "+slug, 1)
		write(t, fsys, "site/content/"+slug+".md", []byte(copied))
	}
	if err := fsys.Remove("site/seeds/讲话.txt"); err != nil {
		t.Fatal(err)
	}
	write(t, fsys, "site/seeds/通知.txt", []byte("关于做好学习的通知\n\n各单位：\n请按时参加学习。\n"))
	write(t, fsys, "site/seeds/名单.xlsx", []byte("PK\x03\x04 xlsx"))
	write(t, fsys, "site/seeds/讲话（修订）.txt", []byte(strings.Replace(speechText, "百分之十二", "百分之十五", 1)))

	res := importOK(t, fsys, o, ImportOptions{DryRun: true})
	type line struct{ seed, content, action string }
	var got []line
	for _, r := range res {
		got = append(got, line{r.Seed, r.Content, r.Action})
	}
	want := []line{
		{"seeds/名单.xlsx", "", ActionSkipped},
		{"seeds/讲话.txt", "content/a-bi-ji.md", ActionOrphan},
		{"seeds/讲话.txt", "content/zai-quan-shi-you-hua-ying-shang.md", ActionOrphan},
		{"seeds/讲话.txt", "content/zz-bi-ji.md", ActionOrphan},
		{"seeds/讲话（修订）.txt", "", ActionImported},
		{"seeds/通知.txt", "", ActionImported},
	}
	if len(got) != len(want) {
		t.Fatalf("results %+v, want %+v", got, want)
	}
	for i := range want {
		// A new file's name is the importer's to choose: only its seed and
		// action are the order's business.
		if got[i].seed != want[i].seed || got[i].action != want[i].action ||
			(want[i].content != "" && got[i].content != want[i].content) {
			t.Errorf("result %d: %+v, want %+v (all: %+v)", i, got[i], want[i], got)
		}
	}
}

// TestForcedImportOfUnchangedSite: `import --force` on a site whose files
// already hold what the seeds give reports them unchanged, rewrites
// nothing and keeps no backup; a file edited by hand is replaced, with one.
func TestForcedImportOfUnchangedSite(t *testing.T) {
	for _, c := range []struct {
		name       string
		edit       string // appended to the content file before --force
		wantAction string
		wantBackup bool
	}{
		{"unedited", "", ActionUnchanged, false},
		{"edited by hand", "\n手写的一段。\n", ActionReplaced, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			write(t, fsys, speechSeed, speechDocx(""))
			o := Options{Source: "site"}
			first := importOK(t, fsys, o, ImportOptions{})
			file := "site/" + first[0].Content
			fresh := string(readFile(t, fsys, file))
			write(t, fsys, file, []byte(fresh+c.edit))
			before, err := fsys.Stat(file)
			if err != nil {
				t.Fatal(err)
			}
			res := importOK(t, fsys, o, ImportOptions{Force: true})
			if len(res) != 1 || res[0].Action != c.wantAction || (res[0].Backup != "") != c.wantBackup {
				t.Fatalf("--force: %+v, want %s (backup: %v)", res, c.wantAction, c.wantBackup)
			}
			if got := string(readFile(t, fsys, file)); got != fresh {
				t.Errorf("after --force the file holds\n%s\nwant the import\n%s", got, fresh)
			}
			after, _ := fsys.Stat(file)
			if rewritten := !after.ModTime().Equal(before.ModTime()); rewritten != (c.edit != "") {
				t.Errorf("file rewritten: %v, want %v", rewritten, c.edit != "")
			}
			backups, _ := afero.ReadDir(fsys, "site/"+BackupDir)
			if len(backups) != 0 != c.wantBackup {
				t.Errorf("%d backups, want one: %v", len(backups), c.wantBackup)
			}
		})
	}
}

// TestBackupsNeverOverwritten: --force run again and again within one
// second keeps every replaced version, each under a name of its own
// numbered from 2, none over another.
func TestBackupsNeverOverwritten(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, speechSeed, speechDocx(""))
	o := Options{Source: "site"}
	first := importOK(t, fsys, o, ImportOptions{})
	file := "site/" + first[0].Content
	fresh := string(readFile(t, fsys, file))
	now := func() time.Time { return time.Date(2024, 3, 1, 9, 30, 0, 0, time.Local) }
	base := BackupDir + "/zai-quan-shi-you-hua-ying-shang.20240301-093000"
	for i, want := range []string{base + ".md", base + "-2.md", base + "-3.md", base + "-4.md"} {
		edited := fresh + "\n第" + numerals[i] + "次手写的补充。\n"
		write(t, fsys, file, []byte(edited))
		res := importOK(t, fsys, o, ImportOptions{Force: true, Now: now})
		if len(res) != 1 || res[0].Backup != want {
			t.Fatalf("--force %d: %+v, want the backup %s", i+1, res, want)
		}
		if got := string(readFile(t, fsys, "site/"+want)); got != edited {
			t.Errorf("%s holds\n%s\nwant the edit it replaced", want, got)
		}
	}
	if backups, _ := afero.ReadDir(fsys, "site/"+BackupDir); len(backups) != 4 {
		t.Errorf("%d backups, want 4", len(backups))
	}
}

// TestNewSeedAvoidsSlugOfHandMadeFile: a document written by hand whose
// front matter takes the slug a new seed would get (its file named
// otherwise) keeps it; the seed gets another, and both are on the site.
func TestNewSeedAvoidsSlugOfHandMadeFile(t *testing.T) {
	fsys := afero.NewMemMapFs()
	write(t, fsys, "site/content/xue-xi-bi-ji.md", []byte("---\ntitle: 学习笔记\nslug: zai-quan-shi-you-hua-ying-shang\ndate: 2024-02-20\n---\n\n营商环境大会的学习笔记。\n"))
	write(t, fsys, "site/seeds/讲话.txt", []byte(speechText))
	res, log, err := buildLogged(t, fsys)
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	if res.Pages != 2 {
		t.Errorf("%d pages, want the notes and the speech", res.Pages)
	}
	var imported string
	for _, r := range res.Imported {
		if r.Seed == "seeds/讲话.txt" {
			imported = r.Content
		}
	}
	if imported == "" || imported == "content/zai-quan-shi-you-hua-ying-shang.md" {
		t.Errorf("the seed became %q, the slug of the hand-made file", imported)
	}
	if ok, _ := afero.Exists(fsys, "site/public/docs/zai-quan-shi-you-hua-ying-shang/index.html"); !ok {
		t.Error("the hand-made document lost its page")
	}
}

// TestSameTitleSameDateNumbered: reports with one title and one date, more
// than the title and date give slugs for, are numbered -2, -3 … in seed
// order, each file its own.
func TestSameTitleSameDateNumbered(t *testing.T) {
	for _, c := range []struct {
		seeds int
		want  []string
	}{
		{2, []string{"zheng-fu-gong-zuo-bao-gao", "zheng-fu-gong-zuo-bao-gao-20231201"}},
		{4, []string{"zheng-fu-gong-zuo-bao-gao", "zheng-fu-gong-zuo-bao-gao-20231201", "zheng-fu-gong-zuo-bao-gao-2", "zheng-fu-gong-zuo-bao-gao-3"}},
	} {
		fsys := afero.NewMemMapFs()
		for i := range c.seeds {
			name := "site/seeds/2023-12-01-" + string(rune('a'+i)) + ".txt"
			write(t, fsys, name, []byte("政府工作报告\n\n（2023年12月1日）\n\n各位代表：\n\n第"+numerals[i]+"份报告的正文。\n"))
		}
		res := importOK(t, fsys, Options{Source: "site"}, ImportOptions{})
		var got []string
		for _, r := range res {
			got = append(got, strings.TrimSuffix(strings.TrimPrefix(r.Content, "content/"), ".md"))
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%d seeds: slugs %v, want %v", c.seeds, got, c.want)
		}
		if files, _ := afero.ReadDir(fsys, "site/content"); len(files) != c.seeds {
			t.Errorf("%d seeds: %d content files", c.seeds, len(files))
		}
	}
}
