package pdf

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestPlanPass: which documents get a blank page before them, and the page
// numbers predicted for the next print once those pages are in.
func TestPlanPass(t *testing.T) {
	docs := []string{"d-a", "d-b", "d-c"}
	cases := []struct {
		name    string
		duplex  bool
		dests   map[string]int
		blanked map[string]bool
		toggle  []string
		refs    map[string]int
	}{
		{"single-sided: numbers as printed",
			false, map[string]int{"d-a": 2, "d-b": 5, "d-c": 8, "d-b-s1": 6}, nil,
			[]string{}, map[string]int{"d-a": 2, "d-b": 5, "d-c": 8, "d-b-s1": 6}},
		{"duplex: a document on page 2 gets a blank page and all after it move on",
			true, map[string]int{"d-a": 2, "d-b": 6, "d-b-s1": 7, "d-c": 9, "notes": 13}, nil,
			[]string{"d-a", "d-c"}, map[string]int{"d-a": 3, "d-b": 7, "d-b-s1": 8, "d-c": 11, "notes": 15}},
		{"duplex: each blank page moves the next document too",
			true, map[string]int{"d-a": 2, "d-b": 5, "d-c": 8}, nil,
			[]string{"d-a", "d-b", "d-c"}, map[string]int{"d-a": 3, "d-b": 7, "d-c": 11}},
		{"duplex settled: nothing to change",
			true, map[string]int{"d-a": 3, "d-b": 7, "d-c": 11}, map[string]bool{"d-a": true},
			[]string{}, map[string]int{"d-a": 3, "d-b": 7, "d-c": 11}},
		{"duplex: a blank page no longer needed comes out",
			true, map[string]int{"d-a": 3, "d-b": 6, "d-c": 10}, map[string]bool{"d-b": true},
			[]string{"d-b"}, map[string]int{"d-a": 3, "d-b": 5, "d-c": 9}},
		{"an id the PDF has no page for (hidden in print) gets none",
			false, map[string]int{"d-a": 2}, nil,
			[]string{}, map[string]int{"d-a": 2}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var refs []string
			for id := range tc.dests {
				refs = append(refs, id)
			}
			refs = append(refs, "hidden")
			f := pageFacts{Duplex: tc.duplex, Docs: docs, Refs: refs}
			got := planPass(f, tc.dests, tc.blanked)
			if !reflect.DeepEqual(got.toggle, tc.toggle) {
				t.Errorf("toggle %v, want %v", got.toggle, tc.toggle)
			}
			if !reflect.DeepEqual(got.refPages, tc.refs) {
				t.Errorf("pages %v, want %v", got.refPages, tc.refs)
			}
		})
	}
}

// TestOutlineTree nests by level and leaves out what was not printed.
func TestOutlineTree(t *testing.T) {
	entries := []outlineEntry{
		{"toc", 1, "目录"}, {"d-a", 1, "政府工作报告"}, {"d-a-s1", 2, "一、2023年工作回顾"},
		{"d-a-s1-1", 3, "（一）经济运行"}, {"d-a-s2", 2, "二、2024年主要任务"}, {"hidden", 2, "不打印"},
		{"d-b", 1, "关于加强基层治理的意见"}, {"d-b-s1", 2, "一、总体要求"}, {"notes", 1, "学习笔记"},
	}
	dests := map[string]destination{}
	for i, e := range entries {
		if e.ID != "hidden" {
			dests[e.ID] = destination{page: i + 1}
		}
	}
	var show func([]*bookmark) string
	show = func(bms []*bookmark) string {
		var parts []string
		for _, b := range bms {
			s := b.title
			if len(b.kids) > 0 {
				s += "(" + show(b.kids) + ")"
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, " ")
	}
	want := "目录 政府工作报告(一、2023年工作回顾(（一）经济运行) 二、2024年主要任务) 关于加强基层治理的意见(一、总体要求) 学习笔记"
	if got := show(outlineTree(entries, dests)); got != want {
		t.Errorf("outline\n got %s\nwant %s", got, want)
	}
}

// TestFindChromium: --chromium, then STUDYSITE_CHROMIUM, then the PATH; a
// path given that does not exist is named, not passed over.
func TestFindChromium(t *testing.T) {
	dir := t.TempDir()
	exe := func(name string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("#!/bin/sh\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	onPath, flagged, env := exe("chromium"), exe("my-chrome"), exe("env-chrome")
	cases := []struct {
		name, flag, env, path string
		want                  string
		err                   string
	}{
		{"flag first", flagged, env, dir, flagged, ""},
		{"then the environment", "", env, dir, env, ""},
		{"then the PATH", "", "", dir, onPath, ""},
		{"none", "", "", t.TempDir(), "", "apt-get install chromium"},
		{"a flag naming nothing", filepath.Join(dir, "nope"), env, dir, "", "--chromium"},
		{"an environment naming nothing", "", filepath.Join(dir, "nope"), dir, "", EnvChromium},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("PATH", tc.path)
			t.Setenv(EnvChromium, tc.env)
			got, err := FindChromium(tc.flag)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Errorf("err %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// TestOutlineWithoutTopLevel: a page whose first heading is not of the
// top level (a document page starting at h2) still has every heading in
// its outline, the first at the top.
func TestOutlineWithoutTopLevel(t *testing.T) {
	entries := []outlineEntry{{"s1", 2, "一、总体要求"}, {"s1-1", 3, "（一）指导思想"}, {"s2", 2, "二、主要任务"}}
	dests := map[string]destination{"s1": {page: 1}, "s1-1": {page: 1}, "s2": {page: 2}}
	var got []string
	for _, b := range outlineTree(entries, dests) {
		s := b.title
		for _, k := range b.kids {
			s += "(" + k.title + ")"
		}
		got = append(got, s)
	}
	if want := "一、总体要求(（一）指导思想) 二、主要任务"; strings.Join(got, " ") != want {
		t.Errorf("outline %q, want %q", strings.Join(got, " "), want)
	}
}
