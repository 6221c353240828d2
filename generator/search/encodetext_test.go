package search

import (
	"fmt"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestEncodeTextCharset: index text is stored as GB18030, two bytes a
// Chinese character, unless it holds a character whose GB18030 bytes a
// browser (the WHATWG decoder, GB18030-2022) reads otherwise than Go
// (GB18030-2005) or reads as a one-byte legacy form: C1 controls, U+1E3F,
// the euro sign, ideographs 9FB4–9FBB, the private use area, vertical
// forms FE10–FE19; or a byte that is no UTF-8. Those texts stay UTF-8.
// Each range is tried at both ends and just outside.
func TestEncodeTextCharset(t *testing.T) {
	for _, c := range []struct {
		r  rune
		gb bool
	}{
		{0x7F, true}, {0x80, false}, {0x9F, false}, {0xA0, true},
		{0x1E3E, true}, {0x1E3F, false}, {0x1E40, true},
		{0x20AB, true}, {0x20AC, false}, {0x20AD, true},
		{0x9FB3, true}, {0x9FB4, false}, {0x9FBB, false}, {0x9FBC, true},
		{0xDFFF + 1, false}, {0xF8FF, false}, {0xF900, true},
		{0xFE0F, true}, {0xFE10, false}, {0xFE19, false}, {0xFE1A, true},
		{0x20BB7, true}, // 𠮷, beyond the BMP
	} {
		text := []byte(fmt.Sprintf(`["人民城市%c为人民"]`, c.r))
		got := encodeText(text)
		if gb := got[0] == 'g'; gb != c.gb {
			t.Errorf("U+%04X: stored as GB18030 %v, want %v", c.r, gb, c.gb)
			continue
		}
		back := got[1:]
		if c.gb {
			var err error
			if back, err = simplifiedchinese.GB18030.NewDecoder().Bytes(back); err != nil {
				t.Fatal(err)
			}
		}
		if string(back) != string(text) {
			t.Errorf("U+%04X: %q reads back as %q", c.r, text, back)
		}
	}
	if got := encodeText([]byte("人民\xff城市")); got[0] != 'u' || string(got[1:]) != "人民\xff城市" {
		t.Errorf("text with a byte that is no UTF-8 stored as %q, want it as it is, marked u", got)
	}
}
