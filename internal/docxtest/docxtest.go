// Package docxtest writes minimal Word .docx files for tests: the parts Word
// itself needs to open one, paragraphs with styles, line breaks and tables.
package docxtest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"sort"
	"strings"
)

// Para is one paragraph: a style id, text (a \n is a line break) or a table.
type Para struct {
	Style string
	Text  string
	Table [][]string
}

// Build writes the document. styles maps style ids to names, as Chinese
// Word gives them (id "1" named "heading 1").
func Build(paras []Para, styles map[string]string) []byte {
	var doc bytes.Buffer
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	para := func(style, text string) {
		doc.WriteString("<w:p>")
		if style != "" {
			doc.WriteString(`<w:pPr><w:pStyle w:val="` + esc(style) + `"/></w:pPr>`)
		}
		for i, piece := range strings.Split(text, "\n") {
			if i > 0 {
				doc.WriteString("<w:r><w:br/></w:r>")
			}
			// Word splits text into runs at will; so does this.
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
		if p.Table == nil {
			para(p.Style, p.Text)
			continue
		}
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
	}
	doc.WriteString("</w:body></w:document>")
	var st bytes.Buffer
	st.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	ids := make([]string, 0, len(styles))
	for id := range styles {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same bytes every run
	for _, id := range ids {
		st.WriteString(`<w:style w:type="paragraph" w:styleId="` + esc(id) + `"><w:name w:val="` + esc(styles[id]) + `"/></w:style>`)
	}
	st.WriteString(`</w:styles>`)
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"word/document.xml", doc.String()},
		{"word/styles.xml", st.String()},
	} {
		w, err := zw.Create(f.name)
		if err == nil {
			_, err = w.Write([]byte(f.body))
		}
		if err != nil {
			panic(err) // writing to memory cannot fail
		}
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
