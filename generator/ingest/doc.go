// Package ingest turns a raw transcript (.txt in any common Chinese encoding,
// .docx, or .md) into a structured Document and a Report of everything it
// changed, and writes that Document as content Markdown.
//
// It takes bytes and a file name and gives values: it never touches a file
// system, so one transcript can be re-imported alone (for `serve`).
//
// Nothing is lost: every character of the input is either in the Markdown
// body, in the front matter (the title block, listed in Report.Moved) or in
// Report.Removed (page numbers, running heads). Whitespace is the only thing
// the importer changes silently.
package ingest

// Version is recorded in every content file the importer writes, so a later
// importer can tell which rules produced a file.
const Version = "3"

// BlockKind says what a Block is.
type BlockKind int

const (
	// Paragraph is body text: one Markdown line.
	Paragraph BlockKind = iota
	// Heading is a numbered section heading (一、 （一） 1. …).
	Heading
	// Table is a Markdown table (from .docx); Text holds its rows.
	Table
)

// Block is one heading, paragraph or table of the body, in reading order.
type Block struct {
	Kind  BlockKind
	Level int    // Markdown heading level (2–6) for a Heading
	Text  string // the text exactly as recovered, without Markdown escaping
	Line  int    // 1-based line (paragraph for .docx) in the source where the block starts
	Rows  [][]string
	// starts maps byte offsets in Text to the source lines they came from,
	// so a warning about a joined paragraph names the right line.
	starts []lineStart
}

type lineStart struct{ off, line int }

// LineAt is the source line of the byte at offset off of the block's text.
func (b Block) LineAt(off int) int {
	line := b.Line
	for _, s := range b.starts {
		if s.off > off {
			break
		}
		line = s.line
	}
	return line
}

// Document is a transcript's recovered structure.
type Document struct {
	Title    string
	Subtitle string
	Date     string // YYYY-MM-DD, or "" when neither text nor file name gives one
	Speaker  string
	Occasion string
	Terms    []string
	Blocks   []Block
}

// Report says what the importer saw and did to one file.
type Report struct {
	File       string        `json:"file"`
	Format     string        `json:"format"`
	Encoding   string        `json:"encoding"`
	Title      string        `json:"title"`
	Headings   map[int]int   `json:"headings"` // Markdown level → count
	Paragraphs int           `json:"paragraphs"`
	Tables     int           `json:"tables,omitempty"`
	Joins      []Join        `json:"joins"`
	Unwrapped  int           `json:"unwrapped_lines"` // hard-wrapped lines joined to the line before
	Removed    []RemovedLine `json:"removed"`
	Moved      []RemovedLine `json:"moved_to_front_matter"`
	Fixed      int           `json:"punctuation_fixed,omitempty"`
	Warnings   []Warning     `json:"warnings"`
	// TermsTaken are the quoted formulations that became front matter
	// terms; QuotedLeftOut the quoted strings that did not, and why.
	TermsTaken    []string       `json:"terms_taken"`
	QuotedLeftOut []LeftOutQuote `json:"quoted_left_out"`
}

// Join records a paragraph the importer continued across a blank line, a page
// break or a removed line, because the text before stopped mid-sentence.
type Join struct {
	Line   int    `json:"line"` // line of the second piece
	Before string `json:"before"`
	After  string `json:"after"`
}

// RemovedLine is a source line the importer took out of the body: a page
// number or running head (Removed), or a title-block line that went into the
// front matter (Moved).
type RemovedLine struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Warning is a lint finding; the importer never edits text because of one.
type Warning struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}
