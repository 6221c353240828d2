package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain runs the tests in English whatever the machine's locale, as
// the CLI tests compare English messages; the Chinese ones set their own.
func TestMain(m *testing.M) {
	os.Setenv("LC_ALL", "C")
	os.Exit(m.Run())
}

func runWithEnv(t *testing.T, bin, dir string, env []string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

// TestCLIInTheUsersLanguage drives the real binary: init, then a build
// of the seed, in Chinese under a zh locale and in English with --lang en.
func TestCLIInTheUsersLanguage(t *testing.T) {
	bin := binary(t)
	zh := []string{"LC_ALL=zh_CN.UTF-8"}
	tests := []struct {
		name string
		env  []string
		args []string
		code int
		has  []string // in stdout+stderr
	}{
		{"init in Chinese", zh, []string{"init", "site"}, 0, []string{"已在 site 创建站点文件夹", "下一步：把讲话稿复制到 site/seeds"}},
		{"init again refuses, one line naming the file", zh, []string{"init", "site"}, 1, []string{"studysite: site/studysite.toml 已经存在"}},
		{"build summary in Chinese", zh, []string{"build", "--source", "site"}, 0, []string{"已导入 seeds/seed.txt → content/", "已构建 1 篇文档"}},
		{"--lang en overrides the locale", zh, []string{"--lang", "en", "build", "--no-cache", "--source", "site"}, 0, []string{"built 1 document:"}},
		{"a build with nothing changed says so", zh, []string{"build", "--source", "site"}, 0, []string{"上次构建以来没有改动：site/public 已是最新（1 篇文档"}},
		{"… in English too", nil, []string{"build", "--source", "site"}, 0, []string{"nothing changed since the last build: site/public is up to date (1 document,"}},
		{"help in Chinese", zh, []string{"--help"}, 0, []string{"用法：", "命令：", "serve       构建并在本机预览", "init        新建站点文件夹"}},
		{"help in English by default", nil, []string{"--help"}, 0, []string{"Usage:", "serve       Build, serve on this computer"}},
		{"serve's help in Chinese", []string{"LANG=zh_CN.UTF-8", "LC_ALL="}, []string{"serve", "--help"}, 0, []string{"构建并在本机预览", "--port int"}},
		{"import lines in Chinese", zh, []string{"import", "--source", "site"}, 0, []string{"未改变 seeds/seed.txt"}},
		{"an error keeps its file:line", zh, []string{"build", "--source", "broken"}, 1, []string{"studysite: content/x.md:2:"}},
	}
	dir := t.TempDir()
	seed, err := os.ReadFile("../../seeds/2023-12-01-shanghai-changsanjiao.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "build summary in Chinese" {
				if err := os.WriteFile(filepath.Join(dir, "site", "seeds", "seed.txt"), seed, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if tt.name == "an error keeps its file:line" {
				if err := os.MkdirAll(filepath.Join(dir, "broken", "content"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "broken", "content", "x.md"), []byte("---\ntitle: [unclosed\n---\n正文\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out, errOut, code := runWithEnv(t, bin, dir, tt.env, tt.args...)
			all := out + errOut
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", code, tt.code, all)
			}
			for _, s := range tt.has {
				if !strings.Contains(all, s) {
					t.Errorf("output lacks %q:\n%s", s, all)
				}
			}
			if code != 0 && strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
				t.Errorf("the error is not one line:\n%s", errOut)
			}
		})
	}
}
