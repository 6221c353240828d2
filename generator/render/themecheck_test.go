package render

import (
	"slices"
	"sort"
	"testing"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
)

// TestTemplatesNeededMatchesPages: the templates TemplatesNeeded names are
// exactly those of the pages the producers make (archive pages aside,
// which a theme may do without), for sites with and without terms,
// taxonomies and packets.
func TestTemplatesNeededMatchesPages(t *testing.T) {
	linksCfg, linksFiles := loadTestSite(t, "links")
	noPackets, zero := config.Default(), 0
	noPackets.PacketSettings.Newest = &zero
	cases := []struct {
		name  string
		cfg   config.Config
		files map[string]string
	}{
		{"one plain document", config.Default(), map[string]string{"content/a.md": "---\ntitle: 甲\nslug: a\n---\n\n正文。\n"}},
		{"no documents", config.Default(), map[string]string{}},
		{"terms, tags, series and packets", linksCfg, linksFiles},
		{"terms from front matter, no packet", noPackets, map[string]string{"content/a.md": "---\ntitle: 甲\nslug: a\nterms: [\"新发展理念\"]\n---\n\n坚持新发展理念。\n"}},
		{"a tag only", noPackets, map[string]string{"content/a.md": "---\ntitle: 甲\nslug: a\ntags: [学习]\n---\n\n正文。\n"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			site := linkSite(t, tc.cfg, tc.files)
			kinds := map[string]bool{}
			for _, produce := range producers {
				for _, j := range produce(site, nil) {
					kinds[j.kind] = true
				}
			}
			for _, j := range (&Renderer{}).packetPages(site) {
				kinds[j.kind] = true
			}
			for _, j := range termPages(site, nil) { // kept out of producers: a Cache may keep them
				kinds[j.kind] = true
			}
			delete(kinds, "archive")
			for _, k := range requiredKinds { // render.New needs them on any site
				kinds[k] = true
			}
			want := []string{"templates/base.html"}
			for k := range kinds {
				want = append(want, "templates/"+k+".html")
			}
			sort.Strings(want[1:])
			if got := TemplatesNeeded(site); !slices.Equal(got, want) {
				t.Errorf("TemplatesNeeded = %v\n   the pages need %v", got, want)
			}
		})
	}
}

// linkSite parses content files and links them.
func linkSite(t testing.TB, cfg config.Config, files map[string]string) *link.Site {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var pages []*content.Page
	for _, n := range names {
		p, err := content.Parse(n, []byte(files[n]))
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
	}
	site, err := link.Build(cfg, pages)
	if err != nil {
		t.Fatal(err)
	}
	return site
}
