package config

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// branchPackets is a studysite.toml of a party branch: two packets, one
// listing its documents, one choosing them by tag and date, with the
// comments and blank lines real files hold.
const branchPackets = `title = "机关党支部学习材料"

# 第一季度集中学习
[[packet]]
title = "第一季度集中学习材料"
subtitle = "学习贯彻党的二十大精神"
slug = "q1"
slugs = ["er-shi-da-bao-gao", "zheng-fu-gong-zuo-bao-gao"]
organiser = "中共某某局机关委员会"
date = "2024年3月"
notice = "内部学习资料 注意保存"
notes = 2
notesAfter = "each"
duplex = true
paper = "A5"
numbers = true

[[packet]]
title = "经济工作专题"
tag = "经济"
from = 2023-12-01
to = "2024-03-31"
order = "newest"
glossary = false

[packets]
newest = 6
`

func TestLoadPackets(t *testing.T) {
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, FileName, []byte(branchPackets), 0o644)
	cfg, warns, err := Load(fsys, FileName)
	if err != nil || len(warns) > 0 {
		t.Fatalf("err %v, warnings %v", err, warns)
	}
	if len(cfg.Packets) != 2 {
		t.Fatalf("%d packets, want 2", len(cfg.Packets))
	}
	q1, eco := cfg.Packets[0], cfg.Packets[1]
	checks := []struct {
		what      string
		got, want any
	}{
		{"first header line", q1.Line, 4},
		{"second header line", eco.Line, 18},
		{"slugs in order", strings.Join(q1.Slugs, ","), "er-shi-da-bao-gao,zheng-fu-gong-zuo-bao-gao"},
		{"paper upper case read", q1.Paper, PaperA5},
		{"paper default", eco.Paper, PaperA4},
		{"notes after each", q1.NotesAfter, NotesAtEach},
		{"notes default place", eco.NotesAfter, NotesAtEnd},
		{"numbers on", q1.Numbers(), true},
		{"numbers default off", eco.Numbers(), false},
		{"toc default on", eco.TOC(), true},
		{"glossary off", eco.Glossary(), false},
		{"glossary default on", q1.Glossary(), true},
		{"questions default on", eco.Questions(), true},
		{"order newest", eco.Order, OrderNewest},
		{"order default oldest", q1.Order, OrderOldest},
		{"TOML date", eco.From.Format("2006-01-02"), "2023-12-01"},
		{"string date", eco.To.Format("2006-01-02"), "2024-03-31"},
		{"newest", cfg.PacketSettings.NewestCount(), 6},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %v, want %v", c.what, c.got, c.want)
		}
	}
}

func TestPacketErrors(t *testing.T) {
	tests := []struct {
		name, toml, wantErr string
	}{
		{"bad paper names its line", "title = \"x\"\n\n[[packet]]\ntitle = \"学习\"\npaper = \"B5\"\n", `studysite.toml:5: paper "B5": must be "A4" or "A5"`},
		{"bad order names its line", "[[packet]]\ntitle = \"学习\"\n\norder = \"random\"\n", "studysite.toml:4:"},
		{"bad date names its line", "[[packet]]\ntitle = \"学习\"\nfrom = \"2024年3月\"\n", "studysite.toml:3:"},
		{"empty title names the packet line", "[[packet]]\nslug = \"a\"\n\n[[packet]]\nslug = \"b\"\n", `studysite.toml:1: packet "a": title is empty`},
		{"duplicate slug names both lines", "[[packet]]\ntitle = \"甲\"\nslug = \"a\"\n\n  [[packet]]  # 又一个\ntitle = \"乙\"\nslug = \"a\"\n", `studysite.toml:5: packet "a": slug "a" is already used by the packet at line 1`},
		{"bad slug", "[[packet]]\ntitle = \"甲\"\nslug = \"第一\"\n", `studysite.toml:1: packet "第一": slug "第一" may hold only`},
		{"slugs and selector", "[[packet]]\ntitle = \"甲\"\nslugs = [\"a\"]\ntag = \"经济\"\n", "not both"},
		{"range backwards", "[[packet]]\ntitle = \"甲\"\nfrom = 2024-03-01\nto = 2024-01-01\n", "to 2024-01-01 is before from 2024-03-01"},
		{"too many notes", "[[packet]]\ntitle = \"甲\"\nnotes = 500\n", "notes = 500"},
		{"one notes page too many", "[[packet]]\ntitle = \"甲\"\nnotes = 21\n", `studysite.toml:1: packet "甲": notes = 21: must be 0 to 20 pages`},
		{"a packet without a header line", "packet = [{title = \"甲\", slug = \"Bad\"}]\n", `studysite.toml: packet "Bad": slug "Bad" may hold only`},
		{"document twice", "[[packet]]\ntitle = \"甲\"\nslugs = [\"a\", \"b\", \"a\"]\n", `document "a" is listed twice`},
		{"negative newest", "[packets]\nnewest = -1\n", "packets.newest = -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			_ = afero.WriteFile(fsys, FileName, []byte(tt.toml), 0o644)
			_, _, err := Load(fsys, FileName)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestUnknownKeyLines(t *testing.T) {
	src := "title = \"学习\"\ntitel = \"x\"\n\n[[packet]]\ntitle = \"甲\"\n\n[[packet]]\ntitle = \"乙\"\norganizer = \"机关党委\"\n"
	fsys := afero.NewMemMapFs()
	_ = afero.WriteFile(fsys, FileName, []byte(src), 0o644)
	_, warns, err := Load(fsys, FileName)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`studysite.toml:2: unknown setting "titel"`, `studysite.toml:9: unknown setting "packet.organizer"`}
	if len(warns) != len(want) {
		t.Fatalf("warnings %q, want %q", warns, want)
	}
	for i := range want {
		if !strings.HasPrefix(warns[i], want[i]) {
			t.Errorf("warning %q, want %q", warns[i], want[i])
		}
	}
}

// TestPacketLimits: the largest and smallest values a packet setting
// takes are taken.
func TestPacketLimits(t *testing.T) {
	tests := []struct {
		name, toml    string
		notes, newest int
	}{
		{"no default packet", "[packets]\nnewest = 0\n", 0, 0},
		{"from without to", "[[packet]]\ntitle = \"甲\"\nfrom = 2024-01-01\n", 0, 10},
		{"to without from", "[[packet]]\ntitle = \"甲\"\nto = 2024-01-01\n", 0, 10},
		{"twenty notes pages", "[packets]\nnewest = 3\n\n[[packet]]\ntitle = \"甲\"\nnotes = 20\n", 20, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			_ = afero.WriteFile(fsys, FileName, []byte(tt.toml), 0o644)
			cfg, _, err := Load(fsys, FileName)
			if err != nil {
				t.Fatal(err)
			}
			notes := 0
			for _, p := range cfg.Packets {
				notes = p.Notes
			}
			if notes != tt.notes || cfg.PacketSettings.NewestCount() != tt.newest {
				t.Errorf("notes %d, newest %d; want %d, %d", notes, cfg.PacketSettings.NewestCount(), tt.notes, tt.newest)
			}
		})
	}
}
