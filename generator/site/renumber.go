package site

import (
	"context"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/content"
)

// Renumbering is what re-importing a document did to the numbers people
// cite: a split or join repaired by a newer importer, or a changed seed,
// moves ¶ 12 to ¶ 13, and every [[slug#p12]] and printed "¶ 12" then points
// at another paragraph.
type Renumbering struct {
	File    string         `json:"file"`    // content/x.md
	Changes []IDChange     `json:"changes"` // in document order
	Links   []AffectedLink `json:"links"`
}

// IDChange is one paragraph or section whose id changed. New is "" when no
// paragraph (section) of the same text is left.
type IDChange struct {
	Old string `json:"old"`
	New string `json:"new"`
}

// AffectedLink is a link in a content file to a changed id.
type AffectedLink struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Link string `json:"link"`
}

// String is the warning line: what moved and which links are affected.
func (r *Renumbering) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: the re-import changes paragraph or section numbers (", r.File)
	for i, c := range r.Changes {
		if i == 3 {
			fmt.Fprintf(&b, ", … %d in all", len(r.Changes))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		to := c.New
		if to == "" {
			to = "gone"
		}
		fmt.Fprintf(&b, "#%s → %s", c.Old, to)
	}
	b.WriteString("); printed ¶ citations of this document from before now point elsewhere")
	if len(r.Links) == 0 {
		b.WriteString("; no link in content/ points at a changed number")
		return b.String()
	}
	fmt.Fprintf(&b, "; %d links point at changed numbers:", len(r.Links))
	for _, l := range r.Links {
		fmt.Fprintf(&b, " %s:%d %s;", l.File, l.Line, l.Link)
	}
	return strings.TrimSuffix(b.String(), ";")
}

// renumberings compares the old and new numbering of every content file an
// update rewrites.
func renumberings(ctx context.Context, fsys afero.Fs, o Options, plans []*seedPlan, files []*contentFile) error {
	var found []*Renumbering
	for _, p := range plans {
		if p.prev == nil || p.write == nil || p.prev.broken != nil {
			continue
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		old, err := afero.ReadFile(fsys, o.contentPath(p.prev.file))
		if err != nil {
			return fmt.Errorf("%s: %w", p.prev.file, err)
		}
		before, err1 := content.Parse(p.prev.file, old)
		after, err2 := content.Parse(p.prev.file, p.write)
		if err1 != nil || err2 != nil {
			continue // a page that does not load has no numbers anyone cites
		}
		changes := idChanges(before, after)
		if len(changes) == 0 {
			continue
		}
		r := &Renumbering{File: p.prev.file, Changes: changes}
		p.result.Renumbered = r
		found = append(found, r)
	}
	if len(found) == 0 {
		return nil
	}
	return findAffectedLinks(fsys, o, files, plans, found)
}

// idChanges matches the paragraphs (and sections) of two versions of a page
// by their text, in order, and lists those whose id changed.
func idChanges(before, after *content.Page) []IDChange {
	var out []IDChange
	type item struct{ id, text string }
	match := func(old, cur []item) {
		used := make([]bool, len(cur))
		next := 0
		for _, o := range old {
			to := ""
			for j := next; j < len(cur); j++ {
				if !used[j] && cur[j].text == o.text {
					used[j], next, to = true, j+1, cur[j].id
					break
				}
			}
			if to != o.id {
				out = append(out, IDChange{Old: o.id, New: to})
			}
		}
	}
	norm := func(s string) string { return strings.Join(strings.Fields(s), "") }
	var op, np, oh, nh []item
	for _, p := range before.Paragraphs {
		op = append(op, item{p.ID, norm(p.Text)})
	}
	for _, p := range after.Paragraphs {
		np = append(np, item{p.ID, norm(p.Text)})
	}
	for _, h := range before.Headings {
		oh = append(oh, item{h.ID, norm(h.Text)})
	}
	for _, h := range after.Headings {
		nh = append(nh, item{h.ID, norm(h.Text)})
	}
	match(op, np)
	match(oh, nh)
	return out
}

// findAffectedLinks scans content/ for [[slug#id]] and [text](file.md#id)
// links to a changed id. The files being rewritten are the importer's own
// text and hold no such links.
func findAffectedLinks(fsys afero.Fs, o Options, files []*contentFile, plans []*seedPlan, found []*Renumbering) error {
	rewritten := map[string]bool{}
	for _, p := range plans {
		if p.write != nil && p.prev != nil {
			rewritten[p.prev.file] = true
		}
	}
	type target struct {
		r       *Renumbering
		changed map[string]bool
		link    *regexp.Regexp
	}
	var targets []target
	for _, r := range found {
		var slug string
		for _, c := range files {
			if c.file == r.File {
				slug = c.slug
			}
		}
		changed := map[string]bool{}
		for _, c := range r.Changes {
			changed[c.Old] = true
		}
		re := regexp.MustCompile(`\[\[` + regexp.QuoteMeta(slug) + `#([^\]|\n]+)(?:\|[^\]\n]*)?\]\]|\]\((?:\./)?` +
			regexp.QuoteMeta(path.Base(r.File)) + `#([^)\s]+)\)`)
		targets = append(targets, target{r, changed, re})
	}
	for _, c := range files {
		if rewritten[c.file] {
			continue
		}
		data, err := afero.ReadFile(fsys, o.contentPath(c.file))
		if err != nil {
			return fmt.Errorf("%s: %w", c.file, err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, t := range targets {
				for _, m := range t.link.FindAllStringSubmatch(line, -1) {
					if id := m[1] + m[2]; t.changed[id] {
						t.r.Links = append(t.r.Links, AffectedLink{File: c.file, Line: i + 1, Link: m[0]})
					}
				}
			}
		}
	}
	return nil
}
