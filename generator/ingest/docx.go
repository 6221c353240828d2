package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// maxDocxXML bounds the uncompressed XML read from a .docx, so a zip bomb
// (a small file that inflates to gigabytes) is refused instead of filling
// memory.
var maxDocxXML int64 = 256 << 20

// ErrNotDocx is wrapped by errors for .docx files that are not Word documents.
var ErrNotDocx = errors.New("not a Word .docx file")

// docxLines reads the paragraphs and tables of a .docx file as source lines:
// one line per paragraph (a line break inside a paragraph starts a new line
// without a break), heading levels from paragraph styles, tables as blocks.
func docxLines(data []byte) ([]srcLine, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	budget := maxDocxXML
	read := func(name string) ([]byte, error) {
		for _, f := range zr.File {
			if f.Name != name {
				continue
			}
			if f.UncompressedSize64 > uint64(budget) {
				return nil, fmt.Errorf("%s inflates to %d bytes, more than the %d MB a transcript may have (a zip bomb?)", name, f.UncompressedSize64, maxDocxXML>>20)
			}
			rc, err := f.Open()
			if err != nil {
				return nil, fmt.Errorf("%w: %s: %v", ErrNotDocx, name, err)
			}
			defer rc.Close()
			b, err := io.ReadAll(io.LimitReader(rc, budget+1))
			if err != nil {
				return nil, fmt.Errorf("%w: %s: %v", ErrNotDocx, name, err)
			}
			if int64(len(b)) > budget {
				return nil, fmt.Errorf("%s inflates to more than %d MB (a zip bomb?)", name, maxDocxXML>>20)
			}
			budget -= int64(len(b))
			return b, nil
		}
		return nil, nil
	}
	doc, err := read("word/document.xml")
	if err != nil {
		return nil, err
	}
	if doc == nil {
		return nil, fmt.Errorf("%w: no word/document.xml inside", ErrNotDocx)
	}
	stylesXML, err := read("word/styles.xml")
	if err != nil {
		return nil, err
	}
	styles := parseStyles(stylesXML)
	return parseDocument(doc, styles)
}

// styleInfo is what a paragraph style means to the importer.
type styleInfo struct {
	level int // heading 1 → 1 …; -1 title; 0 body text
}

var headingNameRe = regexp.MustCompile(`^(?:heading|标题)\s*([1-9])$`)

// styleLevel reads a heading level from a style name or, for files without
// styles.xml, from a style id ("Heading1", Chinese Word's "1").
func styleLevel(name string) int {
	n := strings.ToLower(strings.TrimSpace(name))
	if n == "title" || n == "标题" {
		return -1
	}
	if m := headingNameRe.FindStringSubmatch(n); m != nil {
		return int(m[1][0] - '0')
	}
	return 0
}

func parseStyles(data []byte) map[string]styleInfo {
	out := map[string]styleInfo{}
	if data == nil {
		return out
	}
	var s struct {
		Styles []struct {
			Type string `xml:"type,attr"`
			ID   string `xml:"styleId,attr"`
			Name struct {
				Val string `xml:"val,attr"`
			} `xml:"name"`
			Outline *struct {
				Val string `xml:"val,attr"`
			} `xml:"pPr>outlineLvl"`
		} `xml:"style"`
	}
	if xml.Unmarshal(data, &s) != nil {
		return out
	}
	for _, st := range s.Styles {
		if st.Type != "" && st.Type != "paragraph" {
			continue
		}
		lvl := styleLevel(st.Name.Val)
		if lvl == 0 && st.Outline != nil {
			if v, err := strconv.Atoi(st.Outline.Val); err == nil && v >= 0 && v < 9 {
				lvl = v + 1
			}
		}
		out[st.ID] = styleInfo{level: lvl}
	}
	return out
}

// levelOfStyle: styles.xml first, then the id itself.
func levelOfStyle(id string, styles map[string]styleInfo) int {
	if st, ok := styles[id]; ok {
		return st.level
	}
	if l := styleLevel(id); l != 0 {
		return l
	}
	if lid := strings.ToLower(id); strings.HasPrefix(lid, "heading") {
		return styleLevel("heading " + strings.TrimPrefix(lid, "heading"))
	}
	if len(id) == 1 && id[0] >= '1' && id[0] <= '9' {
		return int(id[0] - '0') // Chinese Word names heading 1 "1"
	}
	return 0
}

// docxPara is one paragraph as read from document.xml.
type docxPara struct {
	text  strings.Builder
	style string
	level int // from w:outlineLvl in the paragraph itself
}

func parseDocument(data []byte, styles map[string]styleInfo) ([]srcLine, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	var (
		lines     []srcLine
		para      *docxPara
		tblDepth  int
		rows      [][]string
		row       []string
		cell      *strings.Builder
		inText    bool
		skipDepth int // inside w:instrText, w:delText …
		n         int // paragraph counter (line numbers for reports)
	)
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: word/document.xml: %v", ErrNotDocx, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skipDepth > 0 {
				skipDepth++
				continue
			}
			switch t.Name.Local {
			case "instrText", "delText", "del", "footnoteReference", "commentReference":
				skipDepth = 1
			case "tbl":
				tblDepth++
				if tblDepth == 1 {
					rows = nil
				}
			case "tr":
				if tblDepth == 1 {
					row = nil
				}
			case "tc":
				if tblDepth == 1 {
					cell = &strings.Builder{}
				}
			case "p":
				n++
				para = &docxPara{}
			case "pStyle":
				if para != nil {
					para.style = attr(t, "val")
				}
			case "outlineLvl":
				if para != nil {
					if v, err := strconv.Atoi(attr(t, "val")); err == nil && v >= 0 && v < 9 {
						para.level = v + 1
					}
				}
			case "t":
				inText = true
			case "tab":
				if para != nil {
					para.text.WriteByte('\t')
				}
			case "br", "cr":
				if para != nil {
					para.text.WriteByte('\n')
				}
			}
		case xml.EndElement:
			if skipDepth > 0 {
				skipDepth--
				continue
			}
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				if para == nil {
					continue
				}
				if tblDepth > 0 {
					if cell != nil {
						if cell.Len() > 0 {
							cell.WriteByte(' ')
						}
						cell.WriteString(para.text.String())
					}
					para = nil
					continue
				}
				level := para.level
				if level == 0 {
					level = levelOfStyle(para.style, styles)
				}
				appendPara(&lines, para.text.String(), n, level)
				para = nil
			case "tc":
				if tblDepth == 1 && cell != nil {
					row = append(row, trimSpace(normalizeSpaces(strings.ReplaceAll(cell.String(), "\n", " "))))
					cell = nil
				}
			case "tr":
				if tblDepth == 1 {
					rows = append(rows, row)
				}
			case "tbl":
				tblDepth--
				if tblDepth == 0 && len(rows) > 0 {
					lines = append(lines, srcLine{line: n, breakBefore: true, table: &Block{Kind: Table, Rows: rows, Line: n}})
				}
			}
		case xml.CharData:
			if inText && skipDepth == 0 && para != nil {
				para.text.Write(t)
			}
		}
	}
	titleFromHeading1(lines)
	return lines, nil
}

// appendPara adds a paragraph's lines; false for an empty paragraph.
func appendPara(lines *[]srcLine, text string, n, level int) bool {
	if level > 0 {
		// A heading is one line even when Word broke it.
		var h string
		for _, piece := range strings.Split(text, "\n") {
			p := normalizeSpaces(trimSpace(piece))
			if p == "" {
				continue
			}
			if h != "" && needsSpace(h, p) {
				h += " "
			}
			h += p
		}
		if h == "" {
			return false
		}
		*lines = append(*lines, srcLine{text: h, line: n, level: level, breakBefore: true})
		return true
	}
	added := false
	for k, piece := range strings.Split(text, "\n") {
		raw := trimSpace(piece)
		p := normalizeSpaces(raw)
		if p == "" {
			continue
		}
		// raw keeps the spaces normalizeSpaces drops, as a text file's
		// line does: the title block reads 中共中央 国务院 from it.
		*lines = append(*lines, srcLine{text: p, raw: raw, line: n, level: level, breakBefore: k == 0 || !added})
		added = true
	}
	return added
}

// titleFromHeading1: a document whose only Heading 1 is its first paragraph
// uses it as the title; the other headings move up a level.
func titleFromHeading1(lines []srcLine) {
	first, h1 := -1, 0
	for i, l := range lines {
		if l.level == 1 {
			h1++
		}
		if first < 0 && l.table == nil {
			first = i
		}
	}
	hasTitle := false
	for _, l := range lines {
		hasTitle = hasTitle || l.level == -1
	}
	if hasTitle || first < 0 || lines[first].level != 1 || h1 != 1 {
		for i := range lines {
			if lines[i].level > 0 {
				lines[i].level++ // heading 1 → ##
			}
		}
		return
	}
	lines[first].level = -1
	// heading 2 → ## and so on
}

func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
