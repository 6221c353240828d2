package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestImportCLI: a GBK transcript with CRLF and page numbers through
// `studysite import --report`, `--json`, and a bad seed that writes nothing.
func TestImportCLI(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	text := "关于做好年终工作的通知\r\n\r\n（2023年12月1日）\r\n\r\n一、总体要求\r\n要坚持\r\n- 2 -\r\n稳中求进。\r\n二、主要任务\r\n创新思路 and 模式。\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "seeds", "tongzhi.txt"), gbk, 0o644); err != nil {
		t.Fatal(err)
	}
	// build imports it first and says how many warnings the import gave.
	buildDir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(buildDir, "seeds"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(buildDir, "seeds", "tongzhi.txt"), gbk, 0o644); err != nil {
		t.Fatal(err)
	}
	_, buildErr, code := run(t, bin, "build", "--source", buildDir)
	if code != 0 || !strings.Contains(buildErr, "imported seeds/tongzhi.txt → content/zuo-hao-nian-zhong-gong-zuo.md (1 import warning: `studysite import --report` shows it)") {
		t.Errorf("build's import summary: exit %d\n%s", code, buildErr)
	}

	out, errOut, code := run(t, bin, "import", "--source", dir, "--report")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"imported   seeds/tongzhi.txt → content/zuo-hao-nian-zhong-gong-zuo.md",
		"encoding:   GB18030", "headings h2: 2", "paragraphs: 2", `line 7: "- 2 -" (page number)`,
		`seeds/tongzhi.txt:10: Latin word "and"`, "（2023年12月1日） (date)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	md, err := os.ReadFile(filepath.Join(dir, "content", "zuo-hao-nian-zhong-gong-zuo.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "\n## 一、总体要求\n\n要坚持稳中求进。\n") || !strings.Contains(string(md), `date: "2023-12-01"`) {
		t.Errorf("content file:\n%s", md)
	}

	out, _, code = run(t, bin, "import", "--source", dir, "--json")
	var entries []struct {
		Seed, Action string
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil || code != 0 || len(entries) != 1 || entries[0].Action != "unchanged" {
		t.Errorf("--json: %v %+v\n%s", err, entries, out)
	}

	// A picture named .txt is no transcript: named, passed over.
	if err := os.WriteFile(filepath.Join(dir, "seeds", "photo.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code = run(t, bin, "import", "--source", dir)
	if code != 0 || !strings.Contains(errOut, "warning: seeds/photo.txt: not imported: this is a PNG image") || !strings.Contains(out, "skipped    seeds/photo.txt") {
		t.Errorf("picture as a seed: exit %d\n%s\n%s", code, out, errOut)
	}
	// A transcript with bytes no encoding explains must be fixed: nothing
	// is written.
	if err := os.WriteFile(filepath.Join(dir, "seeds", "bad.txt"), []byte("正文\xFF\xFE坏"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code = run(t, bin, "import", "--source", dir)
	if code == 0 || !strings.Contains(errOut, "seeds/bad.txt") {
		t.Errorf("bad seed: exit %d, %s", code, errOut)
	}
	entries2, _ := os.ReadDir(filepath.Join(dir, "content"))
	if len(entries2) != 1 {
		t.Errorf("a failed import wrote files: %d in content/", len(entries2))
	}
}
