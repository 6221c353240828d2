package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"path"
	"strings"
	"unicode"

	"github.com/studysite/studysite/generator/frontmatter"
)

// Fingerprint identifies a transcript's text whatever its file: the SHA-256
// of its characters without any white space, so a GBK and a UTF-8 copy, one
// file under two names, and a .docx and a .txt of one speech share it. It
// reads the file the way Import does, and fails where Import would; Import
// gives the same value as Result.Fingerprint.
func Fingerprint(name string, data []byte, opt Options) (string, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return markdownFingerprint(data), nil
	case ".docx":
		lines, err := docxLines(data)
		if err != nil {
			return "", err
		}
		return linesFingerprint(lines), nil
	case ".pdf":
		pdf, err := pdfText(data, opt)
		if err != nil {
			return "", err
		}
		return textFingerprint(string(pdf)), nil
	}
	text, _, err := Decode(data, opt.Encoding)
	if err != nil {
		return "", err
	}
	return textFingerprint(text), nil
}

type fingerprint struct{ h hash.Hash }

func newFingerprint() fingerprint { return fingerprint{sha256.New()} }

func (f fingerprint) add(s string) {
	for len(s) > 0 {
		i := strings.IndexFunc(s, unicode.IsSpace)
		if i < 0 {
			f.h.Write([]byte(s))
			return
		}
		f.h.Write([]byte(s[:i]))
		s = strings.TrimLeftFunc(s[i:], unicode.IsSpace)
	}
}

func (f fingerprint) sum() string { return hex.EncodeToString(f.h.Sum(nil)) }

func textFingerprint(text string) string {
	f := newFingerprint()
	f.add(text)
	return f.sum()
}

func markdownFingerprint(data []byte) string {
	_, body, _, err := frontmatter.Split(data)
	if err != nil {
		body = data
	}
	return textFingerprint(string(body))
}

func linesFingerprint(lines []srcLine) string {
	f := newFingerprint()
	for _, l := range lines {
		if l.table == nil {
			f.add(l.text)
			continue
		}
		for _, row := range l.table.Rows {
			for _, cell := range row {
				f.add(cell)
			}
		}
	}
	return f.sum()
}
