package site

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/ingest"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/generator/publish"
	"github.com/studysite/studysite/generator/render"
	"github.com/studysite/studysite/generator/search"
	"github.com/studysite/studysite/internal/parallel"
	"github.com/studysite/studysite/themes"
)

// Result summarises a build.
type Result struct {
	Imported []ImportResult
	Pages    int // documents
	Files    int
	PDFs     int // printed PDFs published from the cache (pdfcache.go)
	// What a plain build wrote, counted as it wrote it: HTML pages,
	// glossary terms, search index files, bytes of every file, and the
	// warnings it logged.
	HTMLPages, Terms, SearchFiles int
	Bytes                         int64
	Warnings                      int
	Times                         StageTimes
	// Unchanged: nothing changed since the last build (Options.Cache),
	// which left the output as it is; Pages and Files are that build's.
	Unchanged bool
}

// Build imports stale seeds, loads content/, links, renders and publishes
// the site to o.Dest. On any error the previous output is left as it was.
func Build(ctx context.Context, fsys afero.Fs, o Options) (*Result, error) {
	if err := checkSiteFolder(fsys, o); err != nil {
		return nil, err
	}
	if o.warned == nil {
		o.warned = &atomic.Int64{}
	}
	if o.Cache && !o.Rebuild {
		if res, ok := unchanged(fsys, o); ok {
			return res, nil
		}
	}
	cfg, warns, err := config.Load(fsys, o.path(config.FileName))
	if err != nil {
		return nil, err
	}
	cfg.SourceDate = o.SourceDate
	for _, w := range warns {
		o.warnf("%s\n", w)
	}
	var tm StageTimes
	start := time.Now()
	imported, err := Import(ctx, fsys, o, ImportOptions{KeepEdited: true, Options: ingest.Options{Terms: cfg.Terms.Settings()}})
	if err != nil {
		return nil, err
	}
	tm.Import = time.Since(start)
	var inputs string // as the build reads them, for the stamp
	if o.Cache {
		if inputs, err = inputsDigest(fsys, o); err != nil {
			return nil, err
		}
	}
	for _, r := range imported {
		if w := r.Warning(); w != "" {
			o.warnf("%s\n", w)
		}
	}
	start = time.Now()
	pages, err := LoadContent(ctx, fsys, o)
	if err != nil {
		return nil, err
	}
	tm.Parse = time.Since(start)
	start = time.Now()
	s, err := link.Build(cfg, pages)
	if err != nil {
		return nil, err
	}
	tm.Link = time.Since(start)
	for _, w := range s.Warnings {
		o.warnf("%s\n", w)
	}
	theme, err := themes.Open(fsys, o.path(ThemesDir), cfg.Theme)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", config.FileName, err)
	}
	themeWarns, err := themes.CheckTemplates(theme, path.Join(ThemesDir, cfg.Theme), render.TemplatesNeeded(s))
	if err != nil {
		return nil, err
	}
	for _, w := range themeWarns {
		o.warnf("%s\n", w)
	}
	r, err := render.New(theme)
	if err != nil {
		return nil, err
	}
	folder, err := publish.Begin(fsys, o.dest())
	if err != nil {
		return nil, err
	}
	n, err := produceTo(ctx, fsys, o, s, r, folder, &tm)
	if err != nil {
		folder.Abort()
		return nil, err
	}
	start = time.Now()
	if err := folder.Commit(ctx); err != nil {
		return nil, err
	}
	tm.Write = time.Since(start)
	res := &Result{Imported: imported, Pages: len(s.Pages), Files: n.files, PDFs: n.pdfs,
		HTMLPages: n.htmlPages, Terms: len(s.Terms), SearchFiles: n.searchFiles, Bytes: n.bytes, Times: tm}
	if o.Cache {
		if err := writeStamp(fsys, o, inputs, res); err != nil {
			o.warnf("%s: %v (the next build will build again)\n", StampFile, err)
		}
	}
	res.Warnings = int(o.warned.Load())
	return res, nil
}

// checkSiteFolder refuses a folder that is not a site, so a build run in
// the wrong place (a home folder, the Desktop) does not create public/ there.
func checkSiteFolder(fsys afero.Fs, o Options) error {
	for _, name := range []string{SeedsDir, ContentDir, config.FileName} {
		if _, err := fsys.Stat(o.path(name)); err == nil {
			return nil
		}
	}
	dir := o.Source
	if dir == "" {
		dir = "."
	}
	return fmt.Errorf("%s is not a studysite folder: it has no %s/, %s/ or %s; put the transcripts in %s/ of a new folder and run studysite there (or pass --source FOLDER)",
		dir, SeedsDir, ContentDir, config.FileName, SeedsDir)
}

// LoadContent parses every content/*.md file, in parallel; the first error
// in file order wins, so messages are deterministic.
func LoadContent(ctx context.Context, fsys afero.Fs, o Options) ([]*content.Page, error) {
	files, err := listContent(fsys, o)
	if err != nil {
		return nil, err
	}
	pages := make([]*content.Page, len(files))
	parsed := o.begin(StageParse, int64(len(files)))
	err = parallel.ForEach(ctx, len(files), func(i int) error {
		data, err := afero.ReadFile(fsys, o.path(filepath.FromSlash(files[i])))
		if err != nil {
			return fmt.Errorf("%s: %w", files[i], err)
		}
		pages[i], err = content.Parse(files[i], data)
		parsed.Add(1)
		return err
	})
	o.end(StageParse)
	if err != nil {
		return nil, err
	}
	for i := range pages {
		for _, w := range pages[i].Warnings {
			o.warnf("%s:%d: %s\n", files[i], w.Line, w.Message)
		}
	}
	return pages, nil
}

// produce renders the linked site s, builds its search index (with
// searchState, kept between incremental builds, or whole when it is nil)
// and gives every file as it will be published (through prepare:
// publish.Prepare, or a publish.Cache's), with the packets' current PDFs,
// and how many PDFs.
func produce(ctx context.Context, fsys afero.Fs, o Options, s *link.Site, r *render.Renderer, searchState *search.State,
	prepare func(context.Context, []output.File) ([]output.File, error), tm *StageTimes) ([]output.File, int, error) {
	if tm == nil {
		tm = &StageTimes{}
	}
	linked, err := PacketPDFs(fsys, o)
	if err != nil {
		return nil, 0, err
	}
	// The search index reads the same linked site as the pages: build it
	// beside the rendering.
	type indexResult struct {
		files []output.File
		err   error
	}
	indexDone := make(chan indexResult, 1)
	go func() {
		start := time.Now()
		files, st, err := searchFiles(ctx, s, searchState, o.NoSearch)
		tm.Search = time.Since(start)
		tm.SearchIndex, tm.SearchLay, tm.SearchEncode = st.Index, st.Lay, st.Encode
		indexDone <- indexResult{files, err}
	}()
	r.SetPacketPDFs(linked)
	start := time.Now()
	rendered, err := r.Render(ctx, s)
	tm.Render = time.Since(start)
	ir := <-indexDone
	if err != nil {
		return nil, 0, err
	}
	if ir.err != nil {
		return nil, 0, fmt.Errorf("search index: %w", ir.err)
	}
	index := ir.files
	// Packet pages link their PDF when the print in the cache is current.
	// Which is current is judged on the pages as they will be published; a
	// packet page that changed in this build has a stale print, and its
	// link is taken back (the page key leaves the link out, so once is
	// enough).
	var published, pdfFiles []output.File
	for pass := 0; pass < 2; pass++ {
		if pass > 0 {
			r.SetPacketPDFs(linked)
			if rendered, err = r.Render(ctx, s); err != nil {
				return nil, 0, err
			}
		}
		start := time.Now()
		if published, err = prepare(ctx, slices.Concat(rendered, index)); err != nil {
			return nil, 0, err
		}
		tm.Publish += time.Since(start)
		byPath := make(map[string][]byte, len(published))
		for _, f := range published {
			byPath[f.Path] = f.Data
		}
		var stale map[string]bool
		if pdfFiles, stale, err = currentPDFs(fsys, o, byPath); err != nil {
			return nil, 0, err
		}
		if !unlinkStale(linked, stale) {
			break
		}
	}
	return append(published, pdfFiles...), len(pdfFiles), nil
}

// searchFiles is the site's search index: built whole when state is nil
// (a plain build), else by the state kept between incremental builds,
// which redoes only what changed.
func searchFiles(ctx context.Context, s *link.Site, state *search.State, none bool) ([]output.File, search.Stats, error) {
	if none {
		return nil, search.Stats{}, nil
	}
	if state == nil {
		return search.Build(ctx, s)
	}
	return state.Build(ctx, s)
}

// StageTimes are the wall times of a build's stages. Render and Search run
// side by side; Publish is minifying (and hashing inline scripts); Write
// is writing the output folder and swapping it in.
type StageTimes struct {
	Import, Parse, Link, Render, Search, Publish, Write time.Duration
	// Search's parts (search.Stats): postings, layout, encoding.
	SearchIndex, SearchLay, SearchEncode time.Duration
}

// String lists the stages and their times in milliseconds.
func (t StageTimes) String() string {
	ms := func(d time.Duration) string { return strconv.FormatInt(d.Milliseconds(), 10) }
	return "import " + ms(t.Import) + " ms, parse " + ms(t.Parse) + " ms, link " + ms(t.Link) +
		" ms, render " + ms(t.Render) + " ms, search " + ms(t.Search) + " ms (beside render: index " + ms(t.SearchIndex) +
		" ms, layout " + ms(t.SearchLay) + " ms, encoding " + ms(t.SearchEncode) + " ms), publish " +
		ms(t.Publish) + " ms, write " + ms(t.Write) + " ms"
}
