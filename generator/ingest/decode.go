package ingest

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// Decode returns the text of a .txt transcript as UTF-8 with LF line ends and
// the name of the encoding it found. First cut: UTF-8 with or without BOM.
func Decode(data []byte) (text string, encoding string, err error) {
	encoding = "UTF-8"
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		data = data[3:]
		encoding = "UTF-8 (BOM)"
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return "", "", fmt.Errorf("byte offset %d: bytes are not valid UTF-8", off)
	}
	s := string(data)
	s = normalizeLineEnds(s)
	return s, encoding, nil
}

func normalizeLineEnds(s string) string {
	if !bytes.ContainsRune([]byte(s), '\r') {
		return s
	}
	var b bytes.Buffer
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
