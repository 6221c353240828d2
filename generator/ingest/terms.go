package ingest

import (
	"unicode/utf8"

	"github.com/studysite/studysite/generator/termrule"
)

// LeftOutQuote is a “quoted” string the importer did not take as a term.
type LeftOutQuote struct {
	Line   int    `json:"line"` // where it is first quoted
	Text   string `json:"text"` // cut to leftOutTextMax characters
	Reason string `json:"reason"`
	Count  int    `json:"count"` // how often it is quoted
}

// leftOutTextMax keeps a quoted paragraph from filling the report.
const leftOutTextMax = 30

// findTerms takes the formulations (提法) among the “quoted” strings of the
// body, in order of first use, and lists the quoted strings it left out
// with the reason, once each.
func findTerms(doc *Document, rule *termrule.Rule, rep *Report) []string {
	if rule.Off() {
		return nil
	}
	var terms []string
	taken := map[string]bool{}
	leftOut := map[string]int{} // text → index in rep.QuotedLeftOut
	for _, bl := range doc.Blocks {
		for _, q := range quotes(bl.Text) {
			text := trimSpace(bl.Text[q.start:q.end])
			if text == "" || taken[text] {
				continue
			}
			if i, seen := leftOut[text]; seen {
				rep.QuotedLeftOut[i].Count++
				continue
			}
			if why := rule.Judge(text); why != "" {
				leftOut[text] = len(rep.QuotedLeftOut)
				rep.QuotedLeftOut = append(rep.QuotedLeftOut, LeftOutQuote{Line: bl.LineAt(q.start), Text: shortQuote(text, leftOutTextMax), Reason: why, Count: 1})
				continue
			}
			taken[text] = true
			terms = append(terms, text)
		}
	}
	rep.TermsTaken = append(rep.TermsTaken, terms...)
	return terms
}

type span struct{ start, end int }

// quotes finds the text inside each “…” pair: a ” closes the nearest “
// before it. A quotation running over several paragraphs opens each with “
// and closes only the last; pairing with the nearest “ skips the open ones
// instead of swallowing the next quote with them.
func quotes(t string) []span {
	var out []span
	open := -1
	for i, r := range t {
		switch r {
		case '“':
			open = i + utf8.RuneLen(r)
		case '”':
			if open >= 0 {
				out = append(out, span{open, i})
				open = -1
			}
		}
	}
	return out
}

// shortQuote is s, or its first n characters and "…".
func shortQuote(s string, n int) string {
	if h := head(s, n); h != s {
		return h + "…"
	}
	return s
}
