// Package corpus makes benchmark corpora: Generated finds or generates the
// 2,000-document corpus for whole-build and search benchmarks; Load gives
// the link stage's corpus, either the
// content/ folder of a site named by $STUDYSITE_BENCH_SITE (for example
// the 2,000 documents of ../shared/bench/gencorpus.py), or a synthetic one
// shuffled from the repository's own seed document.
package corpus

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/internal/parallel"
)

// EnvSite names a site folder (studysite.toml + content/) to benchmark on.
const EnvSite = "STUDYSITE_BENCH_SITE"

// Site is a benchmark corpus as files: a config and content files.
type Site struct {
	Config config.Config
	Files  map[string][]byte // content/x.md → bytes
	Names  []string          // sorted keys of Files
	Origin string
}

// Load returns the corpus of $STUDYSITE_BENCH_SITE, or a synthetic one of n
// documents built from repoRoot's content/ and studysite.toml.
func Load(repoRoot string, n int) (*Site, error) {
	if dir := os.Getenv(EnvSite); dir != "" {
		return fromDir(dir)
	}
	return synthetic(repoRoot, n)
}

func fromDir(dir string) (*Site, error) {
	fs := afero.NewOsFs()
	cfg, _, err := config.Load(fs, filepath.Join(dir, config.FileName))
	if err != nil {
		return nil, err
	}
	s := &Site{Config: cfg, Files: map[string][]byte{}, Origin: dir}
	matches, _ := filepath.Glob(filepath.Join(dir, "content", "*.md"))
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil {
			return nil, err
		}
		name := "content/" + filepath.Base(m)
		s.Files[name] = b
		s.Names = append(s.Names, name)
	}
	sort.Strings(s.Names)
	if len(s.Names) == 0 {
		return nil, fmt.Errorf("%s: no content/*.md", dir)
	}
	return s, nil
}

// synthetic shuffles the paragraphs of the seed document into n documents
// of about the seed's length, with dates, tags, series and a few [[links]].
func synthetic(repoRoot string, n int) (*Site, error) {
	cfg, _, err := config.Load(afero.NewOsFs(), filepath.Join(repoRoot, config.FileName))
	if err != nil {
		return nil, err
	}
	matches, _ := filepath.Glob(filepath.Join(repoRoot, "content", "*.md"))
	var paras, heads []string
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err != nil {
			return nil, err
		}
		p, err := content.Parse(m, b)
		if err != nil {
			return nil, err
		}
		for _, x := range p.Paragraphs {
			paras = append(paras, x.Text)
		}
		for _, h := range p.Headings {
			heads = append(heads, h.Text)
		}
	}
	if len(paras) == 0 || len(heads) == 0 {
		return nil, fmt.Errorf("%s: no seed content to build a corpus from", repoRoot)
	}
	r := rand.New(rand.NewPCG(1, 2))
	tags := []string{"改革开放", "科技创新", "区域协调发展", "城市治理", "党的建设", "生态文明"}
	s := &Site{Config: cfg, Files: map[string][]byte{}, Origin: "synthetic"}
	for i := 1; i <= n; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: 学习材料第%d篇\ndate: \"%04d-%02d-%02d\"\nslug: doc-%05d\ntags: [%s]\nseries: 系列%d\n---\n\n",
			i, 2015+i%9, 1+i%12, 1+i%28, i, tags[i%len(tags)], i%20)
		for sec := 0; sec < 3; sec++ {
			fmt.Fprintf(&b, "## %s\n\n", heads[r.IntN(len(heads))])
			for k := 0; k < 8; k++ {
				b.WriteString(paras[r.IntN(len(paras))])
				if k == 0 && i > 1 && sec == 0 {
					fmt.Fprintf(&b, "参见[[doc-%05d#p%d]]。", 1+r.IntN(i-1), 1+r.IntN(8))
				}
				b.WriteString("\n\n")
			}
		}
		name := fmt.Sprintf("content/doc-%05d.md", i)
		s.Files[name] = []byte(b.String())
		s.Names = append(s.Names, name)
	}
	return s, nil
}

// Parse parses every content file, in parallel.
func (s *Site) Parse() ([]*content.Page, error) {
	pages := make([]*content.Page, len(s.Names))
	err := parallel.ForEach(context.Background(), len(s.Names), func(i int) error {
		var err error
		pages[i], err = content.Parse(s.Names[i], s.Files[s.Names[i]])
		return err
	})
	if err != nil {
		return nil, err
	}
	return pages, nil
}
