// Package htmltest reads built pages the way a reader's browser would, for
// tests: parse with golang.org/x/net/html, select with CSS selectors
// (cascadia), and take the visible text of elements; and compares built
// output: where two texts first differ, whether any file of a tree changed.
package htmltest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// Parse parses a page or fails the test.
func Parse(t testing.TB, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parsing HTML: %v", err)
	}
	return doc
}

// All returns the elements under n matching a CSS selector.
func All(t testing.TB, n *html.Node, selector string) []*html.Node {
	t.Helper()
	sel, err := cascadia.ParseGroup(selector)
	if err != nil {
		t.Fatalf("selector %q: %v", selector, err)
	}
	return cascadia.QueryAll(n, sel)
}

// One returns the single element matching selector, failing the test when
// there is not exactly one.
func One(t testing.TB, n *html.Node, selector string) *html.Node {
	t.Helper()
	all := All(t, n, selector)
	if len(all) != 1 {
		t.Fatalf("selector %q: want 1 element, found %d", selector, len(all))
	}
	return all[0]
}

// Attr returns an attribute's value ("" when absent).
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Text returns the text under n, leaving out the subtrees of elements that
// match skip (a CSS selector, or "" for none) and of script/style elements.
func Text(t testing.TB, n *html.Node, skip string) string {
	t.Helper()
	var skipSel cascadia.SelectorGroup
	if skip != "" {
		s, err := cascadia.ParseGroup(skip)
		if err != nil {
			t.Fatalf("selector %q: %v", skip, err)
		}
		skipSel = s
	}
	return textUnder(n, func(c *html.Node) bool {
		return c.Data == "script" || c.Data == "style" || (skipSel != nil && skipSel.Match(c))
	})
}

// TextOf returns all the text under n, as textContent does.
func TextOf(n *html.Node) string {
	return textUnder(n, func(*html.Node) bool { return false })
}

// textUnder joins the text nodes under n, leaving out the elements skip
// names and everything inside them.
func textUnder(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode && skip(c) {
			return
		}
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// StripSpace removes all white space, for comparing text regardless of layout.
func StripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\f', '\v', '\u3000', '\u00a0':
			return -1
		}
		return r
	}, s)
}

// HasClass says whether n is an element whose class list holds class.
func HasClass(n *html.Node, class string) bool {
	return n.Type == html.ElementNode && slices.Contains(strings.Fields(Attr(n, "class")), class)
}

// FirstDiff shows where got first differs from want, for a test's message:
// the line number, and the two lines from a little before the first
// character that differs ("" when they are equal).
func FirstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b []rune
		if i < len(g) {
			a = []rune(g[i])
		}
		if i < len(w) {
			b = []rune(w[i])
		}
		if string(a) == string(b) {
			continue
		}
		if i >= len(g) || i >= len(w) {
			return fmt.Sprintf("line %d: one text ends:\n got: %q\nwant: %q", i+1, string(a), string(b))
		}
		k := 0
		for k < len(a) && k < len(b) && a[k] == b[k] {
			k++
		}
		lo := max(k-diffContext, 0)
		return fmt.Sprintf("line %d, character %d:\n got: …%s…\nwant: …%s…", i+1, k+1,
			string(a[lo:min(k+diffContext, len(a))]), string(b[lo:min(k+diffContext, len(b))]))
	}
	return ""
}

// diffContext is how many characters FirstDiff shows each side of the
// first difference: long lines (a whole document's text) stay readable.
const diffContext = 30

// TreeHashes maps every file of fsys to the SHA-256 of its bytes, to tell
// whether a built site changed: os.DirFS(dir) for a folder on disk,
// afero.NewIOFS for an afero.Fs (with fs.Sub for a folder of it).
func TreeHashes(t testing.TB, fsys fs.FS) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		out[p] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatalf("hashing the files: %v", err)
	}
	return out
}
