package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// finish adds the outline and the metadata to the PDF Chromium printed, as
// an incremental update appended to Chromium's bytes (PDF 32000 §7.5.6):
// new outline objects, the catalog and information dictionary rewritten
// under their own numbers, a cross-reference section for them. Chromium's
// output is the same for the same page except for the time of printing in
// its information dictionary, which is overwritten with date in place;
// nothing else here depends on the clock or on map order, so the same page
// prints to the same bytes when it has a date (or SOURCE_DATE_EPOCH is set).
func finish(raw []byte, title string, date time.Time, outline []outlineEntry, extra map[string]string) ([]byte, error) {
	ctx, err := readPDF(raw)
	if err != nil {
		return nil, err
	}
	dests, err := destinationsIn(ctx)
	if err != nil {
		return nil, err
	}
	prev, err := lastXref(raw)
	if err != nil {
		return nil, err
	}
	if ctx.Root == nil || ctx.Size == nil {
		return nil, fmt.Errorf("the PDF has no catalog or no trailer /Size")
	}
	catalog, err := ctx.Catalog()
	if err != nil {
		return nil, err
	}
	catalog = catalog.Clone().(types.Dict)
	u := &update{next: *ctx.Size, objects: map[int]string{}}
	if bms := outlineTree(outline, dests); len(bms) > 0 {
		ref := u.alloc()
		first, last, count := u.items(bms, ref)
		u.objects[ref] = types.Dict{"Type": types.Name("Outlines"), "First": first, "Last": last, "Count": types.Integer(count)}.PDFString()
		catalog["Outlines"] = *types.NewIndirectRef(ref, 0)
		catalog["PageMode"] = types.Name("UseOutlines") // open with the bookmarks shown
	}
	u.objects[ctx.Root.ObjectNumber.Value()] = catalog.PDFString()

	stamp := types.DateString(date.UTC())
	info := types.Dict{}
	if ctx.Info != nil {
		if d, err := ctx.DereferenceDict(*ctx.Info); err == nil && d != nil {
			info = d.Clone().(types.Dict)
		}
	}
	if title != "" {
		info["Title"] = types.NewHexLiteral([]byte(types.EncodeUTF16String(title)))
	}
	if !date.IsZero() {
		info["CreationDate"] = types.StringLiteral(stamp)
		info["ModDate"] = types.StringLiteral(stamp)
	}
	for k, v := range extra {
		info[k] = types.StringLiteral(v) // ASCII names and hashes
	}
	var infoNr int
	if ctx.Info != nil {
		infoNr = ctx.Info.ObjectNumber.Value()
	} else {
		infoNr = u.alloc()
	}
	u.objects[infoNr] = info.PDFString()

	out := raw
	if !date.IsZero() { // else the time of printing stays: nothing better is known
		out = overwriteDates(raw, stamp)
	}
	return u.append(out, ctx.Root.ObjectNumber.Value(), infoNr, prev), nil
}

// update collects the objects of an incremental update by number.
type update struct {
	next    int // first unused object number
	objects map[int]string
}

func (u *update) alloc() int {
	n := u.next
	u.next++
	u.objects[n] = ""
	return n
}

// items writes the outline items bms under the object parent and gives
// the first and last and how many are visible (all are open).
func (u *update) items(bms []*bookmark, parent int) (types.IndirectRef, types.IndirectRef, int) {
	nrs := make([]int, len(bms))
	for i := range bms {
		nrs[i] = u.alloc()
	}
	ref := func(n int) types.IndirectRef { return *types.NewIndirectRef(n, 0) }
	count := len(bms)
	for i, bm := range bms {
		d := types.Dict{
			"Title":  types.NewHexLiteral([]byte(types.EncodeUTF16String(bm.title))),
			"Parent": ref(parent),
			"Dest":   bm.dest,
		}
		if bm.bold {
			d["F"] = types.Integer(2)
		}
		if i > 0 {
			d["Prev"] = ref(nrs[i-1])
		}
		if i < len(nrs)-1 {
			d["Next"] = ref(nrs[i+1])
		}
		if len(bm.kids) > 0 {
			first, last, n := u.items(bm.kids, nrs[i])
			d["First"], d["Last"], d["Count"] = first, last, types.Integer(n)
			count += n
		}
		u.objects[nrs[i]] = d.PDFString()
	}
	return ref(nrs[0]), ref(nrs[len(nrs)-1]), count
}

// append writes the objects, their cross-reference section and a trailer
// pointing back at the previous one.
func (u *update) append(pdf []byte, root, info, prev int) []byte {
	var b bytes.Buffer
	b.Write(pdf)
	if !bytes.HasSuffix(pdf, []byte("\n")) {
		b.WriteByte('\n')
	}
	nrs := make([]int, 0, len(u.objects))
	for n := range u.objects {
		nrs = append(nrs, n)
	}
	sort.Ints(nrs)
	offsets := map[int]int{}
	for _, n := range nrs {
		offsets[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", n, u.objects[n])
	}
	xref := b.Len()
	b.WriteString("xref\n")
	for i := 0; i < len(nrs); {
		j := i
		for j+1 < len(nrs) && nrs[j+1] == nrs[j]+1 {
			j++
		}
		fmt.Fprintf(&b, "%d %d\n", nrs[i], j-i+1)
		for k := i; k <= j; k++ {
			fmt.Fprintf(&b, "%010d 00000 n\r\n", offsets[nrs[k]])
		}
		i = j + 1
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n", u.next, root, info, prev, xref)
	return b.Bytes()
}

var startxref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)

func lastXref(pdf []byte) (int, error) {
	m := startxref.FindSubmatch(pdf)
	if m == nil {
		return 0, fmt.Errorf("no startxref at the end of the PDF")
	}
	return strconv.Atoi(string(m[1]))
}

// skiaDate is a date Chromium writes in its information dictionary.
var skiaDate = regexp.MustCompile(`/(CreationDate|ModDate) \(D:\d{14}[+\-Z][^)]*\)`)

// overwriteDates puts stamp in place of the time of printing in Chromium's
// own information dictionary, which stays in the file under the update;
// a date of another length is left alone rather than move any offset.
func overwriteDates(pdf []byte, stamp string) []byte {
	out := bytes.Clone(pdf)
	for _, loc := range skiaDate.FindAllIndex(out, -1) {
		old := out[loc[0]:loc[1]]
		i := bytes.IndexByte(old, '(')
		repl := append(append([]byte(nil), old[:i+1]...), stamp+")"...)
		if len(repl) == len(old) {
			copy(out[loc[0]:loc[1]], repl)
		}
	}
	return out
}
