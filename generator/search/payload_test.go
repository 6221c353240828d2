package search

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/studysite/studysite/internal/browsertest"
	"github.com/studysite/studysite/themes"
)

// payloadCall is one index file: __ss("name",size,"payload"), with or
// without the ";\n" the minifier drops.
var payloadCall = regexp.MustCompile(`^__ss\("([^"]+)",(\d+),"([^"\\]*)"\);?\n?$`)

// unpackInBrowser loads search.js into a blank page and has it decode
// each file's payload, deflated with the preset dictionary dict (nil for
// none): bytes come back as base64, text as JSON.
func unpackInBrowser(t *testing.T, files [][]byte, text bool, dict []byte) []string {
	t.Helper()
	b := searchJSBrowser(t)
	var out []string
	for _, f := range files {
		m := payloadCall.FindSubmatch(f)
		if m == nil {
			t.Fatalf("not one __ss call: %.80q", f)
		}
		n, _ := strconv.Atoi(string(m[2]))
		d := "null"
		if dict != nil {
			d = fmt.Sprintf(`Uint8Array.from(atob(%q), (c) => c.charCodeAt(0))`, base64.StdEncoding.EncodeToString(dict))
		}
		expr := fmt.Sprintf(`(() => { const u = __ssTok.unpack(%d, %q, false, %s); let s = ""; for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode.apply(null, u.subarray(i, i + 8192)); return btoa(s); })()`, n, m[3], d)
		if text {
			expr = fmt.Sprintf(`JSON.stringify(__ssTok.unpack(%d, %q, true, %s))`, n, m[3], d)
		}
		got, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](expr, chromedp.EvalAsValue))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, got)
	}
	return out
}

// TestBrowserUnpackBinary: search.js's base85 and inflate give back the
// bytes of payloads that deflate as stored, fixed and dynamic blocks, of
// every length remainder, empty included, and of a stored block that
// follows a Huffman block the decoder has read ahead in.
func TestBrowserUnpackBinary(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	random := make([]byte, 200_000) // incompressible: stored blocks
	rng.Read(random)
	var repetitive []byte // long matches, dynamic blocks
	for i := 0; len(repetitive) < 300_000; i++ {
		repetitive = append(repetitive, fmt.Sprintf("%d 长三角一体化 %d;", i%97, i%13)...)
	}
	cases := [][]byte{{}, {0}, {1, 2}, {1, 2, 3}, {1, 2, 3, 4}, {255, 255, 255, 255, 255}, []byte("short: fixed codes"), random, repetitive}
	var pw payloadWriter
	var files [][]byte
	for i, c := range cases {
		files = append(files, pw.file(fmt.Sprintf("x/%d", i), c, false))
	}
	// A dynamic block whose longest code is 15 bits and end-of-block code
	// 1 bit, so the decoder has read whole bytes ahead when a stored block
	// follows (Go's deflate does not write such streams; zlib reads them).
	crafted, _ := hex.DecodeString("0ce049922449926ddb020000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000c03e482c6a1e79dfff0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000b5635000500faff48454c4c4fab0200")
	cases = append(cases, []byte("aaabHELLOz"))
	files = append(files, fmt.Appendf(nil, "__ss(\"x/crafted\",10,\"%s\");\n", base85(crafted)))
	for i, got := range unpackInBrowser(t, files, false, nil) {
		b, err := base64.StdEncoding.DecodeString(got)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, cases[i]) {
			t.Errorf("case %d (%d bytes): search.js unpacked %d bytes that differ", i, len(cases[i]), len(b))
		}
	}
}

// TestBrowserUnpackText: JSON text comes back exactly, whether stored as
// GB18030 (every CJK ideograph, CJK and fullwidth punctuation, Latin-1,
// other planes) or, for characters whose GB18030 mapping changed between
// editions, as UTF-8.
func TestBrowserUnpackText(t *testing.T) {
	var han, punct strings.Builder
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if r < 0x9FB4 || r > 0x9FBB {
			han.WriteRune(r)
		}
	}
	for _, rg := range [][2]rune{{0x20, 0x7E}, {0xA0, 0xFF}, {0x2000, 0x206F}, {0x3000, 0x303F}, {0xFF01, 0xFF5E}, {0x1F600, 0x1F64F}, {0x20000, 0x2003F}} {
		for r := rg[0]; r <= rg[1]; r++ {
			punct.WriteRune(r)
		}
	}
	cases := []struct {
		rows []string
		gb   bool
	}{
		{[]string{han.String()}, true},
		{[]string{punct.String(), "<img src=x onerror=alert(1)>", `"quoted" \ back`}, true},
		{[]string{"竖排︐︑", "\u9FB4\u9FBB", "\uE000私用", "€"}, false},
	}
	var pw payloadWriter
	var files [][]byte
	for i, c := range cases {
		raw := jsonText(c.rows)
		if gb := encodeText(raw)[0] == 'g'; gb != c.gb {
			t.Errorf("case %d: stored as GB18030 %v, want %v", i, gb, c.gb)
		}
		files = append(files, pw.file(fmt.Sprintf("t/%d", i), raw, true))
	}
	for i, got := range unpackInBrowser(t, files, true, nil) {
		var rows []string
		if err := json.Unmarshal([]byte(got), &rows); err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows, "\x00") != strings.Join(cases[i].rows, "\x00") {
			t.Errorf("case %d: search.js read back different text", i)
		}
	}
}

// TestBrowserUnpackDict: text deflated with the preset dictionary
// textDictionary chose comes back exactly, also where a match reaches the
// dictionary's first byte, and the dictionary makes small text files
// smaller.
func TestBrowserUnpackDict(t *testing.T) {
	clauses := []string{"深入学习贯彻习近平新时代中国特色社会主义思想，", "推动长三角一体化发展取得新的重大突破。",
		"加快建设具有全球影响力的科技创新中心；", "践行人民城市理念，", "坚持和发展新时代“枫桥经验”。", "Ｇ60科创走廊、AI 芯片，"}
	rng := rand.New(rand.NewSource(3))
	var entries []Entry
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for k := 0; k < 5; k++ {
			b.WriteString(clauses[rng.Intn(len(clauses))])
			b.WriteRune(rune(0x4E00 + rng.Intn(2000)))
		}
		entries = append(entries, Entry{Anchor: fmt.Sprintf("p%d", i), Text: b.String()})
	}
	dict := textDictionary([]Doc{{Slug: "a", Entries: len(entries)}}, entries)
	if len(dict) < 1024 || len(dict) > DictSize {
		t.Fatalf("dictionary of %d bytes, want 1 KiB to %d", len(dict), DictSize)
	}
	plain, withDict := payloadWriter{}, payloadWriter{dict: dict}
	var files [][]byte
	var want []string
	smaller := 0
	for k := 0; k < 40; k += 4 {
		var rows [][]string
		for _, e := range entries[k : k+4] {
			rows = append(rows, []string{e.Anchor, e.Path, e.Text})
		}
		f := withDict.file("t/0", jsonText(rows), true)
		if len(f) < len(plain.file("t/0", jsonText(rows), true)) {
			smaller++
		}
		files = append(files, f)
		want = append(want, string(jsonText(rows)))
	}
	if smaller != len(files) {
		t.Errorf("the dictionary made %d of %d text files smaller", smaller, len(files))
	}
	for i, got := range unpackInBrowser(t, files, true, dict) {
		if got != want[i] {
			t.Errorf("text file %d: search.js read back %.60q, want %.60q", i, got, want[i])
		}
	}
	head := dict[:64] // its match is the whole dictionary back
	got := unpackInBrowser(t, [][]byte{withDict.wrap("x", head)}, false, dict)
	if got[0] != base64.StdEncoding.EncodeToString(head) {
		t.Errorf("the dictionary's first bytes came back as %q", got[0])
	}
}

// searchJSBrowser is a blank page that has run the default theme's
// search.js as the build publishes it (its parts joined), unminified.
func searchJSBrowser(t *testing.T) *browsertest.Browser {
	t.Helper()
	b := browsertest.New(t)
	js, err := fs.ReadFile(themes.Builtin("default"), "assets/search.js")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](string(js)+";true")); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBrowserUnpackDamaged: a truncated or damaged payload makes search.js
// throw instead of looping for ever on the zeros past its end.
func TestBrowserUnpackDamaged(t *testing.T) {
	b := searchJSBrowser(t)
	var pw payloadWriter
	whole := payloadCall.FindSubmatch(pw.file("x", []byte(strings.Repeat("长三角一体化发展 ", 500)), false))
	z := whole[3]
	for _, bad := range [][]byte{base85([]byte{0}), base85([]byte{0x05}), z[:len(z)/2], z[:10]} {
		_, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](fmt.Sprintf(`__ssTok.unpack(9000, %q, false) && true`, bad)))
		if err == nil || !strings.Contains(err.Error(), "bad index data") {
			t.Errorf("damaged payload %.20q: %v, want a bad index data error", bad, err)
		}
	}
}
