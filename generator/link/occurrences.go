package link

import (
	"strings"
	"unicode/utf8"

	"github.com/studysite/studysite/generator/content"
)

// findOccurrences matches every paragraph of p against the glossary. The
// paragraph text is what the reader sees, so an occurrence's offsets
// always point at the wording inside the paragraph its link names.
func findOccurrences(p *content.Page, m *Matcher) []Occurrence {
	var out []Occurrence
	var buf []Match
	pats := m.Patterns()
	for i, para := range p.Paragraphs {
		buf = m.FindAll(buf[:0], para.Text)
		for _, mt := range buf {
			if pats[mt.Pattern].Term < 0 {
				continue
			}
			out = append(out, Occurrence{Page: p, Paragraph: i, Start: mt.Start, End: mt.End, Form: para.Text[mt.Start:mt.End], term: pats[mt.Pattern].Term})
		}
	}
	return out
}

// KWIC is an occurrence as a keyword-in-context line.
type KWIC struct {
	Before, Match, After string
}

// Context returns about width characters of paragraph text on each side of
// the occurrence, with … where the text was cut.
func (o Occurrence) Context(width int) KWIC {
	text := o.Para().Text
	before := text[:o.Start]
	if n := utf8.RuneCountInString(before); n > width {
		cut := 0
		for i := 0; i < n-width; i++ {
			_, size := utf8.DecodeRuneInString(before[cut:])
			cut += size
		}
		before = "…" + before[cut:]
	}
	after := text[o.End:]
	if utf8.RuneCountInString(after) > width {
		cut := 0
		for i := 0; i < width; i++ {
			_, size := utf8.DecodeRuneInString(after[cut:])
			cut += size
		}
		after = after[:cut] + "…"
	}
	return KWIC{Before: before, Match: text[o.Start:o.End], After: after}
}

// sentenceEnds are the marks that close a Chinese sentence.
const sentenceEnds = "。！？；!?"

// maxQuote bounds the quoted sentence on a term page without a definition.
const maxQuote = 160

// Sentence returns the sentence the occurrence is in: the text a term page
// quotes when the glossary has no definition of its own.
func (o Occurrence) Sentence() string {
	text := o.Para().Text
	start := 0
	if i := strings.LastIndexAny(text[:o.Start], sentenceEnds); i >= 0 {
		_, size := utf8.DecodeRuneInString(text[i:])
		start = i + size
	}
	end := len(text)
	if i := strings.IndexAny(text[o.End:], sentenceEnds); i >= 0 {
		_, size := utf8.DecodeRuneInString(text[o.End+i:])
		end = o.End + i + size
	}
	s := strings.TrimSpace(text[start:end])
	if utf8.RuneCountInString(s) > maxQuote {
		return o.Context(maxQuote/2).Before + o.Form + o.Context(maxQuote/2).After
	}
	return s
}
