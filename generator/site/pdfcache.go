package site

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/generator/pdf"
)

// PDFCacheDir holds printed PDFs between builds, outside public/ (which
// every build replaces): <source>/.studysite/pdf/<where the PDF is
// published, without .pdf>.<key of the page it was printed from>.pdf.
const PDFCacheDir = ".studysite/pdf"

// PrintTarget is a built page to print and where its PDF is published,
// both slash paths inside the output folder.
type PrintTarget struct {
	Page string // packets/<slug>/index.html or docs/<slug>/index.html
	PDF  string // packets/<slug>.pdf or docs/<slug>/<slug>.pdf
}

// PagePrinter prints the page at a slash path of the output folder;
// info goes into the PDF's information dictionary.
type PagePrinter func(ctx context.Context, page string, info map[string]string) ([]byte, error)

// PrintTargets lists, in the built site, the packets named by slugs (all
// when none) and, with docs, every document page too. A slug that is no
// packet is an error naming the packets there are.
func PrintTargets(fsys afero.Fs, o Options, slugs []string, docs bool) ([]PrintTarget, error) {
	dest := o.dest()
	packets, err := pageSlugs(fsys, filepath.Join(dest, "packets"))
	if err != nil {
		return nil, err
	}
	var out []PrintTarget
	want := slugs
	if len(want) == 0 {
		want = packets
	}
	for _, s := range want {
		if !slices.Contains(packets, s) {
			return nil, fmt.Errorf("%s: no packet %q in the built site (packets: %s); check [[packet]] in %s and run studysite build",
				filepath.Join(dest, "packets"), s, strings.Join(packets, ", "), ConfigPath(o))
		}
		out = append(out, PrintTarget{Page: "packets/" + s + "/index.html", PDF: "packets/" + s + ".pdf"})
	}
	if docs {
		ds, err := pageSlugs(fsys, filepath.Join(dest, "docs"))
		if err != nil {
			return nil, err
		}
		for _, s := range ds {
			out = append(out, PrintTarget{Page: "docs/" + s + "/index.html", PDF: "docs/" + s + "/" + s + ".pdf"})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: nothing to print: the built site has no packets (run studysite build, or pass --docs)", dest)
	}
	return out, nil
}

// pageSlugs lists the folders of dir that hold an index.html.
func pageSlugs(fsys afero.Fs, dir string) ([]string, error) {
	entries, err := afero.ReadDir(fsys, dir)
	if isNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			if ok, _ := afero.Exists(fsys, filepath.Join(dir, e.Name(), "index.html")); ok {
				out = append(out, e.Name())
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// PDFRun counts what PrintPDFs did.
type PDFRun struct {
	Printed []PrintTarget // printed now
	Current []PrintTarget // already printed from the same page
}

// PrintPDFs prints each target whose page has no current PDF in the
// cache, keeps it there and drops the older prints of that target. It
// does not touch the output folder: the next Build publishes the PDFs.
func PrintPDFs(ctx context.Context, fsys afero.Fs, o Options, targets []PrintTarget, print PagePrinter) (*PDFRun, error) {
	run := &PDFRun{}
	for _, t := range targets {
		page, err := afero.ReadFile(fsys, filepath.Join(o.dest(), filepath.FromSlash(t.Page)))
		if err != nil {
			return run, fmt.Errorf("%s: %w", t.Page, err)
		}
		key := pdf.PageKey(page)
		cached := o.cachedPDF(t.PDF, key)
		if ok, _ := afero.Exists(fsys, cached); ok {
			run.Current = append(run.Current, t)
			continue
		}
		data, err := print(ctx, t.Page, map[string]string{pdf.InfoKeyPage: key})
		if err != nil {
			return run, err
		}
		if err := fsys.MkdirAll(filepath.Dir(cached), 0o755); err != nil {
			return run, err
		}
		if err := afero.WriteFile(fsys, cached+".tmp", data, 0o644); err != nil {
			return run, fmt.Errorf("%s: %w", cached, err)
		}
		if err := fsys.Rename(cached+".tmp", cached); err != nil {
			return run, fmt.Errorf("%s: %w", cached, err)
		}
		for _, old := range o.cachedPrints(fsys, t.PDF) {
			if old != cached {
				_ = fsys.Remove(old)
			}
		}
		run.Printed = append(run.Printed, t)
	}
	return run, nil
}

// cachedPDF is where the print of target from the page with key is kept.
func (o Options) cachedPDF(target, key string) string {
	return o.path(filepath.FromSlash(PDFCacheDir), filepath.FromSlash(strings.TrimSuffix(target, ".pdf")+"."+key+".pdf"))
}

// cachedPrints lists every print of target in the cache.
func (o Options) cachedPrints(fsys afero.Fs, target string) []string {
	matches, _ := afero.Glob(fsys, o.cachedPDF(target, "*"))
	return matches
}

// PDFState is a target with a print in the cache: current when its page
// is the page in the output folder now.
type PDFState struct {
	PrintTarget
	Current bool
	cached  string // the print in the cache
}

// CachedPDFs lists the targets that have a print in the cache and whether
// it is current for the page now in the output folder. The render stage
// links a packet page to its PDF when it is current here (the page key
// leaves that link out, so adding it does not make the PDF stale).
func CachedPDFs(fsys afero.Fs, o Options) ([]PDFState, error) {
	return cachedPDFs(fsys, o, func(page string) ([]byte, error) {
		return afero.ReadFile(fsys, filepath.Join(o.dest(), filepath.FromSlash(page)))
	})
}

// cachedPDFs judges each print in the cache against the page that
// pageBytes gives: the page in the output folder, or the one a build is
// about to publish.
func cachedPDFs(fsys afero.Fs, o Options, pageBytes func(page string) ([]byte, error)) ([]PDFState, error) {
	root := o.path(filepath.FromSlash(PDFCacheDir))
	var out []PDFState
	err := afero.Walk(fsys, root, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			if isNotExist(err) {
				return nil
			}
			return err
		}
		if info.IsDir() || !strings.HasSuffix(p, ".pdf") {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		base, key := splitKey(strings.TrimSuffix(rel, ".pdf"))
		t := PrintTarget{PDF: base + ".pdf", Page: pageOfPDF(base)}
		if t.Page == "" {
			return nil
		}
		page, err := pageBytes(t.Page)
		out = append(out, PDFState{PrintTarget: t, Current: err == nil && pdf.PageKey(page) == key, cached: p})
		return nil
	})
	return out, err
}

func splitKey(s string) (base, key string) {
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i+1:]
}

// pageOfPDF is the page a published PDF is printed from ("" for none):
// packets/<slug> → packets/<slug>/index.html, docs/<slug>/<slug> → docs/<slug>/index.html.
func pageOfPDF(base string) string {
	switch dir, name := path.Split(base); {
	case dir == "packets/":
		return "packets/" + name + "/index.html"
	case strings.HasPrefix(dir, "docs/") && dir == "docs/"+name+"/":
		return dir + "index.html"
	}
	return ""
}

// PacketPDFs is the set of packet slugs whose print in the cache is
// current for the page in the output folder, i.e. the previous build: the
// render stage links those pages to their PDF (render.SetPacketPDFs). A
// page that changes in this build is found stale by publishPDFs, which
// then says which links to take back.
func PacketPDFs(fsys afero.Fs, o Options) (map[string]bool, error) {
	states, err := CachedPDFs(fsys, o)
	if err != nil {
		return nil, err
	}
	set := map[string]bool{}
	for _, s := range states {
		if slug, ok := packetOf(s.PDF); ok && s.Current {
			set[slug] = true
		}
	}
	return set, nil
}

// unlinkStale takes the packets whose print is stale out of linked and
// reports whether any was linked: the pages must then be made again
// without their PDF link.
func unlinkStale(linked, stale map[string]bool) bool {
	unlinked := false
	for slug := range stale {
		if linked[slug] {
			delete(linked, slug)
			unlinked = true
		}
	}
	return unlinked
}

// packetOf is the slug of a packet's PDF (packets/<slug>.pdf).
func packetOf(pdfPath string) (string, bool) {
	slug, ok := strings.CutPrefix(strings.TrimSuffix(pdfPath, ".pdf"), "packets/")
	return slug, ok && !strings.Contains(slug, "/")
}

// currentPDFs gives the prints in the cache that are current for the
// pages a build is about to publish (published: path → bytes), as files to
// publish with them, and the slugs of the packets whose print is stale
// (their page changed since printing): those are not published, and their
// pages must not link a PDF.
func currentPDFs(fsys afero.Fs, o Options, published map[string][]byte) ([]output.File, map[string]bool, error) {
	states, err := cachedPDFs(fsys, o, func(page string) ([]byte, error) {
		if data, ok := published[page]; ok {
			return data, nil
		}
		return nil, fs.ErrNotExist
	})
	if err != nil {
		return nil, nil, err
	}
	var files []output.File
	stale := map[string]bool{}
	for _, s := range states {
		if !s.Current {
			o.warnf("%s not published: %s changed since it was printed; run studysite pdf to print it again\n", s.PDF, s.Page)
			if slug, ok := packetOf(s.PDF); ok {
				stale[slug] = true
			}
			continue
		}
		data, err := afero.ReadFile(fsys, s.cached)
		if err != nil {
			return nil, nil, err
		}
		files = append(files, output.File{Path: s.PDF, Data: data})
	}
	return files, stale, nil
}
