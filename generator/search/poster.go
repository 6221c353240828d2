package search

import (
	"encoding/binary"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
)

// A poster writes the postings of a run of documents, one document at a
// time (see postRun). It gives the same bytes as calling
// postingsWriter.hit (postings_writer_test.go) for every token of Tokens
// and pinyinTokens in order, faster: a token is
// named by a number, Han n-grams (most tokens) found by their characters
// packed into one integer rather than by a string; a document's
// occurrences are gathered in one array, chained token by token, and each
// token's group is written at once when the document ends, so the work
// per occurrence touches no token's buffers.
type poster struct {
	tokens []Postings // by token number
	texts  []string   // by token number

	// Han characters are numbered 1… as they are first seen, up to
	// maxChar; an n-gram of numbered characters is found in grams by its
	// numbers packed 16 bits each (the first in the lowest bits: the
	// numbers are never 0, so the length shows). Other tokens, and
	// n-grams holding a character seen after the numbers ran out, are
	// found in named by their text.
	charNum [hanLimit]uint16
	chars   int
	maxChar int // numbers to give (maxChars; tests give fewer)
	grams   map[uint64][MaxGram]uint32
	named   map[string]uint32
	name    []byte // scratch: a token's text
	// The n-grams starting where scanTokens is: found together by the
	// longest (one lookup for up to MaxGram tokens).
	gramAt  int
	gramIDs [MaxGram]uint32
	gramN   int // how many of gramIDs hold (0: not found by number)
	// Each Han character's pinyin tokens and syllables, once looked up.
	pinyinOf map[rune]pinyinTokensOf

	// The open document: its occurrences in the order they come, each
	// chained to the next of its token; each token's first and last.
	occLocal, occPos, occNext []int32
	chains                    []occChain // by token number
	touched                   []uint32
	norm                      []rune
	han                       []bool
	local                     int32 // the entry being read
	scratch                   []int // a group's entries and counts
	pinyinArgs                pinyin.Args
	syllables                 map[string]int
	seen                      map[string]bool // syllables seen in the open document
}

// occChain is where a token's occurrences in the open document start and
// end in the poster's occurrence arrays (-1: none yet).
type occChain struct{ first, last int32 }

// hanLimit bounds the code points numbered (every Han character is below it).
const hanLimit = 0x32400

// maxChars is how many Han characters one poster numbers.
const maxChars = 1<<16 - 1

func newPoster() *poster {
	args := pinyin.NewArgs()
	args.Heteronym = true
	return &poster{grams: map[uint64][MaxGram]uint32{}, named: map[string]uint32{}, pinyinArgs: args,
		syllables: map[string]int{}, seen: map[string]bool{}, pinyinOf: map[rune]pinyinTokensOf{}, gramAt: -1, maxChar: maxChars}
}

// add numbers a new token.
func (ps *poster) add(text string) uint32 {
	return ps.addWith(text, Positional(text))
}

// addGram numbers a new Han n-gram of k characters (see Positional).
func (ps *poster) addGram(text string, k int) uint32 {
	return ps.addWith(text, k == MaxGram)
}

func (ps *poster) addWith(text string, positional bool) uint32 {
	id := uint32(len(ps.tokens))
	ps.tokens = append(ps.tokens, Postings{positional: positional})
	ps.texts = append(ps.texts, text)
	ps.chains = append(ps.chains, occChain{-1, -1})
	return id
}

// byName gives the number of the token whose text is in ps.name.
func (ps *poster) byName() uint32 {
	if id, ok := ps.named[string(ps.name)]; ok {
		return id
	}
	text := string(ps.name)
	id := ps.add(text)
	ps.named[text] = id
	return id
}

// charNumber numbers the Han character r, or gives 0 once numbers ran out.
func (ps *poster) charNumber(r rune) uint16 {
	if r >= hanLimit {
		return 0
	}
	n := ps.charNum[r]
	if n == 0 && ps.chars < ps.maxChar {
		ps.chars++
		n = uint16(ps.chars)
		ps.charNum[r] = n
	}
	return n
}

// occur records token id at position pos of the open entry.
func (ps *poster) occur(id uint32, pos int) {
	at := int32(len(ps.occLocal))
	ps.occLocal = append(ps.occLocal, ps.local)
	ps.occPos = append(ps.occPos, int32(pos))
	ps.occNext = append(ps.occNext, -1)
	c := &ps.chains[id]
	if c.first < 0 {
		c.first = at
		ps.touched = append(ps.touched, id)
	} else {
		ps.occNext[c.last] = at
	}
	c.last = at
}

// entry records the tokens of one entry of the open document (with
// pinyin for titles, headings and terms).
func (ps *poster) entry(local int, text string, withPinyin bool) {
	ps.local = int32(local)
	rs := appendNormalized(ps.norm[:0], text)
	ps.norm = rs
	han := ps.han[:0]
	for _, r := range rs {
		han = append(han, IsHan(r))
	}
	ps.han = han
	ps.gramAt = -1
	scanTokens(rs, han, ps.emit)
	if withPinyin {
		ps.pinyin()
	}
}

// pinyinTokensOf is what pinyinTokens gives for one Han character: its
// tokens (by number) and the syllables they name.
type pinyinTokensOf struct {
	ids       []uint32
	syllables []string
}

// pinyin records the pinyin tokens of the open entry (see pinyinTokens),
// looking each character up once per poster.
func (ps *poster) pinyin() {
	for i, r := range ps.norm {
		if !ps.han[i] {
			continue
		}
		of, ok := ps.pinyinOf[r]
		if !ok {
			seen := map[string]bool{}
			for _, t := range pinyinTokens(string(r), ps.pinyinArgs, seen) {
				ps.name = append(ps.name[:0], t.Text...)
				of.ids = append(of.ids, ps.byName())
			}
			of.syllables = sortedKeys(seen)
			ps.pinyinOf[r] = of
		}
		for _, id := range of.ids {
			ps.occur(id, i)
		}
		for _, s := range of.syllables {
			ps.seen[s] = true
		}
	}
}

// emit is scanTokens' callback: it finds the token and records it.
func (ps *poster) emit(mark rune, from, to, pos int) {
	if mark == 0 && ps.han[from] {
		if from != ps.gramAt {
			ps.gramsFrom(from)
		}
		if k := to - from; k <= ps.gramN {
			ps.occur(ps.gramIDs[k-1], pos)
			return
		}
	}
	ps.name = ps.name[:0]
	if mark != 0 {
		ps.name = append(ps.name, byte(mark))
	}
	for _, r := range ps.norm[from:to] {
		ps.name = utf8.AppendRune(ps.name, r)
	}
	ps.occur(ps.byName(), pos)
}

// gramsFrom finds the Han n-grams starting at from (1 to MaxGram
// characters, as far as the Han run goes) by their characters' numbers,
// adding those not seen yet; gramN says how many: up to the first
// character without a number (the longer ones are found by name).
func (ps *poster) gramsFrom(from int) {
	ps.gramAt, ps.gramN = from, 0
	var key uint64
	n := 0
	for ; n < MaxGram && from+n < len(ps.norm) && ps.han[from+n]; n++ {
		c := ps.charNumber(ps.norm[from+n])
		if c == 0 {
			break // the longer n-grams hold a character without a number
		}
		key |= uint64(c) << (16 * n)
	}
	if n == 0 {
		return
	}
	ids, ok := ps.grams[key]
	if !ok {
		// The longest shorter n-gram seen gives the numbers of its
		// prefixes; each n-gram added is found by its own key from then
		// on. (An n-gram of numbered characters is never looked for by
		// name: any other holds a character without a number.)
		have := 0
		for k := n - 1; k >= 1; k-- {
			if prefix, ok := ps.grams[key&(1<<(16*k)-1)]; ok {
				ids, have = prefix, k
				break
			}
		}
		for k := have + 1; k <= n; k++ {
			ids[k-1] = ps.addGram(string(ps.norm[from:from+k]), k)
			ps.grams[key&(1<<(16*k)-1)] = ids
		}
	}
	ps.gramIDs, ps.gramN = ids, n
}

// endDocument writes the open document's group of every token it holds
// (head: its number of title, heading and terms entries).
func (ps *poster) endDocument(doc, head int) {
	for _, id := range ps.touched {
		w, chain := &ps.tokens[id], &ps.chains[id]
		// the token's entries and their counts, in order
		entries := ps.scratch[:0]
		heads := 0
		for at := chain.first; at >= 0; at = ps.occNext[at] {
			l := int(ps.occLocal[at])
			if n := len(entries); n > 0 && entries[n-2] == l {
				entries[n-1]++
				continue
			}
			entries = append(entries, l, 1)
			if l < head {
				heads++
			}
		}
		ps.scratch = entries
		if gap, local := doc-w.last, entries[0]; len(entries) == 2 && entries[1] == 1 && heads == 0 && gap < 64 && local < 64 {
			// most groups: one paragraph, once; two one-byte varints
			w.Entries = append(w.Entries, byte(gap*2), byte(local*2))
		} else {
			w.Entries = appendGroupHead(w.Entries, gap, len(entries)/2, heads)
			prev := 0
			for k := 0; k < len(entries); k += 2 {
				w.Entries = appendEntry(w.Entries, entries[k]-prev, entries[k+1])
				prev = entries[k]
			}
		}
		if w.positional {
			prevLocal, prevPos := int32(-1), int32(0)
			for at := chain.first; at >= 0; at = ps.occNext[at] {
				if ps.occLocal[at] != prevLocal {
					prevLocal, prevPos = ps.occLocal[at], 0
				}
				w.Positions = binary.AppendUvarint(w.Positions, uint64(ps.occPos[at]-prevPos))
				prevPos = ps.occPos[at]
			}
		}
		w.last = doc
		w.Docs++
		w.Hits += len(entries) / 2
		*chain = occChain{-1, -1}
	}
	ps.touched = ps.touched[:0]
	ps.occLocal, ps.occPos, ps.occNext = ps.occLocal[:0], ps.occPos[:0], ps.occNext[:0]
	for s := range ps.seen {
		ps.syllables[s]++
	}
	clear(ps.seen)
}

// chunk gives the postings by token text.
func (ps *poster) chunk() postingChunk {
	writers := make(map[string]*Postings, len(ps.tokens))
	for id := range ps.tokens {
		writers[ps.texts[id]] = &ps.tokens[id]
	}
	return postingChunk{writers: writers, syllables: ps.syllables}
}
