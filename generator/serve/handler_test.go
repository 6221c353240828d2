package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// testSite is a small built site as the server holds it.
func testSite() *Snapshot {
	return NewSnapshot(map[string][]byte{
		"index.html":                []byte("<!doctype html><title>首页</title><p>学习材料"),
		"404.html":                  []byte("<!doctype html><title>找不到页面</title><p>找不到页面"),
		"docs/a/index.html":         []byte("<!doctype html><title>甲</title><p>讲话全文"),
		"assets/site.css":           []byte("body{color:#111}"),
		"search/p0.js":              []byte("window.x=1"),
		"favicon.svg":               []byte("<svg xmlns='http://www.w3.org/2000/svg'/>"),
		"sitemap.xml":               []byte("<?xml version='1.0'?><urlset/>"),
		"robots.txt":                []byte("User-agent: *"),
		"packets/p.pdf":             []byte("%PDF-1.7"),
		"docs/b/note.txt":           []byte("说明"),
		"folder-without/x.css":      []byte("a{}"),
		"assets/style.0a1b2c3d.css": []byte("p{margin:0}"),
	})
}

func newTestHandler() (*handler, liveState) {
	l := newLive()
	l.succeeded(testSite())
	_, state := l.current()
	return &handler{live: l}, state
}

func TestHandlerAnswers(t *testing.T) {
	h, state := newTestHandler()
	reloadTag := `<script src="/__studysite/reload.js?build=` + state.Build + `" async></script>`
	tests := []struct {
		name, method, target string
		status               int
		contentType          string
		bodyHas              string // "" when the body must be empty
		header               map[string]string
	}{
		{"top page", "GET", "/", 200, "text/html; charset=utf-8", "<p>学习材料" + reloadTag, nil},
		{"index.html by name", "GET", "/index.html", 200, "text/html; charset=utf-8", "学习材料", nil},
		{"folder with its slash", "GET", "/docs/a/", 200, "text/html; charset=utf-8", "讲话全文", nil},
		{"folder without its slash is redirected", "GET", "/docs/a?x=1", 301, "", "", map[string]string{"Location": "/docs/a/?x=1"}},
		{"percent-encoded Chinese path", "GET", "/docs/a/%69ndex.html", 200, "text/html; charset=utf-8", "讲话全文", nil},
		{"stylesheet", "GET", "/assets/site.css", 200, "text/css; charset=utf-8", "body{color:#111}", map[string]string{"Cache-Control": "no-cache"}},
		// Named by its digest: a reload takes it from the browser's cache.
		{"fingerprinted stylesheet", "GET", "/assets/style.0a1b2c3d.css", 200, "text/css; charset=utf-8", "p{margin:0}", map[string]string{"Cache-Control": "max-age=31536000, immutable"}},
		{"a page is asked for again", "GET", "/docs/a/", 200, "text/html; charset=utf-8", "讲话全文", map[string]string{"Cache-Control": "no-cache"}},
		{"script", "GET", "/search/p0.js", 200, "text/javascript; charset=utf-8", "window.x=1", nil},
		{"svg is text", "GET", "/favicon.svg", 200, "image/svg+xml; charset=utf-8", "<svg", nil},
		{"xml", "GET", "/sitemap.xml", 200, "application/xml; charset=utf-8", "urlset", nil},
		{"plain text", "GET", "/robots.txt", 200, "text/plain; charset=utf-8", "User-agent", nil},
		{"pdf has no charset", "GET", "/packets/p.pdf", 200, "application/pdf", "%PDF", nil},
		{"reload script", "GET", "/__studysite/reload.js", 200, "text/javascript; charset=utf-8", "EventSource", nil},
		{"HEAD has headers, no body", "HEAD", "/docs/a/", 200, "text/html; charset=utf-8", "", nil},
		{"missing file gets the site's 404 page", "GET", "/docs/zzz/", 404, "text/html; charset=utf-8", "找不到页面" + reloadTag, nil},
		{"no listing of a folder without index.html", "GET", "/folder-without/", 404, "text/html; charset=utf-8", "找不到页面", nil},
		{"no listing of docs/b", "GET", "/docs/b/", 404, "text/html; charset=utf-8", "找不到页面", nil},
		{"POST refused", "POST", "/", 405, "", "", map[string]string{"Allow": "GET, HEAD"}},
		{"PUT refused", "PUT", "/docs/a/", 405, "", "", map[string]string{"Allow": "GET, HEAD"}},
		{"DELETE refused", "DELETE", "/index.html", 405, "", "", nil},
		{"OPTIONS refused", "OPTIONS", "/", 405, "", "", nil},
		{"dot-dot", "GET", "/../etc/passwd", 400, "", "", nil},
		{"dot-dot inside", "GET", "/docs/../../etc/passwd", 400, "", "", nil},
		{"encoded dot-dot", "GET", "/%2e%2e/etc/passwd", 400, "", "", nil},
		{"encoded dot-dot, upper case", "GET", "/docs/%2E%2E/%2E%2E/etc/passwd", 400, "", "", nil},
		{"single dot segment", "GET", "/./index.html", 400, "", "", nil},
		{"encoded slash", "GET", "/docs%2fa/index.html", 400, "", "", nil},
		{"encoded slash, upper case", "GET", "/..%2F..%2Fetc/passwd", 400, "", "", nil},
		{"encoded backslash", "GET", "/..%5c..%5cwindows/win.ini", 400, "", "", nil},
		{"double-encoded dot-dot stays a name", "GET", "/%252e%252e/etc/passwd", 404, "text/html; charset=utf-8", "找不到页面", nil},
		{"absolute path", "GET", "//etc/passwd", 400, "", "", nil},
		{"drive letter", "GET", "/C:/Windows/win.ini", 400, "", "", nil},
		{"encoded NUL", "GET", "/index.html%00.css", 400, "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, nil)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tt.status {
				t.Fatalf("%s %s: status %d, want %d (body %q)", tt.method, tt.target, res.StatusCode, tt.status, body)
			}
			if tt.contentType != "" && res.Header.Get("Content-Type") != tt.contentType {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), tt.contentType)
			}
			if tt.bodyHas == "" && tt.method == "HEAD" && len(body) != 0 {
				t.Errorf("HEAD answered with a body of %d bytes", len(body))
			}
			if tt.bodyHas != "" && !strings.Contains(string(body), tt.bodyHas) {
				t.Errorf("body %q lacks %q", body, tt.bodyHas)
			}
			if tt.status >= 400 && strings.Contains(string(body), "root:") {
				t.Errorf("a refused request leaked a file: %q", body)
			}
			for k, v := range tt.header {
				if got := res.Header.Get(k); got != v {
					t.Errorf("header %s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

// TestHandlerHEADMatchesGET: HEAD gives the headers GET gives.
func TestHandlerHEADMatchesGET(t *testing.T) {
	h, _ := newTestHandler()
	for _, target := range []string{"/", "/assets/site.css", "/docs/a/"} {
		get, head := httptest.NewRecorder(), httptest.NewRecorder()
		h.ServeHTTP(get, httptest.NewRequest("GET", target, nil))
		h.ServeHTTP(head, httptest.NewRequest("HEAD", target, nil))
		for _, k := range []string{"Content-Type", "Content-Length", "ETag"} {
			if g, hd := get.Header().Get(k), head.Header().Get(k); g != hd || g == "" {
				t.Errorf("%s: %s is %q on GET, %q on HEAD", target, k, g, hd)
			}
		}
	}
}

func TestHandlerETag(t *testing.T) {
	tests := []struct {
		name, target string
	}{
		{"stylesheet", "/assets/site.css"},
		{"page", "/docs/a/"},
		{"reload script", "/__studysite/reload.js"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, _ := newTestHandler()
			first := httptest.NewRecorder()
			h.ServeHTTP(first, httptest.NewRequest("GET", tt.target, nil))
			etag := first.Header().Get("ETag")
			if etag == "" || !strings.HasPrefix(etag, `"`) {
				t.Fatalf("no strong ETag: %q", etag)
			}
			again := httptest.NewRequest("GET", tt.target, nil)
			again.Header.Set("If-None-Match", etag)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, again)
			if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 {
				t.Errorf("If-None-Match %s: status %d with %d bytes, want 304 and none", etag, rec.Code, rec.Body.Len())
			}
			stale := httptest.NewRequest("GET", tt.target, nil)
			stale.Header.Set("If-None-Match", `"0000"`)
			rec = httptest.NewRecorder()
			h.ServeHTTP(rec, stale)
			if rec.Code != http.StatusOK {
				t.Errorf("stale ETag: status %d, want 200", rec.Code)
			}
		})
	}
}

// TestPageETagChangesWithTheBuild: a page's bytes are the same after a
// rebuild, but its reload script names the new build, so a tab must not
// get a 304 for the old one (it would reload for ever).
func TestPageETagChangesWithTheBuild(t *testing.T) {
	l := newLive()
	l.succeeded(testSite())
	h := &handler{live: l}
	get := func(target, inm string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", target, nil)
		if inm != "" {
			req.Header.Set("If-None-Match", inm)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	page, css := get("/", "").Header().Get("ETag"), get("/assets/site.css", "").Header().Get("ETag")
	l.succeeded(testSite())
	if rec := get("/", page); rec.Code != http.StatusOK {
		t.Errorf("page after a rebuild: status %d, want 200", rec.Code)
	}
	if rec := get("/assets/site.css", css); rec.Code != http.StatusNotModified {
		t.Errorf("unchanged stylesheet after a rebuild: status %d, want 304", rec.Code)
	}
}

// TestSiteWithout404Page: a site whose theme has no 404.html still
// answers a missing page with a plain 404, not with the page that says
// the site has not been built.
func TestSiteWithout404Page(t *testing.T) {
	l := newLive()
	l.succeeded(NewSnapshot(map[string][]byte{"index.html": []byte("<p>学习材料")}))
	h := &handler{live: l}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/docs/zzz/", nil))
	body := rec.Body.String()
	if rec.Code != http.StatusNotFound || !strings.Contains(body, "<title>404</title>") || strings.Contains(body, "还没有构建成功") {
		t.Errorf("status %d, body %q; want a plain 404 page", rec.Code, body)
	}
}

func TestNotBuiltYet(t *testing.T) {
	h := &handler{live: newLive()}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), "/__studysite/reload.js") {
		t.Errorf("before a first build: status %d, body %q; want 404 with the reload script", rec.Code, rec.Body.String())
	}
}

// TestSymlinksOutOfTheSite: a folder served from disk serves a link to a
// file inside it, never one that leads out.
func TestSymlinksOutOfTheSite(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.txt")
	if err := os.WriteFile(secret, []byte("root:x:0:0"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", "<p>首页")
	write("assets/site.css", "a{}")
	links := map[string]string{
		"inside.css":     "assets/site.css",
		"abs-out.txt":    secret,
		"rel-out.txt":    "../" + filepath.Base(outside) + "/secret.txt",
		"out-folder":     outside,
		"assets/up.css":  "../assets/site.css",
		"link-to-link":   "inside.css",
		"dangling.html":  "nowhere.html",
		"assets/esc.txt": "../../" + filepath.Base(outside) + "/secret.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := LoadSnapshot(afero.NewOsFs(), dir)
	if err != nil {
		t.Fatal(err)
	}
	l := newLive()
	l.succeeded(snap)
	h := &handler{live: l}
	tests := []struct {
		target string
		status int
	}{
		{"/inside.css", 200},
		{"/assets/up.css", 200},
		{"/abs-out.txt", 404},
		{"/rel-out.txt", 404},
		{"/out-folder/secret.txt", 404},
		{"/assets/esc.txt", 404},
		{"/link-to-link", 404},
		{"/dangling.html", 404},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", tt.target, nil))
		if rec.Code != tt.status {
			t.Errorf("GET %s: status %d, want %d", tt.target, rec.Code, tt.status)
		}
		if strings.Contains(rec.Body.String(), "root:x") {
			t.Errorf("GET %s leaked a file outside the site", tt.target)
		}
	}
}
