package site

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/internal/htmltest"
)

// randomSite is a small site whose documents a test edits at random: each
// document's front matter and body are kept as fields, written out as a
// content file after every change.
type randomSite struct {
	fsys afero.Fs
	rng  *rand.Rand
	docs map[string]*randomDoc // by slug
	next int
}

type randomDoc struct {
	title, date, series string
	tags, terms         []string
	paras               []string
}

var (
	randomTags    = []string{"改革开放", "长三角", "城市治理", "科技创新"}
	randomTerms   = []string{"人民城市", "高质量发展", "新发展格局", "五个中心"}
	randomQuoted  = []string{"两个确立", "四个意识", "一盘棋"}
	randomSeries  = []string{"", "", "考察", "座谈会"}
	randomClauses = []string{
		"要践行人民城市理念，不断满足人民群众对住房的多样化需求。",
		"推动高质量发展，构建新发展格局，加快建设“五个中心”。",
		"长三角区域要加强科技创新和产业创新跨区域协同。",
		"要坚持一盘棋思想，加大制度和体制机制创新力度。",
	}
)

const randomConfig = `title = "学习材料"
language = "zh-CN"
links = "warn"

[[glossary]]
term = "人民城市"

[[glossary]]
term = "高质量发展"

[[glossary]]
term = "新发展格局"

[[packet]]
title = "长三角专题"
tag = "长三角"
`

func (s *randomSite) slugs() []string {
	var out []string
	for slug := range s.docs {
		out = append(out, slug)
	}
	slices.Sort(out)
	return out
}

func (s *randomSite) pick() string {
	slugs := s.slugs()
	return slugs[s.rng.IntN(len(slugs))]
}

func (s *randomSite) paragraph() string {
	p := randomClauses[s.rng.IntN(len(randomClauses))]
	if s.rng.IntN(3) == 0 && len(s.docs) > 0 {
		target := s.pick()
		switch s.rng.IntN(3) {
		case 0:
			p += "参见[[" + target + "]]。"
		case 1:
			p += "参见[[" + target + "#p1]]。"
		default:
			p += "参见[[" + target + "|另一篇]]。"
		}
	}
	return p
}

func (s *randomSite) date() string {
	return fmt.Sprintf("20%02d-%02d-%02d", 18+s.rng.IntN(6), 1+s.rng.IntN(12), 1+s.rng.IntN(28))
}

func (s *randomSite) subset(from []string) []string {
	var out []string
	for _, x := range from {
		if s.rng.IntN(3) == 0 {
			out = append(out, x)
		}
	}
	return out
}

func (s *randomSite) add() string {
	s.next++
	slug := fmt.Sprintf("doc-%02d", s.next)
	d := &randomDoc{title: fmt.Sprintf("第%d篇 学习材料", s.next), date: s.date(),
		series: randomSeries[s.rng.IntN(len(randomSeries))], tags: s.subset(randomTags), terms: s.subset(randomQuoted)}
	for range 2 + s.rng.IntN(3) {
		d.paras = append(d.paras, s.paragraph())
	}
	s.docs[slug] = d
	return s.write(slug)
}

func quoteList(xs []string) string {
	q := make([]string, len(xs))
	for i, x := range xs {
		q[i] = fmt.Sprintf("%q", x)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func (s *randomSite) write(slug string) string {
	d := s.docs[slug]
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\n", d.title, d.date)
	if len(d.tags) > 0 {
		fmt.Fprintf(&b, "tags: %s\n", quoteList(d.tags))
	}
	if len(d.terms) > 0 {
		fmt.Fprintf(&b, "terms: %s\n", quoteList(d.terms))
	}
	if d.series != "" {
		fmt.Fprintf(&b, "series: %q\n", d.series)
	}
	b.WriteString("---\n\n## 一、总体要求\n\n")
	for i, p := range d.paras {
		if i == len(d.paras)/2 {
			b.WriteString("## 二、重点任务\n\n")
		}
		b.WriteString(p + "\n\n")
	}
	rel := "content/" + slug + ".md"
	if err := afero.WriteFile(s.fsys, "site/"+rel, []byte(b.String()), 0o644); err != nil {
		panic(err)
	}
	return rel
}

// edit makes one random change and gives the paths it changed.
func (s *randomSite) edit(t *testing.T) (string, []string) {
	slug := s.pick()
	d := s.docs[slug]
	switch op := s.rng.IntN(12); op {
	case 0:
		return "add " + fmt.Sprint(s.next+1), []string{s.add()}
	case 1:
		if len(s.docs) < 4 {
			return "add", []string{s.add()}
		}
		delete(s.docs, slug)
		rel := "content/" + slug + ".md"
		if err := s.fsys.Remove("site/" + rel); err != nil {
			t.Fatal(err)
		}
		return "delete " + slug, []string{rel}
	case 2:
		d.title = fmt.Sprintf("改过的标题%d", s.rng.IntN(1000))
		return "title of " + slug, []string{s.write(slug)}
	case 3:
		d.date = s.date()
		return "date of " + slug, []string{s.write(slug)}
	case 4:
		d.tags = s.subset(randomTags)
		return "tags of " + slug, []string{s.write(slug)}
	case 5:
		d.terms = s.subset(randomQuoted)
		d.paras = append(d.paras, "会上强调“"+randomQuoted[s.rng.IntN(len(randomQuoted))]+"”。")
		return "terms of " + slug, []string{s.write(slug)}
	case 6:
		d.paras = append(d.paras, s.paragraph())
		return "paragraph added to " + slug, []string{s.write(slug)}
	case 7:
		if len(d.paras) > 1 {
			i := s.rng.IntN(len(d.paras))
			d.paras = slices.Delete(d.paras, i, i+1)
		}
		return "paragraph removed from " + slug, []string{s.write(slug)}
	case 8:
		d.paras[s.rng.IntN(len(d.paras))] = randomClauses[0] + "参见[[" + s.pick() + "#s2]]。"
		return "[[link]] in " + slug, []string{s.write(slug)}
	case 9:
		d.series = randomSeries[s.rng.IntN(len(randomSeries))]
		return "series of " + slug, []string{s.write(slug)}
	case 10:
		cfg := strings.Replace(randomConfig, "学习材料", fmt.Sprintf("学习材料%d", s.rng.IntN(100)), 1)
		if err := afero.WriteFile(s.fsys, "site/studysite.toml", []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		return "config title", []string{"studysite.toml"}
	default:
		var nothing []string
		return "save without change of " + slug, append(nothing, s.write(slug))
	}
}

// TestIncrementalEqualsFullBuild edits a site at random, step after step,
// and compares every file the incremental builder gives with a fresh full
// build of the same folder. Under -short (make mutate runs the tests once
// per mutant) one seed of the three.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	seeds := []uint64{1, 2, 3}
	if testing.Short() {
		seeds = seeds[:1]
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			s := &randomSite{fsys: fsys, rng: rand.New(rand.NewPCG(seed, 14)), docs: map[string]*randomDoc{}}
			if err := afero.WriteFile(fsys, "site/studysite.toml", []byte(randomConfig), 0o644); err != nil {
				t.Fatal(err)
			}
			for range 8 {
				s.add()
			}
			b := &Incremental{Fs: fsys, Options: Options{Source: "site"}}
			what, changed := "first build", []string(nil)
			for step := range 30 {
				got, err := b.Build(context.Background(), changed)
				if err != nil {
					t.Fatalf("step %d (%s): incremental build: %v", step, what, err)
				}
				compareWithFullBuild(t, fsys, fmt.Sprintf("step %d (%s)", step, what), got)
				if step > 0 && !b.Stats.Full && b.Stats.Parsed > len(changed) {
					t.Errorf("step %d (%s): parsed %d files for %d changed", step, what, b.Stats.Parsed, len(changed))
				}
				if b.Stats.Parsed < 0 || b.Stats.Kept < 0 || b.Stats.Parsed+b.Stats.Kept != len(s.docs) {
					t.Errorf("step %d (%s): %d files parsed and %d kept, for %d content files", step, what, b.Stats.Parsed, b.Stats.Kept, len(s.docs))
				}
				if step > 0 && !b.Stats.Full && b.Stats.Imported {
					t.Errorf("step %d (%s): import ran on a site without seeds", step, what)
				}
				if step > 0 && !b.Stats.Full && b.Stats.Reused == 0 {
					t.Errorf("step %d (%s): no page kept from the last build", step, what)
				}
				what, changed = s.edit(t)
			}
		})
	}
}

func compareWithFullBuild(t *testing.T, fsys afero.Fs, step string, got *IncrementalResult) {
	t.Helper()
	const dest = "full"
	if _, err := Build(context.Background(), fsys, Options{Source: "site", Dest: dest}); err != nil {
		t.Fatalf("%s: full build: %v", step, err)
	}
	want := map[string][]byte{}
	for p := range tree(t, fsys, dest) {
		data, err := afero.ReadFile(fsys, dest+"/"+p)
		if err != nil {
			t.Fatal(err)
		}
		want[p] = data
	}
	seen := map[string]bool{}
	var bad []string
	for _, f := range got.Files {
		seen[f.Path] = true
		w, ok := want[f.Path]
		switch {
		case !ok:
			bad = append(bad, f.Path+": not in the full build")
		case !bytes.Equal(w, f.Data):
			bad = append(bad, f.Path+": differs from the full build: "+htmltest.FirstDiff(string(f.Data), string(w)))
		}
	}
	for p := range want {
		if !seen[p] {
			bad = append(bad, p+": missing from the incremental build")
		}
	}
	slices.Sort(bad)
	for i, b := range bad {
		if i == 5 {
			t.Errorf("%s: … and %d more", step, len(bad)-5)
			break
		}
		t.Errorf("%s: %s", step, b)
	}
	if len(bad) > 0 {
		t.FailNow()
	}
}

// TestIncrementalLifecycle follows a site through the changes that are not
// content edits: a seed edited (re-imported), a content file broken and
// mended, a theme file overridden, an imported file deleted (import
// brings it back), the configuration changed while a build fails. After
// each, the incremental build equals a full build, and says what a full
// build says of the seeds (the site has a spreadsheet among them).
// Whatever a build is told, the first builds everything, and so does one
// after a failed build that was asked to build everything.
func TestIncrementalLifecycle(t *testing.T) {
	fsys := seedSite(t)
	seed := "site/seeds/" + seedFile
	write := func(name string, data []byte) {
		t.Helper()
		if err := afero.WriteFile(fsys, name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site/seeds/名单.xlsx", []byte("PK\x03\x04 xlsx"))
	const skipped = "warning: seeds/名单.xlsx: not imported: it is a spreadsheet"
	var imported string // the content file the seed became
	var current string  // the seed's content file now (a hand-mended file loses its source: line)
	nothing := []string{}
	steps := []struct {
		name       string
		apply      func() []string
		wantErr    string // the build fails, naming this file at line 2 ("" succeeds; "*" the imported file)
		wantImport bool
	}{
		{"first build, told of the seed only", func() []string { return []string{"seeds/" + seedFile} }, "", true},
		{"seed edited", func() []string {
			write(seed, append(readSeed(t), []byte("\n\n会议要求，各地区各部门要结合实际认真贯彻落实。\n")...))
			return []string{"seeds/" + seedFile}
		}, "", true},
		{"content file broken", func() []string {
			write("site/"+imported, []byte("---\ntitle: [不成对\n---\n正文。\n"))
			return []string{imported}
		}, "*", false},
		{"config changed while the content is broken", func() []string {
			write("site/studysite.toml", []byte("title = \"学习材料汇编\"\n"))
			return []string{"studysite.toml"}
		}, "*", false},
		{"content file mended", func() []string { // the new title reaches every page
			write("site/"+imported, []byte("---\ntitle: 手改的标题\ndate: 2023-12-01\n---\n\n正文。\n"))
			return []string{imported}
		}, "", true}, // the site has seeds: import judges the edit
		{"theme file overridden", func() []string {
			write("site/themes/default/assets/style.css", []byte("body { color: #222; }\n"))
			return []string{"themes/default/assets/style.css"}
		}, "", true},
		{"config broken", func() []string {
			write("site/studysite.toml", []byte("title = \"学习材料\"\nlinks = [\n"))
			return []string{"studysite.toml"}
		}, "studysite.toml", false},
		{"content edited while the config is broken", func() []string {
			write("site/"+imported, []byte("---\ntitle: 又改的标题\ndate: 2023-12-01\n---\n\n正文。\n"))
			return []string{imported}
		}, "studysite.toml", false},
		{"config mended", func() []string {
			write("site/studysite.toml", []byte("title = \"新的站名\"\n"))
			return []string{"studysite.toml"}
		}, "", true},
		{"config changed, everything asked for", func() []string {
			write("site/studysite.toml", []byte("title = \"又一个站名\"\n"))
			return nil
		}, "", true},
		{"config broken, everything asked for", func() []string {
			write("site/studysite.toml", []byte("title = \"学习材料\"\nlinks = [\n"))
			return nil
		}, "studysite.toml", false},
		{"content edited after that failed build", func() []string {
			write("site/"+imported, []byte("---\ntitle: 再改的标题\ndate: 2023-12-01\n---\n\n正文。\n"))
			return []string{imported}
		}, "studysite.toml", false},
		{"config mended again", func() []string {
			write("site/studysite.toml", []byte("title = \"新的站名\"\n"))
			return []string{"studysite.toml"}
		}, "", true},
		{"imported file deleted", func() []string {
			if err := fsys.Remove("site/" + imported); err != nil {
				t.Fatal(err)
			}
			return []string{imported}
		}, "", true},
		{"seed's file deleted, the change not named", func() []string {
			if err := fsys.Remove("site/" + current); err != nil {
				t.Fatal(err)
			}
			return nothing
		}, "", true},
		{"nothing changed, nothing named", func() []string { return nothing }, "", false},
	}
	var log bytes.Buffer
	b := &Incremental{Fs: fsys, Options: Options{Source: "site", Log: &log}}
	for _, st := range steps {
		log.Reset()
		got, err := b.Build(context.Background(), st.apply())
		if want := strings.Replace(st.wantErr, "*", imported, 1); want != "" {
			if err == nil || !strings.Contains(err.Error(), want+":2") {
				t.Fatalf("%s: error %v, want one naming %s:2", st.name, err, want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if b.Stats.Imported != st.wantImport {
			t.Errorf("%s: import ran: %v, want %v", st.name, b.Stats.Imported, st.wantImport)
		}
		if said := strings.Contains(log.String(), skipped); said != st.wantImport || strings.Contains(log.String(), "warning: \n") {
			t.Errorf("%s: import ran: %v, and the log says\n%s", st.name, st.wantImport, log.String())
		}
		// What serve's benchmark reports of a rebuild.
		if tm := b.Stats.Times; tm.Parse <= 0 || tm.Render <= 0 || tm.Search <= 0 || tm.Publish <= 0 {
			t.Errorf("%s: stage times %v", st.name, tm)
		}
		for _, r := range got.Result.Imported {
			if r.Seed == "seeds/"+seedFile {
				current = r.Content
			}
		}
		if imported == "" {
			if imported = current; imported == "" {
				t.Fatalf("%s: the seed was not imported", st.name)
			}
		}
		compareWithFullBuild(t, fsys, st.name, got)
	}
}
