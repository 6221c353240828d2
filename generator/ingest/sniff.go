package ingest

import (
	"bytes"
	"errors"
	"strconv"
)

// ErrNotTranscript is wrapped by the errors for files that are not a
// transcript studysite can read at all (a picture or a Word 97 file named
// .txt, a damaged .docx or PDF, a scan without text): the caller names
// them and goes on with the other seeds.
var ErrNotTranscript = errors.New("not a transcript studysite can read")

// notTranscript is such an error, with its own words.
type notTranscript struct{ msg string }

func (e notTranscript) Error() string { return e.msg }
func (e notTranscript) Unwrap() error { return ErrNotTranscript }

// Unreadable says whether err means the file is not a transcript at all,
// as opposed to a transcript with a fault in it (bytes no encoding
// explains), which its owner must fix.
func Unreadable(err error) bool {
	return errors.Is(err, ErrNotTranscript) || errors.Is(err, ErrNotDocx) || errors.Is(err, ErrEmpty)
}

// binaryMagic are the first bytes of files people rename to .txt by mistake.
var binaryMagic = []struct {
	prefix string
	kind   string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"%PDF-", "a PDF file (copy its text into a .txt file, or save it as .docx)"},
	{"PK\x03\x04", "a ZIP archive (a .docx? then name it .docx)"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Word .doc file (save it as .docx)"},
	{"{\\rtf", "an RTF file (save it as .docx or .txt)"},
	{"\x7FELF", "a program"},
	{"MZ", "a Windows program"},
}

// sniffBinary says what kind of non-text file data is, or "" when it may be
// text. A NUL byte outside UTF-16 never occurs in a transcript.
func sniffBinary(data []byte) string {
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			if m.prefix == "MZ" && bytes.IndexByte(data[:min(len(data), 512)], 0) < 0 {
				continue // text that starts with "MZ"
			}
			return m.kind
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if looksUTF16(data) {
			return "UTF-16 text without a byte-order mark (pass --encoding utf-16le or utf-16be)"
		}
		return "a binary file (NUL byte at offset " + strconv.Itoa(i) + ")"
	}
	return ""
}

// looksUTF16 is true when NUL bytes fall on one parity, as in UTF-16 ASCII.
func looksUTF16(data []byte) bool {
	n := min(len(data), 4096)
	var even, odd int
	for i := 0; i < n; i++ {
		if data[i] == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	// UTF-16 of mostly ASCII: a NUL in every other byte, all on one side.
	return (even == 0) != (odd == 0) && (even+odd)*4 >= n
}
