package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Encoding names the Decode result reports and --encoding accepts.
const (
	EncUTF8     = "UTF-8"
	EncUTF8BOM  = "UTF-8 (BOM)"
	EncGB18030  = "GB18030"
	EncUTF16LE  = "UTF-16LE"
	EncUTF16BE  = "UTF-16BE"
	encAutoName = ""
)

// ErrUndecodable is wrapped by the error for bytes no supported encoding explains.
var ErrUndecodable = errors.New("bytes that are not text in any supported encoding")

// DecodeError says where decoding failed.
type DecodeError struct {
	Offset   int
	Encoding string
	Detail   string
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("byte offset %d: %s; if you know the file's encoding, pass --encoding (utf-8, gb18030, utf-16le or utf-16be)", e.Offset, e.Detail)
}

func (e *DecodeError) Unwrap() error { return ErrUndecodable }

// canonicalEncoding maps user spellings of an encoding to the names above.
func canonicalEncoding(name string) (string, error) {
	switch strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(name)) {
	case "":
		return encAutoName, nil
	case "utf8", "utf8bom":
		return EncUTF8, nil
	case "gb18030", "gbk", "gb2312", "cp936", "euccn", "936":
		return EncGB18030, nil
	case "utf16le", "utf16", "ucs2", "ucs2le":
		return EncUTF16LE, nil
	case "utf16be", "ucs2be":
		return EncUTF16BE, nil
	}
	return "", fmt.Errorf("unknown encoding %q: use utf-8, gb18030 (also gbk, gb2312), utf-16le or utf-16be", name)
}

// Decode returns the text of a .txt transcript as UTF-8 with LF line ends and
// the name of the encoding it found. force, when not empty, names the
// encoding to use instead of detecting it.
//
// Detection: a byte-order mark decides; else a binary file is refused; else
// valid UTF-8 is UTF-8 unless it reads as mojibake and GB18030 reads as
// common Chinese; else GB18030 (which covers GBK and GB2312).
func Decode(data []byte, force string) (text string, encoding string, err error) {
	enc, err := canonicalEncoding(force)
	if err != nil {
		return "", "", err
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) && (enc == encAutoName || enc == EncUTF8):
		text, err = decodeUTF8(data[3:], 3)
		return finish(text, EncUTF8BOM, err)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && (enc == encAutoName || enc == EncUTF16LE):
		text, err = decodeUTF16(data[2:], 2, false)
		return finish(text, EncUTF16LE, err)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}) && (enc == encAutoName || enc == EncUTF16BE):
		text, err = decodeUTF16(data[2:], 2, true)
		return finish(text, EncUTF16BE, err)
	}
	switch enc {
	case EncUTF8:
		text, err = decodeUTF8(data, 0)
		return finish(text, EncUTF8, err)
	case EncGB18030:
		text, err = decodeGB18030(data)
		return finish(text, EncGB18030, err)
	case EncUTF16LE, EncUTF16BE:
		text, err = decodeUTF16(data, 0, enc == EncUTF16BE)
		return finish(text, enc, err)
	}
	if kind := sniffBinary(data); kind != "" {
		return "", "", notTranscript{"this is " + kind + ", not a text transcript"}
	}
	if utf8.Valid(data) {
		// Short GBK text can be valid UTF-8 by chance; then the reading
		// with the frequent Chinese characters wins (judged on a prefix).
		if invalidGB18030At(data) < 0 {
			p := data[:min(len(data), 1<<16)]
			g, err := simplifiedchinese.GB18030.NewDecoder().Bytes(p)
			if err == nil && looksMisread(string(p), string(g)) {
				text, err := decodeGB18030(data)
				return finish(text, EncGB18030, err)
			}
		}
		return finish(string(data), EncUTF8, nil)
	}
	u8bad := invalidUTF8At(data)
	gbbad := invalidGB18030At(data)
	if gbbad < 0 {
		text, err = decodeGB18030(data)
		return finish(text, EncGB18030, err)
	}
	// Neither: name the reading that got further, where it failed.
	off, enc := u8bad, EncUTF8
	if gbbad > u8bad {
		off, enc = gbbad, EncGB18030
	}
	return "", "", &DecodeError{Offset: off, Encoding: enc, Detail: fmt.Sprintf("byte 0x%02X is not text in UTF-8 (which reads the file up to byte %d) nor in GB18030/GBK (up to byte %d)", data[off], u8bad, gbbad)}
}

func finish(text, enc string, err error) (string, string, error) {
	if err != nil {
		return "", "", err
	}
	if off, r := controlAt(text); off >= 0 {
		return "", "", fmt.Errorf("character %d: control character U+%04X: this does not look like a text transcript", off, r)
	}
	return normalizeLineEnds(text), enc, nil
}

func decodeUTF8(data []byte, base int) (string, error) {
	if off := invalidUTF8At(data); off >= 0 {
		return "", &DecodeError{Offset: base + off, Encoding: EncUTF8, Detail: fmt.Sprintf("byte 0x%02X is not valid UTF-8", data[off])}
	}
	return string(data), nil
}

func invalidUTF8At(data []byte) int {
	for off := 0; off < len(data); {
		if data[off] < utf8.RuneSelf {
			off++
			continue
		}
		r, n := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && n <= 1 {
			return off
		}
		off += n
	}
	return -1
}

// invalidGB18030At is the offset of the first byte sequence GB18030 does not
// define, or -1. (0x80 is accepted as €, as Windows code page 936 does.)
func invalidGB18030At(data []byte) int {
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c <= 0x80:
			i++
		case c == 0xFF:
			return i
		case i+1 >= len(data):
			return i
		default:
			c1 := data[i+1]
			switch {
			case (c1 >= 0x40 && c1 <= 0x7E) || (c1 >= 0x80 && c1 <= 0xFE):
				i += 2
			case c1 >= 0x30 && c1 <= 0x39:
				if i+3 >= len(data) || data[i+2] < 0x81 || data[i+2] > 0xFE || data[i+3] < 0x30 || data[i+3] > 0x39 {
					return i
				}
				i += 4
			default:
				return i
			}
		}
	}
	return -1
}

func decodeGB18030(data []byte) (string, error) {
	if off := invalidGB18030At(data); off >= 0 {
		return "", &DecodeError{Offset: off, Encoding: EncGB18030, Detail: fmt.Sprintf("byte 0x%02X starts no GB18030 character", data[off])}
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", &DecodeError{Offset: 0, Encoding: EncGB18030, Detail: err.Error()}
	}
	return string(out), nil
}

func decodeUTF16(data []byte, base int, bigEndian bool) (string, error) {
	if len(data)%2 != 0 {
		return "", &DecodeError{Offset: base + len(data) - 1, Encoding: "UTF-16", Detail: "odd number of bytes"}
	}
	var b strings.Builder
	b.Grow(len(data) * 3 / 2)
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(data[i])<<8 | uint16(data[i+1])
		}
		return uint16(data[i+1])<<8 | uint16(data[i])
	}
	for i := 0; i < len(data); i += 2 {
		u := unit(i)
		switch {
		case utf16.IsSurrogate(rune(u)):
			if u >= 0xDC00 || i+3 >= len(data) {
				return "", &DecodeError{Offset: base + i, Encoding: "UTF-16", Detail: "unpaired surrogate"}
			}
			r := utf16.DecodeRune(rune(u), rune(unit(i+2)))
			if r == unicode.ReplacementChar {
				return "", &DecodeError{Offset: base + i, Encoding: "UTF-16", Detail: "unpaired surrogate"}
			}
			b.WriteRune(r)
			i += 2
		default:
			b.WriteRune(rune(u))
		}
	}
	return b.String(), nil
}

// frequentHan are some of the most frequent characters of Chinese prose and
// official documents. About a third of the characters of real text are among
// them; almost none of the characters of mojibake are.
const frequentHan = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心本前开但因只从想实日者意无力与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应向头文体政美相见被利二等产或新己制身果加月话合回特代内信表化老给世位次度门任常先海通教原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展马科基书则听界达光放强即难且权思王象完设式色路记南品住告类求据程北边该交规万取格望领共确传观清今切院让识候带导争运改收根干造言联持组每济车亲极林服快办议往元证近失转令准布始未远单具字爱击流备连调深商算质团集需价党华城级整府离况请技际约示复究线官断精满支视消越器容照须增研写称企八功包片史委乎查轻易早曾除农找装广显引历首局突专费号另周较注语仅考落青随选列红响虽推势参构房半节土投某案维革划致律足态护兴验责营星章音跟志底站严例防族供效续施留讲型料终答紧绝察京段依批群项故按河米围江织害举攻父苏密低友止细愿千值仍网热助育属坐限速刻乐否刚状率独普创久错承印试股益若微继送急险述陆习置居劳财环排福获模充负层范激村策演静既宗积检差富灵协角占配征修降阶审坚善压银养执副抗帮宣优著田控税穿艺背概块守托央户索款靠评版宝释景顾互付换危核介良序升监临域编移县短智亦席遇康虑均销端探录春乡附予礼港额含顺输招补督源"

var frequentSet = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range frequentHan {
		m[r] = true
	}
	return m
}()

// commonScore counts the non-ASCII characters of (the start of) s and how
// many of them are frequent.
func commonScore(s string) (frequent, total int) {
	if len(s) > 1<<16 {
		s = s[:1<<16]
	}
	for _, r := range s {
		if r < 0x80 {
			continue
		}
		total++
		if frequentSet[r] {
			frequent++
		}
	}
	return frequent, total
}

// looksMisread is true when the first reading has clearly fewer frequent
// characters than the second.
func looksMisread(first, second string) bool {
	f1, t1 := commonScore(first)
	f2, t2 := commonScore(second)
	if t1 == 0 || t2 == 0 {
		return false
	}
	return f1*100/t1 < 10 && f2*100/t2 >= 20
}

// controlAt finds a control character no text file has (NUL, escape …);
// tab, form feed (a PDF page break), CR and LF are fine, and a DOS end-of-file
// mark (0x1A) is treated as white space.
func controlAt(s string) (int, rune) {
	i := 0
	for _, r := range s {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' && r != 0x1A {
			return i, r
		}
		if r == 0x7F {
			return i, r
		}
		i++
	}
	return -1, 0
}

// normalizeLineEnds turns CRLF, CR and vertical tab into LF and a DOS
// end-of-file mark into a space. A form feed stays: it marks a page break
// (pdftotext puts one before each page's first line), but editors do not
// count it as a line end, and warnings must name the line an editor shows.
func normalizeLineEnds(s string) string {
	if !strings.ContainsAny(s, "\r\f\v\x1a") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case '\v':
			b.WriteByte('\n')
		case 0x1A:
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
