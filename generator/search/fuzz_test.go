package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTokens: any text tokenises without panic; every token sits inside the
// normalised text at its position (Han tokens and whole words literally,
// prefixes as the start of their word).
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"长三角一体化", "Hello 世界 2023年", "ＡＢＣ１２３", "“五个中心”", "\u0000\uFFFD", "a\u0301b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		n := Normalize(s)
		for _, tok := range Tokens(s) {
			text := strings.TrimPrefix(tok.Text, ">")
			rs := []rune(text)
			if tok.Pos < 0 || tok.Pos+len(rs) > len(n) {
				t.Fatalf("token %q at %d outside the text of %d runes", tok.Text, tok.Pos, len(n))
			}
			if string(n[tok.Pos:tok.Pos+len(rs)]) != text {
				t.Fatalf("token %q at %d, text there is %q", tok.Text, tok.Pos, string(n[tok.Pos:tok.Pos+len(rs)]))
			}
		}
	})
}

// FuzzParseQuery: any query parses without panic into non-empty terms;
// unquoted terms hold no space, and the terms' characters all come from
// the query.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{`长三角 "人民城市"`, `“五个中心”`, `"unclosed`, `  `, `<img src=x onerror=alert(1)>`, `a"b"c`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) {
			return
		}
		norm := string(Normalize(q))
		for _, term := range ParseQuery(q) {
			if strings.TrimSpace(term.Text) == "" {
				t.Fatalf("empty term from %q", q)
			}
			if !term.Phrase && strings.Contains(term.Text, " ") {
				t.Fatalf("unquoted term %q holds a space", term.Text)
			}
			for _, r := range term.Text {
				if r != ' ' && !strings.ContainsRune(norm, r) {
					t.Fatalf("term %q has %q, not in the query %q", term.Text, r, q)
				}
			}
		}
	})
}
