package config

import (
	"bufio"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/studysite/studysite/generator/content"
)

// Packet is one [[packet]] table of studysite.toml: documents chosen to be
// printed together for a study session, with a cover, a table of contents,
// discussion questions, a glossary and ruled notes pages.
type Packet struct {
	Title    string `toml:"title"`
	Subtitle string `toml:"subtitle"`
	// Slug is the URL name packets/<slug>/; default: pinyin of Title.
	Slug string `toml:"slug"`

	// Slugs lists the documents in the order they are printed. When it is
	// empty, the documents are those that meet every condition given
	// below (Tag, Series, From, To), ordered by date.
	Slugs  []string    `toml:"slugs"`
	Tag    string      `toml:"tag"`
	Series string      `toml:"series"`
	From   PacketDate  `toml:"from"`
	To     PacketDate  `toml:"to"`
	Order  PacketOrder `toml:"order"`

	// Cover text.
	Organiser string `toml:"organiser"`
	Date      string `toml:"date"`
	Notice    string `toml:"notice"`

	// Switches; nil means the default documented on each method.
	TOCSwitch       *bool `toml:"toc"`
	GlossarySwitch  *bool `toml:"glossary"`
	QuestionsSwitch *bool `toml:"questions"`
	NumbersSwitch   *bool `toml:"numbers"`
	// Notes is how many ruled 学习笔记 pages to print; NotesAfter says
	// where: "end" (default, after everything) or "each" (after each
	// document).
	Notes      int         `toml:"notes"`
	NotesAfter NotesAfter  `toml:"notesAfter"`
	Duplex     bool        `toml:"duplex"`
	Paper      PacketPaper `toml:"paper"`

	// Line is the line of the [[packet]] header in studysite.toml, for
	// errors found after loading (a slug no document has).
	Line int `toml:"-"`
	// Default is true for the packet 最新材料 a site gets when it
	// configures none.
	Default bool `toml:"-"`
}

// TOC says whether the packet prints a table of contents (default yes).
func (p Packet) TOC() bool { return p.TOCSwitch == nil || *p.TOCSwitch }

// Glossary says whether the packet prints the glossary of its terms
// (default yes).
func (p Packet) Glossary() bool { return p.GlossarySwitch == nil || *p.GlossarySwitch }

// Questions says whether the packet prints the documents' discussion
// questions (default yes).
func (p Packet) Questions() bool { return p.QuestionsSwitch == nil || *p.QuestionsSwitch }

// Numbers says whether ¶ numbers are printed (default no: the printed
// page keeps the look of the document).
func (p Packet) Numbers() bool { return p.NumbersSwitch != nil && *p.NumbersSwitch }

// HasSelector says whether the packet chooses documents by condition.
func (p Packet) HasSelector() bool {
	return p.Tag != "" || p.Series != "" || !p.From.IsZero() || !p.To.IsZero()
}

// Where returns "studysite.toml:LINE: packet "slug"" for messages.
func (p Packet) Where() string {
	name := p.Slug
	if name == "" {
		name = p.Title
	}
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: packet %q", FileName, p.Line, name)
	}
	return fmt.Sprintf("%s: packet %q", FileName, name)
}

// Packets holds the settings of all packets ([packets]).
type Packets struct {
	// Newest is how many of the newest documents the default packet
	// 最新材料 holds when no [[packet]] is configured; 0 means no default
	// packet.
	Newest *int `toml:"newest"`
}

// DefaultNewest is the size of the default packet.
const DefaultNewest = 10

// NewestCount is Newest or its default.
func (p Packets) NewestCount() int {
	if p.Newest == nil {
		return DefaultNewest
	}
	return *p.Newest
}

// DefaultPacketTitle is the title of the packet a site gets when it
// configures none.
const DefaultPacketTitle = "最新材料"

// PacketDate is a day of a packet's date range; TOML may give it as a date
// (2024-03-05) or a string ("2024-03-05").
type PacketDate struct{ time.Time }

// UnmarshalTOML reads a TOML date or a YYYY-MM-DD string.
func (d *PacketDate) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		d.Time = time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)
		return nil
	case string:
		t, err := time.Parse("2006-01-02", strings.TrimSpace(x))
		if err != nil {
			return fmt.Errorf("date %q: write it as YYYY-MM-DD, e.g. 2024-03-05", x)
		}
		d.Time = t
		return nil
	}
	return fmt.Errorf("date: write it as YYYY-MM-DD, e.g. 2024-03-05")
}

// PacketOrder orders selected documents: oldest (default) or newest first.
type PacketOrder string

// Orders of PacketOrder.
const (
	OrderOldest PacketOrder = "oldest"
	OrderNewest PacketOrder = "newest"
)

// UnmarshalText accepts "oldest" or "newest".
func (o *PacketOrder) UnmarshalText(b []byte) error {
	switch s := PacketOrder(strings.ToLower(strings.TrimSpace(string(b)))); s {
	case OrderOldest, OrderNewest:
		*o = s
		return nil
	}
	return fmt.Errorf("order %q: must be %q or %q", b, OrderOldest, OrderNewest)
}

// PacketPaper is the paper size: a4 (default) or a5.
type PacketPaper string

// Paper sizes.
const (
	PaperA4 PacketPaper = "a4"
	PaperA5 PacketPaper = "a5"
)

// UnmarshalText accepts A4 or A5, in either case.
func (p *PacketPaper) UnmarshalText(b []byte) error {
	switch s := PacketPaper(strings.ToLower(strings.TrimSpace(string(b)))); s {
	case PaperA4, PaperA5:
		*p = s
		return nil
	}
	return fmt.Errorf("paper %q: must be \"A4\" or \"A5\"", b)
}

// NotesAfter says where notes pages go: "end" or "each".
type NotesAfter string

// Places of notes pages.
const (
	NotesAtEnd  NotesAfter = "end"
	NotesAtEach NotesAfter = "each"
)

// UnmarshalText accepts "end" or "each".
func (n *NotesAfter) UnmarshalText(b []byte) error {
	switch s := NotesAfter(strings.ToLower(strings.TrimSpace(string(b)))); s {
	case NotesAtEnd, NotesAtEach:
		*n = s
		return nil
	}
	return fmt.Errorf("notesAfter %q: must be %q (after everything) or %q (after each document)", b, NotesAtEnd, NotesAtEach)
}

// maxNotesPages bounds notes pages per place: a typo (notes = 200) should
// not print a ream.
const maxNotesPages = 20

// packetHeader finds [[packet]] headers, so each packet knows its line.
var packetHeader = regexp.MustCompile(`^\s*\[\[\s*packet\s*\]\]\s*(#.*)?$`)

// packetLines are the lines of the [[packet]] headers of a TOML file, in
// order. A header inside a multi-line string would be counted too; the
// lines are only used in messages.
func packetLines(data string) []int {
	var lines []int
	sc := bufio.NewScanner(strings.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), len(data)+1)
	for n := 1; sc.Scan(); n++ {
		if packetHeader.MatchString(sc.Text()) {
			lines = append(lines, n)
		}
	}
	return lines
}

// validatePackets fills defaults and checks what one packet can check
// alone; slugs of documents are checked by the link stage, which knows
// them. lines are the packets' header lines.
func (c *Config) validatePackets(lines []int) error {
	if n := c.PacketSettings.NewestCount(); n < 0 {
		return fmt.Errorf("%s: packets.newest = %d: must be 0 (no default packet) or more", FileName, n)
	}
	seen := map[string]int{}
	for i := range c.Packets {
		p := &c.Packets[i]
		if i < len(lines) {
			p.Line = lines[i]
		}
		p.Title = strings.TrimSpace(p.Title)
		p.Slug = strings.TrimSpace(p.Slug)
		if p.Title == "" {
			return fmt.Errorf("%s: title is empty: a packet needs a title for its cover", p.Where())
		}
		if p.Slug != "" {
			if err := content.ValidSlug(p.Slug); err != nil {
				return fmt.Errorf("%s: slug %q %w", p.Where(), p.Slug, err)
			}
			if line, dup := seen[p.Slug]; dup {
				return fmt.Errorf("%s: slug %q is already used by the packet at line %d", p.Where(), p.Slug, line)
			}
			seen[p.Slug] = p.Line
		}
		if len(p.Slugs) > 0 && p.HasSelector() {
			return fmt.Errorf("%s: give either slugs (a list in print order) or tag/series/from/to, not both", p.Where())
		}
		if !p.From.IsZero() && !p.To.IsZero() && p.To.Before(p.From.Time) {
			return fmt.Errorf("%s: to %s is before from %s", p.Where(), p.To.Format("2006-01-02"), p.From.Format("2006-01-02"))
		}
		if p.Notes < 0 || p.Notes > maxNotesPages {
			return fmt.Errorf("%s: notes = %d: must be 0 to %d pages", p.Where(), p.Notes, maxNotesPages)
		}
		if p.Order == "" {
			p.Order = OrderOldest
		}
		if p.Paper == "" {
			p.Paper = PaperA4
		}
		if p.NotesAfter == "" {
			p.NotesAfter = NotesAtEnd
		}
		seenDoc := map[string]bool{}
		for _, s := range p.Slugs {
			if seenDoc[s] {
				return fmt.Errorf("%s: document %q is listed twice", p.Where(), s)
			}
			seenDoc[s] = true
		}
	}
	return nil
}
