package publish

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"regexp"
	"strings"
)

// InlineScriptsToken is written by themes inside a Content-Security-Policy
// script-src list; publish replaces it with the hash of every inline script
// of that page, computed on the minified bytes the browser will read. So a
// page may run its own inline scripts (the pre-paint preference script, the
// self-contained 404 page) while any other inline script — none can come
// from content, which is escaped — stays blocked, with no 'unsafe-inline'.
const InlineScriptsToken = "'studysite-inline-scripts'"

var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

// hashInlineScripts fills the token of a minified HTML page.
func hashInlineScripts(page []byte) []byte {
	if !bytes.Contains(page, []byte(InlineScriptsToken)) {
		return page
	}
	var hashes []string
	seen := map[string]bool{}
	for _, m := range inlineScript.FindAllSubmatch(page, -1) {
		sum := sha256.Sum256(m[1])
		h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !seen[h] {
			seen[h] = true
			hashes = append(hashes, h)
		}
	}
	return bytes.ReplaceAll(page, []byte(InlineScriptsToken), []byte(strings.Join(hashes, " ")))
}
