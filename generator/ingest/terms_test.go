package ingest

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/studysite/studysite/generator/termrule"
)

// termFixtures are the documents of the terms rule: a 政府工作报告 that
// quotes generic words dozens of times among its formulations, a study
// group's article, and an exam review sheet read with a site's [terms].
func termFixtures() []fixture {
	return []fixture{
		{"terms-gzbg", "terms-gzbg.txt", "seeds/2025-01-14-gzbg.txt", func(_ testing.TB, s string) []byte { return []byte(crlf(s)) }, Options{}},
		{"terms-xuexi", "terms-xuexi.txt", "seeds/fengqiao.txt", func(t testing.TB, s string) []byte { return toGBK(t, s) }, Options{}},
		{"terms-tigang", "terms-tigang.txt", "seeds/tigang.txt", func(_ testing.TB, s string) []byte { return []byte(s) },
			Options{Terms: termrule.Settings{Allow: []string{"人民城市人民建，人民城市为人民"}, StopWords: []string{"组合拳"}}}},
	}
}

// TestGoldenTerms is TestGolden for the term fixtures (-run TestGolden
// -update rewrites both).
func TestGoldenTerms(t *testing.T) {
	for _, f := range termFixtures() {
		t.Run(f.name, func(t *testing.T) {
			res, data := importFixture(t, f)
			md, err := res.Markdown()
			if err != nil {
				t.Fatal(err)
			}
			rep, err := json.MarshalIndent(res.Report, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, f.name+".golden.md", md)
			golden(t, f.name+".report.json", append(rep, '\n'))
			decoded, _, err := Decode(data, "")
			if err != nil {
				t.Fatal(err)
			}
			checkFidelity(t, textLines(decoded), res)
		})
	}
}

func importFixture(t *testing.T, f fixture) (*Result, []byte) {
	t.Helper()
	data := f.make(t, mustRead(t, filepath.Join("testdata", f.source)))
	res, err := Import(f.as, data, "", f.opt)
	if err != nil {
		t.Fatalf("Import: %v", err)
	}
	return res, data
}

// TestTermsOfFixtures: what a reader of the front matter and of the report
// sees for each fixture. Counts come from the fixture text itself.
func TestTermsOfFixtures(t *testing.T) {
	byName := map[string]fixture{}
	for _, f := range termFixtures() {
		byName[f.name] = f
	}
	tests := []struct {
		fixture string
		terms   []string          // must be terms
		leftOut map[string]string // quoted text → reason
	}{
		{"terms-gzbg",
			[]string{"十四五", "十五五", "两个确立", "四个意识", "四个自信", "两个维护", "项目攻坚年", "放管服", "一件事一次办", "党政同责、一岗双责、齐抓共管、失职追责",
				"五位一体", "四个全面", "卡脖子", "千万工程", "三农", "双碳", "最后一公里", "接诉即办", "未诉先办", "四风", "三个务必"},
			map[string]string{
				"目标": termrule.ReasonStopWord, "主体": termrule.ReasonStopWord, "方式": termrule.ReasonStopWord, "方向": termrule.ReasonStopWord,
				"原则": termrule.ReasonStopWord, "总体": termrule.ReasonStopWord, "短板": termrule.ReasonStopWord, "底线": termrule.ReasonStopWord,
				"任务": termrule.ReasonStopWord, "要求": termrule.ReasonStopWord,
				"一刀切": termrule.ReasonStopWord, "组合拳": termrule.ReasonStopWord,
				"2024": termrule.ReasonNumber, "12345": termrule.ReasonNumber, "三个": termrule.ReasonNumberUnit, "1个工作日": termrule.ReasonNumberUnit,
				"5.5%以内":       termrule.ReasonNumberUnit,
				"稳":            termrule.ReasonTooShort,
				"审批快了，心里就踏实了。": termrule.ReasonQuotation,
				"人民城市人民建，人民城市为人民":          termrule.ReasonQuotation,
				"关于加强新时代廉洁文化建设的意见":         termrule.ReasonTitle,
				"江山就是人民，人民就是江山。我们守的是人民的心。": termrule.ReasonQuotation,
			}},
		{"terms-xuexi",
			[]string{"枫桥经验", "一张床、一间房、一套房", "为民", "一站式", "最多跑一地", "一国两制", "绿水青山就是金山银山"},
			map[string]string{
				"主体": termrule.ReasonStopWord, "方式": termrule.ReasonStopWord, "2023年": termrule.ReasonNumberUnit, "三个": termrule.ReasonNumberUnit,
				"规划目标": termrule.ReasonCompound,
				"小事不出村，大事不出镇，矛盾不上交": termrule.ReasonQuotation,
			}},
		{"terms-tigang",
			[]string{"两个确立", "两个维护", "人民城市人民建，人民城市为人民", "五个中心", "两个一百年", "十四五"},
			map[string]string{
				"总体": termrule.ReasonStopWord, "整体": termrule.ReasonStopWord, "组合拳": termrule.ReasonSiteStop, "一百年": termrule.ReasonNumberUnit,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			f := byName[tt.fixture]
			res, _ := importFixture(t, f)
			source := mustRead(t, filepath.Join("testdata", f.source))
			for _, term := range tt.terms {
				if !slices.Contains(res.Meta.Terms, term) {
					t.Errorf("front matter terms %q lack %s", res.Meta.Terms, term)
				}
			}
			if !slices.Equal(res.Meta.Terms, res.Report.TermsTaken) {
				t.Errorf("report terms_taken %q, front matter %q", res.Report.TermsTaken, res.Meta.Terms)
			}
			for text, reason := range tt.leftOut {
				i := slices.IndexFunc(res.Report.QuotedLeftOut, func(q LeftOutQuote) bool { return q.Text == text })
				if reason == "" { // a quantity with more words is neither kept nor reported as a number
					if i >= 0 && strings.Contains(res.Report.QuotedLeftOut[i].Reason, "number") {
						t.Errorf("%s left out as %q", text, res.Report.QuotedLeftOut[i].Reason)
					}
					continue
				}
				if slices.Contains(res.Meta.Terms, text) {
					t.Errorf("%s is a term; want it left out (%s)", text, reason)
				}
				if i < 0 {
					t.Errorf("report does not list “%s” as left out: %+v", text, res.Report.QuotedLeftOut)
					continue
				}
				q := res.Report.QuotedLeftOut[i]
				if q.Reason != reason {
					t.Errorf("“%s” left out because %q, want %q", text, q.Reason, reason)
				}
				if want := strings.Count(source, "“"+text+"”"); !strings.HasSuffix(text, "…") && q.Count != want {
					t.Errorf("“%s” counted %d times, the fixture quotes it %d times", text, q.Count, want)
				}
				if line := lineOf(source, "“"+strings.TrimSuffix(text, "…")); !strings.HasSuffix(text, "…") && q.Line != line {
					t.Errorf("“%s” reported at line %d, first quoted at line %d", text, q.Line, line)
				}
			}
		})
	}
}

// lineOf is the 1-based line of the first occurrence of s.
func lineOf(text, s string) int {
	i := strings.Index(text, s)
	if i < 0 {
		return 0
	}
	return strings.Count(text[:i], "\n") + 1
}

// TestQuotes: which spans the finder takes from a paragraph.
func TestQuotes(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"pairs", "增强“四个意识”、坚定“四个自信”", []string{"四个意识", "四个自信"}},
		{"an unclosed quote of several paragraphs does not swallow the next", "“调解没有别的窍门，坚持“枫桥经验”", []string{"枫桥经验"}},
		{"a quote inside a quote", "他说：“要做到“两个维护”。”", []string{"两个维护"}},
		{"a closing mark first", "”十四五“规划目标”", []string{"规划目标"}},
		{"no closing mark", "“未闭合", nil},
		{"empty", "“”", []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range quotes(tt.text) {
				got = append(got, tt.text[q.start:q.end])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("quotes(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestTermsOff: [terms] off takes no terms and lists nothing.
func TestTermsOff(t *testing.T) {
	res, err := Import("seeds/x.txt", []byte("学习材料\n\n坚持“两个确立”，明确“目标”。\n"), "", Options{Terms: termrule.Settings{Off: true}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Meta.Terms) != 0 || len(res.Report.TermsTaken) != 0 || len(res.Report.QuotedLeftOut) != 0 {
		t.Errorf("terms %q, taken %q, left out %+v; want none", res.Meta.Terms, res.Report.TermsTaken, res.Report.QuotedLeftOut)
	}
}

// TestLongQuoteLeftOut: a quotation left out of the terms is listed with
// its first 30 characters and …, at the line it starts on, once however
// often it is quoted.
func TestLongQuoteLeftOut(t *testing.T) {
	quote := "这是一段很长很长很长很长很长很长很长很长很长很长的引用文字，用来说明问题"
	res, err := Import("seeds/x.txt", []byte("学习体会\n\n正文。\n他说“"+quote+"”。又说“"+quote+"”。\n"), "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []LeftOutQuote{{Line: 4, Text: "这是一段很长很长很长很长很长很长很长很长很长很长的引用文字，…", Reason: "a quotation, not a name: it has sentence punctuation", Count: 2}}
	if !slices.Equal(res.Report.QuotedLeftOut, want) {
		t.Errorf("left out %+v, want %+v", res.Report.QuotedLeftOut, want)
	}
}
