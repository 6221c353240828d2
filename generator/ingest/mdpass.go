package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/studysite/studysite/generator/frontmatter"
)

// importMarkdown passes a Markdown seed through: the front matter is read
// (also after a BOM and blank lines, with the keys of blog generators
// mapped or kept) and completed (slug, source, hashes), the body kept byte
// for byte, so importing the importer's own output changes nothing.
func importMarkdown(name string, data []byte, slug string, rep *Report) (*Result, error) {
	rep.Format, rep.Encoding = "markdown", EncUTF8
	if off := invalidUTF8At(data); off >= 0 {
		return nil, &DecodeError{Offset: off, Encoding: EncUTF8, Detail: "Markdown seeds must be UTF-8"}
	}
	src := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	blank := leadingBlankLines(src)
	head, body, bodyLine, err := frontmatter.Split(src[blank.bytes:])
	if err != nil && !errors.Is(err, frontmatter.ErrNoFrontMatter) {
		return nil, fmt.Errorf("line %d: %w", blank.lines+1, err)
	}
	var meta frontmatter.FrontMatter
	var extra []byte
	if err == nil {
		sm, err := readSeedMeta(head, blank.lines+1, rep)
		if err != nil {
			return nil, err
		}
		meta, extra = sm.Meta, sm.Extra
		if strings.TrimSpace(meta.Title) == "" {
			meta.Title = titleFromName(name)
			rep.Warnings = append(rep.Warnings, Warning{Line: blank.lines + 1, Message: "the front matter has no title: the title is the file name"})
		}
	} else if yamlHead, tbody, tline, isTOML, terr := tomlFrontMatter(src[blank.bytes:]); isTOML {
		if terr != nil {
			return nil, fmt.Errorf("line %d: %w", blank.lines+1, terr)
		}
		sm, err := readSeedMeta(yamlHead, blank.lines+1, rep)
		if err != nil {
			return nil, err
		}
		meta, extra, body, bodyLine = sm.Meta, sm.Extra, tbody, tline
		if strings.TrimSpace(meta.Title) == "" {
			meta.Title = titleFromName(name)
			rep.Warnings = append(rep.Warnings, Warning{Line: blank.lines + 1, Message: "the front matter has no title: the title is the file name"})
		}
	} else if title, rest, line, ok := h1Title(strings.ReplaceAll(string(body), "\r\n", "\n")); ok {
		// No front matter, but the post starts with its title as # 标题.
		meta.Title, body = title, []byte(rest)
		rep.Moved = append(rep.Moved, RemovedLine{Line: blank.lines + line, Text: "# " + title, Reason: "title (the first line, a level-1 heading)"})
		bodyLine += line
	} else {
		meta.Title = titleFromName(name)
		rep.Warnings = append(rep.Warnings, Warning{Line: 1, Message: "no front matter: the title is the file name"})
	}
	bodyLine += blank.lines
	// The content file puts one blank line after the front matter itself.
	text := strings.ReplaceAll(string(body), "\r\n", "\n")
	trimmed := strings.TrimLeft(text, "\n")
	bodyLine += len(text) - len(trimmed)
	text = trimmed
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	reportMarkdownBody([]byte(text), bodyLine, rep)
	rep.Title = meta.Title
	if meta.Date == "" {
		meta.Date = dateFromName(name)
	}
	cands := SlugCandidates(meta.Title, meta.Date)
	switch {
	case slug != "":
		meta.Slug = slug
	case meta.Slug == "":
		meta.Slug = cands[0]
	default:
		cands = []string{meta.Slug} // the file chose its slug
	}
	sum := sha256.Sum256(data)
	meta.Source = name
	meta.SourceSHA256 = hex.EncodeToString(sum[:])
	if meta.ImporterVersion == "" {
		meta.ImporterVersion = Version
	}
	return &Result{Doc: &Document{Title: meta.Title}, Report: rep, Meta: meta, ExtraFrontMatter: extra, Body: text, SlugCandidates: cands}, nil
}

// blankLead is the blank lines before a seed's front matter.
type blankLead struct{ lines, bytes int }

// leadingBlankLines measures the lines of only white space at the start
// of data (an editor's empty first lines before ---).
func leadingBlankLines(data []byte) blankLead {
	var b blankLead
	for {
		nl := bytes.IndexByte(data[b.bytes:], '\n')
		if nl < 0 || len(bytes.TrimSpace(data[b.bytes:b.bytes+nl])) > 0 {
			return b
		}
		b.bytes += nl + 1
		b.lines++
	}
}
