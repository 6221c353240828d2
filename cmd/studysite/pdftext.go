package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// pdfTextFunc finds poppler's pdftotext (STUDYSITE_PDFTOTEXT, else the PATH)
// and gives a function that reads a PDF's text layer with it, or nil when
// it is not installed: PDF seeds are then reported with how to convert them.
func pdfTextFunc() func([]byte) ([]byte, error) {
	prog := os.Getenv("STUDYSITE_PDFTOTEXT")
	if prog != "" {
		if _, err := exec.LookPath(prog); err != nil {
			return func([]byte) ([]byte, error) {
				return nil, fmt.Errorf("STUDYSITE_PDFTOTEXT=%s is not a program that can be run (%v): set it to the path of poppler's pdftotext, or unset it", prog, err)
			}
		}
	} else {
		var err error
		if prog, err = exec.LookPath("pdftotext"); err != nil {
			return nil
		}
	}
	return func(pdf []byte) ([]byte, error) {
		// pdftotext reads a file, not standard input.
		dir, err := os.MkdirTemp("", "studysite-pdf-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
		in := filepath.Join(dir, "seed.pdf")
		if err := os.WriteFile(in, pdf, 0o600); err != nil {
			return nil, err
		}
		var out, errOut bytes.Buffer
		// -layout keeps the lines as printed (the importer repairs hard
		// wraps and page numbers); -enc UTF-8 whatever the locale.
		cmd := exec.Command(prog, "-layout", "-enc", "UTF-8", in, "-")
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			// poppler repeats its complaint; the first line says it.
			first, _, _ := strings.Cut(strings.TrimSpace(errOut.String()), "\n")
			return nil, fmt.Errorf("damaged, or not a PDF? (pdftotext: %s; %v)", first, err)
		}
		return out.Bytes(), nil
	}
}
