package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestFingerprint: white space of any kind does not count, every other
// character does, and a .docx, a GBK and a UTF-8 copy of one text agree.
func TestFingerprint(t *testing.T) {
	base := textFingerprint("同志们：今天召开大会。")
	for _, same := range []string{"同志们：\n今天召开大会。", "  同志们：\r\n\u3000\u3000今天 召开\t大会。\n", "同志们：\u00a0今天召开大会。\f", strings.Repeat(" ", 40000) + "同志们：今天召开大会。"} {
		if got := textFingerprint(same); got != base {
			t.Errorf("%q: fingerprint differs", same)
		}
	}
	for _, other := range []string{"同志们：今天召开大会", "同志们:今天召开大会。", "同志们：今天召开会议。", ""} {
		if textFingerprint(other) == base {
			t.Errorf("%q: same fingerprint as a different text", other)
		}
	}
	long := strings.Repeat("坚持稳中求进工作总基调。", 5000)
	if textFingerprint(long) != textFingerprint(strings.ReplaceAll(long, "。", "。\n\n")) {
		t.Error("a long text: line breaks changed the fingerprint")
	}
	text := "关于做好年终工作的通知\n\n一、总体要求\n\n要坚持稳中求进。\n"
	docx := buildDocx(t, []testPara{{Text: "关于做好年终工作的通知"}, {Text: "一、总体要求"}, {Text: "要坚持稳中求进。"}}, nil)
	fps := map[string][]byte{"seeds/a.txt": []byte(text), "seeds/b.txt": toGBK(t, crlf(text)), "seeds/c.docx": docx}
	for name, data := range fps {
		got, err := Fingerprint(name, data, Options{})
		if err != nil || got != textFingerprint(text) {
			t.Errorf("%s: %v, fingerprint differs", name, err)
		}
		res, err := Import(name, data, "", Options{})
		if err != nil || res.Fingerprint != got {
			t.Errorf("%s: Import gives another fingerprint than Fingerprint (%v)", name, err)
		}
	}
}

// FuzzFingerprintSkipsWhiteSpaceOnly checks the fingerprint's byte
// shortcut against the plain rule: the hash of the text's bytes without
// its white space characters (unicode.IsSpace), character by character.
func FuzzFingerprintSkipsWhiteSpaceOnly(f *testing.F) {
	for _, s := range []string{"长三角 一体化\u3000发展", "a\u00a0b\u0085c\u1680d\u2003e\u205ff", "\xe2\x80", "\xe3", "x\xc2\xa0\xe4\xb8", "（掌声）\n\t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var kept []byte
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				kept = append(kept, s[i:i+n]...)
			}
			i += n
		}
		sum := sha256.Sum256(kept)
		if got, want := textFingerprint(s), hex.EncodeToString(sum[:]); got != want {
			t.Fatalf("textFingerprint(%q) = %s, want %s", s, got, want)
		}
	})
}

// TestFingerprintFormats: a Markdown seed (its body, without the front
// matter) and a PDF's text layer share the fingerprint of the same text;
// a file Import refuses, Fingerprint refuses too.
func TestFingerprintFormats(t *testing.T) {
	text := "关于做好年终工作的通知\n\n一、总体要求\n\n要坚持稳中求进。\n"
	pdf := Options{PDFText: func(b []byte) ([]byte, error) { return b, nil }}
	cases := []struct {
		name string
		data []byte
		opt  Options
		ok   bool
	}{
		{"seeds/a.md", []byte("---\ntitle: 关于做好年终工作的通知\n---\n\n一、总体要求\n\n要坚持稳中求进。\n"), Options{}, false}, // the title is in the front matter only
		{"seeds/b.markdown", []byte("关于做好年终工作的通知\n\n一、总体要求\n\n要坚持稳中求进。\n"), Options{}, true},
		{"seeds/c.pdf", []byte(text), pdf, true},
		{"seeds/d.md", []byte("---\ntitle: x\n---\n" + text), Options{}, true},
	}
	for _, c := range cases {
		got, err := Fingerprint(c.name, c.data, c.opt)
		if err != nil || (got == textFingerprint(text)) != c.ok {
			t.Errorf("%s: %v, same fingerprint as the text %v, want %v", c.name, err, got == textFingerprint(text), c.ok)
		}
		if res, err := Import(c.name, c.data, "", c.opt); err != nil || res.Fingerprint != got {
			t.Errorf("%s: Import gives another fingerprint than Fingerprint (%v)", c.name, err)
		}
	}
	for _, bad := range []struct {
		name string
		data []byte
		opt  Options
	}{
		{"seeds/x.docx", []byte("not a zip"), Options{}},
		{"seeds/x.pdf", []byte("%PDF-1.7"), Options{}},
		{"seeds/x.txt", []byte("正文\x1b"), Options{}},
	} {
		_, ferr := Fingerprint(bad.name, bad.data, bad.opt)
		_, ierr := Import(bad.name, bad.data, "", bad.opt)
		if ferr == nil || ierr == nil || ferr.Error() != ierr.Error() {
			t.Errorf("%s: Fingerprint fails with %v, Import with %v", bad.name, ferr, ierr)
		}
	}
}
