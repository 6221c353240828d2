package site

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestRenumberingNamesLinksFromEveryFile: the links a renumbering names are
// found in whatever content file holds them, an imported one edited by
// hand included, and when a new seed is imported in the same run.
func TestRenumberingNamesLinksFromEveryFile(t *testing.T) {
	notice := []byte("关于做好学习的通知\n\n各单位：\n请按时参加学习。\n")
	for _, c := range []struct {
		name string
		// linkFrom adds a line linking to ¶5 of the speech (slug) to a
		// content file and gives the file.
		linkFrom func(t *testing.T, fsys afero.Fs, slug string, first []ImportResult) string
		// alongside runs with the change of the speech.
		alongside func(t *testing.T, fsys afero.Fs)
	}{
		{"an imported notice edited by hand", func(t *testing.T, fsys afero.Fs, slug string, first []ImportResult) string {
			for _, r := range first {
				if r.Seed == "seeds/通知.txt" {
					md := string(readFile(t, fsys, "site/"+r.Content)) + "\n学习要点见[[" + slug + "#p5]]。\n"
					write(t, fsys, "site/"+r.Content, []byte(md))
					return r.Content
				}
			}
			t.Fatalf("the notice was not imported: %+v", first)
			return ""
		}, func(*testing.T, afero.Fs) {}},
		{"notes, with a new seed added", func(t *testing.T, fsys afero.Fs, slug string, _ []ImportResult) string {
			write(t, fsys, "site/content/xue-xi-bi-ji.md", []byte("---\ntitle: 学习笔记\nslug: xue-xi-bi-ji\n---\n\n见[["+slug+"#p5]]。\n"))
			return "content/xue-xi-bi-ji.md"
		}, func(t *testing.T, fsys afero.Fs) {
			write(t, fsys, "site/seeds/会议纪要.txt", []byte("关于召开学习会的纪要\n\n会议认为，要抓好落实。\n"))
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := afero.NewMemMapFs()
			write(t, fsys, "site/seeds/讲话.txt", []byte(speechText))
			write(t, fsys, "site/seeds/通知.txt", notice)
			o := Options{Source: "site"}
			first := importOK(t, fsys, o, ImportOptions{})
			var speech string
			for _, r := range first {
				if r.Seed == "seeds/讲话.txt" {
					speech = r.Content
				}
			}
			slug := strings.TrimSuffix(strings.TrimPrefix(speech, "content/"), ".md")
			linking := c.linkFrom(t, fsys, slug, first)
			c.alongside(t, fsys)
			// One paragraph more after ¶3: ¶5 becomes ¶6.
			write(t, fsys, "site/seeds/讲话.txt", []byte(strings.Replace(speechText, "百分之十二。\n", "百分之十二。\n　　这些成绩来之不易。\n", 1)))
			res, log, err := buildLogged(t, fsys)
			if err != nil {
				t.Fatal(err)
			}
			var links []AffectedLink
			for _, r := range res.Imported {
				if r.Renumbered != nil {
					links = append(links, r.Renumbered.Links...)
				}
			}
			if len(links) != 1 || links[0].File != linking || links[0].Link != "[["+slug+"#p5]]" {
				t.Errorf("links named %+v, want the one in %s\n%s", links, linking, log)
			}
			if want := linking + ":"; !strings.Contains(log, want) {
				t.Errorf("the build log does not name %s:\n%s", linking, log)
			}
		})
	}
}
