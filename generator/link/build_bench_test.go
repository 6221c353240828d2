package link_test

import (
	"context"
	"path"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/corpus"
)

// BenchmarkBuild is a whole build (load, link, render, publish to memory)
// of 2,000 documents (or $STUDYSITE_BENCH_SITE) with the glossary and with
// none: the difference is what cross-linking costs.
func BenchmarkBuild(b *testing.B) {
	c, err := corpus.Load("../..", 2000)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name     string
		glossary bool
	}{{"glossary", true}, {"no-glossary", false}} {
		b.Run(bc.name, func(b *testing.B) {
			fs := afero.NewMemMapFs()
			for name, data := range c.Files {
				if !bc.glossary {
					data = withoutTerms(data)
				}
				if err := afero.WriteFile(fs, path.Join("/site", name), data, 0o644); err != nil {
					b.Fatal(err)
				}
			}
			if err := afero.WriteFile(fs, "/site/"+config.FileName, configTOML(c.Config, bc.glossary), 0o644); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := site.Build(context.Background(), fs, site.Options{Source: "/site"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// configTOML writes the glossary part of cfg (or switches linking off).
func configTOML(cfg config.Config, glossary bool) []byte {
	if !glossary {
		return []byte("termLinks = \"off\"\nlinks = \"warn\"\n")
	}
	s := "termLinks = \"" + cfg.TermLinks + "\"\n"
	for _, g := range cfg.Glossary {
		s += "[[glossary]]\nterm = \"" + g.Term + "\"\n"
		if g.Disabled {
			s += "disabled = true\n"
		}
	}
	return []byte(s)
}

// withoutTerms drops a front matter "terms:" line so the baseline has no
// glossary at all.
func withoutTerms(data []byte) []byte {
	return []byte(termsLine.ReplaceAllString(string(data), ""))
}
