package pdf

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/afero"
)

// packetSite loads testdata/packet (a packet page laid out by issue 13's
// contract: cover, TOC with page references, three documents, questions,
// notes pages) into memory, with the packet's attributes changed by edit.
func packetSite(t *testing.T, edit func(string) string) (afero.Fs, string) {
	t.Helper()
	fsys := afero.NewMemMapFs()
	for _, name := range []string{"packet.css", "packets/2024-q1/index.html"} {
		data, err := os.ReadFile(filepath.Join("testdata/packet", name))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(name, ".html") {
			data = []byte(edit(string(data)))
		}
		if err := afero.WriteFile(fsys, "/"+name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	html, _ := afero.ReadFile(fsys, "/packets/2024-q1/index.html")
	return fsys, string(html)
}

func needTools(t *testing.T) string {
	t.Helper()
	// Skipped whether or not Chromium is installed, as README says: make
	// mutate runs the package's tests once per mutant with the browser off.
	if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
		t.Skip("STUDYSITE_SKIP_BROWSER=1: PDF test skipped")
	}
	exe, err := FindChromium("")
	if err != nil {
		t.Fatal(err)
	}
	for _, tool := range []string{"pdfinfo", "pdftotext", "pdffonts", "pdftohtml"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s not found: install poppler-utils", tool)
		}
	}
	return exe
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// strip drops all white space, the ideographic space included.
func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pageNumber is a printed "— N —" once white space is gone.
var pageNumber = regexp.MustCompile(`—(\d+)—`)

func TestPrintPacket(t *testing.T) {
	exe := needTools(t)
	cases := []struct {
		name     string
		edit     func(string) string
		pageSize string // as pdfinfo prints it
		duplex   bool
	}{
		{"A4 duplex", func(s string) string { return s }, "594.96 x 841.92 pts (A4)", true},
		{"A4 single-sided", func(s string) string { return strings.Replace(s, `data-duplex="true"`, `data-duplex="false"`, 1) }, "594.96 x 841.92 pts (A4)", false},
		{"A5 duplex", func(s string) string { return strings.Replace(s, `data-paper="a4"`, `data-paper="a5"`, 1) }, "(A5)", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fsys, html := packetSite(t, tc.edit)
			p, err := Start(context.Background(), fsys, Options{Chromium: exe})
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			r, err := p.Print(context.Background(), "packets/2024-q1/index.html", map[string]string{InfoKeyPage: "k1"})
			if err != nil {
				t.Fatal(err)
			}
			// The same page prints to the same bytes (a fresh tab, no state kept).
			again, err := p.Print(context.Background(), "packets/2024-q1/index.html", map[string]string{InfoKeyPage: "k1"})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(again.PDF, r.PDF) {
				t.Errorf("a second print differs from the first (%d and %d bytes)", len(again.PDF), len(r.PDF))
			}
			if r.Passes < 1 || r.Passes > MaxPasses {
				t.Errorf("%d passes reported, want 1 to %d", r.Passes, MaxPasses)
			}
			if bytes.Contains(r.PDF, []byte("127.0.0.1")) {
				t.Error("the PDF holds the loopback address it was printed from")
			}
			file := filepath.Join(t.TempDir(), "packet.pdf")
			if err := os.WriteFile(file, r.PDF, 0o644); err != nil {
				t.Fatal(err)
			}
			info := run(t, "pdfinfo", file)
			for _, want := range []string{"Title:           二〇二四年第一季度理论学习中心组学习材料", "Tagged:          yes", tc.pageSize, "CreationDate:    Fri Mar  1 00:00:00 2024 UTC", "Pages:           " + strconv.Itoa(r.Pages) + "\n"} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			if got, _ := InfoEntry(r.PDF, InfoKeyPage); got != "k1" {
				t.Errorf("%s = %q, want k1", InfoKeyPage, got)
			}
			pages := strings.Split(run(t, "pdftotext", "-layout", "-enc", "UTF-8", file, "-"), "\f")
			pages = pages[:r.Pages]
			cover := strip(pages[0])
			if !strings.Contains(cover, "二〇二四年第一季度理论学习中心组学习材料") || pageNumber.MatchString(cover) {
				t.Errorf("page 1 should be the cover with no page number: %q", cover)
			}
			blanks := 0
			for i, text := range pages[1:] {
				n := i + 2
				text = strip(text)
				if text == "" {
					blanks++
					continue
				}
				if m := pageNumber.FindAllStringSubmatch(text, -1); len(m) != 1 || m[0][1] != strconv.Itoa(n) {
					t.Errorf("page %d: want one number — %d —, found %v in %q", n, n, m, text)
				}
			}
			if blanks != r.Blanks || (tc.duplex != (blanks > 0)) {
				t.Errorf("%d blank pages, printer says %d (duplex %v)", blanks, r.Blanks, tc.duplex)
			}
			// Each document starts on a page of its own, odd when duplex, and
			// the table of contents gives that page; so do its sections.
			tocPage := findPage(pages, "目录", 1)
			if tocPage != 2 {
				t.Errorf("the table of contents is on page %d, want 2", tocPage)
			}
			toc := strip(pages[tocPage-1])
			docTitle := regexp.MustCompile(`<h2 class="doc-title" data-outline="1">([^<]+)</h2>`)
			section := regexp.MustCompile(`<h3 id="[^"]+" data-outline="2">([^<]+)</h3>`)
			parts := strings.Split(html, `<section class="packet-doc"`)[1:]
			from := tocPage + 1
			for _, part := range parts {
				title := strip(docTitle.FindStringSubmatch(part)[1])
				start := findPage(pages, title, from)
				if start == 0 {
					t.Fatalf("document %s not found after page %d", title, from)
				}
				if tc.duplex && start%2 == 0 {
					t.Errorf("%s starts on page %d, a left-hand page", title, start)
				}
				if !strings.Contains(toc, title+strconv.Itoa(start)) {
					t.Errorf("TOC should give %s page %d: %q", title, start, toc)
				}
				from = start
				for _, m := range section.FindAllStringSubmatch(part, -1) {
					sec := strip(m[1])
					at := findPage(pages, sec, from)
					if at == 0 || !strings.Contains(toc, sec+strconv.Itoa(at)) {
						t.Errorf("TOC should give %s page %d: %q", sec, at, toc)
					}
					from = at
				}
			}
			// Every paragraph, in order.
			body := pageNumber.ReplaceAllString(strip(strings.Join(pages, "")), "")
			para := regexp.MustCompile(`<p id="d-[^"]+">([^<]+)</p>`)
			at := 0
			for _, m := range para.FindAllStringSubmatch(html, -1) {
				i := strings.Index(body[at:], strip(m[1]))
				if i < 0 {
					t.Fatalf("paragraph missing or out of order: %s", m[1])
				}
				at += i
			}
			checkOutline(t, run(t, "pdftohtml", "-xml", "-i", "-q", "-stdout", file), parts)
			for _, line := range strings.Split(run(t, "pdffonts", file), "\n")[2:] {
				if f := strings.Fields(line); len(f) >= 5 && !strings.Contains(line, " yes ") {
					t.Errorf("font not embedded: %s", line)
				}
			}
		})
	}
}

// findPage is the first page (from 1) at or after from holding text.
func findPage(pages []string, text string, from int) int {
	for i := from - 1; i < len(pages); i++ {
		if strings.Contains(strip(pages[i]), text) {
			return i + 1
		}
	}
	return 0
}

type outlineXML struct {
	Items []outlineItem `xml:"outline>item"`
	Kids  []outlineXML  `xml:"outline>outline"`
}

type outlineItem struct {
	Page  int    `xml:"page,attr"`
	Title string `xml:",chardata"`
}

// checkOutline reads the bookmarks back (poppler's pdftohtml -xml) and
// wants the packet's parts at the top, each document among them, and
// each document's sections under it.
func checkOutline(t *testing.T, xmlText string, docs []string) {
	t.Helper()
	i := strings.Index(xmlText, "<outline>")
	j := strings.LastIndex(xmlText, "</outline>")
	if i < 0 || j < 0 {
		t.Fatal("the PDF has no outline")
	}
	type node struct {
		XMLName xml.Name
		Page    int    `xml:"page,attr"`
		Text    string `xml:",chardata"`
		Kids    []node `xml:",any"`
	}
	var root node
	if err := xml.Unmarshal([]byte(xmlText[i:j+len("</outline>")]), &root); err != nil {
		t.Fatal(err)
	}
	// Top level: items, each maybe followed by an <outline> of its kids.
	var tops []string
	under := map[string][]string{}
	for k, n := range root.Kids {
		if n.XMLName.Local != "item" {
			continue
		}
		tops = append(tops, strip(n.Text))
		if k+1 < len(root.Kids) && root.Kids[k+1].XMLName.Local == "outline" {
			for _, kid := range root.Kids[k+1].Kids {
				if kid.XMLName.Local == "item" {
					under[strip(n.Text)] = append(under[strip(n.Text)], strip(kid.Text))
				}
			}
		}
	}
	docTitle := regexp.MustCompile(`<h2 class="doc-title" data-outline="1">([^<]+)</h2>`)
	section := regexp.MustCompile(`data-outline="2">([^<]+)</h3>`)
	for _, part := range docs {
		title := strip(docTitle.FindStringSubmatch(part)[1])
		var want []string
		for _, m := range section.FindAllStringSubmatch(part, -1) {
			want = append(want, strip(m[1]))
		}
		if strings.Join(under[title], "|") != strings.Join(want, "|") {
			t.Errorf("outline under %s = %v, want %v (top level %v)", title, under[title], want, tops)
		}
	}
	if len(tops) < len(docs)+3 { // cover, TOC, documents, questions, notes
		t.Errorf("outline top level %v", tops)
	}
}

// TestPrintMissingPage: printing a page the built site does not have
// says so, naming the page, instead of printing the 404 page.
func TestPrintMissingPage(t *testing.T) {
	exe := needTools(t)
	fsys, _ := packetSite(t, func(s string) string { return s })
	p, err := Start(context.Background(), fsys, Options{Chromium: exe})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	r, err := p.Print(context.Background(), "packets/2099-q9/index.html", nil)
	if err == nil || !strings.Contains(err.Error(), "packets/2099-q9/index.html") || !strings.Contains(err.Error(), "HTTP 404") {
		t.Errorf("Print of a missing page: %v, %v; want an error naming it and HTTP 404", r, err)
	}
}
