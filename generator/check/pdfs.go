package check

import (
	"bytes"
	"path"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/pdf"
)

// PDFs checks every printed PDF of the built site in dir (packets/<slug>.pdf,
// docs/<slug>/<slug>.pdf): it must be a PDF, and it must have been printed
// from the page now beside it (the page key it records), else it is stale.
func PDFs(fsys afero.Fs, dir string) ([]Problem, int, error) {
	var found []string
	for _, pattern := range []string{"packets/*.pdf", "docs/*/*.pdf"} {
		m, err := afero.Glob(fsys, filepath.Join(dir, filepath.FromSlash(pattern)))
		if err != nil {
			return nil, 0, err
		}
		found = append(found, m...)
	}
	var problems []Problem
	for _, f := range found {
		rel, _ := filepath.Rel(dir, f)
		rel = filepath.ToSlash(rel)
		base := strings.TrimSuffix(rel, ".pdf")
		page := base + "/index.html"
		if d, name := path.Split(base); strings.HasPrefix(d, "docs/") {
			if d != "docs/"+name+"/" {
				continue
			}
			page = d + "index.html"
		}
		data, err := afero.ReadFile(fsys, f)
		if err != nil {
			return nil, 0, err
		}
		if !bytes.HasPrefix(data, []byte("%PDF-")) {
			problems = append(problems, Problem{Page: rel, Attr: "pdf", Target: rel, Reason: "not a PDF file"})
			continue
		}
		html, err := afero.ReadFile(fsys, filepath.Join(dir, filepath.FromSlash(page)))
		if err != nil {
			problems = append(problems, Problem{Page: rel, Attr: "pdf", Target: page, Reason: "printed from a page the site no longer has"})
			continue
		}
		if pdf.PrintedFrom(data) != pdf.PageKey(html) {
			problems = append(problems, Problem{Page: rel, Attr: "pdf", Target: page, Reason: "stale: printed from an older version of the page; run studysite pdf"})
		}
	}
	return problems, len(found), nil
}
