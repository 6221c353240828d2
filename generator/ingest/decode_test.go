package ingest

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const sample = "习近平总书记强调，上海要完整、准确、全面贯彻新发展理念。\n一、总体要求\n"

func TestDecodeDetects(t *testing.T) {
	cases := []struct {
		name, want string
		data       func(t testing.TB) []byte
		text       string // the decoded text
	}{
		{"utf8", EncUTF8, func(testing.TB) []byte { return []byte(sample) }, sample},
		{"utf8 bom", EncUTF8BOM, func(testing.TB) []byte { return append([]byte("\xEF\xBB\xBF"), sample...) }, sample},
		{"gbk", EncGB18030, func(t testing.TB) []byte { return toGBK(t, sample) }, sample},
		{"gbk crlf", EncGB18030, func(t testing.TB) []byte { return toGBK(t, crlf(sample)) }, sample},
		// Short GBK text that happens to be valid UTF-8 too: 中文 in GBK is
		// D6 D0 CE C4, which UTF-8 reads as two rare letters.
		{"gbk that is valid utf8", EncGB18030, func(t testing.TB) []byte { return toGBK(t, "中文") }, "中文"},
		{"utf16le", EncUTF16LE, func(t testing.TB) []byte { return toUTF16(t, sample, false) }, sample},
		{"utf16be", EncUTF16BE, func(t testing.TB) []byte { return toUTF16(t, sample, true) }, sample},
		{"ascii", EncUTF8, func(testing.TB) []byte { return []byte("Report 2023\n") }, "Report 2023\n"},
		// UTF-8 Russian is valid GB18030 too, where one character in 31 is
		// a frequent Chinese one: too few to be Chinese.
		{"utf8 russian", EncUTF8, func(testing.TB) []byte {
			return []byte("Пролетарии всех стран, соединяйтесь!\n")
		}, "Пролетарии всех стран, соединяйтесь!\n"},
		// 学习通知 in GBK is D1A7 CFB0 CDA8 D6AA, valid UTF-8 for ѧϰ֪ͨ:
		// the reading with common Chinese characters wins.
		{"gbk that is valid utf8 too", EncGB18030, func(t testing.TB) []byte { return toGBK(t, "学习通知") }, "学习通知"},
		// A character outside the BMP (a name in CJK Extension B) is a
		// surrogate pair in UTF-16.
		{"utf16le surrogate pair", EncUTF16LE, func(t testing.TB) []byte { return toUTF16(t, "𠮷野同志", false) }, "𠮷野同志"},
		{"utf16be surrogate pair", EncUTF16BE, func(t testing.TB) []byte { return toUTF16(t, "𠮷野同志", true) }, "𠮷野同志"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, enc, err := Decode(c.data(t), "")
			if err != nil {
				t.Fatal(err)
			}
			if enc != c.want {
				t.Errorf("encoding %s, want %s", enc, c.want)
			}
			if text != c.text {
				t.Errorf("decoded %q, want %q", text, c.text)
			}
		})
	}
}

func TestDecodeLineEnds(t *testing.T) {
	// A vertical tab ends a line; a DOS end-of-file mark (0x1A) is a space.
	text, _, err := Decode([]byte("一\r\n二\r三\n四\f五\v六\x1a七"), "")
	if err != nil || text != "一\n二\n三\n四\f五\n六 七" {
		t.Errorf("got %q, %v", text, err)
	}
}

// TestDecodeForced: --encoding decides for a file without a byte-order mark,
// whatever detection would say; a mark that agrees with it is dropped.
func TestDecodeForced(t *testing.T) {
	noBOM := func(b []byte) []byte { return b[2:] }
	cases := []struct {
		name, force, want string
		data              []byte
	}{
		{"utf-16le", "utf-16le", EncUTF16LE, noBOM(toUTF16(t, sample, false))},
		{"ucs-2 is utf-16le", "UCS-2", EncUTF16LE, noBOM(toUTF16(t, sample, false))},
		{"utf-16be", "utf-16be", EncUTF16BE, noBOM(toUTF16(t, sample, true))},
		{"utf-16be with its bom", "utf16be", EncUTF16BE, toUTF16(t, sample, true)},
		{"utf-16le with its bom", "utf-16le", EncUTF16LE, toUTF16(t, sample, false)},
		{"gbk", "gbk", EncGB18030, toGBK(t, sample)},
		{"utf-8 with its bom", "utf-8", EncUTF8BOM, append([]byte("\xEF\xBB\xBF"), sample...)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			text, enc, err := Decode(c.data, c.force)
			if err != nil {
				t.Fatal(err)
			}
			if enc != c.want || text != sample {
				t.Errorf("got %s %q, want %s %q", enc, text, c.want, sample)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	cases := []struct {
		name   string
		data   []byte
		force  string
		offset int    // -1: no offset expected
		msg    string // part of the message
	}{
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", -1, "PNG image"},
		{"nul", []byte("正文\x00\x01\x02二进制"), "", -1, "binary file"},
		{"zip as txt", []byte("PK\x03\x04rest"), "", -1, ".docx"},
		{"utf16 without bom", []byte("a\x00b\x00c\x00"), "", -1, "--encoding utf-16le"},
		{"utf16be without bom", []byte("\x00a\x00b\x00c"), "", -1, "--encoding utf-16le or utf-16be"},
		// Valid UTF-8, then a byte neither UTF-8 nor GB18030 explains.
		{"bad byte", append([]byte("正文正文正文"), 0xFF, 'x'), "", 18, "byte offset 18"},
		{"forced utf8 on gbk", toGBK(t, "中文"), "utf-8", 0, "not valid UTF-8"},
		{"truncated gb18030", []byte{0xD6, 0xD0, 0xD6}, "gbk", 2, "byte offset 2"},
		// Four-byte GB18030 sequences with one byte out of its range.
		{"gb18030 third byte too low", append(toGBK(t, "正文"), 0x81, 0x30, 0x30, 0x30), "", 4, "byte offset 4"},
		{"gb18030 third byte too high", append(toGBK(t, "正文"), 0x81, 0x30, 0xFF, 0x30), "", 4, "byte offset 4"},
		{"gb18030 fourth byte too low", append(toGBK(t, "正文"), 0x81, 0x30, 0x81, 0x2F), "", 4, "byte offset 4"},
		{"gb18030 fourth byte too high", append(toGBK(t, "正文"), 0x81, 0x30, 0x81, 0x3A), "", 4, "byte offset 4"},
		{"unpaired surrogate", []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0}, "", 2, "surrogate"},
		{"unknown encoding", []byte("x"), "latin-9", -1, "unknown encoding"},
		{"odd utf16", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "", 4, "byte offset 4: odd number of bytes"},
		{"low surrogate first", []byte{0xFF, 0xFE, 'a', 0, 0x00, 0xDC, 'b', 0}, "", 4, "byte offset 4: unpaired surrogate"},
		{"high surrogate at the end", []byte{0xFE, 0xFF, 0, 'a', 0xD8, 0x42}, "", 4, "byte offset 4: unpaired surrogate"},
		{"high surrogate without its pair", []byte{0xFE, 0xFF, 0, 'a', 0xD8, 0x42, 0, 'b'}, "", 4, "byte offset 4: unpaired surrogate"},
		// A terminal's colour codes pasted into a file.
		{"escape character", []byte("正文\x1b[0m"), "", -1, "character 2: control character U+001B"},
		{"delete character", []byte("一二三\x7f"), "", -1, "character 3: control character U+007F"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Decode(c.data, c.force)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q does not say %q", err, c.msg)
			}
			var de *DecodeError
			if c.offset >= 0 && (!errors.As(err, &de) || de.Offset != c.offset) {
				t.Errorf("error %v: want offset %d", err, c.offset)
			}
		})
	}
}

func TestImportRefusesEmpty(t *testing.T) {
	for _, in := range []string{"", "\n\n  \r\n", "\xEF\xBB\xBF"} {
		if _, err := Import("seeds/e.txt", []byte(in), "", Options{}); !errors.Is(err, ErrEmpty) {
			t.Errorf("%q: err %v, want ErrEmpty", in, err)
		}
	}
}

// Every fixture and the seed, in UTF-8 and in GBK: detection never takes
// one for the other (UTF-8 Chinese is often valid GB18030 too).
func TestDecodeNeverConfuses(t *testing.T) {
	texts := []string{mustRead(t, "../../seeds/2023-12-01-shanghai-changsanjiao.txt")}
	for _, f := range []string{"gzbg-runin.txt", "ddh-levels.txt", "dangke-pdf.txt", "jiyao-gbk.txt", "tigang-utf16.txt"} {
		texts = append(texts, mustRead(t, "testdata/"+f))
	}
	for _, s := range texts {
		for _, line := range strings.Split(s, "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			if _, enc, err := Decode([]byte(line), ""); err != nil || enc != EncUTF8 {
				t.Errorf("UTF-8 %q read as %s (%v)", head(line, 10), enc, err)
			}
			if _, enc, err := Decode(toGBK(t, line), ""); (err != nil || enc != EncGB18030) && strings.ContainsFunc(line, isHan) {
				t.Errorf("GBK %q read as %s (%v)", head(line, 10), enc, err)
			}
		}
	}
}

// TestDecodeGB18030Edges: GBK text with the characters at the edges of
// GB18030's byte ranges is read as GB18030, whole: 丂 (81 40), 亊 (81 7E),
// 亐 (81 80), 二 (B6 FE), ⺁ (FE 50), the four-byte 㒢 (81 39 FE 39) and
// 㒣 (82 30 81 30), a four-byte 👍 after ASCII, and a lone 0x80 at a
// line's end, which code page 936 reads as €.
func TestDecodeGB18030Edges(t *testing.T) {
	text := "第二条　丂亊亐二⺁㒢㒣。OK👍"
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	data := append(append(toGBK(t, "价格100"), 0x80, '\r', '\n'), gb...)
	got, enc, err := Decode(data, "")
	if err != nil || enc != EncGB18030 || got != "价格100€\n"+text {
		t.Errorf("got %s %q (%v), want GB18030 %q", enc, got, err, "价格100€\n"+text)
	}
}
