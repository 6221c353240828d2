package site

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/generator/publish"
	"github.com/studysite/studysite/generator/render"
	"github.com/studysite/studysite/generator/search"
)

// produceTo is produce for a plain build: each page and index file is
// published into folder as soon as it is made (minified, then written)
// and not kept, so a build holds the linked site and the index being
// built, not every output file at once. Only the pages that a cached PDF
// was printed from are kept, to judge whether the print is current. It
// gives what it wrote.
func produceTo(ctx context.Context, fsys afero.Fs, o Options, s *link.Site, r *render.Renderer, folder *publish.Folder, tm *StageTimes) (written, error) {
	linked, err := PacketPDFs(fsys, o)
	if err != nil {
		return written{}, err
	}
	printed, err := printedPages(fsys, o)
	if err != nil {
		return written{}, err
	}
	out := &streamOut{ctx: ctx, folder: folder, prepare: publish.NewPreparer(), printed: printed, kept: map[string][]byte{}}
	o.beginWith(StageRender, lastFileCount(fsys, o), &out.files)
	defer o.end(StageRender)

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	indexDone := make(chan error, 1)
	go func() {
		start := time.Now()
		var st search.Stats
		var err error
		if !o.NoSearch {
			st, err = search.BuildTo(ctx, s, out.putIndex)
		}
		tm.Search = time.Since(start)
		tm.SearchIndex, tm.SearchLay, tm.SearchEncode = st.Index, st.Lay, st.Encode
		if err != nil {
			cancel() // the pages need not be finished
		}
		indexDone <- err
	}()
	r.SetPacketPDFs(linked)
	start := time.Now()
	err = r.RenderTo(ctx, s, out.putOne)
	tm.Render = time.Since(start)
	if err != nil {
		cancel()
	}
	indexErr := <-indexDone
	// The pages stopped because the index failed: say why it failed.
	if err != nil && (indexErr == nil || !errors.Is(err, context.Canceled)) {
		return written{}, err
	}
	if indexErr != nil {
		return written{}, fmt.Errorf("search index: %w", indexErr)
	}
	// Counted now: a page made again below is counted once.
	n := written{files: int(out.files.Load()), htmlPages: int(out.htmlPages.Load()),
		searchFiles: int(out.searchFiles.Load()), bytes: out.bytes.Load()}

	// Packet pages link their PDF when the print in the cache is current
	// (see produce); a link taken back means the pages again.
	start = time.Now()
	var pdfFiles []output.File
	for pass := 0; pass < 2; pass++ {
		if pass > 0 {
			r.SetPacketPDFs(linked)
			if err := r.RenderTo(ctx, s, out.putOne); err != nil {
				return written{}, err
			}
		}
		var stale map[string]bool
		if pdfFiles, stale, err = currentPDFs(fsys, o, out.kept); err != nil {
			return written{}, err
		}
		if !unlinkStale(linked, stale) {
			break
		}
	}
	if err := folder.Write(ctx, pdfFiles); err != nil {
		return written{}, err
	}
	tm.Publish = time.Since(start)
	n.files += len(pdfFiles)
	n.pdfs = len(pdfFiles)
	for _, f := range pdfFiles {
		n.bytes += int64(len(f.Data))
	}
	return n, nil
}

// written counts what produceTo wrote.
type written struct {
	files, pdfs, htmlPages, searchFiles int
	bytes                               int64
}

// streamOut publishes files as they come (see produceTo).
type streamOut struct {
	ctx     context.Context
	folder  *publish.Folder
	prepare *publish.Preparer
	printed map[string]bool // pages a cached PDF was printed from
	mu      sync.Mutex
	kept    map[string][]byte // their published bytes
	// Written so far; files is also StageRender's progress counter.
	files, htmlPages, searchFiles, bytes atomic.Int64
}

// putOne is the renderer's: a page or an asset.
func (w *streamOut) putOne(f output.File) error {
	if strings.HasSuffix(f.Path, ".html") {
		w.htmlPages.Add(1)
	}
	return w.put([]output.File{f})
}

// putIndex is the search index's.
func (w *streamOut) putIndex(files []output.File) error {
	w.searchFiles.Add(int64(len(files)))
	return w.put(files)
}

// put prepares files (minifying all but compact ones) and writes them.
func (w *streamOut) put(files []output.File) error {
	for i, f := range files {
		if !f.Compact {
			var err error
			if files[i], err = w.prepare.File(f); err != nil {
				return err
			}
		}
		if w.printed[f.Path] {
			w.mu.Lock()
			w.kept[f.Path] = files[i].Data
			w.mu.Unlock()
		}
	}
	size := 0
	for _, f := range files {
		size += len(f.Data)
	}
	w.bytes.Add(int64(size))
	w.files.Add(int64(len(files)))
	return w.folder.Write(w.ctx, files)
}

// printedPages are the pages of the output that a PDF in the cache was
// printed from (see cachedPDFs), whatever their bytes.
func printedPages(fsys afero.Fs, o Options) (map[string]bool, error) {
	pages := map[string]bool{}
	_, err := cachedPDFs(fsys, o, func(page string) ([]byte, error) {
		pages[page] = true
		return nil, fs.ErrNotExist
	})
	return pages, err
}
