package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzTokens: any text tokenises without panic; every token sits inside the
// normalised text at its position (Han tokens and whole words literally,
// prefixes as the start of their word).
// FuzzDisplay checks Display's shortcut (the text itself when nothing
// collapses) against its copying path.
func FuzzDisplay(f *testing.F) {
	for _, s := range []string{"", " ", "a b", "a  b", " a", "a ", "a\u3000b", "a\tb", "长三角 一体化", "\xff", "a\xffb", "\uFFFD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Display(s), collapseSpace(s); got != want {
			t.Fatalf("Display(%q) = %q, want %q", s, got, want)
		}
	})
}

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
			text := strings.TrimLeft(tok.Text, "><$}") // prefix and boundary sigils
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

// FuzzMatch: for any text (one entry per line) and query, the index finds
// a term in exactly the entries that hold it and counts every occurrence,
// as a scan of the text does. Each term of the query is checked, and so
// is every substring of up to 12 characters at the start of each line
// (which reaches the 4-gram plans). Runs are posted in two parts, so
// joining them is covered too.
func FuzzMatch(f *testing.F) {
	f.Add("长三角一体化发展，长三角一体化\n哈哈哈哈哈哈\nG60科创走廊", "长三角一体化 哈哈哈")
	f.Add("推进长三角一体化发展座谈会", `"一体化发展座谈"`)
	f.Add("5G网络、AI 芯片\n长三角、一体化", "5g网 、一体")
	f.Fuzz(func(t *testing.T, text, q string) {
		if !utf8.ValidString(text) || !utf8.ValidString(q) || len(text) > 2000 {
			return
		}
		// one document per two lines, the first line its title
		var entries []Entry
		var docs []Doc
		for i, line := range strings.Split(text, "\n") {
			kind := KindParagraph
			if i%2 == 0 {
				kind = KindTitle
				docs = append(docs, Doc{FirstEntry: i, Head: 1})
			}
			docs[len(docs)-1].Entries++
			entries = append(entries, Entry{Doc: len(docs) - 1, Kind: kind, Text: Display(line)})
		}
		postings, _, err := post(context.Background(), docs, entries, 2)
		if err != nil {
			t.Fatal(err)
		}
		ix := &Index{Docs: docs, Entries: entries, Postings: postings}
		var terms []string
		for _, tm := range ParseQuery(q) {
			terms = append(terms, tm.Text)
		}
		for _, e := range entries {
			rs := Normalize(e.Text)
			for n := 1; n <= 12 && n <= len(rs); n++ {
				terms = append(terms, string(rs[:n]))
			}
		}
		for _, term := range terms {
			tr := []rune(term)
			if pl := planTerm(tr); len(pl.at)+len(pl.within) == 0 {
				continue // nothing to look up: such a term finds nothing
			}
			got := ix.Match(term)
			for id, e := range entries {
				want := len(Occurrences(Normalize(e.Text), tr))
				if got[id] != want {
					t.Fatalf("term %q, entry %d (%q): index counts %d, the text holds %d", term, id, e.Text, got[id], want)
				}
			}
		}
	})
}
