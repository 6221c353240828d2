package site

import (
	"context"
	"testing"

	"github.com/spf13/afero"
)

// TestSeedsNote: the note `studysite init` leaves in seeds/ is not a
// document, but a transcript a clerk saved under the same name is imported
// like any other (nothing a user brings is passed over by its name alone).
func TestSeedsNote(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		pages      int
	}{
		{"init's note", SeedsNoteFirstLine + "\n\n可以放的文件：\n  .txt   纯文本\n", 0},
		{"init's note edited below its first line", SeedsNoteFirstLine + "\n\n（本支部的材料由办公室统一放入。）\n", 0},
		{"a transcript saved as 说明.txt", "关于2024年度学习计划的说明\n\n　　根据党委安排，现将2024年度理论学习计划说明如下。\n\n　　一、学习内容\n\n　　重点学习党的二十大精神。\n", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			write(t, fsys, "site/seeds/"+SeedsNote, []byte(tc.text))
			write(t, fsys, "site/studysite.toml", []byte("title = \"学习材料\"\n"))
			res, err := Build(context.Background(), fsys, Options{Source: "site"})
			if err != nil {
				t.Fatal(err)
			}
			if res.Pages != tc.pages {
				t.Errorf("%d pages built from seeds/%s, want %d", res.Pages, SeedsNote, tc.pages)
			}
		})
	}
}
