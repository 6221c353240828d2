package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/site"
)

var verb = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// TestMessagesTakeTheSameArguments: each Chinese message takes the
// arguments of its English one, in order, so neither prints %!d(MISSING).
func TestMessagesTakeTheSameArguments(t *testing.T) {
	if len(allMessages) < 40 {
		t.Fatalf("only %d messages registered", len(allMessages))
	}
	kind := func(format string) []string {
		var out []string
		for _, v := range verb.FindAllString(format, -1) {
			out = append(out, v[len(v)-1:])
		}
		return out
	}
	for _, x := range allMessages {
		if x.zh == "" || x.en == "" {
			t.Errorf("message %q / %q lacks a language", x.en, x.zh)
		}
		if en, zh := kind(x.en), kind(x.zh); !slices.Equal(en, zh) {
			t.Errorf("%q takes %v, its Chinese %q takes %v", x.en, en, x.zh, zh)
		}
	}
}

func TestDetectLang(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		env    map[string]string
		system string
		want   lang
	}{
		{"nothing set", nil, nil, "", langEN},
		{"LANG zh_CN.UTF-8", nil, map[string]string{"LANG": "zh_CN.UTF-8"}, "", langZH},
		{"LANG zh_TW", nil, map[string]string{"LANG": "zh_TW.Big5"}, "", langZH},
		{"LANG en_US", nil, map[string]string{"LANG": "en_US.UTF-8"}, "", langEN},
		{"LANG C", nil, map[string]string{"LANG": "C.UTF-8"}, "", langEN},
		{"LC_MESSAGES before LANG", nil, map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "", langZH},
		{"LC_ALL before all", nil, map[string]string{"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8", "LC_ALL": "C"}, "", langEN},
		{"Windows UI language when no variable", nil, nil, "zh-CN", langZH},
		{"Windows UI, Traditional", nil, nil, "zh-Hant-TW", langZH},
		{"Windows UI English", nil, nil, "en-US", langEN},
		{"a variable wins over the UI language", nil, map[string]string{"LANG": "en_US"}, "zh-CN", langEN},
		{"--lang zh over English", []string{"build", "--lang", "zh"}, map[string]string{"LANG": "en_US.UTF-8"}, "", langZH},
		{"--lang=en over Chinese", []string{"--lang=en", "build"}, map[string]string{"LC_ALL": "zh_CN.UTF-8"}, "zh-CN", langEN},
		{"--lang after -- is an argument", []string{"--", "--lang", "zh"}, nil, "", langEN},
		{"zhuang is not zh", nil, map[string]string{"LANG": "zha_CN"}, "", langEN},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := detectLang(tt.args, func(k string) string { return tt.env[k] }, func() string { return tt.system })
			if got != tt.want {
				t.Errorf("detectLang = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDecideClick(t *testing.T) {
	tests := []struct {
		name  string
		names []string
		want  clickAction
	}{
		{"site with seeds", []string{"studysite.exe", "seeds"}, clickServe},
		{"site with content only", []string{"content", "public"}, clickServe},
		{"site with config only", []string{"studysite.toml", "studysite.exe"}, clickServe},
		{"empty but for the program", []string{"studysite.exe"}, clickOfferInit},
		{"empty but for the program, case differs", []string{"StudySite.EXE", "desktop.ini"}, clickOfferInit},
		{"empty", nil, clickOfferInit},
		{"Downloads", []string{"studysite.exe", "报告.docx", "setup.msi"}, clickExplain},
		{"Desktop", []string{"studysite.exe", "新建文件夹"}, clickExplain},
	}
	for _, tt := range tests {
		if got := decideClick(tt.names, "studysite.exe"); got != tt.want {
			t.Errorf("%s: decideClick(%q) = %v, want %v", tt.name, tt.names, got, tt.want)
		}
	}
}

// TestClickStart runs the no-argument start in folders: it never leaves
// without Enter when it has something to say, makes a site only when told
// yes, and serves a site folder.
func TestClickStart(t *testing.T) {
	tests := []struct {
		name    string
		files   []string
		input   string
		served  bool
		outHas  []string
		madeCfg bool
	}{
		{"elsewhere: explains in Chinese, waits for Enter", []string{"报告.docx"}, "\n", false, []string{"还不是站点文件夹", "按回车键关闭本窗口"}, false},
		{"empty folder, answer no", nil, "n\n", false, []string{"要在这里建立站点文件夹"}, false},
		{"empty folder, answer yes: init, then serve", nil, "y\n", true, []string{"seeds", "正在浏览器中显示"}, true},
		{"site folder: serves", []string{"seeds/a.txt"}, "", true, []string{"正在浏览器中显示"}, false},
	}
	old := ui
	ui = langZH
	defer func() { ui = old }()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for _, f := range tt.files {
				p := filepath.Join(dir, filepath.FromSlash(f))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			served := false
			var out bytes.Buffer
			code := clickStart(t.Context(), dir, "studysite.exe", strings.NewReader(tt.input), &out, func(context.Context) error { served = true; return nil })
			if code != 0 || served != tt.served {
				t.Errorf("code %d, served %v; want 0, %v\n%s", code, served, tt.served, out.String())
			}
			for _, s := range tt.outHas {
				if !strings.Contains(out.String(), s) {
					t.Errorf("output lacks %q:\n%s", s, out.String())
				}
			}
			_, err := os.Stat(filepath.Join(dir, config.FileName))
			if (err == nil) != tt.madeCfg {
				t.Errorf("studysite.toml made: %v, want %v", err == nil, tt.madeCfg)
			}
		})
	}
}

// isTable says whether a struct type is a TOML table: it has keys.
func isTable(typ reflect.Type) bool {
	if typ.Kind() != reflect.Struct {
		return false
	}
	for i := range typ.NumField() {
		if tag := typ.Field(i).Tag.Get("toml"); tag != "" && tag != "-" {
			return true
		}
	}
	return false
}

// TestInitConfigNamesEverySetting: the studysite.toml init writes loads as
// it is (all defaults), and names every key the config knows, so a clerk
// finds each setting explained.
func TestInitConfigNamesEverySetting(t *testing.T) {
	fsys := afero.NewMemMapFs()
	if err := initSite(fsys, "site"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := config.Load(fsys, "site/studysite.toml"); err != nil {
		t.Fatalf("init's studysite.toml does not load: %v", err)
	}
	data, err := afero.ReadFile(fsys, "site/studysite.toml")
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	var keys func(t reflect.Type, table string)
	keys = func(typ reflect.Type, table string) {
		for i := range typ.NumField() {
			f := typ.Field(i)
			tag := strings.Split(f.Tag.Get("toml"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			ft := f.Type
			if ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct {
				if !strings.Contains(string(data), "[["+tag+"]]") {
					missing = append(missing, "[["+tag+"]]")
				}
				keys(ft.Elem(), tag)
				continue
			}
			if isTable(ft) {
				if !strings.Contains(string(data), "["+tag+"]") {
					missing = append(missing, "["+tag+"]")
				}
				keys(ft, tag)
				continue
			}
			if !regexp.MustCompile(`(?m)^#? ?` + regexp.QuoteMeta(tag) + ` = `).Match(data) {
				missing = append(missing, table+"."+tag)
			}
		}
	}
	keys(reflect.TypeOf(config.Config{}), "")
	if len(missing) > 0 {
		t.Errorf("init's studysite.toml does not name %v", missing)
	}
	note, err := afero.ReadFile(fsys, "site/seeds/"+site.SeedsNote)
	if err != nil || !strings.HasPrefix(string(note), site.SeedsNoteFirstLine) {
		t.Errorf("seeds/%s: %v %q", site.SeedsNote, err, note)
	}
	if err := initSite(fsys, "site"); err == nil || !strings.Contains(err.Error(), "studysite.toml") {
		t.Errorf("a second init: %v, want a refusal naming studysite.toml", err)
	}
}
