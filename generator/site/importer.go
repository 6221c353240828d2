package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/frontmatter"
	"github.com/studysite/studysite/generator/ingest"
)

// ImportOptions change what Import does.
type ImportOptions struct {
	ingest.Options
	// Force re-imports a seed even over a content file edited by hand.
	Force bool
	// KeepEdited turns the refusal for a hand-edited content file into a
	// warning and keeps the file (what build does: the site still builds,
	// from the edited text).
	KeepEdited bool
}

// ImportResult is what happened to one seed.
type ImportResult struct {
	Seed    string // seeds/… (slash path relative to the site)
	Content string // content/… written or kept
	Action  string // "imported", "updated", "unchanged", "kept-edited"
	Report  *ingest.Report
}

// ErrHandEdited is wrapped by the error for a changed seed whose content file
// a person has edited.
var ErrHandEdited = errors.New("edited by hand")

// seedExts are the transcript types the importer reads.
var seedExts = map[string]bool{".txt": true, ".docx": true, ".md": true}

// existing is what a content file records about the seed it came from.
type existing struct {
	file       string // content/x.md
	slug       string
	sourceHash string
	edited     bool
}

// Import imports every seed that has no content file or whose bytes changed.
// A changed seed whose content file was edited by hand is refused unless
// opt.Force; nothing is written for a seed that is unchanged.
func Import(ctx context.Context, fsys afero.Fs, o Options, opt ImportOptions) ([]ImportResult, error) {
	seeds, err := listSeeds(fsys, o)
	if err != nil {
		return nil, err
	}
	known, slugs, err := scanContent(fsys, o)
	if err != nil {
		return nil, err
	}
	var results []ImportResult
	for _, seed := range seeds {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		data, err := afero.ReadFile(fsys, o.path(filepath.FromSlash(seed)))
		if err != nil {
			return results, fmt.Errorf("%s: %w", seed, err)
		}
		sum := sha256.Sum256(data)
		hash := hex.EncodeToString(sum[:])
		prev, had := known[seed]
		if had && prev.sourceHash == hash {
			results = append(results, ImportResult{Seed: seed, Content: prev.file, Action: "unchanged"})
			continue
		}
		if had && prev.edited && !opt.Force && opt.KeepEdited {
			o.logf("warning: %s changed, but %s was edited by hand: building from the edited file; `studysite import --force` re-imports it\n", seed, prev.file)
			results = append(results, ImportResult{Seed: seed, Content: prev.file, Action: "kept-edited"})
			continue
		}
		if had && prev.edited && !opt.Force {
			return results, fmt.Errorf("%s: the seed changed, but %s was %w since it was imported; "+
				"keep your edits (move the seed away) or overwrite them with `studysite import --force`", seed, prev.file, ErrHandEdited)
		}
		slug := ""
		if had {
			slug = prev.slug
		}
		res, err := ingest.Import(seed, data, slug, opt.Options)
		if err != nil {
			return results, fmt.Errorf("%s: %w", seed, err)
		}
		target := prev.file
		action := "updated"
		if !had {
			res, err = withFreeSlug(res, seed, data, slugs, opt.Options)
			if err != nil {
				return results, fmt.Errorf("%s: %w", seed, err)
			}
			target = path.Join(ContentDir, res.Slug+".md")
			action = "imported"
		}
		slugs[res.Slug] = true
		if err := writeFileAtomic(fsys, o.path(filepath.FromSlash(target)), res.Markdown); err != nil {
			return results, err
		}
		results = append(results, ImportResult{Seed: seed, Content: target, Action: action, Report: res.Report})
	}
	return results, nil
}

// withFreeSlug re-imports with slug-2, slug-3 … when the slug is taken.
func withFreeSlug(res *ingest.Result, seed string, data []byte, taken map[string]bool, opt ingest.Options) (*ingest.Result, error) {
	if !taken[res.Slug] {
		return res, nil
	}
	base := res.Slug
	for n := 2; ; n++ {
		s := fmt.Sprintf("%s-%d", base, n)
		if !taken[s] {
			return ingest.Import(seed, data, s, opt)
		}
	}
}

func listSeeds(fsys afero.Fs, o Options) ([]string, error) {
	dir := o.path(SeedsDir)
	entries, err := afero.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	var seeds []string
	for _, e := range entries {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || !seedExts[strings.ToLower(filepath.Ext(e.Name()))] {
			continue
		}
		seeds = append(seeds, SeedsDir+"/"+e.Name())
	}
	sort.Strings(seeds)
	return seeds, nil
}

// scanContent reads the front matter of every content file: which seed it
// came from, with which hash, and whether its body was edited since.
func scanContent(fsys afero.Fs, o Options) (map[string]existing, map[string]bool, error) {
	files, err := listContent(fsys, o)
	if err != nil {
		return nil, nil, err
	}
	known := map[string]existing{}
	slugs := map[string]bool{}
	for _, f := range files {
		data, err := afero.ReadFile(fsys, o.path(filepath.FromSlash(f)))
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", f, err)
		}
		head, body, _, err := frontmatter.Split(data)
		if err != nil {
			continue // not an imported file; the content stage reports it
		}
		meta, _, err := frontmatter.Parse(head)
		if err != nil {
			continue
		}
		slugs[meta.Slug] = true
		if meta.Source == "" {
			continue
		}
		known[meta.Source] = existing{
			file:       f,
			slug:       meta.Slug,
			sourceHash: meta.SourceSHA256,
			edited:     meta.BodySHA256 != "" && meta.BodySHA256 != ingest.BodyHash(string(body)),
		}
	}
	return known, slugs, nil
}

func listContent(fsys afero.Fs, o Options) ([]string, error) {
	dir := o.path(ContentDir)
	entries, err := afero.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") && !strings.HasPrefix(e.Name(), ".") {
			files = append(files, ContentDir+"/"+e.Name())
		}
	}
	sort.Strings(files)
	return files, nil
}

// writeFileAtomic writes through a temporary file and a rename, so a content
// file is never left half written.
func writeFileAtomic(fsys afero.Fs, name string, data []byte) error {
	if err := fsys.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("%s: %w", filepath.Dir(name), err)
	}
	tmp := name + ".tmp"
	if err := afero.WriteFile(fsys, tmp, data, 0o644); err != nil {
		_ = fsys.Remove(tmp)
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := fsys.Rename(tmp, name); err != nil {
		_ = fsys.Remove(tmp)
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
