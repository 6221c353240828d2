package pdf

import (
	"fmt"
	"sort"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TestDestinationsInANameTree: should a later Chromium keep its named
// destinations in the catalog's /Names tree instead of /Dests, the pages
// are still read. The print is rewritten so, by an incremental update.
func TestDestinationsInANameTree(t *testing.T) {
	raw := chromiumPrint(t)
	ctx, err := readPDF(raw)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	dests, err := ctx.DereferenceDict(cat["Dests"])
	if err != nil || len(dests) == 0 {
		t.Fatalf("the print has no /Dests (%v): the test would prove nothing", err)
	}
	names := make([]string, 0, len(dests))
	for n := range dests {
		names = append(names, n)
	}
	sort.Strings(names)
	leaf := func(names []string) types.Dict {
		var pairs types.Array
		for _, n := range names {
			pairs = append(pairs, types.StringLiteral(n), dests[n])
		}
		return types.Dict{"Names": pairs}
	}
	half := len(names) / 2
	prev, err := lastXref(raw)
	if err != nil {
		t.Fatal(err)
	}
	// selfRef marks a tree node that lists itself among its kids: the
	// node is written as an object of its own, so it can.
	const selfRef = "self"
	lone := leaf(names)
	lone["Names"] = append(lone["Names"].(types.Array), types.StringLiteral("no-value"))
	looped := leaf(names)
	looped[selfRef] = types.Boolean(true)
	for _, tc := range []struct {
		name string
		tree types.Dict
	}{
		{"one node", leaf(names)},
		{"a root with two kids", types.Dict{"Kids": types.Array{leaf(names[:half]), leaf(names[half:])}}},
		{"damaged: a name without its value", lone},
		{"damaged: a node that is its own kid", looped},
	} {
		t.Run(tc.name, func(t *testing.T) {
			moved := cat.Clone().(types.Dict)
			delete(moved, "Dests")
			u := &update{next: *ctx.Size, objects: map[int]string{}}
			tree := tc.tree.Clone().(types.Dict)
			if tree[selfRef] != nil {
				delete(tree, selfRef)
				n := u.alloc()
				tree["Kids"] = types.Array{*types.NewIndirectRef(n, 0)}
				u.objects[n] = tree.PDFString()
				moved["Names"] = types.Dict{"Dests": *types.NewIndirectRef(n, 0)}
			} else {
				moved["Names"] = types.Dict{"Dests": tree}
			}
			u.objects[ctx.Root.ObjectNumber.Value()] = moved.PDFString()
			rewritten := u.append(raw, ctx.Root.ObjectNumber.Value(), ctx.Info.ObjectNumber.Value(), prev)
			got, pages, err := namedDestinations(rewritten)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int{"cover": 1, "d-a": 2, "d-a-s1": 2, "d-b": 3, "附件": 3}
			if fmt.Sprint(got) != fmt.Sprint(want) || pages != 3 {
				t.Errorf("destinations %v of %d pages, want %v of 3", got, pages, want)
			}
		})
	}
}
