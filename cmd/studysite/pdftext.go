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
	if prog == "" {
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
			return nil, fmt.Errorf("%v: %s", err, strings.TrimSpace(errOut.String()))
		}
		return out.Bytes(), nil
	}
}
