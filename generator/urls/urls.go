// Package urls is the layout of the built site: the path of every page a
// site can have, relative to the site root (docs/<slug>/index.html), and
// how a page reaches the root. Every stage asks here, so the layout can be
// read, and changed, in one place. Paths end in index.html so that the
// site works from file://, where a folder URL shows a listing.
package urls

import (
	"encoding/hex"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Pages of which a site has one.
const (
	Home         = "index.html"
	NotFound     = "404.html"
	Archive      = "archive/index.html" // every document, newest first (page 1)
	Search       = "search/index.html"
	TermsIndex   = "terms/index.html"
	PacketsIndex = "packets/index.html"
	Feed         = "feed.xml"
	Sitemap      = "sitemap.xml"
	Robots       = "robots.txt"
	NoJekyll     = ".nojekyll" // tells GitHub Pages to serve the files as they are
	AssetsDir    = "assets/"
)

// Folder is the address a server answers for a page: its folder for an
// index.html (docs/a/ for docs/a/index.html, "" for the home page), else
// the page itself. Sitemaps, feeds and canonical links use it.
func Folder(path string) string { return strings.TrimSuffix(path, "index.html") }

// Doc is a document's page.
func Doc(slug string) string { return "docs/" + slug + "/index.html" }

// DocFragment is a paragraph or section of a document (id p12, s1-2;
// "" for the document).
func DocFragment(slug, id string) string { return Fragment(Doc(slug), id) }

// Fragment adds #id to a path ("" adds nothing).
func Fragment(path, id string) string {
	if id == "" {
		return path
	}
	return path + "#" + id
}

// Term is the first page of a term (提法).
func Term(slug string) string { return "terms/" + slug + "/index.html" }

// TermPage is page n (1-based) of a term's occurrences.
func TermPage(slug string, n int) string { return ListPage(Term(slug), n) }

// Year is the first page of a year's archive.
func Year(y int) string { return "years/" + strconv.Itoa(y) + "/index.html" }

// TaxonomyIndex lists every entry of a taxonomy (kind: tags, series,
// speakers).
func TaxonomyIndex(kind string) string { return kind + "/index.html" }

// TaxonomyEntry is the first page of one tag, series or speaker.
func TaxonomyEntry(kind, slug string) string { return kind + "/" + slug + "/index.html" }

// Packet is a study packet's page.
func Packet(slug string) string { return "packets/" + slug + "/index.html" }

// DocPDF is a document printed to PDF (studysite pdf --docs).
func DocPDF(slug string) string { return "docs/" + slug + "/" + slug + ".pdf" }

// PacketPDF is a study packet printed to PDF.
func PacketPDF(slug string) string { return "packets/" + slug + ".pdf" }

// Asset is a theme asset by its file name in the theme's assets/ folder
// (fingerprinted names included).
func Asset(name string) string { return AssetsDir + name }

// FingerprintedAsset is the file of a theme's stylesheet or script (name,
// under assets/) named with the first bytes of its digest: a new version
// is a new name, so browsers may keep one as long as they like.
func FingerprintedAsset(name string, sum []byte) string {
	ext := path.Ext(name)
	return Asset(strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext)
}

// fingerprinted matches the paths FingerprintedAsset gives.
var fingerprinted = regexp.MustCompile(`^` + regexp.QuoteMeta(AssetsDir) + `.+\.[0-9a-f]{8}\.(css|js)$`)

// IsFingerprinted says whether the file at slash path p is named by its
// digest (FingerprintedAsset): its bytes never change under that name.
func IsFingerprinted(p string) bool { return fingerprinted.MatchString(p) }

// ListPage is page n (1-based) of a list whose first page is first
// (…/index.html): page 2 is …/2/index.html.
func ListPage(first string, n int) string {
	if n == 1 {
		return first
	}
	return strings.TrimSuffix(first, "index.html") + strconv.Itoa(n) + "/index.html"
}

// Root is the way from the page at path back to the site root: "" for
// index.html, "../../" for docs/<slug>/index.html. A link is Root(from) +
// the target's path, so the same files work at /, under a subpath and from
// file://.
func Root(path string) string { return strings.Repeat("../", strings.Count(path, "/")) }

// FromBody is a path as a link in a document body writes it. Document,
// packet and term pages all sit two folders deep, so one rendered body
// serves all of them.
func FromBody(path string) string { return "../../" + path }
