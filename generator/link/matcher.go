package link

import "sort"

// Matcher finds glossary wordings in text: leftmost-longest, never
// overlapping, so 中国式现代化 wins over 现代化 and a phrase marked as an
// exclusion swallows the terms inside it.
//
// It is a byte trie walked from each candidate start. Leftmost-longest
// semantics need a restart after every match anyway, which takes away the
// advantage of Aho–Corasick failure links; what keeps the scan fast is a
// bitmap of the byte pairs that can start a pattern, so almost every
// position costs one bit test and a step to the next character. Patterns
// are at most a few dozen bytes, so the worst case is O(len(text) ×
// longest pattern).
type Matcher struct {
	nodes    []trieNode
	patterns []Pattern
	starts   [1 << 16 / 64]uint64 // first two bytes of a pattern
	short    [256]bool            // one-byte patterns
}

// Pattern is one wording the matcher looks for.
type Pattern struct {
	Text string
	// Term is the index of the term this wording names, or -1 for an
	// exclusion: a phrase that is never a mention of any term.
	Term int
}

// Match is one found wording: Text[Start:End] is Patterns()[Pattern].Text.
type Match struct {
	Start, End int
	Pattern    int
}

type trieNode struct {
	edges   []trieEdge // sorted by byte
	pattern int32      // index into patterns, -1 when no pattern ends here
}

type trieEdge struct {
	b  byte
	to int32
}

// NewMatcher builds a matcher. Empty patterns are ignored; when two
// patterns have the same text the first one wins.
func NewMatcher(patterns []Pattern) *Matcher {
	m := &Matcher{nodes: []trieNode{{pattern: -1}}}
	for _, p := range patterns {
		if p.Text == "" {
			continue
		}
		n := int32(0)
		for i := 0; i < len(p.Text); i++ {
			n = m.child(n, p.Text[i])
		}
		if m.nodes[n].pattern >= 0 {
			continue
		}
		m.nodes[n].pattern = int32(len(m.patterns))
		m.patterns = append(m.patterns, p)
		if len(p.Text) == 1 {
			m.short[p.Text[0]] = true
		} else {
			k := uint16(p.Text[0])<<8 | uint16(p.Text[1])
			m.starts[k/64] |= 1 << (k % 64)
		}
	}
	return m
}

// Patterns are the patterns the matcher holds, indexed by Match.Pattern.
func (m *Matcher) Patterns() []Pattern { return m.patterns }

func (m *Matcher) child(n int32, b byte) int32 {
	edges := m.nodes[n].edges
	i := sort.Search(len(edges), func(i int) bool { return edges[i].b >= b })
	if i < len(edges) && edges[i].b == b {
		return edges[i].to
	}
	to := int32(len(m.nodes))
	m.nodes = append(m.nodes, trieNode{pattern: -1})
	edges = append(edges, trieEdge{})
	copy(edges[i+1:], edges[i:])
	edges[i] = trieEdge{b: b, to: to}
	m.nodes[n].edges = edges
	return to
}

func (m *Matcher) next(n int32, b byte) int32 {
	for _, e := range m.nodes[n].edges {
		if e.b == b {
			return e.to
		}
		if e.b > b {
			break
		}
	}
	return -1
}

// FindAll appends to dst every leftmost-longest, non-overlapping match in s.
// A pattern that begins or ends with an ASCII letter or digit only matches
// at a word boundary, so GDP is not found inside GDPR.
func (m *Matcher) FindAll(dst []Match, s string) []Match {
	for i := 0; i < len(s); {
		size := seqLen(s, i)
		candidate := m.short[s[i]]
		if !candidate && i+1 < len(s) {
			k := uint16(s[i])<<8 | uint16(s[i+1])
			candidate = m.starts[k/64]&(1<<(k%64)) != 0
		}
		if !candidate {
			i += size
			continue
		}
		if end, pat := m.longestAt(s, i); pat >= 0 {
			dst = append(dst, Match{Start: i, End: end, Pattern: pat})
			i = end
			continue
		}
		i += size
	}
	return dst
}

// longestAt walks the trie from s[i] and returns the end and pattern of the
// longest pattern starting there that respects word boundaries.
func (m *Matcher) longestAt(s string, i int) (end, pat int) {
	end, pat = -1, -1
	n := int32(0)
	for j := i; j < len(s); j++ {
		if n = m.next(n, s[j]); n < 0 {
			break
		}
		if p := m.nodes[n].pattern; p >= 0 && m.bounded(s, i, j+1) {
			end, pat = j+1, int(p)
		}
	}
	return end, pat
}

func (m *Matcher) bounded(s string, start, end int) bool {
	if isWordByte(s[start]) && start > 0 && isWordByte(s[start-1]) {
		return false
	}
	if isWordByte(s[end-1]) && end < len(s) && isWordByte(s[end]) {
		return false
	}
	return true
}

// seqLen is how far the scan moves on from s[i]: the UTF-8 sequence it
// starts, as far as the bytes after it really continue it (a stray lead
// byte, as in "\xe4中心", is one byte, so the character after it is read).
func seqLen(s string, i int) int {
	size := int(runeLen[s[i]])
	for k := 1; k < size; k++ {
		if i+k >= len(s) || s[i+k]&0xC0 != 0x80 {
			return k
		}
	}
	return size
}

// runeLen is the length of a UTF-8 sequence by its first byte (1 for
// bytes that cannot start one, so the scan always moves on).
var runeLen = func() (t [256]uint8) {
	for b := range t {
		switch {
		case b >= 0xF0 && b < 0xF8:
			t[b] = 4
		case b >= 0xE0 && b < 0xF0:
			t[b] = 3
		case b >= 0xC0 && b < 0xE0:
			t[b] = 2
		default:
			t[b] = 1
		}
	}
	return t
}()

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
