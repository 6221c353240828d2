package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/studysite/studysite/generator/frontmatter"
	"github.com/studysite/studysite/generator/termrule"
)

// Options change how a transcript is read.
type Options struct {
	// Encoding overrides detection ("utf-8", "gb18030", "gbk", "utf-16le", …).
	Encoding string
	// FixPunctuation makes half-width punctuation in Chinese text full width.
	FixPunctuation bool
	// PDFText, when set, gives the text layer of a PDF (the CLI runs
	// poppler's pdftotext -layout); without it a .pdf is refused.
	PDFText func(pdf []byte) ([]byte, error)
	// Terms decides which “quoted” strings become front matter terms
	// ([terms] of studysite.toml); the zero value is the built-in rule.
	Terms termrule.Settings
}

// pdfText turns a PDF into the text the importer reads.
func pdfText(data []byte, opt Options) ([]byte, error) {
	if opt.PDFText == nil {
		return nil, notTranscript{"a PDF needs poppler's pdftotext to be read"}
	}
	text, err := opt.PDFText(data)
	if err != nil {
		return nil, notTranscript{"the PDF could not be read: " + err.Error()}
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return nil, notTranscript{"the PDF has no text layer (a scan?): studysite reads text, not images of text; OCR it first"}
	}
	return text, nil
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
	// Fingerprint identifies the text whatever the file (see Fingerprint).
	Fingerprint string
}

// Slug is the slug the front matter records.
func (r *Result) Slug() string { return r.Meta.Slug }

// SetSlug changes the slug the front matter records.
func (r *Result) SetSlug(s string) { r.Meta.Slug = s }

// Markdown is the content file: front matter, a blank line, the body. The
// front matter records the file's ContentHash, so an edit shows later.
func (r *Result) Markdown() ([]byte, error) {
	meta := r.Meta
	meta.BodySHA256, meta.ContentSHA256 = "", ""
	head, err := r.frontMatter(meta)
	if err != nil {
		return nil, err
	}
	const fence = len("---\n")
	meta.ContentSHA256 = frontmatter.ContentHash(head[fence:len(head)-fence], []byte(r.Body))
	if head, err = r.frontMatter(meta); err != nil {
		return nil, err
	}
	return append(append(head, '\n'), r.Body...), nil
}

// frontMatter is the front matter block: studysite's keys, then the keys of
// a seed's front matter that studysite keeps without reading.
func (r *Result) frontMatter(meta frontmatter.FrontMatter) ([]byte, error) {
	head, err := frontmatter.Marshal(meta)
	if err != nil {
		return nil, fmt.Errorf("writing front matter: %w", err)
	}
	if len(r.ExtraFrontMatter) > 0 {
		closing := len(head) - len("---\n")
		withExtra := make([]byte, 0, len(head)+len(r.ExtraFrontMatter))
		withExtra = append(append(withExtra, head[:closing]...), r.ExtraFrontMatter...)
		head = append(withExtra, "---\n"...)
	}
	return head, nil
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
	rep := &Report{File: name, Headings: map[int]int{}, Joins: []Join{}, Removed: []RemovedLine{}, Moved: []RemovedLine{}, Warnings: []Warning{},
		TermsTaken: []string{}, QuotedLeftOut: []LeftOutQuote{}}
	var lines []srcLine
	var fp string
	var fm *seedMeta // a .txt's front matter
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown":
		res, err := importMarkdown(name, data, slug, rep)
		if err == nil {
			res.Fingerprint = markdownFingerprint(data)
		}
		return res, err
	case ".pdf":
		pdf, err := pdfText(data, opt)
		if err != nil {
			return nil, err
		}
		text, _, err := Decode(pdf, EncUTF8)
		if err != nil {
			return nil, err
		}
		rep.Format, rep.Encoding = "pdf", "text layer through pdftotext -layout"
		lines, fp = splitLines(text), textFingerprint(text)
	case ".docx":
		rep.Format, rep.Encoding = "docx", "UTF-8 (Word XML)"
		var err error
		if lines, err = docxLines(data); err != nil {
			return nil, err
		}
		fp = linesFingerprint(lines)
	default:
		text, enc, err := Decode(data, opt.Encoding)
		if err != nil {
			return nil, err
		}
		rep.Format, rep.Encoding = "text", enc
		if fm, lines, err = textFrontMatter(text, splitLines(text), rep); err != nil {
			return nil, err
		}
		fp = textFingerprint(text)
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
	doc.Terms = findTerms(doc, termrule.New(opt.Terms), rep)
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
			Terms:           doc.Terms,
			ImporterVersion: Version,
		},
		SlugCandidates: SlugCandidates(doc.Title, doc.Date),
		Fingerprint:    fp,
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
