package search

import (
	"bytes"
	"context"
	"slices"

	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/internal/parallel"
)

// layout is the index laid out as files' raw bytes, before encoding. A
// State keeps it from one build to the next, so that an edit lays out
// again only the shards holding a token whose postings changed, those
// tokens' rest files and the edited documents' text files.
type layout struct {
	nd       int
	toks     []string // every token, sorted
	splits   []*split // toks[i]'s
	total    int      // the shards' raw size, which sets their number
	shards   int
	buckets  [][]string // each shard's tokens, sorted
	shardRaw [][]byte
	texts    [][][]byte // each document's t/ files
	// consume lets each token's postings go once split (a plain build's
	// index is not used again; a State's is).
	consume bool
	emit    func([]output.File) error // see Index.filesConsuming
}

// lay lays out ix: all of it when dirty is nil or the number of documents
// changed (splits depend on it), else only what the tokens in dirty (whose
// postings changed since the last lay) touch; a document's text files are
// kept when textSame says its entries' anchors, paths and texts are those
// of the last lay.
func (l *layout) lay(ctx context.Context, ix *Index, dirty map[string]bool, textSame []bool) error {
	nd := len(ix.Docs)
	if dirty == nil || nd != l.nd || l.toks == nil {
		if err := l.all(ctx, ix); err != nil {
			return err
		}
	} else {
		l.update(ix, dirty)
	}
	l.nd = nd
	texts := make([][][]byte, nd)
	err := parallel.ForEach(ctx, nd, func(d int) error {
		if d < len(textSame) && textSame[d] && d < len(l.texts) {
			texts[d] = l.texts[d]
			return nil
		}
		doc := ix.Docs[d]
		entries := ix.Entries[doc.FirstEntry : doc.FirstEntry+doc.Entries]
		for k := 0; k*EntriesPerText < len(entries); k++ {
			var rows [][]string
			for _, e := range entries[k*EntriesPerText : min(len(entries), (k+1)*EntriesPerText)] {
				rows = append(rows, []string{e.Anchor, e.Path, e.Text})
			}
			texts[d] = append(texts[d], jsonText(rows))
		}
		return nil
	})
	l.texts = texts
	return err
}

// all lays out every token.
func (l *layout) all(ctx context.Context, ix *Index) error {
	toks := sortedKeys(ix.Postings)
	splits := make([]*split, len(toks))
	err := parallel.ForEach(ctx, 64, func(c int) error {
		var sc splitScratch
		for i := c * len(toks) / 64; i < (c+1)*len(toks)/64; i++ {
			p := ix.Postings[toks[i]]
			splits[i] = splitWith(toks[i], p, len(ix.Docs), &sc)
			if l.consume {
				p.Entries, p.Positions = nil, nil
			}
		}
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	l.toks, l.splits, l.total = toks, splits, 0
	for i, t := range toks {
		l.total += shardBytes(t, splits[i])
	}
	l.bucketAll()
	return nil
}

// bucketAll puts every token in its shard and lays out every shard.
func (l *layout) bucketAll() {
	l.shards = shardCount(l.total)
	l.buckets = make([][]string, l.shards)
	which := make([][]*split, l.shards)
	for i, t := range l.toks {
		s := ShardOf(t, l.shards)
		l.buckets[s] = append(l.buckets[s], t)
		which[s] = append(which[s], l.splits[i])
	}
	l.shardRaw = make([][]byte, l.shards)
	for s := range l.buckets {
		l.shardRaw[s] = shard(l.buckets[s], which[s])
	}
}

// update splits again the tokens in dirty and lays out again the shards
// holding them (all shards when their number changes).
func (l *layout) update(ix *Index, dirty map[string]bool) {
	changed := sortedKeys(dirty)
	toks := make([]string, 0, len(l.toks)+len(changed))
	splits := make([]*split, 0, len(l.toks)+len(changed))
	i := 0
	for _, t := range changed {
		for i < len(l.toks) && l.toks[i] < t {
			toks, splits = append(toks, l.toks[i]), append(splits, l.splits[i])
			i++
		}
		if i < len(l.toks) && l.toks[i] == t {
			l.total -= shardBytes(t, l.splits[i])
			i++
		}
		if p := ix.Postings[t]; p != nil {
			sp := splitPostings(t, p, len(ix.Docs))
			l.total += shardBytes(t, sp)
			toks, splits = append(toks, t), append(splits, sp)
		}
	}
	l.toks, l.splits = append(toks, l.toks[i:]...), append(splits, l.splits[i:]...)
	if shardCount(l.total) != l.shards {
		l.bucketAll()
		return
	}
	redo := map[int]bool{}
	for _, t := range changed {
		s := ShardOf(t, l.shards)
		redo[s] = true
		b := l.buckets[s]
		k, found := slices.BinarySearch(b, t)
		_, present := ix.Postings[t]
		switch {
		case found && !present:
			b = slices.Delete(b, k, k+1)
		case !found && present:
			b = slices.Insert(b, k, t)
		}
		l.buckets[s] = b
	}
	for s := range redo {
		which := make([]*split, len(l.buckets[s]))
		for k, t := range l.buckets[s] {
			i, _ := slices.BinarySearch(l.toks, t)
			which[k] = l.splits[i]
		}
		l.shardRaw[s] = shard(l.buckets[s], which)
	}
}

// shardBytes is what a token adds to the shards' raw size.
func shardBytes(t string, sp *split) int {
	return len(t) + len(sp.first.Entries) + len(sp.first.Positions) + 8
}

// shardCount is the number of shards for a raw size: a power of two, so
// it changes only when the index doubles or halves (a new number moves
// every token).
func shardCount(total int) int {
	shards := 1
	for shards*ShardTarget < total {
		shards *= 2
	}
	return shards
}

// encodings are the encoded files of the last build, kept by a State:
// a file whose raw bytes are unchanged (and, for a text file, the
// dictionary too) is not deflated again.
type encodings struct {
	dict  []byte
	files map[string]encoded
}

type encoded struct {
	raw, data []byte
	sum       uint64 // fnvSum of data
}

// sameDict says whether dict is the one e's text files were deflated with.
func (e *encodings) sameDict(dict []byte) bool {
	return e != nil && bytes.Equal(e.dict, dict)
}

// kept gives the encoded file name when it can be reused; sameDict is
// e.sameDict of this build's dictionary.
func (e *encodings) kept(name string, raw []byte, text, sameDict bool) (encoded, bool) {
	if e == nil {
		return encoded{}, false
	}
	c, ok := e.files[name]
	if !ok || text && !sameDict || !bytes.Equal(c.raw, raw) {
		return encoded{}, false
	}
	return c, true
}

// keep replaces what e holds with the n files given by file.
func (e *encodings) keep(dict []byte, n int, file func(int) (string, encoded)) {
	e.dict, e.files = dict, make(map[string]encoded, n)
	for i := range n {
		name, c := file(i)
		e.files[name] = c
	}
}
