package pdf

import (
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

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

// writeOutline puts bms in the catalog as the document outline, replacing
// any. pdfcpu's own bookmarks name each destination after its title, so two
// documents' "一、总体要求" would share one; here each item holds its
// explicit destination instead.
func writeOutline(ctx *model.Context, bms []*bookmark) error {
	root, err := ctx.Catalog()
	if err != nil {
		return err
	}
	if len(bms) == 0 {
		return nil
	}
	outlines := types.Dict{"Type": types.Name("Outlines")}
	ir, err := ctx.IndRefForNewObject(outlines)
	if err != nil {
		return err
	}
	first, last, count, err := outlineItems(ctx, bms, *ir)
	if err != nil {
		return err
	}
	outlines["First"], outlines["Last"], outlines["Count"] = first, last, types.Integer(count)
	root["Outlines"] = *ir
	root["PageMode"] = types.Name("UseOutlines") // open with the bookmarks shown
	return nil
}

// outlineItems writes the siblings bms under parent and gives the first and
// last item and how many items are visible (all are open).
func outlineItems(ctx *model.Context, bms []*bookmark, parent types.IndirectRef) (types.IndirectRef, types.IndirectRef, int, error) {
	refs := make([]types.IndirectRef, len(bms))
	dicts := make([]types.Dict, len(bms))
	for i, bm := range bms {
		title, err := types.EscapedUTF16String(bm.title)
		if err != nil {
			return types.IndirectRef{}, types.IndirectRef{}, 0, err
		}
		d := types.Dict{"Title": types.StringLiteral(*title), "Parent": parent, "Dest": bm.dest}
		if bm.bold {
			d["F"] = types.Integer(2)
		}
		ir, err := ctx.IndRefForNewObject(d)
		if err != nil {
			return types.IndirectRef{}, types.IndirectRef{}, 0, err
		}
		refs[i], dicts[i] = *ir, d
	}
	count := len(bms)
	for i, d := range dicts {
		if i > 0 {
			d["Prev"] = refs[i-1]
		}
		if i < len(refs)-1 {
			d["Next"] = refs[i+1]
		}
		if len(bms[i].kids) > 0 {
			first, last, n, err := outlineItems(ctx, bms[i].kids, refs[i])
			if err != nil {
				return types.IndirectRef{}, types.IndirectRef{}, 0, err
			}
			d["First"], d["Last"], d["Count"] = first, last, types.Integer(n)
			count += n
		}
	}
	return refs[0], refs[len(refs)-1], count, nil
}
