package pdf

import "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

// bookmark is one outline item: a heading, where it is, what is under it.
type bookmark struct {
	title string
	dest  types.Array // [page /XYZ left top zoom], from Chromium's named destination
	bold  bool
	level int // the heading's, 1 to 3
	kids  []*bookmark
}

// outlineTree nests the outline entries by level (1 under the root, 2 under
// the last 1, 3 under the last 2 or 1) with where the PDF put them; entries
// Chromium laid out nowhere (hidden in print) are left out.
func outlineTree(entries []outlineEntry, dests map[string]destination) []*bookmark {
	var roots []*bookmark
	for _, e := range entries {
		d, ok := dests[e.ID]
		if !ok || e.Title == "" {
			continue
		}
		bm := &bookmark{title: e.Title, dest: d.dest, bold: e.Level == 1, level: e.Level}
		// Under the last item of a higher level: a page whose headings
		// start at level 2 has them side by side at the top.
		siblings := &roots
		for len(*siblings) > 0 {
			last := (*siblings)[len(*siblings)-1]
			if last.level >= e.Level {
				break
			}
			siblings = &last.kids
		}
		*siblings = append(*siblings, bm)
	}
	return roots
}
