package content

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestHeadingAndParagraphIDs(t *testing.T) {
	src := "---\ntitle: t\nslug: t\n---\n\n## 一、甲\n\n段一\n\n### （一）乙\n\n段二\n\n#### 1. 丙\n\n### （二）丁\n\n## 二、戊\n\n##### （1）深\n\n段三\n"
	p, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range p.Headings {
		got = append(got, h.ID+"="+h.Text)
	}
	want := "s1=一、甲 s1-1=（一）乙 s1-1-1=1. 丙 s1-2=（二）丁 s2=二、戊 s2-0-0-1=（1）深"
	if strings.Join(got, " ") != want {
		t.Errorf("headings\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	var paras []string
	for _, para := range p.Paragraphs {
		paras = append(paras, "¶"+strconv.Itoa(para.N)+":"+para.ID+"@"+para.Section+"="+para.Text)
	}
	if want := "¶1:p1@s1=段一 ¶2:p2@s1-1=段二 ¶3:p3@s2-0-0-1=段三"; strings.Join(paras, " ") != want {
		t.Errorf("paragraphs\n got %s\nwant %s", strings.Join(paras, " "), want)
	}
	if p.Headings[0].Line != 6 || p.Paragraphs[0].Line != 8 {
		t.Errorf("lines: heading %d, paragraph %d; want 6 and 8", p.Headings[0].Line, p.Paragraphs[0].Line)
	}
}

// TestPageDate: the date a page is sorted and shown by, in any form the
// front matter accepts; none without a date.
func TestPageDate(t *testing.T) {
	tests := []struct{ date, want string }{
		{"date: 2024-03-05\n", "2024-03-05"},
		{"date: 2024年3月5日\n", "2024-03-05"},
		{"", "0001-01-01"},
	}
	for _, tt := range tests {
		p, err := Parse("a.md", []byte("---\ntitle: t\n"+tt.date+"---\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Date.Format(time.DateOnly); got != tt.want {
			t.Errorf("%q: date %s, want %s", tt.date, got, tt.want)
		}
	}
}

// TestEmptyHeading: a heading with no words is still a section, on its
// line.
func TestEmptyHeading(t *testing.T) {
	p, err := Parse("a.md", []byte("---\ntitle: t\n---\n\n##\n\n段\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Headings) != 1 || p.Headings[0].ID != "s1" || p.Headings[0].Line != 5 || p.Paragraphs[0].Line != 7 {
		t.Errorf("headings %+v, paragraphs %+v; want s1 on line 5, ¶1 on line 7", p.Headings, p.Paragraphs)
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no front matter", "a.md:1: no front matter"},
		{"---\ntitle: t\nslug: ../x\n---\n", "a.md:3: slug"},
		{"---\ntitle: t\nslug: con\n---\n", "a.md:3: slug"},
		{"---\ntitle: t\nslug: ok\ndate: 2024-02-30\n---\n", "a.md:4: date"},
	}
	for _, tt := range tests {
		_, err := Parse("a.md", []byte(tt.in))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want prefix %q", tt.in, err, tt.want)
		}
	}
	// Without a slug the file name is the address, when it can be one.
	p, err := Parse("content/doc-00001.md", []byte("---\ntitle: t\n---\n"))
	if err != nil || p.Slug() != "doc-00001" {
		t.Errorf("slug from file name: %v %v", p, err)
	}
	if _, err := Parse("content/学习 笔记.md", []byte("---\ntitle: t\n---\n")); err == nil || !strings.Contains(err.Error(), "slug") {
		t.Errorf("unusable file name: %v", err)
	}
}

func TestValidSlug(t *testing.T) {
	for _, s := range []string{"a", "xi-jin-ping", "2023-report", "a-b-c", "z9", strings.Repeat("a", 100)} {
		if err := ValidSlug(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	for _, s := range []string{"", "../a", "a/b", `a\b`, "a\x00b", "con", "nul", "Upper", "-a", "a-", "a b", "con.txt", "lpt9", strings.Repeat("a", 101), "中文", "a_b", "A"} {
		if ValidSlug(s) == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

// FuzzParse: any content file parses or fails with an error naming it;
// paragraph and heading IDs are unique.
func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: t\nslug: t\n---\n\n## 一、甲\n\n段\n"))
	f.Add([]byte("---\ntitle: t\nslug: t\n---\n# a\n###### b\n> c\n\n- d\n\n|x|\n|-|\n|y|\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("f.md", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.md") {
				t.Errorf("error does not name the file: %v", err)
			}
			return
		}
		seen := map[string]bool{}
		for _, h := range p.Headings {
			if h.ID == "" || seen[h.ID] {
				t.Errorf("heading id %q empty or repeated", h.ID)
			}
			seen[h.ID] = true
		}
		for _, para := range p.Paragraphs {
			if seen[para.ID] {
				t.Errorf("paragraph id %q repeated", para.ID)
			}
			seen[para.ID] = true
		}
	})
}
