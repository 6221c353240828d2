package serve

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"strings"
	"testing"
)

// FuzzSitePath: whatever a request's path is, what sitePath accepts is a
// clean relative slash path inside the site, and the handler never fails
// or answers with anything but its known statuses.
func FuzzSitePath(f *testing.F) {
	for _, s := range []string{"/", "/docs/a/", "/../etc/passwd", "/%2e%2e/x", "/a%2fb", "/a%5cb", "//x", "/C:/x",
		"/docs/%E8%AE%B2%E8%AF%9D/", "/a/./b", "/a/../b", "/%00", "/__studysite/events?x", "/.%2e/x"} {
		f.Add(s)
	}
	h, _ := newTestHandler()
	h.live.state.Build = "fuzz"
	f.Fuzz(func(t *testing.T, raw string) {
		u, err := url.ParseRequestURI(raw)
		if err != nil || strings.HasSuffix(u.Path, "/events") {
			return // not a request line a server gets; the event stream does not end
		}
		if p, ok := sitePath(u); ok {
			if p != "" && strings.TrimSuffix(path.Clean(p), "/") != strings.TrimSuffix(p, "/") {
				t.Errorf("sitePath(%q) = %q, not clean", raw, p)
			}
			if strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || p == ".." || strings.HasPrefix(p, "../") || strings.Contains(p, "/../") {
				t.Errorf("sitePath(%q) = %q leaves the site", raw, p)
			}
		}
		req := httptest.NewRequest("GET", "/", nil)
		req.URL, req.RequestURI = u, raw
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusMovedPermanently, http.StatusBadRequest, http.StatusNotFound:
		default:
			t.Errorf("GET %q: status %d", raw, rec.Code)
		}
	})
}
