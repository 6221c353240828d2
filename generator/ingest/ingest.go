package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/studysite/studysite/generator/frontmatter"
)

// Options change how a transcript is read.
type Options struct {
	// Encoding overrides detection ("utf-8", "gb18030", "utf-16le", …).
	Encoding string
}

// Result is one imported transcript: its structure, the Markdown to write
// and the report of what the importer did.
type Result struct {
	Doc      *Document
	Report   *Report
	Markdown []byte
	Slug     string
}

// ErrEmpty is returned for a transcript with no text at all.
var ErrEmpty = errors.New("the file has no text")

var fileDateRe = regexp.MustCompile(`(\d{4})-(\d{2})-(\d{2})`)

// Import reads one transcript. name is the path the front matter records as
// its source; slug, when not empty, is kept instead of deriving a new one
// (slugs are decided once and never regenerated).
func Import(name string, data []byte, slug string, opt Options) (*Result, error) {
	rep := &Report{File: name, Headings: map[int]int{}}
	text, enc, err := Decode(data)
	if err != nil {
		return nil, err
	}
	rep.Encoding = enc
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	doc := Structure(text, rep)
	if doc.Date == "" {
		if m := fileDateRe.FindStringSubmatch(path.Base(name)); m != nil {
			doc.Date = m[1] + "-" + m[2] + "-" + m[3]
		}
	}
	rep.Title = doc.Title
	for _, b := range doc.Blocks {
		if b.Kind == Heading {
			rep.Headings[b.Level]++
		} else {
			rep.Paragraphs++
		}
	}
	if slug == "" {
		slug = Slug(doc.Title)
	}
	sum := sha256.Sum256(data)
	body := doc.Body()
	fm := frontmatter.FrontMatter{
		Title:           doc.Title,
		Subtitle:        doc.Subtitle,
		Date:            doc.Date,
		Speaker:         doc.Speaker,
		Occasion:        doc.Occasion,
		Source:          name,
		SourceSHA256:    hex.EncodeToString(sum[:]),
		BodySHA256:      BodyHash(body),
		Slug:            slug,
		ImporterVersion: Version,
	}
	head, err := frontmatter.Marshal(fm)
	if err != nil {
		return nil, fmt.Errorf("writing front matter: %w", err)
	}
	md := append(head, '\n')
	md = append(md, body...)
	return &Result{Doc: doc, Report: rep, Markdown: md, Slug: slug}, nil
}

// BodyHash is the hash recorded in front matter of the body the importer
// wrote; a body that no longer matches it was edited by hand.
func BodyHash(body string) string {
	sum := sha256.Sum256([]byte(strings.TrimSpace(body)))
	return hex.EncodeToString(sum[:])
}
