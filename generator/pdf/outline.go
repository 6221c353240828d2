package pdf

import "github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

// bookmark is one outline item: a heading, where it is, what is under it.
type bookmark struct {
	title string
	dest  types.Array // [page /XYZ left top zoom], from Chromium's named destination
	bold  bool
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
		bm := &bookmark{title: e.Title, dest: d.dest, bold: e.Level == 1}
		siblings := &roots
		for depth := 1; depth < e.Level && len(*siblings) > 0; depth++ {
			siblings = &(*siblings)[len(*siblings)-1].kids
		}
		*siblings = append(*siblings, bm)
	}
	return roots
}
