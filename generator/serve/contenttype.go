package serve

import (
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// zeroTime leaves Last-Modified out: a snapshot's files have no dates of
// their own, and the ETag is the validator.
var zeroTime time.Time

// knownTypes are the types of what a built site holds, fixed here rather
// than read from the machine's mime tables, which differ (a Windows
// registry may call .js text/plain).
var knownTypes = map[string]string{
	".html":        "text/html",
	".css":         "text/css",
	".js":          "text/javascript",
	".mjs":         "text/javascript",
	".json":        "application/json",
	".webmanifest": "application/manifest+json",
	".xml":         "application/xml",
	".txt":         "text/plain",
	".md":          "text/markdown",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".pdf":         "application/pdf",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".wasm":        "application/wasm",
	".bin":         "application/octet-stream",
}

// contentType is the Content-Type of a file, with charset=utf-8 on every
// text type (the site is written in UTF-8; without it a browser may guess
// GBK for a Chinese page).
func contentType(name string, data []byte) string {
	ext := strings.ToLower(path.Ext(name))
	t, ok := knownTypes[ext]
	if !ok {
		t = mime.TypeByExtension(ext)
	}
	if t == "" {
		t = http.DetectContentType(data)
	}
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = t[:i]
	}
	if isText(t) {
		t += "; charset=utf-8"
	}
	return t
}

func isText(t string) bool {
	switch {
	case strings.HasPrefix(t, "text/"):
		return true
	case t == "application/json", t == "application/xml", t == "image/svg+xml",
		t == "application/manifest+json", t == "application/javascript",
		strings.HasSuffix(t, "+xml"), strings.HasSuffix(t, "+json"):
		return true
	}
	return false
}
