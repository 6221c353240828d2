// Package ingest turns a raw transcript (.txt in any common Chinese encoding,
// .docx, or .md) into a structured Document and a Report of everything it
// changed, and writes that Document as content Markdown.
//
// It takes bytes and a file name and gives values: it never touches a file
// system, so one transcript can be re-imported alone (for `serve`).
package ingest

// Version is recorded in every content file the importer writes, so a later
// importer can tell which rules produced a file.
const Version = "1"

// BlockKind says what a Block is.
type BlockKind int

const (
	// Paragraph is body text: one Markdown line.
	Paragraph BlockKind = iota
	// Heading is a numbered section heading (一、 （一） 1. …).
	Heading
)

// Block is one heading or paragraph of the body, in reading order.
type Block struct {
	Kind  BlockKind
	Level int    // Markdown heading level (2–6) for a Heading
	Text  string // the text exactly as recovered, without Markdown escaping
	Line  int    // 1-based line in the source where the block starts
}

// Document is a transcript's recovered structure.
type Document struct {
	Title    string
	Subtitle string
	Date     string // YYYY-MM-DD, or "" when neither text nor file name gives one
	Speaker  string
	Occasion string
	Blocks   []Block
}

// Report says what the importer saw and did to one file.
type Report struct {
	File       string        `json:"file"`
	Encoding   string        `json:"encoding"`
	Title      string        `json:"title"`
	Headings   map[int]int   `json:"headings"` // Markdown level → count
	Paragraphs int           `json:"paragraphs"`
	Joins      []Join        `json:"joins"`
	Removed    []RemovedLine `json:"removed"`
	Warnings   []Warning     `json:"warnings"`
}

// Join records two pieces of text that the importer made one paragraph.
type Join struct {
	Line   int    `json:"line"` // line of the second piece
	Before string `json:"before"`
	After  string `json:"after"`
}

// RemovedLine is a source line the importer dropped (page numbers, running heads).
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
