package search

import (
	"fmt"
	"strings"
	"testing"
)

// TestChunkedPostingsJoin: postings built in any number of parallel runs
// and joined equal postings built in one run, byte for byte.
func TestChunkedPostingsJoin(t *testing.T) {
	var entries []Entry
	texts := []string{"长三角一体化发展", "人民城市人民建", "Shanghai 2023 年", "五个中心", "长三角", "", "a b c"}
	for i := 0; i < 157; i++ {
		kind := KindParagraph
		if i%5 == 0 {
			kind = KindHeading
		}
		entries = append(entries, Entry{Kind: kind, Text: strings.Repeat(texts[i%len(texts)], 1+i%3) + fmt.Sprint(i%11)})
	}
	flatten := func(chunks []postingChunk) map[string]string {
		writers := map[string]*Postings{}
		for _, c := range chunks {
			for tok, cw := range c.writers {
				if w := writers[tok]; w != nil {
					w.join(cw)
				} else {
					writers[tok] = cw
				}
			}
		}
		out := map[string]string{}
		for tok, w := range writers {
			out[tok] = fmt.Sprintf("%x|%x", w.Entries, w.Positions)
		}
		return out
	}
	want := flatten(postChunks(entries, 1))
	if len(want) < 20 {
		t.Fatalf("only %d tokens", len(want))
	}
	for _, n := range []int{2, 3, 7, 64, 500} {
		got := flatten(postChunks(entries, n))
		if len(got) != len(want) {
			t.Fatalf("%d runs: %d tokens, want %d", n, len(got), len(want))
		}
		for tok, b := range want {
			if got[tok] != b {
				t.Errorf("%d runs: token %q postings %q, want %q", n, tok, got[tok], b)
			}
		}
	}
}
