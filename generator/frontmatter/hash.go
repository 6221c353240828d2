package frontmatter

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
)

// contentHashKey is the front matter line that records ContentHash.
const contentHashKey = "content_sha256:"

// ContentHash is the hash of a content file as written: its front matter
// without the content_sha256 line itself, and its body. The importer
// records it; a file that no longer matches it was edited by hand, in its
// body or in its front matter (a tag added, a title corrected). Line ends
// and white space around the body do not count: an editor that saves with
// CRLF or adds a final newline has not edited the text.
func ContentHash(fm, body []byte) string {
	h := sha256.New()
	for line := range bytes.SplitSeq(fm, []byte("\n")) {
		line = bytes.TrimRight(line, "\r")
		if bytes.HasPrefix(line, []byte(contentHashKey)) {
			continue
		}
		h.Write(line)
		h.Write([]byte{'\n'})
	}
	h.Write([]byte{0})
	body = bytes.TrimSpace(body)
	for len(body) > 0 {
		i := bytes.IndexByte(body, '\r')
		if i < 0 {
			h.Write(body)
			break
		}
		h.Write(body[:i])
		body = body[i+1:]
		if len(body) == 0 || body[0] != '\n' {
			h.Write([]byte{'\n'}) // a bare CR is a line end too
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Recorded says whether the file records a hash of what the importer wrote,
// and whether the file still matches it. Files of importer versions 1 and 2
// recorded only their body's hash (LegacyBodyHash): for them an edit
// to the front matter shows only when it added a key the importer never
// writes or left the importer's layout.
func (f FrontMatter) Recorded(fm, body []byte) (recorded, matches bool) {
	switch {
	case f.ContentSHA256 != "":
		return true, f.ContentSHA256 == ContentHash(fm, body)
	case f.BodySHA256 != "":
		if f.BodySHA256 != LegacyBodyHash(body) || f.Summary != "" || f.Series != "" || f.Draft ||
			len(f.Tags) > 0 || len(f.Questions) > 0 || hasUnknownKeys(fm) {
			return true, false
		}
		canon, err := Marshal(f)
		return true, err == nil && string(canon) == "---\n"+string(bytes.ReplaceAll(fm, []byte("\r\n"), []byte("\n")))+"---\n"
	}
	return false, false
}

func hasUnknownKeys(fm []byte) bool {
	for line := range bytes.SplitSeq(fm, []byte("\n")) {
		if len(line) == 0 || line[0] == ' ' || line[0] == '-' || line[0] == '#' {
			continue
		}
		if k := bytes.IndexByte(line, ':'); k > 0 && !knownKeys[string(line[:k])] {
			return true
		}
	}
	return false
}

// LegacyBodyHash is the hash importer versions 1 and 2 recorded of the body
// they wrote (body_sha256): SHA-256 of the body without white space at its
// ends.
func LegacyBodyHash(body []byte) string {
	sum := sha256.Sum256(bytes.TrimSpace(body))
	return hex.EncodeToString(sum[:])
}
