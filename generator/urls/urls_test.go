package urls

import (
	"path"
	"strings"
	"testing"
)

// The addresses readers bookmark and cite (README: docs/<slug>/index.html#p12,
// terms/<slug>/2/index.html …) are a promise; this table is that promise.
func TestLayout(t *testing.T) {
	tests := []struct{ got, want string }{
		{Doc("shang-hai"), "docs/shang-hai/index.html"},
		{DocFragment("shang-hai", "p12"), "docs/shang-hai/index.html#p12"},
		{DocFragment("shang-hai", ""), "docs/shang-hai/index.html"},
		{Term("ren-min-cheng-shi"), "terms/ren-min-cheng-shi/index.html"},
		{TermPage("ren-min-cheng-shi", 1), "terms/ren-min-cheng-shi/index.html"},
		{TermPage("ren-min-cheng-shi", 2), "terms/ren-min-cheng-shi/2/index.html"},
		{TaxonomyIndex("tags"), "tags/index.html"},
		{TaxonomyEntry("series", "zheng-fu-gong-zuo-bao-gao"), "series/zheng-fu-gong-zuo-bao-gao/index.html"},
		{ListPage(TaxonomyEntry("tags", "jing-ji"), 3), "tags/jing-ji/3/index.html"},
		{Year(2023), "years/2023/index.html"},
		{ListPage(Archive, 2), "archive/2/index.html"},
		{Packet("q1"), "packets/q1/index.html"},
		{PacketPDF("q1"), "packets/q1.pdf"},
		{DocPDF("shang-hai"), "docs/shang-hai/shang-hai.pdf"},
		{Asset("style.1a2b3c4d.css"), "assets/style.1a2b3c4d.css"},
		{Folder(Doc("a")), "docs/a/"},
		{Folder(Home), ""},
		{Folder(Feed), "feed.xml"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

// Root(from) + to, resolved from the page at from, is to: for every pair
// of the site's kinds of page, so links work at /, under a subpath and
// from file://.
func TestRootReachesEveryPage(t *testing.T) {
	pages := []string{Home, NotFound, Archive, ListPage(Archive, 4), Search, TermsIndex, PacketsIndex,
		Doc("a"), Term("b"), TermPage("b", 3), Year(2024), ListPage(Year(2024), 2), TaxonomyIndex("speakers"),
		TaxonomyEntry("tags", "c"), ListPage(TaxonomyEntry("tags", "c"), 2), Packet("d"), Feed}
	for _, from := range pages {
		for _, to := range pages {
			if got := path.Join("/site", path.Dir(from), Root(from)+to); got != path.Join("/site", to) {
				t.Errorf("from %s, %q reaches %s, want %s", from, Root(from)+to, got, path.Join("/site", to))
			}
		}
	}
}

// A document body is rendered once and shown on document, term and packet
// pages: FromBody links must reach their target from each.
func TestFromBodyWorksOnEveryPageABodyIsShownOn(t *testing.T) {
	for _, shownOn := range []string{Doc("a"), Term("b"), Packet("c")} {
		for _, to := range []string{Doc("z"), Term("y")} {
			if got := path.Join(path.Dir(shownOn), FromBody(to)); got != to {
				t.Errorf("on %s, %q reaches %s, want %s", shownOn, FromBody(to), got, to)
			}
		}
	}
}

// Pages of a list stay in its folder and never collide with another
// entry's.
func TestListPagesStayInTheirFolder(t *testing.T) {
	seen := map[string]string{}
	for _, first := range []string{Archive, Year(2023), Term("a"), TaxonomyEntry("tags", "a"), TaxonomyEntry("series", "a")} {
		for n := 1; n <= 12; n++ {
			p := ListPage(first, n)
			if !strings.HasPrefix(p, strings.TrimSuffix(first, "index.html")) || !strings.HasSuffix(p, "/index.html") {
				t.Errorf("page %d of %s is %s", n, first, p)
			}
			if other, dup := seen[p]; dup {
				t.Errorf("%s is both %s and page %d of %s", p, other, n, first)
			}
			seen[p] = first
		}
	}
}

// A theme's stylesheets and scripts are named by their digest, and only
// those names are taken for files that never change (serve lets browsers
// keep them without asking again).
func TestFingerprintedAssets(t *testing.T) {
	sum := []byte{0x0a, 0x1b, 0x2c, 0x3d, 0xff}
	for _, tc := range []struct {
		path string
		want bool
	}{
		{FingerprintedAsset("style.css", sum), true},
		{FingerprintedAsset("search-more.js", sum), true},
		{FingerprintedAsset("print/packet.css", sum), true},
		{"assets/style.css", false},
		{"assets/style.0a1b2c3.css", false},      // seven digits
		{"assets/style.0A1B2C3D.css", false},     // not as we write them
		{"assets/favicon.0a1b2c3d.svg", false},   // not fingerprinted
		{"docs/style.0a1b2c3d.css", false},       // not a theme asset
		{"assets/style.0a1b2c3d.css.map", false}, // another file
	} {
		if got := IsFingerprinted(tc.path); got != tc.want {
			t.Errorf("IsFingerprinted(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
	if got := FingerprintedAsset("style.css", sum); got != "assets/style.0a1b2c3d.css" {
		t.Errorf("FingerprintedAsset = %q", got)
	}
}
