package search

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/internal/parallel"
)

// Layout of the written index; search.js reads these numbers from the
// manifest, so they can change without touching the client.
const (
	// ShardTarget is the raw size a token shard aims at: a query loads one
	// shard per token of a few kilobytes deflated.
	ShardTarget = 16 << 10
	// DocsPerMeta documents share one metadata file (title, slug, date).
	DocsPerMeta = 16
	// EntriesPerText entries share one text file (for snippets).
	EntriesPerText = 16
	// DocsPerBlock documents share one file of document numbers (b/K):
	// a query loads the blocks its hits fall in, so the manifest stays a
	// few kilobytes at 20,000 documents (it held every document's numbers,
	// 111 KB there, before the first result).
	DocsPerBlock = 500
	// Dir is the folder of the index in the built site.
	Dir = "search/"
	// FormatVersion changes whenever search.js must change with the files.
	FormatVersion = 5
)

// Stats describes a written index.
type Stats struct {
	Files, Shards, Bytes, ManifestBytes int
}

// Files writes the index under search/ as JS files that search.js loads
// with <script> tags. Every file is one call, __ss("<name>", <size>,
// "<payload>"), whose payload is deflated and written in base85 (see
// payloadWriter):
//
//   - manifest: JSON with the layout, the number of documents (nd), the
//     first entry of each block of DocsPerBlock documents (bf), the
//     filters' vocabularies and the pinyin syllables;
//   - b/K: JSON of block K's per-document numbers (entries, headings,
//     year, series, tags; see docNumbers);
//   - s/N: token shard N, binary: the shard's tokens with the lengths of
//     their streams, then their entry streams, then their position
//     streams (see Postings);
//   - m/K: JSON [title, slug, date] of DocsPerMeta documents;
//   - t/K: JSON [anchor, heading path, text] of EntriesPerText entries;
//   - vocab: JSON list of the terms "no results" suggests from;
//   - d: the preset dictionary m/, t/ and vocab are deflated with (see
//     textDictionary), when the manifest's D is true.
func (ix *Index) Files() ([]output.File, Stats) {
	type job struct {
		name string
		raw  []byte
		text bool
	}
	// The dictionary is chosen while the files' contents are laid out.
	dictDone := make(chan []byte, 1)
	go func() { dictDone <- textDictionary(ix.Entries) }()
	var jobs []job
	emit := func(name string, raw []byte, text bool) {
		jobs = append(jobs, job{name, raw, text})
	}

	toks := make([]string, 0, len(ix.Postings))
	total := 0
	for t, p := range ix.Postings {
		toks = append(toks, t)
		total += len(t) + len(p.Entries) + len(p.Positions) + 4
	}
	sort.Strings(toks)
	shards := max(1, (total+ShardTarget-1)/ShardTarget)
	buckets := make([][]string, shards)
	for _, t := range toks {
		s := ShardOf(t, shards)
		buckets[s] = append(buckets[s], t)
	}
	for s, b := range buckets {
		emit(fmt.Sprintf("s/%d", s), ix.shard(b), false)
	}
	for k := 0; k*DocsPerMeta < len(ix.Docs); k++ {
		var rows [][]string
		for _, d := range ix.Docs[k*DocsPerMeta : min(len(ix.Docs), (k+1)*DocsPerMeta)] {
			rows = append(rows, []string{d.Title, d.Slug, d.Date})
		}
		emit(fmt.Sprintf("m/%d", k), jsonText(rows), true)
	}
	for k := 0; k*EntriesPerText < len(ix.Entries); k++ {
		var rows [][]string
		for _, e := range ix.Entries[k*EntriesPerText : min(len(ix.Entries), (k+1)*EntriesPerText)] {
			rows = append(rows, []string{e.Anchor, e.Path, e.Text})
		}
		emit(fmt.Sprintf("t/%d", k), jsonText(rows), true)
	}
	tags, series := vocab(ix.Docs)
	blockFirst := []int{}
	for k := 0; k*DocsPerBlock < len(ix.Docs); k++ {
		blockFirst = append(blockFirst, ix.Docs[k*DocsPerBlock].FirstEntry)
		emit(fmt.Sprintf("b/%d", k), jsonText(docNumbers(ix.Docs[k*DocsPerBlock:min(len(ix.Docs), (k+1)*DocsPerBlock)], tags, series)), true)
	}
	emit("vocab", jsonText(ix.Vocab), true)
	dict := <-dictDone
	if dict != nil {
		emit("d", dict, false)
	}

	// Deflating is most of the work: in parallel, one writer per run.
	files := make([]output.File, len(jobs))
	parallel.Chunks(len(jobs), func(lo, hi int) {
		plain, withDict := payloadWriter{}, payloadWriter{dict: dict}
		for i := lo; i < hi; i++ {
			j := jobs[i]
			pw := &plain
			if j.text {
				pw = &withDict
			}
			files[i] = output.File{Path: Dir + j.name + ".js", Data: pw.file(j.name, j.raw, j.text)}
		}
	})

	// The manifest names a version of everything else, which search.js
	// adds to each file's address, so a browser never mixes a cached
	// shard of an older build with this manifest.
	h := fnv.New64a()
	for _, f := range files {
		h.Write([]byte(f.Path))
		h.Write(f.Data)
	}
	manifest := jsonText(map[string]any{
		"v": FormatVersion, "h": fmt.Sprintf("%x", h.Sum64()),
		"shards": shards, "E": EntriesPerText, "M": DocsPerMeta, "D": dict != nil,
		"B": DocsPerBlock, "bf": blockFirst, "nd": len(ix.Docs),
		"tags": tags, "series": series, "syl": strings.Join(ix.Syllables, " "),
	})
	files = append([]output.File{{Path: Dir + "manifest.js", Data: new(payloadWriter).file("manifest", manifest, true)}}, files...)

	st := Stats{Files: len(files), Shards: shards, ManifestBytes: len(files[0].Data)}
	for _, f := range files {
		st.Bytes += len(f.Data)
	}
	return files, st
}

// shard lays out the tokens of one shard: a table of the tokens with the
// lengths of their entry and position streams, then every entry stream,
// then every position stream, in the table's order.
func (ix *Index) shard(toks []string) []byte {
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(toks)))
	for _, t := range toks {
		p := ix.Postings[t]
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
		b = binary.AppendUvarint(b, uint64(len(p.Entries)))
		b = binary.AppendUvarint(b, uint64(len(p.Positions)))
	}
	for _, t := range toks {
		b = append(b, ix.Postings[t].Entries...)
	}
	for _, t := range toks {
		b = append(b, ix.Postings[t].Positions...)
	}
	return b
}

// docNumbers gives each document's numbers in a row: entries, head
// entries, year (0 for none), series (+1, 0 for none), the number of tags
// and the tags' indices.
func docNumbers(docs []Doc, tags, series []string) []int {
	out := []int{}
	for _, d := range docs {
		out = append(out, d.Entries, d.Head, d.Year, indexOf(series, d.Series)+1, len(d.Tags))
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
