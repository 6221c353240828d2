package search

import (
	"context"
	"fmt"
	"hash/fnv"
	"reflect"
	"slices"
	"testing"
)

// TestPublishedRestFiles: a list long enough for several rest files is
// published whole: the table's rest file numbers name files that hold, with
// the first part, every document of the list, each in its range. The
// range is the largest power of two of documents (64 at least) that at
// the list's mean bytes a document hold at most ChunkTarget of the rest.
func TestPublishedRestFiles(t *testing.T) {
	for _, c := range []struct {
		name string
		nd   int
		// the entries (from 1) of document d that hold the token
		entries func(d int) int
	}{
		{"twenty thousand notices of a few paragraphs", 20000, func(d int) int {
			if d%3 == 0 {
				return 0
			}
			return 1 + d%4
		}},
		// rests of a little more than ChunkTarget, in two files each, W
		// documents holding most of ChunkTarget: ranges half as long
		// would hold less than half of it
		{"thirteen hundred long reports", 1307, func(d int) int { return 17 + d%9 }},
		{"six hundred and fifty long reports", 650, func(d int) int { return 39 + d%13 }},
	} {
		t.Run(c.name, func(t *testing.T) { checkRestFiles(t, c.nd, c.entries) })
	}
}

func checkRestFiles(t *testing.T, nd int, entries func(d int) int) {
	w := &postingsWriter{}
	var want []hitList
	for d := range nd {
		for local := 1; local <= entries(d); local++ {
			w.hit(d, 1, local, 0)
			want = append(want, hitList{doc: d, local: local, count: 1})
		}
	}
	ix := &Index{Docs: make([]Doc, nd), Postings: map[string]*Postings{"的": w.done()}, Vocab: []string{}}
	files, _, err := ix.Files(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p := readPublished(t, files)
	rows := p.shardTable(ShardOf("的", p.manifest.Shards))
	if len(rows) != 1 || rows[0].tok != "的" || len(rows[0].restFiles) < 2 {
		t.Fatalf("shard %d holds %d tokens, want only 的, with two rest files or more", ShardOf("的", p.manifest.Shards), len(rows))
	}
	got, err := decodeStream(rows[0].entryStream, rows[0].posStream)
	if err != nil {
		t.Fatal(err)
	}
	// the first part, loaded with the shard, keeps within its budget
	// however large one document's group is
	if size := len(rows[0].entryStream) + len(rows[0].posStream); size > PartBudget {
		t.Errorf("a first part of %d bytes, over PartBudget (%d)", size, PartBudget)
	}
	restBytes := 0
	for _, k := range rows[0].restFiles {
		h := fnv.New64a()
		h.Write([]byte("的"))
		restBytes += len(p.bytes(fmt.Sprintf("r/%016x-%d", h.Sum64(), k), nil))
		rest, err := p.restFile("的", k)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range rest {
			if h.doc>>rows[0].clog != k {
				t.Errorf("document %d in rest file %d of %d documents each", h.doc, k, 1<<rows[0].clog)
			}
		}
		got = append(got, rest...)
	}
	// a rest file is loaded as a whole: about ChunkTarget bytes, its range
	// of documents a power of two, so a half to all of it
	if mean := restBytes / len(rows[0].restFiles); mean < ChunkTarget/4 || mean > ChunkTarget {
		t.Errorf("%d rest files of %d bytes on average, want about ChunkTarget (%d)", len(rows[0].restFiles), mean, ChunkTarget)
	}
	// W documents hold at most ChunkTarget at the mean, twice as many more
	// (the mean of the rest as written, within a twentieth of what W was
	// chosen from)
	perDoc := float64(restBytes) / float64(nd)
	if r := 1 << rows[0].clog; r < 64 || r > 64 && float64(r)*perDoc > ChunkTarget*21/20 || float64(2*r)*perDoc <= ChunkTarget*19/20 {
		t.Errorf("rest files of %d documents each, %.0f bytes of the rest at the mean (%d in %d files); want the largest power of two (64 at least) within ChunkTarget (%d)",
			r, float64(r)*perDoc, restBytes, len(rows[0].restFiles), ChunkTarget)
	}
	t.Logf("%d rest files of %d documents, %.2f of ChunkTarget at the mean", len(rows[0].restFiles), 1<<rows[0].clog, float64(int(1)<<rows[0].clog)*perDoc/ChunkTarget)
	slices.SortStableFunc(got, func(a, b hitList) int { return a.doc - b.doc })
	for i := range got {
		got[i].weight, got[i].size = 0, 0
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the first part and rest files give %d entries, the list has %d", len(got), len(want))
	}
}
