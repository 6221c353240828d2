// Package htmltest reads built pages the way a reader's browser would, for
// tests: parse with golang.org/x/net/html, select with CSS selectors
// (cascadia), and take the visible text of elements.
package htmltest

import (
	"bytes"
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
