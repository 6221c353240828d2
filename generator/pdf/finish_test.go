package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// TestNamedDestinations reads back from a real Chromium print the page
// of every element a same-page link points at, a Chinese id included.
func TestNamedDestinations(t *testing.T) {
	dests, pages, err := namedDestinations(chromiumPrint(t))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"cover": 1, "d-a": 2, "d-a-s1": 2, "d-b": 3, "附件": 3}
	if fmt.Sprint(dests) != fmt.Sprint(want) || pages != 3 {
		t.Errorf("destinations %v of %d pages, want %v of 3", dests, pages, want)
	}
}

// TestDamagedPDF: what is not a PDF gives an error, never a panic.
func TestDamagedPDF(t *testing.T) {
	raw := chromiumPrint(t)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a PDF", []byte("<!doctype html><p>讲话")},
		{"cut short", raw[:len(raw)/3]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, _, err := namedDestinations(tc.data); err == nil {
				t.Error("namedDestinations: no error")
			}
			if _, err := InfoEntry(tc.data, InfoKeyPage); err == nil {
				t.Error("InfoEntry: no error")
			}
			if _, err := finish(tc.data, "标题", time.Time{}, nil, nil); err == nil {
				t.Error("finish: no error")
			}
		})
	}
}

// readBack is what a PDF reader shows of a finished PDF: its information
// dictionary, the bookmarks as "title@page" nested in brackets (bold ones
// starred), the visible bookmark count the outline declares, and the page
// key check reads.
type readBack struct {
	info      *pdfcpu.PDFInfo
	bookmarks string
	count     int
	key       string
}

func read(t *testing.T, pdf []byte) readBack {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	info, err := api.PDFInfo(bytes.NewReader(pdf), "x.pdf", nil, false, conf)
	if err != nil {
		t.Fatalf("reading the finished PDF: %v", err)
	}
	var r readBack
	r.info = info
	if info.Outlines {
		bms, err := api.Bookmarks(bytes.NewReader(pdf), conf)
		if err != nil {
			t.Fatalf("reading the bookmarks: %v", err)
		}
		r.bookmarks = showBookmarks(bms)
	}
	ctx, err := api.ReadContext(bytes.NewReader(pdf), conf)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := ctx.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	if o, ok := cat.Find("Outlines"); ok {
		d, err := ctx.DereferenceDict(o)
		if err != nil {
			t.Fatal(err)
		}
		if c := d.IntEntry("Count"); c != nil {
			r.count = *c
		}
	}
	r.key = PrintedFrom(pdf)
	return r
}

func showBookmarks(bms []pdfcpu.Bookmark) string {
	var parts []string
	for _, b := range bms {
		s := b.Title + "@" + strconv.Itoa(b.PageFrom)
		if b.Bold {
			s = "*" + s
		}
		if len(b.Kids) > 0 {
			s += "(" + showBookmarks(b.Kids) + ")"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// checkXref checks the cross-reference section the update appends (PDF
// 32000 §7.5.4): every entry's offset is where its object starts, and
// the trailer goes back to the section before it.
func checkXref(t *testing.T, raw, pdf []byte) {
	t.Helper()
	m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(pdf)
	if m == nil {
		t.Fatal("no startxref at the end")
	}
	at, _ := strconv.Atoi(string(m[1]))
	if !bytes.HasPrefix(pdf[at:], []byte("xref\n")) {
		t.Fatalf("startxref %d does not point at an xref section", at)
	}
	lines := strings.Split(string(pdf[at+len("xref\n"):]), "\n")
	objects := 0
	for len(lines) > 0 && !strings.HasPrefix(lines[0], "trailer") {
		var first, n int
		if _, err := fmt.Sscanf(lines[0], "%d %d", &first, &n); err != nil {
			t.Fatalf("xref subsection header %q: %v", lines[0], err)
		}
		for k := 0; k < n; k++ {
			var off int
			if _, err := fmt.Sscanf(lines[1+k], "%010d 00000 n", &off); err != nil {
				t.Fatalf("xref entry %q: %v", lines[1+k], err)
			}
			if want := fmt.Sprintf("%d 0 obj", first+k); !bytes.HasPrefix(pdf[off:], []byte(want)) {
				t.Errorf("xref: object %d at %d, where %q stands", first+k, off, pdf[off:off+12])
			}
			// An indirect object holds an object (§7.3.10): never nothing.
			body, _, _ := bytes.Cut(pdf[off:], []byte("endobj"))
			if len(bytes.Fields(body)) <= 3 {
				t.Errorf("object %d is empty: %q", first+k, body)
			}
			objects++
		}
		lines = lines[1+n:]
	}
	if objects == 0 {
		t.Error("the update's xref section is empty")
	}
	prev := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(raw)
	if len(lines) < 2 || !strings.Contains(lines[1], "/Prev "+string(prev[1])+">>") {
		t.Errorf("the trailer %q does not go back to Chromium's xref at %s", lines[:min(2, len(lines))], prev[1])
	}
}

// TestFinish adds the outline and metadata to a real Chromium print and
// reads them back as a PDF reader does.
func TestFinish(t *testing.T) {
	raw := chromiumPrint(t)
	chromium := read(t, raw)
	outline := []outlineEntry{
		{"cover", 1, "封面"}, {"d-a", 1, "政府工作报告"}, {"d-a-s1", 2, "一、2023年工作回顾"},
		{"hidden", 2, "不打印"}, {"d-b", 1, "关于加强基层治理的意见"}, {"附件", 2, "附件"}, {"d-b", 2, ""},
	}
	march := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		title     string
		date      time.Time
		outline   []outlineEntry
		key       string
		wantTitle string
		bookmarks string // "" for none
		count     int
		date0     bool // Chromium's time of printing stays
	}{
		{"a packet", "学习材料", march, outline, "0123456789abcdef0123456789abcdef", "学习材料",
			"*封面@1 *政府工作报告@2(一、2023年工作回顾@2) *关于加强基层治理的意见@3(附件@3)", 5, false},
		{"no headings: no outline", "学习材料", march, nil, "", "学习材料", "", 0, false},
		{"no date known: the time of printing stays", "", time.Time{}, outline[:2], "", chromium.info.Title, "*封面@1 *政府工作报告@2", 2, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var extra map[string]string
			if tc.key != "" {
				extra = map[string]string{InfoKeyPage: tc.key}
			}
			out, err := finish(raw, tc.title, tc.date, tc.outline, extra)
			if err != nil {
				t.Fatal(err)
			}
			// An incremental update: Chromium's bytes stay as they were but
			// for its dates, overwritten in place.
			dates := regexp.MustCompile(`\(D:[^)]*\)`)
			if len(out) <= len(raw) || !bytes.Equal(dates.ReplaceAll(out[:len(raw)], nil), dates.ReplaceAll(raw, nil)) {
				t.Error("the update does not leave Chromium's bytes before it in place")
			}
			checkXref(t, raw, out)
			got := read(t, out)
			if got.info.Title != tc.wantTitle {
				t.Errorf("title %q, want %q", got.info.Title, tc.wantTitle)
			}
			if got.bookmarks != tc.bookmarks || got.count != tc.count {
				t.Errorf("bookmarks %q (count %d), want %q (%d)", got.bookmarks, got.count, tc.bookmarks, tc.count)
			}
			if opens := got.info.PageMode == "UseOutlines"; opens != (tc.bookmarks != "") {
				t.Errorf("page mode %q with bookmarks %q", got.info.PageMode, got.bookmarks)
			}
			if got.info.PageCount != 3 || got.info.Producer != chromium.info.Producer || got.info.Producer == "" {
				t.Errorf("%d pages by %q, want Chromium's 3 pages by %q", got.info.PageCount, got.info.Producer, chromium.info.Producer)
			}
			wantDate := "D:20240301000000+00'00'" // PDF 32000 §7.9.4
			if tc.date0 {
				wantDate = chromium.info.CreationDate
			}
			if got.info.CreationDate != wantDate || got.info.ModificationDate != wantDate {
				t.Errorf("dates %q and %q, want %q", got.info.CreationDate, got.info.ModificationDate, wantDate)
			}
			if got.key != tc.key {
				t.Errorf("PrintedFrom %q, want %q", got.key, tc.key)
			}
			if k, err := InfoEntry(out, InfoKeyPage); err != nil || k != tc.key {
				t.Errorf("InfoEntry %q, %v; want %q", k, err, tc.key)
			}
		})
	}
}

// TestFinishIsDeterministic: two prints of the same page differ only in
// Chromium's time of printing; with the page's date they finish to the
// same bytes, without one they keep their times and differ.
func TestFinishIsDeterministic(t *testing.T) {
	raw := chromiumPrint(t)
	stamp := regexp.MustCompile(`\(D:\d{14}`)
	if len(stamp.FindAll(raw, -1)) == 0 {
		t.Fatal("the print has no date of printing; the test would prove nothing")
	}
	later := stamp.ReplaceAll(raw, []byte("(D:20991231235959"))
	outline := []outlineEntry{{"d-a", 1, "政府工作报告"}}
	for _, tc := range []struct {
		name string
		date time.Time
		same bool
	}{
		{"dated", time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), true},
		{"undated", time.Time{}, false},
	} {
		a, err := finish(raw, "学习材料", tc.date, outline, nil)
		if err != nil {
			t.Fatal(err)
		}
		b, err := finish(later, "学习材料", tc.date, outline, nil)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(a, b) != tc.same {
			t.Errorf("%s: prints at two times finish to the same bytes: %v, want %v", tc.name, bytes.Equal(a, b), tc.same)
		}
	}
}

// TestPrintedFromAReprint: a PDF finished again (a page printed anew into
// the same file) says the newest key.
func TestPrintedFromAReprint(t *testing.T) {
	once, err := finish(chromiumPrint(t), "学习材料", time.Time{}, nil, map[string]string{InfoKeyPage: strings.Repeat("a", 32)})
	if err != nil {
		t.Fatal(err)
	}
	twice, err := finish(once, "学习材料", time.Time{}, nil, map[string]string{InfoKeyPage: strings.Repeat("b", 32)})
	if err != nil {
		t.Fatal(err)
	}
	if got := PrintedFrom(twice); got != strings.Repeat("b", 32) {
		t.Errorf("PrintedFrom %q, want the newer key", got)
	}
	if got, _ := InfoEntry(twice, InfoKeyPage); got != strings.Repeat("b", 32) {
		t.Errorf("InfoEntry %q, want the newer key", got)
	}
}
