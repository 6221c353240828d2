package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"html"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoders used to make fixtures in other encodings from UTF-8 test data.
func toGBK(t testing.TB, s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("GBK encode: %v", err)
	}
	return b
}

func toUTF16(t testing.TB, s string, big bool) []byte {
	order := xunicode.LittleEndian
	if big {
		order = xunicode.BigEndian
	}
	b, err := xunicode.UTF16(order, xunicode.UseBOM).NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("UTF-16 encode: %v", err)
	}
	return b
}

func crlf(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }

// testPara is one paragraph of a test .docx: a style id, text (a \n is a
// line break) or a table.
type testPara struct {
	Style string
	Text  string
	Table [][]string
}

// buildDocx writes a minimal Word document with archive/zip: the parts Word
// itself needs to open it, paragraph styles in styles.xml under the names
// Chinese Word gives them (ids "1", "2" named "heading 1", "heading 2").
func buildDocx(t testing.TB, paras []testPara, styles map[string]string) []byte {
	var doc bytes.Buffer
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	esc := func(s string) string {
		var b bytes.Buffer
		_ = xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	para := func(style, text string) {
		doc.WriteString("<w:p>")
		if style != "" {
			doc.WriteString(`<w:pPr><w:pStyle w:val="` + esc(style) + `"/></w:pPr>`)
		}
		for i, piece := range strings.Split(text, "\n") {
			if i > 0 {
				doc.WriteString("<w:r><w:br/></w:r>")
			}
			// Word splits text into runs at will; so does the test.
			rs := []rune(piece)
			for len(rs) > 0 {
				n := min(len(rs), 7)
				doc.WriteString(`<w:r><w:t xml:space="preserve">` + esc(string(rs[:n])) + `</w:t></w:r>`)
				rs = rs[n:]
			}
		}
		doc.WriteString("</w:p>")
	}
	for _, p := range paras {
		if p.Table != nil {
			doc.WriteString("<w:tbl>")
			for _, row := range p.Table {
				doc.WriteString("<w:tr>")
				for _, c := range row {
					doc.WriteString("<w:tc>")
					para("", c)
					doc.WriteString("</w:tc>")
				}
				doc.WriteString("</w:tr>")
			}
			doc.WriteString("</w:tbl>")
			continue
		}
		para(p.Style, p.Text)
	}
	doc.WriteString("</w:body></w:document>")
	var st bytes.Buffer
	st.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	ids := make([]string, 0, len(styles))
	for id := range styles {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same bytes every run: the golden file records their hash
	for _, id := range ids {
		name := styles[id]
		st.WriteString(`<w:style w:type="paragraph" w:styleId="` + esc(id) + `"><w:name w:val="` + esc(name) + `"/></w:style>`)
	}
	st.WriteString(`</w:styles>`)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", doc.String()},
		{"word/styles.xml", st.String()},
	}
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(f.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// renderedText is the text a reader sees: goldmark (with the content
// dialect's table extension) renders the Markdown to HTML, and the text of
// that HTML is its tags removed and its character references decoded (all
// text in goldmark's HTML is escaped, so every < starts a tag).
func renderedText(md string) string {
	var out bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.Table)).Convert([]byte(md), &out); err != nil {
		panic(err)
	}
	return html.UnescapeString(tagRe.ReplaceAllString(out.String(), ""))
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// numbered is a source line (or .docx paragraph) and its number.
type numbered struct {
	line int
	text string
}

// textLines numbers the lines of decoded text as the report does: at LF
// only, the pieces a form feed separates sharing their line's number.
func textLines(decoded string) []numbered {
	var out []numbered
	for i, l := range strings.Split(decoded, "\n") {
		for _, piece := range strings.Split(l, "\f") {
			out = append(out, numbered{i + 1, piece})
		}
	}
	return out
}

// docxSource is a .docx's paragraphs and table cells as the importer read them.
func docxSource(t testing.TB, data []byte) []numbered {
	lines, err := docxLines(data)
	if err != nil {
		t.Fatal(err)
	}
	var out []numbered
	for _, l := range lines {
		if l.table != nil {
			for _, row := range l.table.Rows {
				out = append(out, numbered{l.line, strings.Join(row, "")})
			}
			continue
		}
		out = append(out, numbered{l.line, l.text})
	}
	return out
}

// checkFidelity asserts that nothing was lost or invented: the text goldmark
// renders from the body, white space removed, equals the source without the
// lines the report lists as removed or moved to front matter.
func checkFidelity(t testing.TB, src []numbered, res *Result) {
	t.Helper()
	gone := map[int][]string{}
	for _, x := range append(append([]RemovedLine{}, res.Report.Removed...), res.Report.Moved...) {
		gone[x.Line] = append(gone[x.Line], stripSpace(x.Text))
	}
	var want strings.Builder
	for _, l := range src {
		text := stripSpace(l.text)
		// A line goes whole, or (a speaker tag before the salutation,
		// 【习近平】 同志们：……) its start goes and the rest stays. A line
		// that form feeds cut into pieces may lose several, removed and
		// moved in either order.
		g := gone[l.line]
		k := slices.Index(g, text) // the whole piece first
		for j, x := range g {
			if k < 0 && x != "" && strings.HasPrefix(text, x) {
				k = j
			}
		}
		if k >= 0 && text != "" {
			text = text[len(g[k]):]
			gone[l.line] = slices.Delete(g, k, k+1)
		}
		want.WriteString(text)
	}
	for line, g := range gone {
		if len(g) > 0 {
			t.Errorf("report lists line %d %q as removed, but the source has no such line", line, g)
		}
	}
	w, got := stripSpace(want.String()), stripSpace(renderedText(res.Body))
	if w != got {
		i := 0
		for i < len(w) && i < len(got) && w[i] == got[i] {
			i++
		}
		t.Fatalf("text lost or invented at byte %d:\nsource: …%s…\nbody:   …%s…", i, w[max(0, i-30):min(len(w), i+30)], got[max(0, i-30):min(len(got), i+30)])
	}
}

func mustRead(t testing.TB, name string) string {
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
