package serve

import (
	"bytes"
	_ "embed"
	"net/http"
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/studysite/studysite/generator/urls"
)

// liveDir is where the server's own files live, a name no built site uses
// (output paths are slugs, never starting with an underscore pair).
const liveDir = "/__studysite/"

//go:embed reload.js
var reloadJS []byte

var reloadFile = &servedFile{data: reloadJS}

// handler serves the current snapshot of l: GET and HEAD only, no folder
// listings, nothing outside the snapshot.
type handler struct {
	live *live
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed: this server only reads", http.StatusMethodNotAllowed)
		return
	}
	p, ok := sitePath(r.URL)
	if !ok {
		http.Error(w, "400 bad request: the path leaves the site", http.StatusBadRequest)
		return
	}
	switch p {
	case liveDir[1:] + "reload.js":
		h.serveBytes(w, r, "reload.js", reloadJS, reloadFile.ETag())
		return
	case liveDir[1:] + "events":
		h.live.serveEvents(w, r)
		return
	}
	site, state := h.live.current()
	name := p
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if f := site.file(name); f != nil {
		h.serveFile(w, r, name, f, state)
		return
	}
	// A folder asked for without its slash: redirect, so the page's
	// relative links resolve from inside the folder.
	if !strings.HasSuffix(p, "/") && site.hasIndex(p) {
		target := url.URL{Path: "/" + p + "/", RawQuery: r.URL.RawQuery}
		http.Redirect(w, r, target.String(), http.StatusMovedPermanently)
		return
	}
	h.notFound(w, r, site, state)
}

// sitePath is the slash path inside the site a request names ("" for the
// top), or false when the request tries to leave the site: a ".." segment
// (also written %2e%2e), an encoded slash or backslash (%2f, %5c) that
// would make one segment into two on some servers, a backslash, a NUL, a
// drive letter or a second leading slash (an absolute path).
func sitePath(u *url.URL) (string, bool) {
	raw := strings.ToLower(u.EscapedPath())
	if strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.Contains(raw, "%00") {
		return "", false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		return "", false
	}
	p = p[1:]
	if strings.HasPrefix(p, "/") || strings.ContainsAny(p, "\\\x00") || drive.MatchString(p) {
		return "", false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			return "", false
		}
	}
	if strings.Contains(p, "//") {
		return "", false
	}
	return p, true
}

var drive = regexp.MustCompile(`^[A-Za-z]:`)

func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, name string, f *servedFile, state liveState) {
	data, etag := f.data, f.ETag()
	if path.Ext(name) == ".html" {
		// The page's ETag names the build too: the same bytes from another
		// build carry another reload script, and a tab holding them must
		// not be answered 304 into a reload loop.
		data = withReloadScript(data, state.Build)
		etag += "-" + state.Build
	}
	h.serveBytes(w, r, name, data, etag)
}

func (h *handler) serveBytes(w http.ResponseWriter, r *http.Request, name string, data []byte, etag string) {
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name, data))
	hdr.Set("X-Content-Type-Options", "nosniff")
	if urls.IsFingerprinted(name) {
		// A stylesheet or script named by its digest never changes: a
		// reload need not ask for it again, which is a round trip per
		// asset before the reloaded page can run its scripts.
		hdr.Set("Cache-Control", "max-age=31536000, immutable")
	} else {
		// Revalidate every time: an edit must show at once, and an
		// unchanged file costs only a 304.
		hdr.Set("Cache-Control", "no-cache")
	}
	if etag != "" {
		hdr.Set("ETag", `"`+etag+`"`)
	}
	// ServeContent answers If-None-Match with 304, HEAD without a body,
	// and Range requests (a PDF viewer asks for parts).
	http.ServeContent(w, r, "", zeroTime, bytes.NewReader(data))
}

// notFound answers with the site's own 404 page, which links its assets
// from the top of the site so it works at any depth.
func (h *handler) notFound(w http.ResponseWriter, r *http.Request, site *Snapshot, state liveState) {
	body := notBuiltPage
	if f := site.file("404.html"); f != nil {
		body = f.data
	} else if site != nil {
		body = []byte("<!doctype html><meta charset=utf-8><title>404</title><p>404")
	}
	body = withReloadScript(body, state.Build)
	hdr := w.Header()
	hdr.Set("Content-Type", "text/html; charset=utf-8")
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

// notBuiltPage stands in for the site until a first build succeeds; the
// reload script shows why it failed over it.
var notBuiltPage = []byte(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>studysite</title><body><p>站点还没有构建成功。The site has not been built yet.`)

// withReloadScript appends the reload script to a page. Appending, not
// inserting before </body>: a minified page leaves out optional end tags,
// and an HTML parser puts a script after the end into the body all the same.
func withReloadScript(page []byte, build string) []byte {
	tag := `<script src="` + liveDir + `reload.js?build=` + url.QueryEscape(build) + `" async></script>`
	out := make([]byte, 0, len(page)+len(tag))
	return append(append(out, page...), tag...)
}
