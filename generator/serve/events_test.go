package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// readEvent reads the next Server-Sent Event of a stream: its name and
// its data.
func readEvent(t *testing.T, r *bufio.Reader) (name string, data liveState) {
	t.Helper()
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("the event stream ended: %v", err)
		}
		line = strings.TrimRight(line, "\n")
		switch {
		case line == "" && name != "":
			return name, data
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &data); err != nil {
				t.Fatalf("event data %q: %v", line, err)
			}
		}
	}
}

// TestEventStream is what an open tab hears on /__studysite/events: the
// state at once, then each build, failed or not, as it ends.
func TestEventStream(t *testing.T) {
	l := newLive()
	l.succeeded(testSite())
	srv := httptest.NewServer(&handler{live: l})
	defer srv.Close()
	// The deadline stands for a tab that waits in vain: a missing event
	// fails the read instead of hanging the test.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", srv.URL+"/__studysite/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	for k, want := range map[string]string{"Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store"} {
		if got := res.Header.Get(k); got != want {
			t.Errorf("%s %q, want %q", k, got, want)
		}
	}
	stream := bufio.NewReader(res.Body)
	_, first := l.current()
	steps := []struct {
		name   string
		do     func()
		newer  bool   // a build other than the one before
		errHas string // "" when no error is shown
	}{
		{"the state at once", func() {}, false, ""},
		{"a failed build: same build, its error", func() { l.failed(errors.New("content/x.md:2: bad front matter")) }, false, "content/x.md:2"},
		{"a good build: a new build, no error", func() { l.succeeded(testSite()) }, true, ""},
	}
	before := first.Build
	for _, st := range steps {
		st.do()
		name, got := readEvent(t, stream)
		if name != "state" {
			t.Errorf("%s: event %q, want state", st.name, name)
		}
		if (got.Build != before) != st.newer || got.Build == "" {
			t.Errorf("%s: build %q after %q", st.name, got.Build, before)
		}
		if st.errHas == "" && got.Error != "" || !strings.Contains(got.Error, st.errHas) {
			t.Errorf("%s: error %q, want one with %q", st.name, got.Error, st.errHas)
		}
		before = got.Build
	}
}
