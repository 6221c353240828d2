package serve

import (
	"context"
	"crypto/sha256"
	"path/filepath"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
)

// Builder makes the site to serve. It is the one seam between the server
// and the generator: the server calls Build after each settled batch of
// changes, serialised, and serves what it returns.
//
// changed holds the paths (slash-separated, relative to the site folder:
// "content/x.md", "studysite.toml") whose changes led to this build; nil
// for the first build. FullBuilder ignores it and rebuilds everything;
// IncrementalBuilder keeps its state in memory between calls and redoes
// only what depends on them.
type Builder interface {
	Build(ctx context.Context, changed []string) (*Output, error)
}

// Output is the result of one build.
type Output struct {
	Site *Snapshot
	// Result is what generator/site reports: imports, pages, files.
	Result *site.Result
	// Wrote are the files the build wrote in the site folder (content
	// files imported from edited seeds, their backups), as slash paths
	// relative to it: the watcher sees them change, and must not take
	// that for an edit.
	Wrote []string
}

// FullBuilder rebuilds the whole site with site.Build, the same build as
// `studysite build`, into memory: only what import writes (content files,
// with all of import's hand-edit safety) reaches the disk.
type FullBuilder struct {
	Fs      afero.Fs
	Options site.Options
}

// memoryDest is the output folder a serving build names. It is never
// created on disk: outputFs keeps everything under it in memory.
func memoryDest(source string) string {
	return filepath.Join(source, ".studysite", "serve", "public")
}

// Build implements Builder.
func (b FullBuilder) Build(ctx context.Context, _ []string) (*Output, error) {
	o := b.Options
	o.Dest = memoryDest(o.Source)
	fsys := newOutputFs(b.Fs, filepath.Dir(o.Dest))
	res, err := site.Build(ctx, fsys, o)
	if err != nil {
		return nil, err
	}
	snap, err := LoadSnapshot(fsys.memory, o.Dest)
	if err != nil {
		return nil, err
	}
	return &Output{Site: snap, Result: res, Wrote: importWrites(res)}, nil
}

// importWrites are the files a build's import wrote in the site folder.
func importWrites(res *site.Result) []string {
	var wrote []string
	for _, r := range res.Imported {
		switch r.Action {
		case site.ActionImported, site.ActionUpdated, site.ActionReplaced, site.ActionPruned:
		default:
			continue // nothing written (a hand-edited file kept, a seed skipped)
		}
		for _, p := range []string{r.Content, r.Backup} {
			if p != "" {
				wrote = append(wrote, p)
			}
		}
	}
	return wrote
}

// fileStamp tells whether a file changed since it was looked at: by its
// bytes, not its time (a USB stick's FAT keeps times to 2 s).
type fileStamp [sha256.Size]byte

func stampOf(fsys afero.Fs, name string) (fileStamp, bool) {
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		return fileStamp{}, false
	}
	return sha256.Sum256(data), true
}
