package link

import (
	"testing"

	"github.com/studysite/studysite/generator/config"
)

// A document page links the one before it and the one after it in reading
// order (newest first, undated last); the ends link nothing on that side,
// and a draft, which has no page, has no neighbours.
func TestNeighboursFollowReadingOrder(t *testing.T) {
	s := mustBuild(t, config.Default(), map[string]string{
		"content/old.md":     doc("old", "2021-01-01", "", "\n旧。\n"),
		"content/new.md":     doc("new", "2024-01-01", "", "\n新。\n"),
		"content/mid.md":     doc("mid", "2022-06-01", "", "\n中。\n"),
		"content/undated.md": "---\ntitle: 无日期\nslug: undated\n---\n\n无日期。\n",
		"content/draft.md":   doc("draft", "2023-01-01", "draft: true\n", "\n草稿。\n"),
	})
	draft := parsePages(t, map[string]string{"content/draft.md": doc("draft", "2023-01-01", "draft: true\n", "\n草稿。\n")})[0]
	tests := []struct {
		page       string
		prev, next string
	}{
		{"new", "", "mid"},
		{"mid", "new", "old"},
		{"old", "mid", "undated"},
		{"undated", "old", ""},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			prev, next := s.Neighbours(s.Page(tt.page))
			var gotPrev, gotNext string
			if prev != nil {
				gotPrev = prev.Slug()
			}
			if next != nil {
				gotNext = next.Slug()
			}
			if gotPrev != tt.prev || gotNext != tt.next {
				t.Errorf("neighbours = %q, %q; want %q, %q", gotPrev, gotNext, tt.prev, tt.next)
			}
		})
	}
	if prev, next := s.Neighbours(draft); prev != nil || next != nil {
		t.Errorf("a draft has neighbours %v, %v", prev, next)
	}
}
