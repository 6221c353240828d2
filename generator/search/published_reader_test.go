package search

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/studysite/studysite/generator/output"
)

// This file reads a published index the way search.js does
// (themes/default/assets/search/20-load.js, 25-inflate.js,
// 30-postings.js), written from the format the files describe, not from
// the Go code that writes them: the Go tests' stand-in for the browser,
// which make mutate leaves out.

// publishedManifest is manifest.js as search.js reads it.
type publishedManifest struct {
	V      int      `json:"v"`
	H      string   `json:"h"`
	Shards int      `json:"shards"`
	E      int      `json:"E"`
	M      int      `json:"M"`
	B      int      `json:"B"`
	S      int      `json:"S"`
	ND     int      `json:"nd"`
	D      bool     `json:"D"`
	Tags   []string `json:"tags"`
	Series []string `json:"series"`
	Syl    string   `json:"syl"`
}

// published is an index as its files give it.
type published struct {
	t        *testing.T
	calls    map[string][2]string // name → size, payload
	read     map[string]bool      // the files a reader loaded
	utf8     []string             // text files stored as UTF-8, not GB18030
	manifest publishedManifest
	dict     []byte
}

// readPublished takes the files of a build (search/<name>.js) and reads
// the manifest, and the dictionary when it announces one.
func readPublished(t *testing.T, files []output.File) *published {
	t.Helper()
	p := &published{t: t, calls: map[string][2]string{}, read: map[string]bool{}}
	for _, f := range files {
		name, ok := strings.CutPrefix(f.Path, Dir)
		name, ok2 := strings.CutSuffix(name, ".js")
		if !ok || !ok2 {
			t.Fatalf("index file %s is not search/<name>.js", f.Path)
		}
		m := payloadCall.FindSubmatch(f.Data)
		if m == nil || string(m[1]) != name {
			t.Fatalf("%s: not one __ss(%q, size, payload) call: %.80q", f.Path, name, f.Data)
		}
		if _, dup := p.calls[name]; dup {
			t.Fatalf("%s published twice", f.Path)
		}
		p.calls[name] = [2]string{string(m[2]), string(m[3])}
	}
	if err := json.Unmarshal(p.text("manifest", false), &p.manifest); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	if p.manifest.D {
		p.dict = p.bytes("d", nil)
	}
	return p
}

// unbase85 is search.js's base85: five digits '#'…'w' ('~' standing for
// '\\') per four bytes, big-endian; a last group of k digits gives k−1
// bytes, the digits past the end counting as the highest.
func unbase85(s string) ([]byte, error) {
	var out []byte
	for at := 0; at < len(s); at += 5 {
		var v uint64
		for k := range 5 {
			d := uint64(84)
			if at+k < len(s) {
				c := s[at+k]
				if c == '~' {
					c = '\\'
				}
				if c < '#' || c > 'w' {
					return nil, fmt.Errorf("digit %q at %d", s[at+k], at+k)
				}
				d = uint64(c - '#')
			}
			v = v*85 + d
		}
		group := binary.BigEndian.AppendUint32(nil, uint32(v))
		out = append(out, group[:min(4, len(s)-at-1)]...)
	}
	return out, nil
}

// bytes loads a file: its payload inflated (with dict, when not nil),
// which must be as long as the call says.
func (p *published) bytes(name string, dict []byte) []byte {
	p.t.Helper()
	call, ok := p.calls[name]
	if !ok {
		p.t.Fatalf("search.js would load %s, which is not published", name)
	}
	p.read[name] = true
	z, err := unbase85(call[1])
	if err != nil {
		p.t.Fatalf("%s: payload: %v", name, err)
	}
	raw, err := io.ReadAll(flate.NewReaderDict(bytes.NewReader(z), dict))
	if err != nil {
		p.t.Fatalf("%s: inflate: %v", name, err)
	}
	if size, _ := strconv.Atoi(call[0]); size != len(raw) {
		p.t.Fatalf("%s: the call gives the size %d, the payload inflates to %d bytes", name, size, len(raw))
	}
	return raw
}

// text loads a text file: JSON after a byte saying GB18030 ('g') or
// UTF-8 ('u'), deflated with the dictionary when the manifest says so.
func (p *published) text(name string, withDict bool) []byte {
	p.t.Helper()
	var dict []byte
	if withDict {
		dict = p.dict
	}
	raw := p.bytes(name, dict)
	if len(raw) == 0 {
		p.t.Fatalf("%s: empty text file", name)
	}
	switch raw[0] {
	case 'g':
		s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw[1:])
		if err != nil {
			p.t.Fatalf("%s: GB18030: %v", name, err)
		}
		return s
	case 'u':
		p.utf8 = append(p.utf8, name)
		return raw[1:]
	}
	p.t.Fatalf("%s: text marked %q, neither g nor u", name, raw[0])
	return nil
}

// json loads a text file of the index (m/, t/, b/, vocab) into v.
func (p *published) json(name string, v any) {
	p.t.Helper()
	if err := json.Unmarshal(p.text(name, p.manifest.D), v); err != nil {
		p.t.Fatalf("%s: %v", name, err)
	}
}

// uvarints reads a stream as search.js's uvarint does.
type uvarints struct {
	b  []byte
	at int
}

func (r *uvarints) next() int {
	v, n := binary.Uvarint(r.b[r.at:])
	if n <= 0 {
		panic(fmt.Sprintf("no varint at %d of %d bytes", r.at, len(r.b)))
	}
	r.at += n
	return int(v)
}

// tableRow is a token's row of a shard's table.
type tableRow struct {
	tok                      string
	docs, entries            int // in the whole list
	entryStream, posStream   []byte
	rests                    int
	bestClass, bestDoc, clog int
	restFiles                []int
}

// shardTable reads shard s: the table, then the first parts' entry
// streams, then their position streams.
func (p *published) shardTable(s int) []tableRow {
	p.t.Helper()
	b := p.bytes("s/"+strconv.Itoa(s), nil)
	var rows []tableRow
	var el, pl []int
	func() {
		defer func() {
			if e := recover(); e != nil {
				p.t.Fatalf("s/%d: %v", s, e)
			}
		}()
		r := &uvarints{b: b}
		for range r.next() {
			n := r.next()
			row := tableRow{tok: string(b[r.at : r.at+n])}
			r.at += n
			row.docs, row.entries = r.next(), r.next()
			el, pl = append(el, r.next()), append(pl, r.next())
			row.rests = r.next()
			if row.rests > 0 {
				row.bestClass, row.bestDoc, row.clog = r.next(), r.next(), r.next()
				k := 0
				for range row.rests {
					k += r.next()
					row.restFiles = append(row.restFiles, k)
				}
			}
			rows = append(rows, row)
		}
		for i := range rows {
			rows[i].entryStream = b[r.at : r.at+el[i]]
			r.at += el[i]
		}
		for i := range rows {
			rows[i].posStream = b[r.at : r.at+pl[i]]
			r.at += pl[i]
		}
		if r.at != len(b) {
			p.t.Fatalf("s/%d: %d bytes, the table and streams account for %d", s, len(b), r.at)
		}
	}()
	return rows
}

// hitList is one entry of a document holding a token, as decodeList
// gives it: the entry's number in its document, count, positions (when
// read) and weight for ranking; and the bytes of the streams it takes
// (the first entry of a document's group counting the group's head).
type hitList struct {
	doc, local, count int
	positions         []int
	weight            int
	size              int
}

// decodeStream reads document groups as search.js's decodeList does:
// each group's document gap (doubled, the low bit saying how many entries
// and head entries follow), then each entry's gap and count; positions
// from their own stream when it is not empty.
func decodeStream(entries, positions []byte) ([]hitList, error) {
	var out []hitList
	r, pr := &uvarints{b: entries}, &uvarints{b: positions}
	doc := 0
	err := func() (err error) {
		defer func() {
			if e := recover(); e != nil {
				err = fmt.Errorf("%v", e)
			}
		}()
		for r.at < len(entries) {
			start := r.at + pr.at
			head := r.next()
			n, heads := 1, 0
			doc += head / 2
			if head%2 == 1 {
				head = r.next()
				n = head/2 + 1
				if head%2 == 1 {
					heads = r.next() + 1
				}
			}
			number := 0
			for k := range n {
				delta := r.next()
				count := 1
				if delta%2 == 1 {
					count = r.next() + 2
				}
				number += delta / 2
				h := hitList{doc: doc, local: number, count: count, weight: 1}
				switch {
				case number == 0:
					h.weight = 100
				case k < heads:
					h.weight = 20
				}
				if len(positions) > 0 {
					at := 0
					for range count {
						at += pr.next()
						h.positions = append(h.positions, at)
					}
				}
				h.size, start = r.at+pr.at-start, r.at+pr.at
				out = append(out, h)
			}
		}
		if pr.at != len(positions) {
			return fmt.Errorf("%d bytes of positions, the entries read %d", len(positions), pr.at)
		}
		return nil
	}()
	return out, err
}

// restFile reads a token's rest file k: the entry stream's length, the
// entry stream, the position stream.
func (p *published) restFile(tok string, k int) ([]hitList, error) {
	h := fnv.New64a()
	h.Write([]byte(tok))
	b := p.bytes(fmt.Sprintf("r/%016x-%d", h.Sum64(), k), nil)
	n, size := binary.Uvarint(b)
	if size <= 0 || size+int(n) > len(b) {
		return nil, fmt.Errorf("rest file %d: entry stream of %d bytes in %d", k, n, len(b))
	}
	return decodeStream(b[size:size+int(n)], b[size+int(n):])
}

// unread lists the published files no reader loaded.
func (p *published) unread() []string {
	var out []string
	for name := range p.calls {
		if !p.read[name] {
			out = append(out, name)
		}
	}
	return out
}
