package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
	"unicode"

	"github.com/studysite/studysite/generator/frontmatter"
)

// Fingerprint identifies a transcript's text whatever its file: the SHA-256
// of its characters without any white space, so a GBK and a UTF-8 copy, one
// file under two names, and a .docx and a .txt of one speech share it. It
// reads the file the way Import does, and fails where Import would.
func Fingerprint(name string, data []byte, opt Options) (string, error) {
	h := sha256.New()
	write := func(s string) {
		s = strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
		h.Write([]byte(s))
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		_, body, _, err := frontmatter.Split(data)
		if err != nil {
			body = data
		}
		write(string(body))
	case ".docx":
		lines, err := docxLines(data)
		if err != nil {
			return "", err
		}
		for _, l := range lines {
			if l.table != nil {
				for _, row := range l.table.Rows {
					write(strings.Join(row, ""))
				}
				continue
			}
			write(l.text)
		}
	case ".pdf":
		pdf, err := pdfText(data, opt)
		if err != nil {
			return "", err
		}
		write(string(pdf))
	default:
		text, _, err := Decode(data, opt.Encoding)
		if err != nil {
			return "", err
		}
		write(text)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
