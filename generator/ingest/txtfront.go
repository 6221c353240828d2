package ingest

import (
	"regexp"
	"strings"
)

// yamlKeyLineRe: a line that reads as a YAML key, the first line of front
// matter someone meant to write.
var yamlKeyLineRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*:(\s|$)`)

// frontMatterTitleLine is the line number of the front matter's title when it is put
// before the body for the title block reader: no source line has it.
const frontMatterTitleLine = 0

// textFrontMatter reads YAML front matter at the top of a decoded .txt
// (after blank lines): a note exported from a blog or a notes app. Its
// lines are listed in rep.Moved and taken out of lines. A block between
// --- lines that names no key studysite reads is text, not front matter.
// When the front matter gives a title that the text does not repeat, the
// title goes first in the lines, so the title block reader still takes a
// subtitle, date or speaker line under it (see dropTitleLine).
func textFrontMatter(text string, lines []srcLine, rep *Report) (*seedMeta, []srcLine, error) {
	if len(lines) < 2 || lines[0].raw != "---" {
		return nil, lines, nil
	}
	all := strings.Split(text, "\n")
	open := lines[0].line // 1-based
	closing := 0
	for i := open; i < len(all); i++ {
		if strings.TrimRight(all[i], " \t\r") == "---" {
			closing = i + 1
			break
		}
	}
	if closing == 0 {
		return nil, lines, nil
	}
	head := strings.ReplaceAll(strings.Join(all[open:closing-1], "\n"), "\r", "")
	probe := &Report{}
	sm, err := readSeedMeta([]byte(head), open, probe)
	if err != nil {
		first := strings.TrimSpace(all[open])
		if yamlKeyLineRe.MatchString(first) {
			return nil, nil, err
		}
		return nil, lines, nil // a --- rule above ordinary text
	}
	if !namesAKey(head) {
		return nil, lines, nil
	}
	rep.Warnings = append(rep.Warnings, probe.Warnings...)
	k := 0
	for ; k < len(lines) && lines[k].line <= closing; k++ {
		rep.Moved = append(rep.Moved, RemovedLine{Line: lines[k].line, Text: strings.Clone(lines[k].source()), Reason: "front matter"})
	}
	body := lines[k:]
	if len(body) == 0 {
		return nil, nil, ErrEmpty // as a Markdown seed with no body
	}
	body[0].breakBefore = true
	if t := sm.Meta.Title; t != "" && body[0].text != t {
		body = append([]srcLine{{text: t, raw: t, line: frontMatterTitleLine, breakBefore: true}}, body...)
	}
	return sm, body, nil
}

// namesAKey: the YAML has a top-level key studysite reads or maps.
func namesAKey(head string) bool {
	for _, l := range strings.Split(head, "\n") {
		if k, _, ok := strings.Cut(l, ":"); ok && !strings.HasPrefix(l, " ") && (knownKeys[k] || mappedKeys[k] != "") {
			return true
		}
	}
	return false
}

// dropTitleLine takes the front matter's title out of the report again:
// the title block reader moved it (or, for a title such as "3", the
// artefact finder removed it), and the front matter lines are already
// listed.
func dropTitleLine(rep *Report) {
	for _, list := range []*[]RemovedLine{&rep.Moved, &rep.Removed} {
		kept := (*list)[:0]
		for _, m := range *list {
			if m.Line != frontMatterTitleLine {
				kept = append(kept, m)
			}
		}
		*list = kept
	}
}

// completeDocument gives the front matter's values precedence over
// what the importer recovered from the text, and keeps its other keys.
func (sm *seedMeta) completeDocument(doc *Document) {
	m := sm.Meta
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&doc.Title, m.Title}, {&doc.Subtitle, m.Subtitle}, {&doc.Date, m.Date}, {&doc.Speaker, m.Speaker}, {&doc.Occasion, m.Occasion},
	} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
}

// completeResult sets the keys the text itself cannot give.
func (sm *seedMeta) completeResult(res *Result, slug string) {
	m := sm.Meta
	res.Meta.Summary, res.Meta.Tags, res.Meta.Series, res.Meta.Questions, res.Meta.Draft = m.Summary, m.Tags, m.Series, m.Questions, m.Draft
	if len(m.Terms) > 0 {
		res.Meta.Terms = m.Terms
	}
	if slug == "" && m.Slug != "" {
		res.Meta.Slug = m.Slug
		res.SlugCandidates = []string{m.Slug} // the file chose its slug
	}
	res.ExtraFrontMatter = sm.Extra
}
