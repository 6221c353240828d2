// Package render turns a linked Site into the files of the built site:
// HTML pages through the theme's html/template files, and the theme's
// assets with content-hashed names. Every page is rendered independently,
// in parallel, and the result is sorted by path, so output is deterministic.
package render

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/generator/urls"
	"github.com/studysite/studysite/internal/parallel"
)

// Renderer holds a theme's parsed templates.
type Renderer struct {
	theme      fs.FS
	templates  map[string]*template.Template
	packetPDFs map[string]bool // packets with a current PDF (packets.go)
	cache      *Cache          // what earlier Renders made (cache.go), or nil
}

// New parses the templates of theme: templates/base.html is the layout,
// every other templates/<kind>.html fills its "main" block for one kind of
// page, and templates/partials/*.html are shared by all of them. A template
// error names the file and line.
func New(theme fs.FS) (*Renderer, error) {
	r := &Renderer{theme: theme, templates: map[string]*template.Template{}}
	base, err := readTemplate(theme, "base.html")
	if err != nil {
		return nil, err
	}
	partials, _ := fs.Glob(theme, "templates/partials/*.html")
	kinds, _ := fs.Glob(theme, "templates/*.html")
	for _, file := range kinds {
		name := path.Base(file)
		if name == "base.html" {
			continue
		}
		t, err := template.New("base.html").Funcs(funcs).Parse(base)
		if err != nil {
			return nil, fmt.Errorf("theme: %w", err)
		}
		for _, f := range append(partials, file) {
			src, err := fs.ReadFile(theme, f)
			if err != nil {
				return nil, fmt.Errorf("theme: %s: %w", f, err)
			}
			if _, err := t.New(strings.TrimPrefix(f, "templates/")).Parse(string(src)); err != nil {
				return nil, fmt.Errorf("theme: %s: %w", f, err)
			}
		}
		r.templates[strings.TrimSuffix(name, ".html")] = t
	}
	for _, kind := range requiredKinds {
		if r.templates[kind] == nil {
			return nil, fmt.Errorf("theme: templates/%s.html is missing", kind)
		}
	}
	return r, nil
}

// requiredKinds are the page templates every theme must have.
var requiredKinds = []string{"home", "doc", "404"}

func readTemplate(theme fs.FS, name string) (string, error) {
	b, err := fs.ReadFile(theme, "templates/"+name)
	if err != nil {
		return "", fmt.Errorf("theme: templates/%s: missing or unreadable: %w", name, err)
	}
	return string(b), nil
}

// Render renders every file of the site.
func (r *Renderer) Render(ctx context.Context, site *link.Site) ([]output.File, error) {
	return r.render(ctx, site, nil)
}

// RenderTo renders every file of the site as Render does, handing each
// to emit as it is made instead of keeping them (emit is called from
// several goroutines, in no set order): a build need not hold every page
// at once. With a Cache (see WithCache) the pages are also kept for the
// next build.
func (r *Renderer) RenderTo(ctx context.Context, site *link.Site, emit func(output.File) error) error {
	_, err := r.render(ctx, site, emit)
	return err
}

func (r *Renderer) render(ctx context.Context, site *link.Site, emit func(output.File) error) ([]output.File, error) {
	files, assets, err := r.assets()
	if err != nil {
		return nil, err
	}
	inline := r.inlineAssets()
	inCollection := collectionsOf(site)
	links := r.cache.docLinks(ctx, site.Pages)
	var jobs []job
	for _, produce := range producers {
		for _, j := range produce(site, links) {
			// Archive pages came after many themes were written: a theme
			// without templates/archive.html has a home page that lists
			// what it wants and links no archive.
			if j.kind == "archive" && r.templates["archive"] == nil {
				continue
			}
			jobs = append(jobs, j)
		}
	}
	if r.cache != nil {
		r.cache.nextTerms = map[string]cachedTerm{}
	}
	jobs = append(jobs, termPages(site, r.cache)...)
	jobs = append(jobs, r.packetPages(site)...)
	bodies, bodySums, err := r.renderBodies(ctx, site)
	if err != nil {
		return nil, err
	}
	out := make([]output.File, len(jobs))
	keys := make([]digest, len(jobs))
	var siteBytes []byte
	if r.cache != nil {
		shared := &PageData{Site: site.Config, assets: assets, inline: inline, packetPDFs: r.packetPDFs,
			HasPackets: len(site.Packets) > 0, HasTerms: len(site.Terms) > 0}
		if siteBytes, err = siteKey(shared); err != nil {
			return nil, err
		}
	}
	sameSite := r.cache != nil && bytes.Equal(siteBytes, r.cache.site)
	var reused atomic.Int64
	renderJob := func(i int) error {
		j := jobs[i]
		d := j.data
		if j.data != nil && r.cache != nil {
			if was, ok := r.cache.pageFrom(j.path, j.data, sameSite); ok {
				out[i], keys[i] = output.File{Path: j.path, Data: was.data}, was.key
				reused.Add(1)
				return nil
			}
		}
		if j.page != nil {
			var err error
			if d, err = r.docData(bodies[j.page], site, links, j.page, inCollection); err != nil {
				return err
			}
		}
		if j.packet != nil {
			var err error
			if d, err = r.packetData(bodies, links, j.packet); err != nil {
				return err
			}
		}
		d.Site, d.Kind, d.Root, d.Path, d.assets, d.inline = site.Config, j.kind, urls.Root(j.path), j.path, assets, inline
		d.site, d.page, d.links = site, j.page, links
		d.HasPackets, d.packetPDFs = len(site.Packets) > 0, r.packetPDFs
		d.HasTerms = len(site.Terms) > 0
		if j.kind == "404" {
			// Servers answer any missing URL with 404.html, at any
			// depth: link absolutely when the address is known, else
			// carry the CSS and JS in the page.
			if site.Config.BaseURL != "" {
				d.Root = site.Config.BaseURL
			} else {
				d.InlineAssets = true
			}
		}
		// A term page's data is kept whole while its term is the same
		// (Cache.termPage) and known by its pointer above; new data is
		// rendered without a key: its occurrence lines cost more as JSON
		// than through the template, which writes them ready-made.
		if r.cache != nil && j.kind != "term" {
			var err error
			var sum *digest
			if j.page != nil {
				s := bodySums[j.page]
				sum = &s
			}
			if keys[i], err = r.cache.pageKey(siteBytes, d, d.docLinks(""), sum); err != nil {
				return err
			}
			if data, ok := r.cache.page(j.path, keys[i]); ok {
				out[i] = output.File{Path: j.path, Data: data}
				reused.Add(1)
				return nil
			}
		}
		var buf bytes.Buffer
		t := r.templates[j.kind]
		if t == nil {
			return fmt.Errorf("theme: templates/%s.html is missing (needed for %s)", j.kind, j.path)
		}
		if err := t.ExecuteTemplate(&buf, "base.html", d); err != nil {
			return fmt.Errorf("theme: rendering %s: %w", j.path, err)
		}
		out[i] = output.File{Path: j.path, Data: buf.Bytes()}
		return nil
	}
	err = parallel.ForEach(ctx, len(jobs), func(i int) error {
		if err := renderJob(i); err != nil || emit == nil {
			return err
		}
		if err := emit(out[i]); err != nil {
			return err
		}
		if r.cache == nil {
			out[i].Data = nil // emitted: not kept
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if r.cache != nil {
		kept := make(map[string]cachedPage, len(jobs))
		for i, f := range out {
			kept[f.Path] = cachedPage{key: keys[i], data: f.Data, from: jobs[i].data}
		}
		r.cache.keepPages(kept, siteBytes, site.Pages)
		r.cache.Reused = int(reused.Load())
		r.cache.Rendered = len(jobs) - r.cache.Reused
	}
	for _, extra := range siteFiles {
		more, err := extra(site)
		if err != nil {
			return nil, err
		}
		files = append(files, more...)
	}
	if emit != nil {
		for _, f := range files {
			if err := emit(f); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}
	files = append(files, out...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// renderBodies renders the body of every document once, in parallel: a
// document's page and the packets that hold it use the same HTML, and
// goldmark's renderer may not walk one tree from two goroutines (it caches
// a code block's language in the node). Each body renders with what the
// link stage decided for its tree.
func (r *Renderer) renderBodies(ctx context.Context, site *link.Site) (map[*content.Page]string, map[*content.Page]digest, error) {
	made := make([]cachedBody, len(site.Pages))
	var rendered atomic.Int64
	err := parallel.ForEach(ctx, len(site.Pages), func(i int) error {
		p := site.Pages[i]
		res := site.Resolution(p)
		if b, ok := r.cache.body(p, res); ok {
			made[i] = b
			return nil
		}
		rendered.Add(1)
		br := newBodyRenderer(site.Config.Markup.UnsafeHTML, res)
		var body bytes.Buffer
		if err := br.Render(&body, p.Body, p.AST); err != nil {
			return fmt.Errorf("%s: %w", p.File, err)
		}
		made[i] = cachedBody{res: res, html: body.String()}
		if r.cache != nil {
			made[i].sum = r.cache.digestOf(body.Bytes())
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	bodies := make(map[*content.Page]string, len(site.Pages))
	sums := make(map[*content.Page]digest, len(site.Pages))
	kept := make(map[*content.Page]cachedBody, len(site.Pages))
	for i, p := range site.Pages {
		bodies[p] = made[i].html
		sums[p] = made[i].sum
		kept[p] = made[i]
	}
	r.cache.keepBodies(kept, int(rendered.Load()))
	return bodies, sums, nil
}

func (r *Renderer) docData(body string, site *link.Site, links docLinkTable, p *content.Page, inCollection map[string]*CollectionRef) (*PageData, error) {
	d := &DocData{
		DocLink:    links.of(p),
		Speaker:    p.Meta.Speaker,
		Occasion:   p.Meta.Occasion,
		Source:     path.Base(p.Meta.Source),
		Collection: inCollection[p.Slug()],
		TOC:        buildTOC(p.Headings),
		Body:       template.HTML(typeset(body)),
	}
	if p.Meta.Source == "" {
		d.Source = ""
	}
	prev, next := site.Neighbours(p)
	if prev != nil {
		l := links.of(prev)
		d.Prev = &l
	}
	if next != nil {
		l := links.of(next)
		d.Next = &l
	}
	return &PageData{Title: p.Meta.Title, Description: summaryOf(p, 80), Doc: d}, nil
}

// truncate cuts s to n characters. It stops reading at the cut: every
// list shows a summary of the first paragraph of every document, and a
// conversion of whole paragraphs to runes was much of a rebuild's time.
func truncate(s string, n int) string {
	count := 0
	for i := range s {
		if count == n {
			if !utf8.ValidString(s[:i]) {
				break // as a conversion to runes would: bad bytes become U+FFFD
			}
			return s[:i] + "…"
		}
		count++
	}
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n]) + "…"
}

// inlineAssets reads the theme's stylesheets and scripts for pages that
// carry them inline.
func (r *Renderer) inlineAssets() map[string]string {
	m := map[string]string{}
	for _, name := range []string{"style.css", "search.css", "theme.css", "site.js", "favicon.svg"} {
		if b, err := fs.ReadFile(r.theme, "assets/"+name); err == nil {
			m[name] = string(b)
		}
	}
	return m
}

// assets copies the theme's assets/ folder; CSS and JS get a content hash in
// their name so browsers and proxies may cache them forever.
func (r *Renderer) assets() ([]output.File, map[string]string, error) {
	names := map[string]string{}
	var files []output.File
	if _, err := fs.Stat(r.theme, "assets"); err != nil {
		return nil, names, nil // a theme without assets is allowed
	}
	err := fs.WalkDir(r.theme, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("theme: %s: %w", p, err)
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(r.theme, p)
		if err != nil {
			return fmt.Errorf("theme: %s: %w", p, err)
		}
		// The theme's assets/ folder is the site's (urls.AssetsDir).
		rel := strings.TrimPrefix(p, "assets/")
		out := urls.Asset(rel)
		if ext := path.Ext(p); ext == ".css" || ext == ".js" {
			sum := sha256.Sum256(data)
			out = urls.FingerprintedAsset(rel, sum[:])
		}
		names[rel] = out
		files = append(files, output.File{Path: out, Data: data})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return files, names, nil
}
