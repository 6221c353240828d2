package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportTerms: [terms] of studysite.toml reaches the importer, the
// report shows what was taken and left out, and build gives no term page
// to a generic word that older content lists in its front matter.
func TestImportTerms(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("studysite.toml", "title = \"学习\"\n\n[terms]\nallow = [\"目标导向\"]\nstopWords = [\"组合拳\"]\n")
	write("seeds/2025-01-14-gzbg.txt", "政府工作报告\r\n\r\n各位代表：\r\n　　全年主要“目标”是：增长5%左右。实现“目标”，要坚持“目标导向”，打好“组合拳”，做到“两个维护”。\r\n　　确保“目标”实现。\r\n")
	// Imported by an older importer, which took every quoted word.
	write("content/jiu.md", "---\ntitle: 旧文\nslug: jiu\ndate: \"2023-01-01\"\nterms: [目标, 枫桥经验]\n---\n\n实现“目标”，坚持“枫桥经验”。\n")

	out, errOut, code := run(t, bin, "import", "--source", dir, "--report")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"terms:      2 目标导向 两个维护",
		"quoted, not terms: 2",
		"line 4: “目标” ×3 (a common word (built-in stop list))",
		"line 4: “组合拳” (listed in [terms] stopWords)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	md, err := os.ReadFile(filepath.Join(dir, "content", "zheng-fu-gong-zuo-bao-gao.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "terms:\n  - 目标导向\n  - 两个维护\n") {
		t.Errorf("front matter terms:\n%s", md)
	}

	out, _, _ = run(t, bin, "import", "--source", dir, "--json", "--force", "--dry-run")
	var entries []struct {
		Report struct {
			TermsTaken    []string `json:"terms_taken"`
			QuotedLeftOut []struct {
				Text, Reason string
				Line, Count  int
			} `json:"quoted_left_out"`
		}
	}
	if err := json.Unmarshal([]byte(out), &entries); err != nil || len(entries) != 1 {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	if r := entries[0].Report; len(r.TermsTaken) != 2 || len(r.QuotedLeftOut) != 2 || r.QuotedLeftOut[0].Text != "目标" || r.QuotedLeftOut[0].Count != 3 {
		t.Errorf("--json report %+v", r)
	}

	_, errOut, code = run(t, bin, "build", "--source", dir)
	if code != 0 {
		t.Fatalf("build: exit %d: %s", code, errOut)
	}
	for page, want := range map[string]bool{"mu-biao": false, "feng-qiao-jing-yan": true, "mu-biao-dao-xiang": true, "liang-ge-wei-hu": true} {
		_, err := os.Stat(filepath.Join(dir, "public", "terms", page, "index.html"))
		if got := err == nil; got != want {
			t.Errorf("term page terms/%s/: exists %v, want %v", page, got, want)
		}
	}
	if !strings.Contains(errOut, "目标 (content/jiu.md)") || !strings.Contains(errOut, "[terms] allow") {
		t.Errorf("build does not say which front matter terms it left out:\n%s", errOut)
	}

	write("studysite.toml", "[terms]\nminLength = 0\n")
	_, errOut, code = run(t, bin, "import", "--source", dir)
	if code == 0 || !strings.Contains(errOut, "studysite.toml:2: terms.minLength 0") {
		t.Errorf("bad [terms]: exit %d, %s", code, errOut)
	}
}
