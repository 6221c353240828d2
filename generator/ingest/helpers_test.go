package ingest

import (
	"bytes"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/studysite/studysite/internal/docxtest"
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
type testPara = docxtest.Para

// buildDocx writes a minimal Word document (internal/docxtest).
func buildDocx(_ testing.TB, paras []testPara, styles map[string]string) []byte {
	return docxtest.Build(paras, styles)
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
