package site

import (
	"strings"
	"testing"
	"time"
)

// TestStageTimesLine: the line `build -v` prints ("stages: …") names every
// stage with its own time in whole milliseconds, in the order a build runs
// them, search's parts beside it.
func TestStageTimesLine(t *testing.T) {
	for _, c := range []struct {
		stage string // as the line names it
		set   func(*StageTimes, time.Duration)
	}{
		{"import", func(t *StageTimes, d time.Duration) { t.Import = d }},
		{"parse", func(t *StageTimes, d time.Duration) { t.Parse = d }},
		{"link", func(t *StageTimes, d time.Duration) { t.Link = d }},
		{"render", func(t *StageTimes, d time.Duration) { t.Render = d }},
		{"search", func(t *StageTimes, d time.Duration) { t.Search = d }},
		{"index", func(t *StageTimes, d time.Duration) { t.SearchIndex = d }},
		{"layout", func(t *StageTimes, d time.Duration) { t.SearchLay = d }},
		{"encoding", func(t *StageTimes, d time.Duration) { t.SearchEncode = d }},
		{"publish", func(t *StageTimes, d time.Duration) { t.Publish = d }},
		{"write", func(t *StageTimes, d time.Duration) { t.Write = d }},
	} {
		t.Run(c.stage, func(t *testing.T) {
			var tm StageTimes
			c.set(&tm, 1234567*time.Microsecond) // 1,234.567 ms
			line := tm.String()
			if n := strings.Count(line, " 1234 ms"); n != 1 || !strings.Contains(line, c.stage+" 1234 ms") {
				t.Errorf("%q: want %q once and no other stage's time", line, c.stage+" 1234 ms")
			}
			if n := strings.Count(line, " 0 ms"); n != 9 {
				t.Errorf("%q: %d stages at 0 ms, want the 9 others", line, n)
			}
		})
	}
	line := StageTimes{}.String()
	at := -1
	for _, stage := range []string{"import", "parse", "link", "render", "search", "index", "layout", "encoding", "publish", "write"} {
		i := strings.Index(line, stage+" ")
		if i <= at {
			t.Errorf("%q: %s not after the stage before it", line, stage)
		}
		at = i
	}
}
