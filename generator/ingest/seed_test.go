package ingest

import (
	"os"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/frontmatter"
)

// The seed transcript must keep importing to the committed content file.
func TestSeed(t *testing.T) {
	data, err := os.ReadFile("../../seeds/2023-12-01-shanghai-changsanjiao.txt")
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../../content/xi-jin-ping-zong-shu-ji-kao-cha-shang.md")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import("seeds/2023-12-01-shanghai-changsanjiao.txt", data, "xi-jin-ping-zong-shu-ji-kao-cha-shang", Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, r := res.Doc, res.Report
	if d.Title != "习近平总书记考察上海重要讲话精神和深入推进长三角一体化发展座谈会精神" {
		t.Errorf("title %q", d.Title)
	}
	if d.Subtitle != "(传达稿)" {
		t.Errorf("subtitle %q, want the original characters (传达稿)", d.Subtitle)
	}
	if d.Date != "2023-12-01" {
		t.Errorf("date %q", d.Date)
	}
	if r.Headings[2] != 2 || len(r.Headings) != 1 {
		t.Errorf("headings %v, want exactly 2 at level 2", r.Headings)
	}
	if r.Paragraphs != 19 || len(r.Joins) != 9 || len(r.Removed) != 0 {
		t.Errorf("paragraphs %d joins %d removed %d, want 19, 9, 0", r.Paragraphs, len(r.Joins), len(r.Removed))
	}
	var found bool
	for _, w := range r.Warnings {
		found = found || (strings.Contains(w.Message, `"and"`) && w.Line == 33)
	}
	if !found {
		t.Errorf("no warning for 思路 and 模式 at line 33: %v", r.Warnings)
	}
	for _, term := range []string{"五个中心", "一带一路", "枫桥经验"} {
		if !contains(d.Terms, term) {
			t.Errorf("terms %v lack %s", d.Terms, term)
		}
	}
	_, body, _, err := frontmatter.Split(committed)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(body)) != strings.TrimSpace(res.Body) {
		t.Errorf("the seed's body changed from content/xi-jin-ping-zong-shu-ji-kao-cha-shang.md")
	}
	decoded, _, _ := Decode(data, "")
	checkFidelity(t, textLines(decoded), res)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Importing the importer's own Markdown changes nothing: same body, same
// metadata (only the source it came from differs).
func TestIdempotent(t *testing.T) {
	for _, f := range fixtures() {
		t.Run(f.name, func(t *testing.T) {
			var text []byte
			if f.source != "" {
				var err error
				if text, err = os.ReadFile("testdata/" + f.source); err != nil {
					t.Fatal(err)
				}
			}
			first, err := Import(f.as, f.make(t, string(text)), "", f.opt)
			if err != nil {
				t.Fatal(err)
			}
			md1, _ := first.Markdown()
			second, err := Import("seeds/again.md", md1, "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			md2, _ := second.Markdown()
			third, err := Import("seeds/again.md", md2, "", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if second.Body != first.Body || third.Body != first.Body {
				t.Errorf("body changed on re-import:\n%s\n---\n%s", first.Body, second.Body)
			}
			a, b := first.Meta, third.Meta
			a.Source, a.SourceSHA256, b.Source, b.SourceSHA256 = "", "", "", ""
			a.ContentSHA256, b.ContentSHA256 = "", "" // a hash of the file, which names its source
			if ya, _ := frontmatter.Marshal(a); true {
				yb, _ := frontmatter.Marshal(b)
				if string(ya) != string(yb) {
					t.Errorf("front matter changed on re-import:\n%s\n%s", ya, yb)
				}
			}
		})
	}
}
