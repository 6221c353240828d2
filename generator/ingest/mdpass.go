package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/studysite/studysite/generator/frontmatter"
)

// importMarkdown passes a Markdown seed through: the front matter is
// validated and completed (slug, source, hashes), the body kept byte for
// byte, so importing the importer's own output changes nothing.
func importMarkdown(name string, data []byte, slug string, rep *Report) (*Result, error) {
	rep.Format, rep.Encoding = "markdown", EncUTF8
	if off := invalidUTF8At(data); off >= 0 {
		return nil, &DecodeError{Offset: off, Encoding: EncUTF8, Detail: "Markdown seeds must be UTF-8"}
	}
	head, body, _, err := frontmatter.Split(data)
	if err != nil && !errors.Is(err, frontmatter.ErrNoFrontMatter) {
		return nil, fmt.Errorf("line 1: %w", err)
	}
	var meta frontmatter.FrontMatter
	if err == nil {
		var probs []frontmatter.Problem
		meta, probs, err = frontmatter.Parse(head)
		if err != nil {
			return nil, err
		}
		for _, p := range probs {
			rep.Warnings = append(rep.Warnings, Warning{Line: p.Line, Message: p.Message})
		}
	} else {
		meta.Title = titleFromName(name)
		rep.Warnings = append(rep.Warnings, Warning{Line: 1, Message: "no front matter: the title is the file name"})
	}
	// The content file puts one blank line after the front matter itself.
	text := strings.TrimLeft(strings.ReplaceAll(string(body), "\r\n", "\n"), "\n")
	if strings.TrimSpace(text) == "" {
		return nil, ErrEmpty
	}
	inFence := false
	mdLines := strings.Split(text, "\n")
	for i, l := range mdLines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
		}
		if inFence {
			continue
		}
		if n := len(t) - len(strings.TrimLeft(t, "#")); n >= 1 && n <= 6 && strings.HasPrefix(t[n:], " ") {
			rep.Headings[n]++
		} else if t != "" && (i == 0 || strings.TrimSpace(mdLines[i-1]) == "") && !strings.HasPrefix(t, "|") {
			rep.Paragraphs++
		}
	}
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
	return &Result{Doc: &Document{Title: meta.Title}, Report: rep, Meta: meta, Body: text, SlugCandidates: cands}, nil
}
