package ingest

import (
	"errors"
	"strings"
	"testing"
)

// TestPDFRefused: a PDF the importer cannot read says why, and counts as
// a file that is not a transcript (the import goes on with the others).
func TestPDFRefused(t *testing.T) {
	cases := []struct {
		name string
		opt  Options
		want string
	}{
		{"no pdftotext", Options{}, "a PDF needs poppler's pdftotext to be read"},
		{"pdftotext fails", Options{PDFText: func([]byte) ([]byte, error) { return nil, errors.New("Syntax Error: Couldn't find trailer dictionary") }},
			"the PDF could not be read: Syntax Error: Couldn't find trailer dictionary"},
		{"a scan", Options{PDFText: func([]byte) ([]byte, error) { return []byte("\f \n\f\n"), nil }}, "the PDF has no text layer (a scan?)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Import("seeds/x.pdf", []byte("%PDF-1.7\n"), "", c.opt)
			if err == nil || !strings.Contains(err.Error(), c.want) || !Unreadable(err) {
				t.Errorf("err %v, want an unreadable file: %q", err, c.want)
			}
		})
	}
	// pdftotext writes UTF-8; other bytes are an error naming the offset.
	_, err := Import("seeds/x.pdf", []byte("%PDF-1.7\n"), "", Options{PDFText: func([]byte) ([]byte, error) { return []byte("正文\xff"), nil }})
	var de *DecodeError
	if !errors.As(err, &de) || de.Offset != 6 {
		t.Errorf("err %v, want a decode error at byte 6", err)
	}
}
