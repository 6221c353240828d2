package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"

	"github.com/studysite/studysite/generator/frontmatter"
)

// Options change how a transcript is read.
type Options struct {
	// Encoding overrides detection ("utf-8", "gb18030", "gbk", "utf-16le", …).
	Encoding string
	// FixPunctuation makes half-width punctuation in Chinese text full width.
	FixPunctuation bool
}

// Result is one imported transcript: its structure, the front matter and
// body to write, and the report of what the importer did.
type Result struct {
	Doc    *Document
	Report *Report
	Meta   frontmatter.FrontMatter
	// ExtraFrontMatter is YAML of front matter keys of the seed that
	// studysite does not use (layout, permalink, toc …), kept in the
	// content file after the keys it does.
	ExtraFrontMatter []byte
	Body             string
	// SlugCandidates are slugs for the title from short to long; the caller
	// picks the first one that is free (see SetSlug).
	SlugCandidates []string
}

// Slug is the slug the front matter records.
func (r *Result) Slug() string { return r.Meta.Slug }

// SetSlug changes the slug the front matter records.
func (r *Result) SetSlug(s string) { r.Meta.Slug = s }

// Markdown is the content file: front matter, a blank line, the body.
func (r *Result) Markdown() ([]byte, error) {
	head, err := frontmatter.Marshal(r.Meta)
	if err != nil {
		return nil, fmt.Errorf("writing front matter: %w", err)
	}
	if len(r.ExtraFrontMatter) > 0 {
		closing := len(head) - len("---\n")
		withExtra := make([]byte, 0, len(head)+len(r.ExtraFrontMatter))
		withExtra = append(append(withExtra, head[:closing]...), r.ExtraFrontMatter...)
		head = append(withExtra, "---\n"...)
	}
	return append(append(head, '\n'), r.Body...), nil
}

// ErrEmpty is returned for a transcript with no text at all.
var ErrEmpty = errors.New("the file has no text")

var fileDateRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20|21)[0-9]{2})[-_.]?([01][0-9])[-_.]?([0-3][0-9])(?:[^0-9]|$)`)

// Import reads one transcript. name is the path the front matter records as
// its source and decides the format (.docx, .md, else text); slug, when not
// empty, is kept instead of deriving a new one (slugs are decided once and
// never regenerated).
func Import(name string, data []byte, slug string, opt Options) (*Result, error) {
	// Empty lists, not null, in --json output.
	rep := &Report{File: name, Headings: map[int]int{}, Joins: []Join{}, Removed: []RemovedLine{}, Moved: []RemovedLine{}, Warnings: []Warning{}}
	var lines []srcLine
	var fm *seedMeta // a .txt's front matter
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		return importMarkdown(name, data, slug, rep)
	case ".docx":
		rep.Format, rep.Encoding = "docx", "UTF-8 (Word XML)"
		var err error
		if lines, err = docxLines(data); err != nil {
			return nil, err
		}
	default:
		text, enc, err := Decode(data, opt.Encoding)
		if err != nil {
			return nil, err
		}
		rep.Format, rep.Encoding = "text", enc
		if fm, lines, err = textFrontMatter(text, splitLines(text), rep); err != nil {
			return nil, err
		}
	}
	if len(lines) == 0 {
		return nil, ErrEmpty
	}
	doc := structure(lines, rep)
	if fm != nil {
		dropTitleLine(rep)
		fm.completeDocument(doc)
	}
	// The document must not keep substrings of the decoded text, which
	// can be 50 MB: copy the few short fields that are.
	doc.Title, doc.Subtitle, doc.Speaker, doc.Occasion = strings.Clone(doc.Title), strings.Clone(doc.Subtitle), strings.Clone(doc.Speaker), strings.Clone(doc.Occasion)
	lines = nil
	if doc.Date == "" {
		doc.Date = dateFromName(name)
	}
	if doc.Title == "" {
		doc.Title = titleFromName(name)
		rep.Warnings = append(rep.Warnings, Warning{Line: 1, Message: "no title line found: the title is the file name; set it in the content file"})
	}
	if opt.FixPunctuation {
		rep.Fixed = fixDocPunctuation(doc)
	}
	lint(doc, rep)
	doc.Terms = findTerms(doc)
	count(doc, rep)
	sum := sha256.Sum256(data)
	body := doc.Body()
	res := &Result{
		Doc:    doc,
		Report: rep,
		Body:   body,
		Meta: frontmatter.FrontMatter{
			Title:           doc.Title,
			Subtitle:        doc.Subtitle,
			Date:            doc.Date,
			Speaker:         doc.Speaker,
			Occasion:        doc.Occasion,
			Source:          name,
			SourceSHA256:    hex.EncodeToString(sum[:]),
			BodySHA256:      BodyHash(body),
			Terms:           doc.Terms,
			ImporterVersion: Version,
		},
		SlugCandidates: SlugCandidates(doc.Title, doc.Date),
	}
	res.Meta.Slug = slug
	if slug == "" {
		res.Meta.Slug = res.SlugCandidates[0]
	}
	if fm != nil {
		fm.completeResult(res, slug)
	}
	return res, nil
}

func count(doc *Document, rep *Report) {
	rep.Title = doc.Title
	for _, b := range doc.Blocks {
		switch b.Kind {
		case Heading:
			rep.Headings[b.Level]++
		case Table:
			rep.Tables++
		default:
			rep.Paragraphs++
		}
	}
}

func dateFromName(name string) string {
	m := fileDateRe.FindStringSubmatch(path.Base(name))
	if m == nil {
		return ""
	}
	return parseDate(m[1] + "-" + m[2] + "-" + m[3])
}

func titleFromName(name string) string {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	if t := trimSpace(fileDateRe.ReplaceAllString(base, "")); t != "" {
		return strings.Trim(t, "-_ ")
	}
	return base
}

// BodyHash is the hash recorded in front matter of the body the importer
// wrote; a body that no longer matches it was edited by hand.
func BodyHash(body string) string {
	h := sha256.New()
	_, _ = io.WriteString(h, strings.TrimSpace(body)) // no copy of a large body
	return hex.EncodeToString(h.Sum(nil))
}
