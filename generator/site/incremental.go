package site

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
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

// Incremental builds a site again and again, as `studysite serve` does,
// keeping in memory what each build made so that the next one redoes only
// what an edit touches. It gives the files Build would publish, byte for
// byte, without writing them: the caller serves them.
//
// What it keeps, and what it is keyed by:
//   - each content file's parsed Page, by the file's bytes: an edit
//     re-parses that file only;
//   - each document's body HTML and each page's rendered bytes, by what
//     they are made from (render.Cache): the body by the page and what the
//     link stage decided for it, a page by all the data its template sees;
//   - each file's published (minified) bytes, by its rendered bytes
//     (publish.Cache);
//   - the search index (search.State): each document's postings by its
//     number and entries, each index file's encoded bytes by its raw
//     bytes, the text dictionary by its sample;
//   - what the link stage found in each page (link.Cache): its explicit
//     links while the pages they name are the same, its term occurrences
//     while the glossary is, the related documents while every page uses
//     the same terms.
//
// The rest of the link stage (reading order, glossary, taxonomies, packets)
// is recomputed on every build from the kept pages. A change to studysite.toml or
// anything under themes/ starts again from a new configuration and theme
// (parsed pages and minified files stay valid: they depend on neither); a
// change under seeds/ runs Import first, with all its hand-edit safety,
// and so does a change to content/ when seeds/ holds seeds (import reads
// every content file's front matter: which seed it stands for, whether it
// was edited).
type Incremental struct {
	Fs      afero.Fs
	Options Options

	cfg      config.Config
	theme    fs.FS
	renderer *render.Renderer
	links    *link.Cache // what the link stage found in each page
	bodies   *render.Cache
	minified *publish.Cache
	search   *search.State         // the search index (a failed build empties it)
	pages    map[string]parsedFile // by slash path: content/x.md
	// failed says the last build failed; pending is what it was asked
	// to redo (nil: everything).
	failed  bool
	pending []string
	// Stats describe the last build.
	Stats IncrementalStats
}

// IncrementalStats say how much of the last build was redone.
type IncrementalStats struct {
	Full                bool // configuration and theme read again
	Imported            bool // Import ran
	Parsed, Kept        int  // content files parsed again, or kept
	Rendered, Reused    int  // pages executed through their template, or kept
	Minified, Unchanged int  // files minified, or kept
	Times               StageTimes
}

type parsedFile struct {
	sum  [sha256.Size]byte
	page *content.Page
}

// IncrementalResult is one build: what Build would report, and the files
// it would publish.
type IncrementalResult struct {
	Result *Result
	Files  []output.File
}

// Build makes the site after the files changed (slash paths relative to
// the site folder: "content/x.md", "studysite.toml") changed; nil, and the
// first call, build everything. A failed build keeps the state of the last
// good one, so the next call can start from it.
func (b *Incremental) Build(ctx context.Context, changed []string) (*IncrementalResult, error) {
	// What a failed build was asked to redo is still to redo: a broken
	// studysite.toml, then a content edit, must not build with the old
	// configuration.
	if b.failed {
		changed = append(slices.Clip(b.pending), changed...)
		if b.pending == nil {
			changed = nil
		}
	}
	res, err := b.build(ctx, changed)
	if err != nil {
		if !b.failed || b.pending != nil {
			b.pending = slices.Clip(changed)
		}
		b.failed = true
		return nil, err
	}
	b.failed, b.pending = false, nil
	return res, nil
}

func (b *Incremental) build(ctx context.Context, changed []string) (*IncrementalResult, error) {
	o := b.Options
	if err := checkSiteFolder(b.Fs, o); err != nil {
		return nil, err
	}
	full := b.renderer == nil || changed == nil
	runImport := full
	dirty := map[string]bool{}
	for _, c := range changed {
		c = path.Clean(c)
		switch {
		case strings.HasPrefix(c, SeedsDir+"/"):
			runImport = true
		case strings.HasPrefix(c, ContentDir+"/") && !strings.Contains(strings.TrimPrefix(c, ContentDir+"/"), "/"):
			dirty[c] = true
		default: // studysite.toml, themes/, or a path we cannot place
			full, runImport = true, true
		}
	}
	b.Stats = IncrementalStats{Full: full}
	cfg := b.cfg
	renderer, bodies, theme := b.renderer, b.bodies, b.theme
	if full {
		c, warns, err := config.Load(b.Fs, o.path(config.FileName))
		if err != nil {
			return nil, err
		}
		c.SourceDate = o.SourceDate
		for _, w := range warns {
			o.warnf("%s\n", w)
		}
		theme, err = themes.Open(b.Fs, o.path(ThemesDir), c.Theme)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", config.FileName, err)
		}
		if renderer, err = render.New(theme); err != nil {
			return nil, err
		}
		cfg, bodies = c, render.NewCache()
		renderer.SetCache(bodies)
	}
	files, err := listContent(b.Fs, o)
	if err != nil {
		return nil, err
	}
	if !runImport && (len(dirty) > 0 || b.addsOrRemoves(files)) {
		// Which seed a content file stands for, and whether it was edited
		// by hand, is in content files' front matter: when seeds/ holds
		// any seed, a content change may change what import does (a file
		// that no longer names its seed leaves the seed to be imported
		// again), so import judges, as a full build's would.
		l, err := listSeeds(b.Fs, o, o.PDFText != nil)
		if err != nil {
			return nil, err
		}
		runImport = len(l.seeds)+len(l.unsupported) > 0
	}
	var imported []ImportResult
	if runImport {
		b.Stats.Imported = true
		if imported, err = Import(ctx, b.Fs, o, ImportOptions{KeepEdited: true, Options: ingest.Options{Terms: cfg.Terms.Settings()}}); err != nil {
			return nil, err
		}
		for _, r := range imported {
			if w := r.Warning(); w != "" {
				o.warnf("%s\n", w)
			}
			if r.Content != "" {
				dirty[r.Content] = true
			}
		}
		if files, err = listContent(b.Fs, o); err != nil {
			return nil, err
		}
	}
	start := time.Now()
	pages, parsed, err := b.parse(ctx, files, dirty, full)
	if err != nil {
		return nil, err
	}
	b.Stats.Times.Parse = time.Since(start)
	start = time.Now()
	if b.links == nil {
		b.links = link.NewCache()
	}
	s, err := link.BuildWith(cfg, pages, b.links)
	if err != nil {
		return nil, err
	}
	b.Stats.Times.Link = time.Since(start)
	for _, w := range s.Warnings {
		o.warnf("%s\n", w)
	}
	// What the theme must have depends on the site (terms, taxonomies,
	// packets), which an edit can change: checked on every build, as
	// Build does (cheap: it reads the linked site's counts).
	themeWarns, err := themes.CheckTemplates(theme, path.Join(ThemesDir, cfg.Theme), render.TemplatesNeeded(s))
	if err != nil {
		return nil, err
	}
	for _, w := range themeWarns {
		o.warnf("%s\n", w)
	}
	if b.minified == nil {
		b.minified = publish.NewCache()
	}
	if b.search == nil {
		b.search = search.NewState()
	}
	out, pdfs, err := produce(ctx, b.Fs, o, s, renderer, b.search, b.minified.Prepare, &b.Stats.Times)
	if err != nil {
		return nil, err
	}
	// The build is good: keep what it made.
	b.cfg, b.theme, b.renderer, b.bodies, b.pages = cfg, theme, renderer, bodies, parsed
	b.Stats.Rendered, b.Stats.Reused = bodies.Rendered, bodies.Reused
	b.Stats.Minified, b.Stats.Unchanged = b.minified.Minified, b.minified.Reused
	return &IncrementalResult{
		Result: &Result{Imported: imported, Pages: len(s.Pages), Files: len(out), PDFs: pdfs},
		Files:  out,
	}, nil
}

// addsOrRemoves says whether content/ holds other files than the last
// build parsed: a content file added or removed may be one Import tracks
// (a deleted import comes back from its seed).
func (b *Incremental) addsOrRemoves(files []string) bool {
	if len(files) != len(b.pages) {
		return true
	}
	for _, f := range files {
		if _, ok := b.pages[f]; !ok {
			return true
		}
	}
	return false
}

// parse gives the pages of files, in their order: a file kept from the
// last build unless it is dirty (or all are), and parsed again only when
// its bytes changed. It does not change b: a failed build keeps the last
// good state.
func (b *Incremental) parse(ctx context.Context, files []string, dirty map[string]bool, all bool) ([]*content.Page, map[string]parsedFile, error) {
	got := make([]parsedFile, len(files))
	fresh := make([]bool, len(files))
	err := parallel.ForEach(ctx, len(files), func(i int) error {
		was, ok := b.pages[files[i]]
		if ok && !all && !dirty[files[i]] {
			got[i] = was
			return nil
		}
		data, err := afero.ReadFile(b.Fs, b.Options.path(filepath.FromSlash(files[i])))
		if err != nil {
			return fmt.Errorf("%s: %w", files[i], err)
		}
		sum := sha256.Sum256(data)
		if ok && was.sum == sum {
			got[i] = was
			return nil
		}
		p, err := content.Parse(files[i], data)
		if err != nil {
			return err
		}
		got[i], fresh[i] = parsedFile{sum: sum, page: p}, true
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	pages := make([]*content.Page, len(files))
	kept := make(map[string]parsedFile, len(files))
	b.Stats.Parsed, b.Stats.Kept = 0, 0
	for i, f := range files {
		pages[i], kept[f] = got[i].page, got[i]
		if !fresh[i] {
			b.Stats.Kept++
			continue
		}
		b.Stats.Parsed++
		for _, w := range got[i].page.Warnings {
			b.Options.warnf("%s:%d: %s\n", f, w.Line, w.Message)
		}
	}
	return pages, kept, nil
}
