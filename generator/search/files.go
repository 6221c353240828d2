package search

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/studysite/studysite/generator/output"
)

// Layout of the written index; search.js reads these numbers from the
// manifest, so they can change without touching the client.
const (
	// ShardTarget is the size a token shard aims at: a query of a few
	// characters loads one or a few shards of about this size.
	ShardTarget = 12 << 10
	// DocsPerMeta documents share one metadata file (title, date, slug).
	DocsPerMeta = 64
	// EntriesPerText entries share one text file (for snippets).
	EntriesPerText = 8
	// Dir is the folder of the index in the built site.
	Dir = "search/"
)

// Stats describes a written index.
type Stats struct {
	Files, Shards, Bytes, ManifestBytes int
}

// Files writes the index as JS files under search/.
func (ix *Index) Files() ([]output.File, Stats) {
	var files []output.File
	var st Stats
	var z deflater
	emit := func(path string, call string, arg any, data any) {
		var js bytes.Buffer
		enc := json.NewEncoder(&js)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(data) // strings, numbers, maps of strings: cannot fail
		js.Truncate(js.Len() - 1)
		var b bytes.Buffer
		fmt.Fprintf(&b, "__ss.%s(%v,", call, arg)
		if call == "s" || call == "t" {
			// Shards and text are most of the index: deflated, as base64
			// (search.js inflates them with DecompressionStream).
			b.WriteByte('"')
			b.WriteString(base64.StdEncoding.EncodeToString(z.deflate(js.Bytes())))
			b.WriteByte('"')
		} else {
			b.Write(js.Bytes())
		}
		b.WriteString(");\n")
		files = append(files, output.File{Path: Dir + path, Data: b.Bytes()})
		st.Bytes += b.Len()
	}

	total := 0
	toks := make([]string, 0, len(ix.Postings))
	for t, p := range ix.Postings {
		toks = append(toks, t)
		total += len(t) + len(p) + 6
	}
	sort.Strings(toks)
	shards := max(1, (total+ShardTarget-1)/ShardTarget)
	st.Shards = shards
	buckets := make([]map[string]string, shards)
	for _, t := range toks {
		s := ShardOf(t, shards)
		if buckets[s] == nil {
			buckets[s] = map[string]string{}
		}
		buckets[s][t] = ix.Postings[t]
	}

	tags, series := vocab(ix.Docs)
	y0 := 0
	for _, d := range ix.Docs {
		if d.Year != 0 && (y0 == 0 || d.Year < y0) {
			y0 = d.Year
		}
	}
	var docs []byte
	for _, d := range ix.Docs {
		docs = appendNum(docs, d.Entries)
		docs = appendNum(docs, d.Head)
		y := 0
		if d.Year != 0 {
			y = d.Year - y0 + 1
		}
		docs = appendNum(docs, y)
		docs = appendNum(docs, indexOf(series, d.Series)+1)
		docs = appendNum(docs, len(d.Tags))
		for _, t := range d.Tags {
			docs = appendNum(docs, indexOf(tags, t))
		}
	}
	emit("manifest.js", "init", 0, map[string]any{
		"v": 1, "shards": shards, "E": EntriesPerText, "M": DocsPerMeta,
		"docs": string(docs), "tags": tags, "series": series, "y0": y0,
		"syl": strings.Join(ix.Syllables, " "), "vocab": ix.Vocab,
	})
	st.ManifestBytes = len(files[0].Data)
	for s, b := range buckets {
		if b == nil {
			b = map[string]string{}
		}
		emit(fmt.Sprintf("s/%d.js", s), "s", s, b)
	}
	for k := 0; k*DocsPerMeta < len(ix.Docs); k++ {
		var rows [][]string
		for _, d := range ix.Docs[k*DocsPerMeta : min(len(ix.Docs), (k+1)*DocsPerMeta)] {
			rows = append(rows, []string{d.Title, d.Slug, d.Date})
		}
		emit(fmt.Sprintf("m/%d.js", k), "m", k, rows)
	}
	for k := 0; k*EntriesPerText < len(ix.Entries); k++ {
		var rows [][]string
		for _, e := range ix.Entries[k*EntriesPerText : min(len(ix.Entries), (k+1)*EntriesPerText)] {
			rows = append(rows, []string{e.Anchor, e.Path, e.Text})
		}
		emit(fmt.Sprintf("t/%d.js", k), "t", k, rows)
	}
	st.Files = len(files)
	return files, st
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

// deflater compresses with raw DEFLATE at a fixed level, which gives the
// same bytes for the same input. One writer is reused: a new one costs
// about a megabyte, and an index has thousands of files.
type deflater struct{ w *flate.Writer }

func (d *deflater) deflate(b []byte) []byte {
	var out bytes.Buffer
	if d.w == nil {
		d.w, _ = flate.NewWriter(&out, flate.BestCompression) // the level is valid
	} else {
		d.w.Reset(&out)
	}
	_, _ = d.w.Write(b) // writes to a bytes.Buffer do not fail
	_ = d.w.Close()
	return out.Bytes()
}
