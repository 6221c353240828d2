package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/ingest"
	"github.com/studysite/studysite/internal/parallel"
)

// ImportOptions change what Import does.
type ImportOptions struct {
	ingest.Options
	// Force re-imports every seed, even over a content file edited by hand
	// or one whose front matter does not parse; what it replaces is kept in
	// content/.backup/.
	Force bool
	// KeepEdited turns the refusal for a hand-edited content file into a
	// warning and keeps the file (what build does: the site still builds,
	// from the edited text).
	KeepEdited bool
	// DryRun reads and reports but writes nothing.
	DryRun bool
	// Prune moves content files whose seed is gone to content/.backup/
	// (edited ones only with Force).
	Prune bool
	// Now names backups; nil means time.Now.
	Now func() time.Time
}

// What happened to a seed or content file (ImportResult.Action).
const (
	ActionImported   = "imported"    // a new content file
	ActionUpdated    = "updated"     // an unedited content file rewritten
	ActionUnchanged  = "unchanged"   // nothing to write
	ActionKeptEdited = "kept-edited" // the seed changed, the edited file was kept (build)
	ActionReplaced   = "replaced"    // --force replaced an edited file; Backup holds it
	ActionSkipped    = "skipped"     // a file studysite cannot read; Message says how to convert it
	ActionDuplicate  = "duplicate"   // the same text as another seed, imported once
	ActionOrphan     = "orphan"      // a content file whose seed is gone
	ActionPruned     = "pruned"      // an orphan moved to Backup by --prune
)

// ImportResult is what happened to one seed (or, for orphans, one content
// file).
type ImportResult struct {
	Seed    string // seeds/… (slash path relative to the site)
	Content string // content/… written or kept
	Action  string
	Report  *ingest.Report
	// Message explains a skipped, duplicate, kept or orphaned file.
	Message string
	// Backup is where --force or --prune kept the file it replaced.
	Backup string
	// Renumbered lists paragraphs and sections an update gave new numbers,
	// and the links that pointed at them.
	Renumbered *Renumbering
}

// Warning is the line build prints for a result that needs the user's
// attention, or "".
func (r ImportResult) Warning() string {
	switch {
	case r.Message != "":
		return r.Message
	case r.Renumbered != nil:
		return r.Renumbered.String()
	}
	return ""
}

// ErrHandEdited is wrapped by the error for a changed seed whose content file
// a person has edited.
var ErrHandEdited = errors.New("edited by hand")

// BackupDir is where --force and --prune keep what they replace or remove.
const BackupDir = ContentDir + "/.backup"

// seedPlan is one seed on its way through Import.
type seedPlan struct {
	seed        string
	hash        string
	fingerprint string
	prev        *contentFile
	result      ImportResult
	imported    *ingest.Result // the import, until it is planned as a write
	write       []byte         // the content file to write; nil for none
	err         error
}

// Import imports every seed that has no content file, whose bytes changed,
// or whose unedited content file an older importer wrote. A content file a
// person edited — body or front matter — or whose front matter does not
// parse is never overwritten, moved or duplicated without opt.Force, and a
// front-matter error stops every write. Nothing is written unless every
// seed reads cleanly.
func Import(ctx context.Context, fsys afero.Fs, o Options, opt ImportOptions) ([]ImportResult, error) {
	if opt.PDFText == nil {
		opt.PDFText = o.PDFText
	}
	list, err := listSeeds(fsys, o, opt.PDFText != nil)
	if err != nil {
		return nil, err
	}
	files, err := scanContent(fsys, o)
	if err != nil {
		return nil, err
	}
	bySource, claims, taken, errs := indexContent(files, opt.Force)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}

	plans := make([]*seedPlan, len(list.seeds))
	anyNew := false
	for i, s := range list.seeds {
		plans[i] = &seedPlan{seed: s, prev: bySource[s]}
		if others := claims[s]; len(others) > 1 {
			// Which of them is the seed's own? Touch neither.
			plans[i].result = ImportResult{Seed: s, Content: others[0], Action: ActionUnchanged,
				Message: fmt.Sprintf("%s all name %s as their source: none of them is updated from it; delete the copy, or remove the source: line from the one that is a document of its own", strings.Join(others, " and "), s)}
		}
		anyNew = anyNew || plans[i].prev == nil
	}
	// Read, hash and import every seed in parallel; fingerprint the text
	// of the others only when a seed is new, since only a new seed can
	// duplicate another.
	read := o.begin(StageImport, int64(len(plans)))
	err = parallel.ForEach(ctx, len(plans), func(i int) error {
		if plans[i].result.Action == "" {
			importSeed(fsys, o, opt, plans[i], anyNew)
		}
		read.Add(1)
		return nil
	})
	o.end(StageImport)
	if err != nil {
		return nil, err
	}
	results := markDuplicates(plans)
	for _, p := range plans {
		if p.err == nil && p.imported != nil && p.prev != nil {
			planUpdate(p)
		}
	}
	var claimed []*seedPlan
	for _, p := range plans {
		if p.err != nil {
			errs = append(errs, p.err)
		} else if p.result.Action == ActionImported {
			claimSlug(p, taken)
			claimed = append(claimed, p)
		}
	}
	// Each new file's Markdown, now that its slug is known: on every CPU.
	mdErrs := make([]error, len(claimed))
	_ = parallel.ForEach(ctx, len(claimed), func(i int) error {
		mdErrs[i] = writeMarkdown(claimed[i])
		return nil
	})
	for _, err := range mdErrs {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(errs) > 0 {
		// No results: none of the planned writes happened.
		return nil, fmt.Errorf("nothing imported: %w", errors.Join(errs...))
	}
	if err := renumberings(ctx, fsys, o, plans, files); err != nil {
		return nil, err
	}
	for _, p := range plans {
		results = append(results, p.result)
	}
	results = append(results, orphans(files, list, opt)...)
	for _, s := range list.unsupported {
		results = append(results, ImportResult{Seed: s, Action: ActionSkipped, Message: unsupportedMessage(s)})
	}
	sortResults(results)
	if opt.DryRun {
		return results, nil
	}
	return results, commit(fsys, o, opt, plans, results)
}

// indexContent maps seeds to their content files (claims: every file that
// names a seed) and collects the slugs and file names already taken.
// Broken front matter is an error unless force.
func indexContent(files []*contentFile, force bool) (bySource map[string]*contentFile, claims map[string][]string, taken map[string]bool, errs []error) {
	bySource, claims, taken = map[string]*contentFile{}, map[string][]string{}, map[string]bool{}
	for _, c := range files {
		taken[c.slug] = true
		taken[strings.TrimSuffix(path.Base(c.file), ".md")] = true
		if c.broken != nil && !force {
			errs = append(errs, fmt.Errorf("%w; fix it and run again (nothing was imported or written)", c.broken))
		}
		if !c.fromSeed() {
			continue
		}
		claims[c.source] = append(claims[c.source], c.file)
		if _, ok := bySource[c.source]; !ok {
			bySource[c.source] = c
		}
	}
	return bySource, claims, taken, errs
}

// importSeed reads one seed and hashes it; it imports the seed when it is
// new, changed, or written by an older importer, and otherwise, when asked,
// fingerprints its text.
func importSeed(fsys afero.Fs, o Options, opt ImportOptions, p *seedPlan, fingerprint bool) {
	data, err := afero.ReadFile(fsys, o.path(filepath.FromSlash(p.seed)))
	if err != nil {
		p.err = fmt.Errorf("%s: %w", p.seed, err)
		return
	}
	sum := sha256.Sum256(data)
	p.hash = hex.EncodeToString(sum[:])
	if p.prev != nil && !opt.Force && p.prev.broken == nil {
		switch {
		case p.prev.sourceHash == p.hash && (p.prev.edited || p.prev.version == ingest.Version):
			p.result = ImportResult{Seed: p.seed, Content: p.prev.file, Action: ActionUnchanged}
			if fingerprint {
				// A seed read before reads again; if it no longer does
				// (pdftotext gone), it simply has no fingerprint.
				p.fingerprint, _ = ingest.Fingerprint(p.seed, data, opt.Options)
			}
			return
		case p.prev.sourceHash == p.hash:
			// An older importer wrote the unedited file: rewrite it.
		case p.prev.edited && opt.KeepEdited:
			p.result = ImportResult{Seed: p.seed, Content: p.prev.file, Action: ActionKeptEdited,
				Message: fmt.Sprintf("%s changed, but %s was edited by hand: building from the edited file; `studysite import --force` re-imports it (keeping a backup)", p.seed, p.prev.file)}
			return
		case p.prev.edited:
			p.err = fmt.Errorf("%s: the seed changed, but %s was %w since it was imported; "+
				"keep your edits (move the seed away) or re-import with `studysite import --force` (your file is kept in %s/)", p.seed, p.prev.file, ErrHandEdited, BackupDir)
			return
		}
	}
	slug := ""
	if p.prev != nil {
		slug = p.prev.slug
	}
	res, err := ingest.Import(p.seed, data, slug, opt.Options)
	if err != nil && ingest.Unreadable(err) {
		// Not a transcript at all: name it and go on with the others.
		p.result = ImportResult{Seed: p.seed, Action: ActionSkipped, Message: fmt.Sprintf("%s: not imported: %v", p.seed, err)}
		if p.prev != nil {
			p.result.Content = p.prev.file
			p.result.Message += fmt.Sprintf("; %s is kept as it was", p.prev.file)
		}
		return
	}
	if err != nil {
		p.err = fmt.Errorf("%s: %w", p.seed, err)
		return
	}
	// Every seed is imported before any is written: keep only what the
	// content file needs, not the document's blocks.
	res.Doc = nil
	p.imported, p.fingerprint = res, res.Fingerprint
	p.result = ImportResult{Seed: p.seed, Action: ActionImported, Report: res.Report}
}

// markDuplicates imports a text found in several seeds once: from the seed
// that already has a content file, else a .docx (it keeps Word's headings),
// else the first by name. The others are reported.
func markDuplicates(plans []*seedPlan) []ImportResult {
	groups := map[string][]*seedPlan{}
	for _, p := range plans {
		if p.fingerprint != "" && p.err == nil {
			groups[p.fingerprint] = append(groups[p.fingerprint], p)
		}
	}
	var out []ImportResult
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		sort.SliceStable(g, func(i, j int) bool { return seedRank(g[i]) < seedRank(g[j]) })
		keep := g[0]
		for _, p := range g[1:] {
			if p.prev != nil {
				// Both were imported before this importer looked: say so,
				// change nothing.
				out = append(out, ImportResult{Seed: p.seed, Content: p.prev.file, Action: ActionDuplicate,
					Message: fmt.Sprintf("%s has the same text as %s, and both have content files: delete one seed and its content file", p.seed, keep.seed)})
				continue
			}
			p.imported = nil
			p.result = ImportResult{Seed: p.seed, Action: ActionDuplicate,
				Message: fmt.Sprintf("%s has the same text as %s: imported once, from %s", p.seed, keep.seed, keep.seed)}
		}
	}
	return out
}

func seedRank(p *seedPlan) int {
	switch {
	case p.prev != nil:
		return 0
	case strings.EqualFold(path.Ext(p.seed), ".docx"):
		return 1
	}
	return 2
}

// planUpdate writes the import of a seed that has a content file over it.
func planUpdate(p *seedPlan) {
	res := p.imported
	p.imported = nil
	md, err := res.Markdown()
	if err != nil {
		p.err = fmt.Errorf("%s: %w", p.seed, err)
		return
	}
	p.result.Content = p.prev.file
	p.result.Action = ActionUpdated
	if p.prev.edited {
		p.result.Action = ActionReplaced
	}
	p.write = md
}

// claimSlug gives a new content file the first free slug of its
// candidates, in seed order, so names never depend on scheduling.
func claimSlug(p *seedPlan, taken map[string]bool) {
	res := p.imported
	res.SetSlug(freeSlug(res.SlugCandidates, taken))
	taken[res.Slug()] = true
	p.result.Content = path.Join(ContentDir, res.Slug()+".md")
}

// writeMarkdown gives a claimed new content file its Markdown.
func writeMarkdown(p *seedPlan) error {
	res := p.imported
	p.imported = nil
	md, err := res.Markdown()
	if err != nil {
		return fmt.Errorf("%s: %w", p.seed, err)
	}
	p.write = md
	return nil
}

// freeSlug picks the first candidate slug not taken, then the shortest with
// -2, -3 … Slugs of existing content files are never changed.
func freeSlug(cands []string, taken map[string]bool) string {
	for _, s := range cands {
		if !taken[s] && content.ValidSlug(s) == nil {
			return s
		}
	}
	for n := 2; ; n++ {
		if s := fmt.Sprintf("%s-%d", cands[0], n); !taken[s] {
			return s
		}
	}
}

// orphans reports content files whose seed is gone, and with Prune marks
// the ones it may remove.
func orphans(files []*contentFile, list seedList, opt ImportOptions) []ImportResult {
	var out []ImportResult
	for _, c := range files {
		if !c.fromSeed() || list.all[c.source] {
			continue
		}
		r := ImportResult{Seed: c.source, Content: c.file, Action: ActionOrphan}
		switch {
		case opt.Prune && (!c.edited || opt.Force):
			r.Action = ActionPruned
		case opt.Prune:
			r.Message = fmt.Sprintf("%s: its seed %s is gone, but the file was edited by hand: kept (`studysite import --prune --force` removes it, keeping a backup)", c.file, c.source)
		default:
			r.Message = fmt.Sprintf("%s: its seed %s is gone; the document stays on the site until you delete the file (`studysite import --prune` moves it to %s/)", c.file, c.source, BackupDir)
		}
		out = append(out, r)
	}
	return out
}

func sortResults(rs []ImportResult) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Seed != rs[j].Seed {
			return rs[i].Seed < rs[j].Seed
		}
		return rs[i].Content < rs[j].Content
	})
}

// commit writes what Import planned: backups first, so a failure half way
// never loses what a person wrote.
func commit(fsys afero.Fs, o Options, opt ImportOptions, plans []*seedPlan, results []ImportResult) error {
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	stamp := now().Format("20060102-150405")
	written := map[string][]byte{}
	for _, p := range plans {
		if p.write != nil {
			written[p.seed] = p.write
		}
	}
	// Every file is its own: written on every CPU; the first error in
	// the results' order is the one reported.
	return parallel.ForEach(context.Background(), len(results), func(i int) error {
		r := &results[i]
		switch r.Action {
		case ActionImported, ActionUpdated, ActionReplaced:
			md := written[r.Seed]
			target := o.contentPath(r.Content)
			if old, err := afero.ReadFile(fsys, target); err == nil && string(old) == string(md) {
				r.Action = ActionUnchanged
				return nil
			}
			if r.Action == ActionReplaced {
				b, err := backup(fsys, o, r.Content, stamp)
				if err != nil {
					return err
				}
				r.Backup = b
			}
			return writeFileAtomic(fsys, target, md)
		case ActionPruned:
			b, err := backup(fsys, o, r.Content, stamp)
			if err != nil {
				return err
			}
			r.Backup = b
			if err := fsys.Remove(o.contentPath(r.Content)); err != nil {
				return fmt.Errorf("%s: %w", r.Content, err)
			}
		}
		return nil
	})
}

// backup copies content/x.md to content/.backup/x.<stamp>.md (never over an
// earlier backup) and gives the copy's name.
func backup(fsys afero.Fs, o Options, file, stamp string) (string, error) {
	data, err := afero.ReadFile(fsys, o.contentPath(file))
	if err != nil {
		return "", fmt.Errorf("%s: %w", file, err)
	}
	base := strings.TrimSuffix(path.Base(file), ".md") + "." + stamp
	name := path.Join(BackupDir, base+".md")
	for n := 2; ; n++ {
		if _, err := fsys.Stat(o.contentPath(name)); err != nil {
			break
		}
		name = path.Join(BackupDir, fmt.Sprintf("%s-%d.md", base, n))
	}
	if err := writeFileAtomic(fsys, o.contentPath(name), data); err != nil {
		return "", err
	}
	return name, nil
}

func listContent(fsys afero.Fs, o Options) ([]string, error) {
	dir := o.path(ContentDir)
	entries, err := afero.ReadDir(fsys, dir)
	if isNotExist(err) {
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
