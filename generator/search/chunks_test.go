package search

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestChunkedPostingsJoin: post, run with any number of workers (each
// posting its own run of documents, joined after), gives the same bytes
// as one worker.
func TestChunkedPostingsJoin(t *testing.T) {
	var entries []Entry
	var docs []Doc
	texts := []string{"长三角一体化发展", "人民城市人民建", "Shanghai 2023 年", "五个中心", "长三角", "", "a b c"}
	for d := 0; d < 157; d++ {
		doc := Doc{FirstEntry: len(entries), Head: 1 + d%2}
		for k := 0; k < 1+d%4; k++ {
			kind := KindParagraph
			if k < doc.Head {
				kind = KindHeading
			}
			entries = append(entries, Entry{Doc: d, Kind: kind, Text: strings.Repeat(texts[(d+k)%len(texts)], 1+d%3) + fmt.Sprint(d%11)})
		}
		doc.Entries = len(entries) - doc.FirstEntry
		docs = append(docs, doc)
	}
	flatten := func(workers int) map[string]string {
		postings, _, err := post(context.Background(), docs, entries, workers)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for tok, w := range postings {
			out[tok] = fmt.Sprintf("%x|%x|%d|%d", w.Entries, w.Positions, w.Docs, w.Hits)
		}
		return out
	}
	want := flatten(1)
	if len(want) < 20 {
		t.Fatalf("only %d tokens", len(want))
	}
	for _, n := range []int{2, 3, 7, 64, 500} {
		got := flatten(n)
		if len(got) != len(want) {
			t.Fatalf("%d workers: %d tokens, want %d", n, len(got), len(want))
		}
		for tok, b := range want {
			if got[tok] != b {
				t.Errorf("%d workers: token %q postings %q, want %q", n, tok, got[tok], b)
			}
		}
	}
	// A cancelled build stops with the context's error.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := post(ctx, docs, entries, 2); err == nil {
		t.Error("post ran on a cancelled context without an error")
	}
}
