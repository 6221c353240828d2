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
	// DryRun reads and reports but writes nothing.
	DryRun bool
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
	// Plan every seed first and write only when all of them read cleanly:
	// a bad seed (undecodable bytes, a refused hand edit) writes nothing.
	var (
		results []ImportResult
		writes  [][]byte
		errs    []error
	)
	for _, seed := range seeds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, md, err := planSeed(fsys, o, opt, seed, known, slugs)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		results = append(results, r)
		writes = append(writes, md)
	}
	if len(errs) > 0 {
		// No results: none of the planned writes happened.
		return nil, fmt.Errorf("nothing imported: %w", errors.Join(errs...))
	}
	for i, r := range results {
		if writes[i] == nil || opt.DryRun {
			continue
		}
		if err := writeFileAtomic(fsys, o.path(filepath.FromSlash(r.Content)), writes[i]); err != nil {
			return results, err
		}
	}
	return results, nil
}

// planSeed decides what to do with one seed and gives the content file to
// write (nil when nothing is to be written).
func planSeed(fsys afero.Fs, o Options, opt ImportOptions, seed string, known map[string]existing, slugs map[string]bool) (ImportResult, []byte, error) {
	data, err := afero.ReadFile(fsys, o.path(filepath.FromSlash(seed)))
	if err != nil {
		return ImportResult{}, nil, fmt.Errorf("%s: %w", seed, err)
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	prev, had := known[seed]
	if had && prev.sourceHash == hash && !opt.Force {
		return ImportResult{Seed: seed, Content: prev.file, Action: "unchanged"}, nil, nil
	}
	if had && prev.edited && !opt.Force && opt.KeepEdited {
		o.logf("warning: %s changed, but %s was edited by hand: building from the edited file; `studysite import --force` re-imports it\n", seed, prev.file)
		return ImportResult{Seed: seed, Content: prev.file, Action: "kept-edited"}, nil, nil
	}
	if had && prev.edited && !opt.Force {
		return ImportResult{}, nil, fmt.Errorf("%s: the seed changed, but %s was %w since it was imported; "+
			"keep your edits (move the seed away) or overwrite them with `studysite import --force`", seed, prev.file, ErrHandEdited)
	}
	slug := ""
	if had {
		slug = prev.slug
	}
	res, err := ingest.Import(seed, data, slug, opt.Options)
	if err != nil {
		return ImportResult{}, nil, fmt.Errorf("%s: %w", seed, err)
	}
	target := prev.file
	action := "updated"
	if !had {
		res.SetSlug(freeSlug(res.SlugCandidates, slugs))
		target = path.Join(ContentDir, res.Slug()+".md")
		action = "imported"
	}
	slugs[res.Slug()] = true
	md, err := res.Markdown()
	if err != nil {
		return ImportResult{}, nil, fmt.Errorf("%s: %w", seed, err)
	}
	if had {
		if old, err := afero.ReadFile(fsys, o.path(filepath.FromSlash(target))); err == nil && string(old) == string(md) {
			return ImportResult{Seed: seed, Content: target, Action: "unchanged", Report: res.Report}, nil, nil
		}
	}
	return ImportResult{Seed: seed, Content: target, Action: action, Report: res.Report}, md, nil
}

// freeSlug picks the first candidate slug not taken, then the shortest with
// -2, -3 … Slugs of existing content files are never changed.
func freeSlug(cands []string, taken map[string]bool) string {
	for _, s := range cands {
		if !taken[s] {
			return s
		}
	}
	for n := 2; ; n++ {
		if s := fmt.Sprintf("%s-%d", cands[0], n); !taken[s] {
			return s
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
