package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"strings"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// InlineScriptsToken is written by themes inside a Content-Security-Policy
// script-src list; publish replaces it with the hash of every inline script
// of that page, computed on the minified bytes the browser will read. So a
// page may run its own inline scripts (the pre-paint preference script, the
// self-contained 404 page) while any other inline script — none can come
// from content, which is escaped — stays blocked, with no 'unsafe-inline'.
const InlineScriptsToken = "'studysite-inline-scripts'"

// hashInlineScripts fills the token of a minified HTML page.
func hashInlineScripts(page []byte) []byte {
	if !bytes.Contains(page, []byte(InlineScriptsToken)) {
		return page
	}
	var hashes []string
	seen := map[string]bool{}
	for _, script := range inlineScripts(page) {
		sum := sha256.Sum256(script)
		h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !seen[h] {
			seen[h] = true
			hashes = append(hashes, h)
		}
	}
	return bytes.ReplaceAll(page, []byte(InlineScriptsToken), []byte(strings.Join(hashes, " ")))
}

// inlineScripts gives the text of every <script> without src, found by an
// HTML lexer: "<script>" inside an attribute value (a meta description
// quoting the text 《<script>字样》) is text, not a script, and a scan for
// the characters would hash it in place of the page's real scripts.
func inlineScripts(page []byte) [][]byte {
	var out [][]byte
	l := html.NewLexer(parse.NewInputBytes(page))
	inScript, hasSrc, inlineOpen := false, false, false
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			inScript, hasSrc, inlineOpen = string(l.Text()) == "script", false, false
		case html.AttributeToken:
			if inScript && string(l.AttrKey()) == "src" {
				hasSrc = true
			}
		case html.StartTagCloseToken:
			if inScript && !hasSrc {
				inlineOpen = true
				out = append(out, []byte{}) // an empty script has no text token
			}
			inScript = false
		case html.TextToken:
			if inlineOpen {
				out[len(out)-1] = append(out[len(out)-1], data...)
			}
		case html.EndTagToken:
			inlineOpen = false
		}
	}
}
