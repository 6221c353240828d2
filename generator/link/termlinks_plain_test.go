package link

import (
	"sort"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/config"
)

// speech is a transcript in the shape imports give: numbered sections,
// an address line, paragraphs without any term between ones with several.
const speech = `
## 一、总体要求

同志们：

今年是全面贯彻党的二十大精神的开局之年。我们要坚持人民城市理念，推进中国式现代化。

人民城市人民建，人民城市为人民。要把高质量发展作为首要任务。

会议强调，要统筹发展和安全。（掌声）

## 二、重点任务

第一，推动高质量发展。

第二，深化改革开放。

建设人民城市，推进中国式现代化，实现高质量发展。
`

// TestTermLinksFollowTheModeInASpeech checks the term links of a speech
// against a plain reading of each mode: every mention in text order, the
// first of each term in each section, or in the document, or all of them;
// never in a heading.
func TestTermLinksFollowTheModeInASpeech(t *testing.T) {
	terms := []string{"人民城市", "中国式现代化", "高质量发展"} // none contains another
	type mention struct {
		section string
		at      int
		term    string
	}
	var mentions []mention
	section := ""
	for _, line := range strings.Split(speech, "\n") {
		if strings.HasPrefix(line, "#") {
			section = line
			continue
		}
		var inLine []mention
		for _, term := range terms {
			for off := 0; ; {
				i := strings.Index(line[off:], term)
				if i < 0 {
					break
				}
				inLine = append(inLine, mention{section, off + i, term})
				off += i + len(term)
			}
		}
		sort.Slice(inLine, func(i, j int) bool { return inLine[i].at < inLine[j].at })
		mentions = append(mentions, inLine...)
	}
	for _, mode := range []string{config.TermLinksFirstPerSection, config.TermLinksFirstPerDocument, config.TermLinksAll} {
		t.Run(mode, func(t *testing.T) {
			var want []string
			seen := map[string]bool{}
			for _, m := range mentions {
				key := m.term
				switch mode {
				case config.TermLinksFirstPerSection:
					key = m.section + m.term
				case config.TermLinksAll:
					key = ""
				}
				if key != "" && seen[key] {
					continue
				}
				seen[key] = true
				want = append(want, m.term)
			}
			cfg := glossaryConfig(terms...)
			cfg.TermLinks = mode
			s := mustBuild(t, cfg, map[string]string{"content/a.md": doc("a", "2023-03-05", "", speech)})
			if got := termLinks(t, s, s.Pages[0]); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("term links = %q\nwant %q", got, want)
			}
		})
	}
}
