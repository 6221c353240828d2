package site

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/ingest"
)

func importSeedSite(t *testing.T) (afero.Fs, Options) {
	t.Helper()
	data, err := os.ReadFile("../../seeds/2023-12-01-shanghai-changsanjiao.txt")
	if err != nil {
		t.Fatal(err)
	}
	fs := afero.NewMemMapFs()
	if err := afero.WriteFile(fs, "site/seeds/2023-12-01-shanghai-changsanjiao.txt", data, 0o644); err != nil {
		t.Fatal(err)
	}
	return fs, Options{Source: "site"}
}

func importOK(t *testing.T, fs afero.Fs, o Options, opt ImportOptions) []ImportResult {
	t.Helper()
	res, err := Import(context.Background(), fs, o, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func readMem(t *testing.T, fs afero.Fs, name string) string {
	t.Helper()
	b, err := afero.ReadFile(fs, name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestImportHandEdits(t *testing.T) {
	fs, o := importSeedSite(t)
	first := importOK(t, fs, o, ImportOptions{})
	if len(first) != 1 || first[0].Action != "imported" {
		t.Fatalf("first import: %+v", first)
	}
	content := "site/" + first[0].Content
	original := readMem(t, fs, content)

	// Unchanged seed: nothing is written (the file's time stays).
	st, _ := fs.Stat(content)
	again := importOK(t, fs, o, ImportOptions{})
	st2, _ := fs.Stat(content)
	if again[0].Action != "unchanged" || !st.ModTime().Equal(st2.ModTime()) {
		t.Errorf("re-import of an unchanged seed: %+v", again)
	}

	// A person edits the content file, then the seed changes: refused.
	edited := strings.Replace(original, "同时也要看到", "同时也必须看到", 1)
	if err := afero.WriteFile(fs, content, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	seed := "site/seeds/2023-12-01-shanghai-changsanjiao.txt"
	if err := afero.WriteFile(fs, seed, []byte(readMem(t, fs, seed)+"\n补充一段。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Import(context.Background(), fs, o, ImportOptions{})
	if !errors.Is(err, ErrHandEdited) || !strings.Contains(err.Error(), "--force") || !strings.Contains(err.Error(), first[0].Content) {
		t.Fatalf("changed seed over an edited file: err %v", err)
	}
	if readMem(t, fs, content) != edited {
		t.Fatal("the edited file was overwritten")
	}

	// Build keeps the edit and warns.
	kept := importOK(t, fs, o, ImportOptions{KeepEdited: true})
	if kept[0].Action != "kept-edited" || readMem(t, fs, content) != edited {
		t.Errorf("KeepEdited: %+v", kept)
	}

	// --force overwrites, keeping the slug (and so the file name), and
	// keeps the edited file in content/.backup/.
	forced := importOK(t, fs, o, ImportOptions{Force: true})
	got := readMem(t, fs, content)
	if forced[0].Backup == "" || readMem(t, fs, "site/"+forced[0].Backup) != edited {
		t.Errorf("force kept no backup of the edited file: %+v", forced)
	}
	if forced[0].Action != ActionReplaced || forced[0].Content != first[0].Content || !strings.Contains(got, "补充一段。") || strings.Contains(got, "同时也必须看到") {
		t.Errorf("force: %+v", forced)
	}
}

func TestImportKeepsCommittedSlug(t *testing.T) {
	fs, o := importSeedSite(t)
	committed, err := os.ReadFile("../../content/xi-jin-ping-zong-shu-ji-kao-cha-shang.md")
	if err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(fs, "site/content/xi-jin-ping-zong-shu-ji-kao-cha-shang.md", committed, 0o644); err != nil {
		t.Fatal(err)
	}
	res := importOK(t, fs, o, ImportOptions{})
	if res[0].Action != "unchanged" || readMem(t, fs, "site/content/xi-jin-ping-zong-shu-ji-kao-cha-shang.md") != string(committed) {
		t.Errorf("%+v", res)
	}
	// Even a forced re-import keeps the slug the file was given.
	res = importOK(t, fs, o, ImportOptions{Force: true})
	if res[0].Content != "content/xi-jin-ping-zong-shu-ji-kao-cha-shang.md" || !strings.Contains(readMem(t, fs, "site/"+res[0].Content), "slug: xi-jin-ping-zong-shu-ji-kao-cha-shang\n") {
		t.Errorf("%+v", res)
	}
}

func TestImportBadSeedWritesNothing(t *testing.T) {
	fs, o := importSeedSite(t)
	if err := afero.WriteFile(fs, "site/seeds/broken.txt", append([]byte("正文正文"), 0xFF, 0xFE, 'x', 'y', 'z'), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Import(context.Background(), fs, o, ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "seeds/broken.txt") || !strings.Contains(err.Error(), "byte offset 12") {
		t.Fatalf("err %v: want the file and byte offset", err)
	}
	var de *ingest.DecodeError
	if !errors.As(err, &de) {
		t.Errorf("error does not wrap a DecodeError: %v", err)
	}
	if ok, _ := afero.DirExists(fs, "site/content"); ok {
		entries, _ := afero.ReadDir(fs, "site/content")
		if len(entries) > 0 {
			t.Errorf("a bad seed still wrote %d content files", len(entries))
		}
	}
}

func TestImportSlugsUnique(t *testing.T) {
	fs := afero.NewMemMapFs()
	o := Options{Source: "s"}
	for _, n := range []string{"a", "b", "c"} {
		if err := afero.WriteFile(fs, "s/seeds/2023-12-0"+map[string]string{"a": "1", "b": "1", "c": "2"}[n]+"-"+n+".txt", []byte("政府工作报告\n\n正文"+n+"。\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res := importOK(t, fs, o, ImportOptions{})
	var got []string
	for _, r := range res {
		got = append(got, r.Content)
	}
	want := "content/zheng-fu-gong-zuo-bao-gao.md content/zheng-fu-gong-zuo-bao-gao-20231201.md content/zheng-fu-gong-zuo-bao-gao-20231202.md"
	if strings.Join(got, " ") != want {
		t.Errorf("slugs %v, want %s", got, want)
	}
}
