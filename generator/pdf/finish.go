package pdf

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// finish adds the outline and the metadata to the PDF Chromium printed.
// Chromium and pdfcpu both stamp the time of printing (CreationDate,
// ModDate) and derive the file /ID from it; those are replaced by date and
// by a hash of the file, so the same page prints to the same bytes when
// Chromium's own output does not vary.
func finish(pdf []byte, title string, date time.Time, outline []outlineEntry, extra map[string]string) ([]byte, error) {
	ctx, err := readPDF(pdf)
	if err != nil {
		return nil, err
	}
	dests, err := destinationsIn(ctx)
	if err != nil {
		return nil, err
	}
	if err := writeOutline(ctx, outlineTree(outline, dests)); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := writeWithInfo(ctx, &buf, title, extra); err != nil {
		return nil, err
	}
	out := buf.Bytes()
	// Whatever time pdfcpu wrote becomes the document's date.
	info, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil {
		return nil, err
	}
	if date.IsZero() {
		date = time.Unix(0, 0)
	}
	fixed := types.DateString(date.UTC())
	for _, key := range []string{"CreationDate", "ModDate"} {
		if s := info.StringEntry(key); s != nil && len(*s) == len(fixed) {
			out = bytes.ReplaceAll(out, []byte("("+*s+")"), []byte("("+fixed+")"))
		}
	}
	// The file identifier: a hash of the file with it blanked out.
	var ids [][]byte
	for _, o := range ctx.ID {
		if h, ok := o.(types.HexLiteral); ok && len(h) > 0 {
			ids = append(ids, []byte("<"+string(h)+">"))
		}
	}
	blanked := out
	for _, id := range ids {
		blanked = bytes.ReplaceAll(blanked, id, bytes.Repeat([]byte("0"), len(id)))
	}
	sum := md5.Sum(blanked)
	hexSum := hex.EncodeToString(sum[:])
	for _, id := range ids {
		if len(id) == len(hexSum)+2 {
			out = bytes.ReplaceAll(out, id, []byte("<"+hexSum+">"))
		}
	}
	return out, nil
}

// writeWithInfo sets the title in the information dictionary and writes.
func writeWithInfo(ctx *model.Context, buf *bytes.Buffer, title string, extra map[string]string) error {
	if ctx.Info != nil {
		info, err := ctx.DereferenceDict(*ctx.Info)
		if err != nil {
			return err
		}
		if title != "" {
			s, err := types.EscapedUTF16String(title)
			if err != nil {
				return err
			}
			info.Update("Title", types.StringLiteral(*s))
		}
		for k, v := range extra {
			info.Update(k, types.StringLiteral(v)) // ASCII keys and hashes
		}
	}
	return api.WriteContext(ctx, buf)
}
