package search

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/internal/parallel"
)

// Layout of the written index; search.js reads these numbers from the
// manifest, so they can change without touching the client.
const (
	// ShardTarget is the raw size a token shard aims at: a query loads one
	// shard per token of a few kilobytes deflated. The number of shards is
	// a power of two, so it changes only when the index doubles or halves
	// (a new number moves every token).
	ShardTarget = 12 << 10
	// DocsPerMeta documents share one metadata file (title, slug, date).
	DocsPerMeta = 16
	// EntriesPerText entries of one document share one text file (for
	// snippets): t/<document>-<k> never spans documents, so an edit
	// changes only the edited document's text files.
	EntriesPerText = 16
	// DocsPerBlock documents share one file of the numbers the filters
	// need (b/K: year, series, tags), loaded only to filter.
	DocsPerBlock = 500
	// Dir is the folder of the index in the built site.
	Dir = "search/"
	// FormatVersion changes whenever search.js must change with the files.
	FormatVersion = 6
)

// Stats describes a written index.
type Stats struct {
	Files, Shards, Rests, Bytes, ManifestBytes int
	// Deflated is how many files were encoded, the others being kept
	// from the last build of a State.
	Deflated int
	// How long indexing (tokens and postings), laying out (splits,
	// shards, texts) and encoding (deflate) took.
	Index, Lay, Encode time.Duration
}

// Files writes the index under search/ as JS files that search.js loads
// with <script> tags. Every file is one call, __ss("<name>", <size>,
// "<payload>"), whose payload is deflated and written in base85 (see
// payloadWriter):
//
//   - manifest: JSON with the layout, the number of documents (nd), the
//     filters' vocabularies and the pinyin syllables;
//   - s/N: token shard N, binary: a table of the shard's tokens (see
//     shard), then the first parts' entry streams, then their position
//     streams (see Postings and split.go);
//   - r/<token hash>-<k>: the rest of a long list, documents k·W to
//     (k+1)·W−1: the length of the entry stream, the entry stream (the
//     first document as a gap from 0), the position stream;
//   - m/K: JSON [title, slug, date] of DocsPerMeta documents;
//   - t/D-K: JSON [anchor, heading path, text] of entries K·EntriesPerText
//     onwards of document D;
//   - b/K: JSON of block K's per-document numbers (year, series, tags;
//     see docNumbers);
//   - vocab: JSON list of the terms "no results" suggests from;
//   - d: the preset dictionary m/, t/ and vocab are deflated with (see
//     textDictionary), when the manifest's D is true.
//
// Documents are numbered oldest first (see BuildIndex). It stops when ctx
// is cancelled; the error names a token hash collision, should one occur.
func (ix *Index) Files(ctx context.Context) ([]output.File, Stats, error) {
	return ix.files(ctx, &layout{}, nil, nil, ix.textDictionary, nil)
}

// textDictionary is the dictionary of the index's text files.
func (ix *Index) textDictionary() []byte { return textDictionary(ix.Docs, ix.Entries) }

// filesConsuming is Files for an index used only once (a plain build):
// each token's postings are let go once split, and each file's raw bytes
// once encoded, so the whole index is never held twice. With emit, the
// files are handed to it as they are encoded (from several goroutines,
// the manifest last) and not kept: it gives no files.
func (ix *Index) filesConsuming(ctx context.Context, emit func([]output.File) error) ([]output.File, Stats, error) {
	return ix.files(ctx, &layout{consume: true, emit: emit}, nil, nil, ix.textDictionary, nil)
}

// files lays out the index (see layout.lay, which keeps what dirty and
// textSame say is unchanged) and encodes it, reusing from enc (when not
// nil) every file whose raw bytes and dictionary are unchanged. chooseDict
// gives the text dictionary; it runs while the files are laid out.
func (ix *Index) files(ctx context.Context, l *layout, dirty map[string]bool, textSame []bool, chooseDict func() []byte, enc *encodings) ([]output.File, Stats, error) {
	type job struct {
		name string
		raw  []byte
		text bool
	}
	start := time.Now()
	dictDone := make(chan []byte, 1)
	go func() { dictDone <- chooseDict() }()
	if err := l.lay(ctx, ix, dirty, textSame); err != nil {
		<-dictDone
		return nil, Stats{}, err
	}
	layTime := time.Since(start)
	start = time.Now()
	var jobs []job
	emit := func(name string, raw []byte, text bool) {
		jobs = append(jobs, job{name, raw, text})
	}
	rests := 0
	hashes := map[string]string{}
	for i, t := range l.toks {
		sp := l.splits[i]
		if len(sp.chunks) == 0 {
			continue
		}
		if other, ok := hashes[sp.hash]; ok {
			<-dictDone
			return nil, Stats{}, fmt.Errorf("search index: tokens %q and %q have the same hash %s", other, t, sp.hash)
		}
		hashes[sp.hash] = t
		for k, c := range sp.chunks {
			emit(sp.restName(c), sp.restRaw[k], false)
			rests++
		}
	}
	for s, raw := range l.shardRaw {
		emit(fmt.Sprintf("s/%d", s), raw, false)
	}
	for k := 0; k*DocsPerMeta < len(ix.Docs); k++ {
		var rows [][]string
		for _, d := range ix.Docs[k*DocsPerMeta : min(len(ix.Docs), (k+1)*DocsPerMeta)] {
			rows = append(rows, []string{d.Title, d.Slug, d.Date})
		}
		emit(fmt.Sprintf("m/%d", k), jsonText(rows), true)
	}
	for d, texts := range l.texts {
		for k, raw := range texts {
			emit(fmt.Sprintf("t/%d-%d", d, k), raw, true)
		}
	}
	tags, series := vocab(ix.Docs)
	for k := 0; k*DocsPerBlock < len(ix.Docs); k++ {
		emit(fmt.Sprintf("b/%d", k), jsonText(docNumbers(ix.Docs[k*DocsPerBlock:min(len(ix.Docs), (k+1)*DocsPerBlock)], tags, series)), true)
	}
	emit("vocab", jsonText(ix.Vocab), true)
	dict := <-dictDone
	if dict != nil {
		emit("d", dict, false)
	}
	if l.consume { // the jobs hold the raw bytes now
		l.splits, l.shardRaw, l.texts = nil, nil, nil
	}

	// Deflating is most of the work: in parallel, one writer per run,
	// for the files not kept from the last build.
	files := make([]output.File, len(jobs))
	sums := make([]uint64, len(jobs))
	var todo []int
	sameDict := enc.sameDict(dict)
	for i, j := range jobs {
		if c, ok := enc.kept(j.name, j.raw, j.text, sameDict); ok {
			files[i], sums[i] = output.File{Path: Dir + j.name + ".js", Data: c.data, Compact: true}, c.sum
		} else {
			todo = append(todo, i)
		}
	}
	// A flate writer costs about a megabyte to make: one set per CPU,
	// taken by each run of files from a pool.
	runs := min(64, len(todo))
	var emitted atomic.Int64 // bytes handed to l.emit
	writers := make(chan *payloadWriters, runtime.GOMAXPROCS(0))
	for range cap(writers) {
		writers <- &payloadWriters{withDict: payloadWriter{dict: dict}, rest: payloadWriter{huffmanOnly: true}}
	}
	err := parallel.ForEach(ctx, runs, func(c int) error {
		w := <-writers
		defer func() { writers <- w }()
		for _, i := range todo[c*len(todo)/runs : (c+1)*len(todo)/runs] {
			j := jobs[i]
			pw := &w.plain
			switch {
			case j.text:
				pw = &w.withDict
			case strings.HasPrefix(j.name, "r/"):
				pw = &w.rest
			}
			files[i] = output.File{Path: Dir + j.name + ".js", Data: pw.file(j.name, j.raw, j.text), Compact: true}
			sums[i] = fnvSum(files[i].Data)
			if l.consume {
				jobs[i].raw = nil
			}
		}
		if l.emit == nil {
			return ctx.Err()
		}
		return emitRun(l.emit, files, todo[c*len(todo)/runs:(c+1)*len(todo)/runs], &emitted)
	})
	if err != nil {
		return nil, Stats{}, err
	}
	if enc != nil {
		enc.keep(dict, len(jobs), func(i int) (string, encoded) { return jobs[i].name, encoded{jobs[i].raw, files[i].Data, sums[i]} })
	}

	// The manifest names a version of everything else, which search.js
	// adds to each file's address, so a browser never mixes a cached
	// shard of an older build with this manifest: a hash of each file's
	// path and the hash of its bytes (kept with a kept file, so an edit
	// does not hash the whole index again).
	h := fnv.New64a()
	for i, f := range files {
		h.Write([]byte(f.Path))
		h.Write(binary.BigEndian.AppendUint64(nil, sums[i]))
	}
	manifest := jsonText(map[string]any{
		"v": FormatVersion, "h": fmt.Sprintf("%x", h.Sum64()),
		"shards": l.shards, "E": EntriesPerText, "M": DocsPerMeta, "D": dict != nil,
		"B": DocsPerBlock, "nd": len(ix.Docs), "S": EntryStride,
		"tags": tags, "series": series, "syl": strings.Join(ix.Syllables, " "),
	})
	files = append([]output.File{{Path: Dir + "manifest.js", Data: new(payloadWriter).file("manifest", manifest, true), Compact: true}}, files...)

	st := Stats{Files: len(files), Shards: l.shards, Rests: rests, ManifestBytes: len(files[0].Data), Deflated: len(todo) + 1,
		Lay: layTime, Bytes: int(emitted.Load())}
	for _, f := range files {
		st.Bytes += len(f.Data)
	}
	if l.emit != nil {
		if err := l.emit(files[:1]); err != nil {
			return nil, Stats{}, err
		}
		files = nil
	}
	st.Encode = time.Since(start)
	return files, st, nil
}

// emitRun hands the files of one run (files[i] for i in run) to emit and
// lets their bytes go, adding their size to emitted.
func emitRun(emit func([]output.File) error, files []output.File, run []int, emitted *atomic.Int64) error {
	batch := make([]output.File, len(run))
	n := 0
	for k, i := range run {
		batch[k] = files[i]
		n += len(files[i].Data)
		files[i].Data = nil
	}
	emitted.Add(int64(n))
	return emit(batch)
}

// shard lays out one shard's tokens toks (sorted) with their splits: a
// table giving for each token its text, the documents and entries holding
// it, the lengths of its first part's entry and position streams and the
// number of its rest files; when there are rest files, the best class and
// document left out of the first part, log2 of the documents per rest file
// and the rest files' numbers (as gaps, the first from 0). Then every
// first part's entry stream, then every position stream, in the table's
// order.
func shard(toks []string, splits []*split) []byte {
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(toks)))
	for i, t := range toks {
		sp := splits[i]
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
		for _, v := range []int{sp.first.Docs, sp.first.Hits, len(sp.first.Entries), len(sp.first.Positions), len(sp.chunks)} {
			b = binary.AppendUvarint(b, uint64(v))
		}
		if len(sp.chunks) > 0 {
			b = binary.AppendUvarint(b, uint64(sp.bestClass))
			b = binary.AppendUvarint(b, uint64(sp.bestDoc))
			b = binary.AppendUvarint(b, uint64(sp.chunkLog))
			prev := 0
			for _, c := range sp.chunks {
				b = binary.AppendUvarint(b, uint64(c-prev))
				prev = c
			}
		}
	}
	for _, sp := range splits {
		b = append(b, sp.first.Entries...)
	}
	for _, sp := range splits {
		b = append(b, sp.first.Positions...)
	}
	return b
}

// fnvSum is FNV-1a (64 bit) of b.
func fnvSum(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// tokenHash names a token's rest files: FNV-1a (64 bit) of its UTF-8
// bytes in hexadecimal. search.js computes the same.
func tokenHash(tok string) string {
	h := fnv.New64a()
	h.Write([]byte(tok))
	return fmt.Sprintf("%016x", h.Sum64())
}

// docNumbers gives each document's numbers in a row: year (0 for none),
// series (+1, 0 for none), the number of tags and the tags' indices.
func docNumbers(docs []Doc, tags, series []string) []int {
	out := []int{}
	for _, d := range docs {
		out = append(out, d.Year, indexOf(series, d.Series)+1, len(d.Tags))
		for _, t := range d.Tags {
			out = append(out, indexOf(tags, t))
		}
	}
	return out
}

// jsonText is v as JSON, with <, > and & left as they are (search.js
// inserts every string as text).
func jsonText(v any) []byte {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // strings, numbers and lists of them: cannot fail
	return []byte(strings.TrimSuffix(b.String(), "\n"))
}

func vocab(docs []Doc) (tags, series []string) {
	ts, ss := map[string]bool{}, map[string]bool{}
	for _, d := range docs {
		for _, t := range d.Tags {
			ts[t] = true
		}
		if d.Series != "" {
			ss[d.Series] = true
		}
	}
	for t := range ts {
		tags = append(tags, t)
	}
	for s := range ss {
		series = append(series, s)
	}
	sort.Strings(tags)
	sort.Strings(series)
	if tags == nil {
		tags = []string{}
	}
	if series == nil {
		series = []string{}
	}
	return tags, series
}

func indexOf(list []string, s string) int {
	i := sort.SearchStrings(list, s)
	if i < len(list) && list[i] == s {
		return i
	}
	return -1
}
