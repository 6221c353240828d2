package search

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A payload is how every index file carries its data: raw DEFLATE (which
// search.js inflates itself) written in base85 (see base85), a quarter
// denser than base64. The file is one statement, with the inflated size:
//
//	__ss("s/12",4096,"<payload>")
//
// (no semicolon or newline: the file is published as it is written, as
// compact as a minifier would make it).
// Text (JSON) starts with one byte saying how it is encoded: 'g' for
// GB18030, which stores a Chinese character in two bytes instead of
// UTF-8's three and deflates about a fifth smaller, or 'u' for UTF-8 when
// the text holds a character whose GB18030 mapping browsers and Go may
// not agree on (see gbSafe).
//
// Text files are deflated with a preset dictionary (see textDictionary),
// written as the index file "d", which search.js loads before them.
//
// A rest file (r/) is Huffman-coded only, without looking for repeats:
// postings are varints, which repeats shorten little (2% on the
// benchmark corpus) for three times the time, and rest files are loaded
// after the first results; shards keep the full search (a first query's
// bytes).
type payloadWriter struct {
	z           *flate.Writer
	buf         bytes.Buffer
	dict        []byte // preset dictionary, or nil
	huffmanOnly bool
}

// payloadWriters are the writers one goroutine encodes with: plain
// (shards, the dictionary), with the text dictionary (m/, t/, vocab) and
// for rest files.
type payloadWriters struct {
	plain, withDict, rest payloadWriter
}

// file is the JS file named name carrying raw: bytes as they are, or
// (text) UTF-8 JSON, encoded as described above.
func (w *payloadWriter) file(name string, raw []byte, text bool) []byte {
	if text {
		raw = encodeText(raw)
	}
	return w.wrap(name, raw)
}

func (w *payloadWriter) wrap(name string, raw []byte) []byte {
	w.buf.Reset()
	if w.z == nil {
		// One writer, reset for each file: a new one costs about a
		// megabyte, and an index has thousands of files. The level is
		// valid, so there is no error. Level 6 gives files within 0.1%
		// of level 9's size in three quarters of the time on the
		// benchmark corpus (binary postings are slow at 9). Reset
		// keeps the dictionary.
		level := flate.DefaultCompression
		if w.huffmanOnly {
			level = flate.HuffmanOnly
		}
		w.z, _ = flate.NewWriterDict(&w.buf, level, w.dict)
	} else {
		w.z.Reset(&w.buf)
	}
	_, _ = w.z.Write(raw) // writes to a bytes.Buffer do not fail
	_ = w.z.Close()
	return fmt.Appendf(nil, "__ss(%q,%d,\"%s\")", name, len(raw), base85(w.buf.Bytes()))
}

// base85 writes b as Ascii85 does (each 4 bytes, big-endian, as 5 digits
// base 85; a last group of n bytes as its first n+1 digits), but with the
// digits '#' (35) to 'w' (119) and '~' for '\\', so that the text can
// stand in a JS string as it is, and without Ascii85's 'z' shorthand,
// which keeps the decoder in search.js short. (encoding/ascii85's digits
// include '"' and '\\'.)
func base85(b []byte) []byte {
	out := make([]byte, 0, (len(b)+3)/4*5)
	for len(b) > 0 {
		var group [4]byte
		n := copy(group[:], b)
		b = b[n:]
		v := binary.BigEndian.Uint32(group[:])
		var d [5]byte
		for i := 4; i >= 0; i-- {
			d[i] = byte(35 + v%85)
			if d[i] == '\\' {
				d[i] = '~'
			}
			v /= 85
		}
		out = append(out, d[:n+1]...)
	}
	return out
}

// encodeText marks and encodes UTF-8 text as described on payloadWriter.
func encodeText(s []byte) []byte {
	if gbSafe(s) {
		if gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(s); err == nil {
			return append([]byte{'g'}, gb...)
		}
	}
	return append([]byte{'u'}, s...)
}

// gbSafe reports whether every character of s is one whose GB18030 bytes
// decode to the same character in every browser: the WHATWG decoder
// follows GB18030-2022, which moved a few characters between the private
// use area and standard code points relative to 2005 (vertical forms
// FE10–FE19, ideographs 9FB4–9FBB, U+1E3F), and the euro sign and C1
// controls have single-byte legacy forms. Text with any of them stays
// UTF-8; everything else (all of CJK, punctuation, Latin, other planes)
// round-trips, which a browser test checks.
func gbSafe(s []byte) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		s = s[n:]
		switch {
		case r == utf8.RuneError && n == 1:
			return false
		case r >= 0x80 && r <= 0x9F, r == 0x1E3F, r == 0x20AC,
			r >= 0x9FB4 && r <= 0x9FBB, r >= 0xE000 && r <= 0xF8FF,
			r >= 0xFE10 && r <= 0xFE19:
			return false
		}
	}
	return true
}
