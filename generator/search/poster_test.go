package search

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/mozillazg/go-pinyin"
)

// referencePostRun is postRun as the specification says it: every token
// of Tokens (and pinyinTokens for titles, headings and terms) in order,
// one postingsWriter.hit each. The poster must write the same bytes.
func referencePostRun(docs []Doc, entries []Entry, from, to int) postingChunk {
	args := pinyin.NewArgs()
	args.Heteronym = true
	ch := postingChunk{writers: map[string]*Postings{}, syllables: map[string]int{}}
	writers := map[string]*postingsWriter{}
	seen := map[string]bool{}
	for d := from; d < to; d++ {
		doc := docs[d]
		clear(seen)
		for local := range doc.Entries {
			e := entries[doc.FirstEntry+local]
			toks := Tokens(e.Text)
			if e.Kind != KindParagraph {
				toks = append(toks, pinyinTokens(e.Text, args, seen)...)
			}
			for _, t := range toks {
				w := writers[t.Text]
				if w == nil {
					w = &postingsWriter{Postings: Postings{positional: Positional(t.Text)}}
					writers[t.Text] = w
				}
				w.hit(d, doc.Head, local, t.Pos)
			}
		}
		for s := range seen {
			ch.syllables[s]++
		}
	}
	for tok, w := range writers {
		ch.writers[tok] = w.done()
	}
	return ch
}

// randomDocs makes n documents of text in the shapes transcripts have:
// Chinese with dates, numbers and Latin names mixed in, full-width
// letters, stage notes, spaces of every kind, repeated phrases.
func randomDocs(rng *rand.Rand, n, maxEntries int) ([]Doc, []Entry) {
	pieces := []string{"长三角一体化发展", "人民城市", "（掌声）", "12月1日", "29日下午", "G60科创走廊", "5G网络", "“十四五”",
		"ＡＢＣ", "中国式现代化", "行长", "重庆", "的", "、", " ", "\u3000", "\t", "covid-19", "x", "𠮷野家", "〇", "Ⅳ", "深化改革开放"}
	var docs []Doc
	var entries []Entry
	for d := range n {
		doc := Doc{FirstEntry: len(entries)}
		ne := 1 + rng.Intn(maxEntries)
		doc.Head = 1 + rng.Intn(ne)
		for k := range ne {
			var b strings.Builder
			for range 1 + rng.Intn(12) {
				b.WriteString(pieces[rng.Intn(len(pieces))])
			}
			kind := KindParagraph
			if k == 0 {
				kind = KindTitle
			} else if k < doc.Head {
				kind = KindHeading
			}
			entries = append(entries, Entry{Doc: d, Kind: kind, Text: b.String()})
		}
		doc.Entries = ne
		docs = append(docs, doc)
	}
	return docs, entries
}

func TestPosterWritesWhatTheSpecificationSays(t *testing.T) {
	for _, c := range []struct {
		name             string
		maxChars         int
		docs, maxEntries int
	}{
		{"every character numbered", maxChars, 30, 6},
		{"numbers run out after three characters", 3, 30, 6},
		{"no character numbered", 0, 30, 6},
		// gaps and entry numbers past one varint byte
		{"long documents, many of them", maxChars, 150, 100},
	} {
		for seed := range 20 {
			t.Run(fmt.Sprintf("%s/%d", c.name, seed), func(t *testing.T) {
				rng := rand.New(rand.NewSource(int64(seed)))
				docs, entries := randomDocs(rng, 1+rng.Intn(c.docs), c.maxEntries)
				from := rng.Intn(len(docs))
				want := referencePostRun(docs, entries, from, len(docs))
				ps := newPoster()
				ps.maxChar = c.maxChars
				comparePostingChunks(t, postWith(context.Background(), ps, docs, entries, from, len(docs)), want)
			})
		}
	}
}

// comparePostingChunks fails unless got holds the tokens of want, each
// with the same bytes and counts, and the same syllables.
func comparePostingChunks(t *testing.T, got, want postingChunk) {
	t.Helper()
	if len(got.writers) != len(want.writers) {
		t.Fatalf("%d tokens, want %d", len(got.writers), len(want.writers))
	}
	for tok, w := range want.writers {
		g := got.writers[tok]
		if g == nil {
			t.Fatalf("token %q missing", tok)
		}
		if string(g.Entries) != string(w.Entries) || string(g.Positions) != string(w.Positions) ||
			g.Docs != w.Docs || g.Hits != w.Hits || g.last != w.last || g.positional != w.positional {
			t.Fatalf("token %q:\n got %v %v docs %d hits %d\nwant %v %v docs %d hits %d",
				tok, g.Entries, g.Positions, g.Docs, g.Hits, w.Entries, w.Positions, w.Docs, w.Hits)
		}
	}
	if fmt.Sprint(got.syllables) != fmt.Sprint(want.syllables) {
		t.Fatalf("syllables %v, want %v", got.syllables, want.syllables)
	}
}

// TestPosterPastItsCharacterNumbers: a character table listing every
// ideograph of the basic block and extensions A and B, more distinct Han
// characters than a poster numbers (maxChars), still gets each n-gram the
// specification gives: the characters past the numbers are found by their
// text, and none takes another's number.
func TestPosterPastItsCharacterNumbers(t *testing.T) {
	var chars []rune
	for _, block := range [][2]rune{{0x4E00, 0x9FFF}, {0x3400, 0x4DBF}, {0x20000, 0x2A6DF}} {
		for r := block[0]; r <= block[1]; r++ {
			if IsHan(r) {
				chars = append(chars, r)
			}
		}
	}
	if len(chars) <= maxChars+1 {
		t.Fatalf("%d ideographs, not more than the %d a poster numbers and one more", len(chars), maxChars)
	}
	docs := []Doc{{FirstEntry: 0, Head: 1}}
	entries := []Entry{{Kind: KindTitle, Text: "汉字字表"}}
	for k := 0; k < len(chars); k += 40 {
		entries = append(entries, Entry{Kind: KindParagraph, Text: string(chars[k:min(len(chars), k+40)])})
	}
	docs[0].Entries = len(entries)
	want := referencePostRun(docs, entries, 0, 1)
	comparePostingChunks(t, postRun(context.Background(), docs, entries, 0, 1), want)
}
