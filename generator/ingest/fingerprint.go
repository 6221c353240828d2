package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

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

// fingerprint hashes text without its white space. It copies the text in
// chunks through buf: most transcript text is Chinese, with few spaces, and
// a write per run of non-space characters would cost more than the hash.
type fingerprint struct {
	h   hash.Hash
	buf *[]byte
}

func newFingerprint() fingerprint {
	buf := make([]byte, 0, 32<<10)
	return fingerprint{sha256.New(), &buf}
}

func (f fingerprint) add(s string) {
	buf := *f.buf
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c != ' ' && (c < '\t' || c > '\r') {
				buf = append(buf, c)
			}
			i++
		case c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3:
			// Only these bytes start a white space character beyond
			// ASCII (U+0085, U+00A0, U+1680, U+2000–205F, U+3000): any
			// other is kept, and so is each byte after it, whether it
			// makes a valid character (all of Chinese) or not.
			buf = append(buf, c)
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				buf = append(buf, s[i:i+n]...)
			}
			i += n
		}
		if len(buf) > cap(buf)-utf8.UTFMax {
			f.h.Write(buf)
			buf = buf[:0]
		}
	}
	*f.buf = buf
}

func (f fingerprint) sum() string {
	f.h.Write(*f.buf)
	*f.buf = (*f.buf)[:0]
	return hex.EncodeToString(f.h.Sum(nil))
}

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
