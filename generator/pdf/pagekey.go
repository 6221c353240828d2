package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"golang.org/x/net/html"
)

// InfoKeyPage is the entry of the PDF information dictionary that holds
// the PageKey of the page the PDF was printed from, so `check` can tell a
// stale PDF from a current one with public/ alone.
const InfoKeyPage = "StudysitePage"

// PageKey identifies the printable content of a built page: a hash of its
// bytes without its own download link (`a.packet-pdf`), which the site adds
// only once a PDF exists and which print CSS hides; so printing does not
// make the page it printed stale; runs of white space in text count as
// one space, so the minifier's handling of the space around the link does
// not either. The page's stylesheet and fonts have
// fingerprinted names, so a theme change changes the key too.
func PageKey(page []byte) string {
	h := sha256.New()
	z := html.NewTokenizer(bytes.NewReader(page))
	depth := 0 // inside the download link
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := append([]byte(nil), z.Raw()...) // TagAttr below may reuse it
		switch {
		case depth > 0:
			if tt == html.StartTagToken {
				if name, _ := z.TagName(); string(name) == "a" {
					depth++
				}
			} else if tt == html.EndTagToken {
				if name, _ := z.TagName(); string(name) == "a" {
					depth--
				}
			}
			continue
		case tt == html.StartTagToken && isDownloadLink(z):
			depth = 1
			continue
		}
		if tt == html.TextToken {
			// The minifier drops the white space the link leaves behind
			// ("</button> </p>" becomes "</button></p>" without it): text
			// counts by its words, not by how it is spaced.
			raw = []byte(strings.Join(strings.Fields(string(raw)), " "))
			if len(raw) == 0 {
				continue
			}
		}
		h.Write(raw)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func isDownloadLink(z *html.Tokenizer) bool {
	name, more := z.TagName()
	if string(name) != "a" {
		return false
	}
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		if string(k) == "class" && containsWord(string(v), "packet-pdf") {
			return true
		}
	}
	return false
}

func containsWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if w == word {
			return true
		}
	}
	return false
}
