package pdf

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

func init() {
	// pdfcpu otherwise writes a configuration folder into the user's home
	// (and exits the program when it cannot).
	api.DisableConfigDir()
}

// readPDF parses a PDF. pdfcpu panics on some damaged files (check reads
// whatever sits where a PDF is published): that is an error here.
func readPDF(pdf []byte) (ctx *model.Context, err error) {
	defer func() {
		if r := recover(); r != nil {
			ctx, err = nil, fmt.Errorf("damaged PDF: %v", r)
		}
	}()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	ctx, err = api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	return ctx, nil
}

// namedDestinations reads the page (from 1) of every named destination
// Chromium wrote, and the number of pages. Chromium puts them in the
// catalog's /Dests dictionary; a /Names tree is read too, should a later
// version move them there.
func namedDestinations(pdf []byte) (map[string]int, int, error) {
	ctx, err := readPDF(pdf)
	if err != nil {
		return nil, 0, err
	}
	pages, err := destinationsIn(ctx)
	if err != nil {
		return nil, 0, err
	}
	out := map[string]int{}
	for name, d := range pages {
		out[name] = d.page
	}
	return out, ctx.PageCount, nil
}

// destination is where a named destination points: its page and the
// explicit destination array ([page /XYZ left top zoom]).
type destination struct {
	page int
	dest types.Array
}

func destinationsIn(ctx *model.Context) (map[string]destination, error) {
	pageOf := map[int]int{} // page object number → page number
	for i := 1; i <= ctx.PageCount; i++ {
		_, ir, _, err := ctx.PageDict(i, false)
		if err != nil {
			return nil, fmt.Errorf("page %d: %w", i, err)
		}
		if ir != nil {
			pageOf[ir.ObjectNumber.Value()] = i
		}
	}
	out := map[string]destination{}
	add := func(name string, o types.Object) {
		if d, ok := o.(types.Dict); ok { // << /D [page …] >>
			o = d["D"]
		}
		arr, err := ctx.DereferenceArray(o)
		if err != nil || len(arr) == 0 {
			return
		}
		ir, ok := arr[0].(types.IndirectRef)
		if !ok {
			return
		}
		if page, ok := pageOf[ir.ObjectNumber.Value()]; ok {
			if dec, err := url.PathUnescape(name); err == nil {
				name = dec
			}
			out[name] = destination{page, arr}
		}
	}
	root, err := ctx.Catalog()
	if err != nil {
		return nil, err
	}
	if o, ok := root.Find("Dests"); ok {
		d, err := ctx.DereferenceDict(o)
		if err != nil {
			return nil, fmt.Errorf("/Dests: %w", err)
		}
		for name, v := range d {
			v, err := ctx.Dereference(v)
			if err != nil {
				continue
			}
			add(name, v)
		}
	}
	if o, ok := root.Find("Names"); ok {
		if names, err := ctx.DereferenceDict(o); err == nil && names != nil {
			if tree, err := ctx.DereferenceDict(names["Dests"]); err == nil && tree != nil {
				walkNames(ctx, tree, add, 0)
			}
		}
	}
	return out, nil
}

// walkNames calls add for every entry of the name tree node (PDF 32000
// §7.9.6): its /Names pairs, and through /Kids its descendants'. Walked
// here, not through pdfcpu's Node, which holds only the trees pdfcpu's
// validator parsed (reading a file does not).
func walkNames(ctx *model.Context, node types.Dict, add func(string, types.Object), depth int) {
	if depth > 32 { // a damaged file's kids may loop
		return
	}
	if pairs, err := ctx.DereferenceArray(node["Names"]); err == nil {
		for i := 0; i+1 < len(pairs); i += 2 {
			name, err := ctx.DereferenceStringOrHexLiteral(pairs[i], model.V10, nil)
			if err != nil {
				continue
			}
			if v, err := ctx.Dereference(pairs[i+1]); err == nil {
				add(name, v)
			}
		}
	}
	if kids, err := ctx.DereferenceArray(node["Kids"]); err == nil {
		for _, kid := range kids {
			if d, err := ctx.DereferenceDict(kid); err == nil && d != nil {
				walkNames(ctx, d, add, depth+1)
			}
		}
	}
}

// InfoEntry reads one entry of a PDF's information dictionary ("" when it
// has none), through pdfcpu: for PDFs Chromium printed. A file from
// elsewhere may send pdfcpu into a loop; PrintedFrom reads those.
func InfoEntry(pdf []byte, key string) (string, error) {
	ctx, err := readPDF(pdf)
	if err != nil {
		return "", err
	}
	if ctx.Info == nil {
		return "", nil
	}
	info, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		return "", err
	}
	if s := info.StringEntry(key); s != nil {
		return *s, nil
	}
	return "", nil
}

// printedFrom is the page key the printer writes into the information
// dictionary of its incremental update, which it writes uncompressed.
var printedFrom = regexp.MustCompile(`/` + InfoKeyPage + ` ?\(([0-9a-f]{32})\)`)

// PrintedFrom gives the PageKey a PDF says it was printed from ("" when it
// says none), reading the last one the file holds without parsing it, so
// `check` cannot be stalled by a damaged or hostile file in public/.
func PrintedFrom(pdf []byte) string {
	all := printedFrom.FindAllSubmatch(pdf, -1)
	if len(all) == 0 {
		return ""
	}
	return string(all[len(all)-1][1])
}
