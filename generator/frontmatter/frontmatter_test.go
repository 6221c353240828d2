package frontmatter

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestSplitAndParse(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantErr  string // substring; "" means success
		wantLine int    // line of the error in the file
		warnings int
	}{
		{name: "ok", in: "---\ntitle: 标题\nslug: a\n---\n正文\n"},
		{name: "crlf", in: "---\r\ntitle: 标题\r\nslug: a\r\n---\r\n正文\r\n"},
		{name: "bom", in: "\xEF\xBB\xBF---\ntitle: t\nslug: a\n---\n"},
		{name: "no front matter", in: "正文\n", wantErr: "no front matter"},
		{name: "not closed", in: "---\ntitle: t\n", wantErr: "not closed"},
		{name: "not yaml", in: "---\ntitle: [a\nslug: a\n---\n", wantErr: "", wantLine: -1},
		{name: "wrong type", in: "---\ntitle: t\nslug: a\ntags: 3\n---\n", wantErr: "cannot unmarshal", wantLine: 4},
		{name: "bad date", in: "---\ntitle: t\nslug: a\ndate: 2023-13-45\n---\n", wantErr: "not a date", wantLine: 4},
		{name: "no title", in: "---\nslug: a\n---\n", wantErr: "no title", wantLine: 2},
		{name: "unknown key warns", in: "---\ntitle: t\nslug: a\nauthor: x\n---\n", warnings: 1},
		{name: "list not mapping", in: "---\n- a\n---\n", wantErr: "mapping", wantLine: 2},
		{name: "empty front matter", in: "---\n---\n正文\n", wantErr: "front matter is empty", wantLine: 2},
		// The slips people make editing by hand: each names its line and says what to do.
		{name: "empty title", in: "---\ntitle:\nslug: a\n---\n", wantErr: "write the document's title", wantLine: 2},
		{name: "empty title not first", in: "---\nslug: a\ntitle: \n---\n", wantErr: "no title", wantLine: 3},
		{name: "unclosed quote", in: "---\ntitle: \"未闭合引号\nslug: a\ndate: 2024-02-18\n---\n", wantErr: "not closed", wantLine: 2},
		{name: "unclosed quote before a list", in: "---\ntitle: \"未闭合引号\nsubtitle: （传达稿）\nsource: seeds/a.txt\nslug: a\nterms:\n  - 五个中心\n  - 一带一路\nimporter_version: \"3\"\n---\n", wantErr: "not closed", wantLine: 2},
		{name: "unclosed single quote in list", in: "---\ntitle: t\nslug: a\ntags:\n  - '学习\n---\n", wantErr: "not closed", wantLine: 5},
		{name: "terms item less indented", in: "---\ntitle: t\nslug: a\nterms:\n  - 五个中心\n - 一带一路\n---\n", wantErr: "starts at column 2, the one on line 5 at column 3", wantLine: 6},
		{name: "terms item more indented", in: "---\ntitle: t\nslug: a\nterms:\n- 五个中心\n  - 一带一路\n---\n", wantErr: "starts at column 3, the one on line 5 at column 1", wantLine: 6},
		// An unclosed quote is named where it opened, unless YAML stopped
		// at another mistake before it; a closed quote is no suspect.
		{name: "unclosed quote after a blank line", in: "---\ntitle: t\n\nslug: \"a\n---\n", wantErr: "opened on this line is not closed", wantLine: 4},
		{name: "unclosed quote on the last line", in: "---\ntitle: t\nslug: \"a\n---\n", wantErr: "opened on this line is not closed", wantLine: 3},
		{name: "a mistake before an unclosed quote", in: "---\ntitle: 关于: 某事\nslug: \"a\nx: y\n---\n", wantErr: "must be quoted", wantLine: 2},
		{name: "a quote over two lines, then a wrong type", in: "---\ntitle: t\nslug: a\nsummary: \"甲\n  乙\"\ntags: 3\n---\n", wantErr: "cannot unmarshal", wantLine: 6},
		{name: "a mistake after a quoted value", in: "---\ntitle: \"t\"\nslug: 关于: 某事\n---\n", wantErr: "must be quoted", wantLine: 3},
		{name: "tab indentation", in: "---\ntitle: t\n\tslug: a\n---\n", wantErr: "not tabs", wantLine: 3},
		{name: "colon in value", in: "---\ntitle: 关于: 某事\nslug: a\n---\n", wantErr: "must be quoted", wantLine: 2},
		{name: "tags as a sentence", in: "---\ntitle: t\nslug: a\ntags: 学习, 讲话\n---\n", wantErr: "takes a list", wantLine: 4},
		{name: "key twice", in: "---\ntitle: t\nslug: a\ntitle: u\n---\n", wantErr: "appears twice", wantLine: 4},
		{name: "date in words", in: "---\ntitle: t\nslug: a\ndate: 明天\n---\n", wantErr: "2024年2月18日", wantLine: 4},
		{name: "date not in calendar", in: "---\ntitle: t\nslug: a\ndate: 2024年2月30日\n---\n", wantErr: "no such day", wantLine: 4},
		{name: "date chinese", in: "---\ntitle: t\nslug: a\ndate: 2024年2月18日\n---\n"},
		{name: "date dots", in: "---\ntitle: t\nslug: a\ndate: 2024.2.18\n---\n"},
		{name: "date slashes", in: "---\ntitle: t\nslug: a\ndate: 2024/02/18\n---\n"},
		{name: "list items at one column", in: "---\ntitle: t\nslug: a\nterms:\n- 五个中心\n- 一带一路\ntags:\n  - 学习\n---\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, _, _, err := Split([]byte(tt.in))
			var warns []Problem
			if err == nil {
				_, warns, err = Parse(fm)
			}
			if tt.wantErr == "" && tt.wantLine == 0 {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				if len(warns) != tt.warnings {
					t.Errorf("warnings %v, want %d", warns, tt.warnings)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tt.wantErr)
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q, want it to contain %q", err, tt.wantErr)
			}
			var le *LineError
			if tt.wantLine != 0 && !errors.As(err, &le) {
				t.Fatalf("error %v carries no line", err)
			}
			if tt.wantLine > 0 && le.Line != tt.wantLine {
				t.Errorf("line %d, want %d (%v)", le.Line, tt.wantLine, err)
			}
		})
	}
}

// TestSplit: the front matter, the body and the line the body starts on,
// as the importer and the error messages see them.
func TestSplit(t *testing.T) {
	tests := []struct {
		name, in, fm, body string
		bodyLine           int
	}{
		{"body after the closing line", "---\ntitle: t\nslug: a\n---\n正文\n", "title: t\nslug: a\n", "正文\n", 5},
		{"a blank line in the front matter", "---\ntitle: t\n\nslug: a\n---\n\n正文", "title: t\n\nslug: a\n", "\n正文", 6},
		{"closing line at the end", "---\ntitle: t\n---", "title: t\n", "", 4},
		{"CRLF", "---\r\ntitle: t\r\n---\r\n正文\r\n", "title: t\r\n", "正文\r\n", 4},
		{"a --- in the body", "---\ntitle: t\n---\n甲\n---\n乙\n", "title: t\n", "甲\n---\n乙\n", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fm, body, line, err := Split([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(fm) != tt.fm || string(body) != tt.body || line != tt.bodyLine {
				t.Errorf("front matter %q, body %q from line %d; want %q, %q from line %d", fm, body, line, tt.fm, tt.body, tt.bodyLine)
			}
		})
	}
}

// TestUnknownKeysWarnAtTheirLine: each unknown key is a warning naming the
// file line it is on.
func TestUnknownKeysWarnAtTheirLine(t *testing.T) {
	fm, _, _, err := Split([]byte("---\ntitle: t\nauthor: x\nslug: a\neditor: y\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, warns, err := Parse(fm)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range warns {
		got = append(got, fmt.Sprintf("%d: %s", w.Line, w.Message))
	}
	want := []string{`3: unknown front matter key "author" (ignored)`, `5: unknown front matter key "editor" (ignored)`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	in := FrontMatter{Title: "“五个中心”: 建设", Subtitle: "(传达稿)", Date: "2023-12-01", Slug: "a", Tags: []string{"x: y", "#z"}}
	out, err := Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	fm, _, _, err := Split(append(out, "正文"...))
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := Parse(fm)
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != in.Title || got.Subtitle != in.Subtitle || strings.Join(got.Tags, "|") != strings.Join(in.Tags, "|") {
		t.Errorf("round trip %+v → %+v", in, got)
	}
}

// FuzzParse: any bytes give front matter or an error, never a panic, and
// an error with a line names a line inside the input.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"---\ntitle: t\nslug: a\n---\n", "---\ntitle: [\n---\n", "---\n: :\n---\n", "---\n&a [*a]\n---\n",
		"---\ntitle: \"未闭合\nterms:\n  - 甲\n - 乙\ndate: 2024年2月30日\n---\n正文\r\n", "---\r\ncontent_sha256: x\r\nbody_sha256: y\r\ntitle: t\r\n---\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fm, _, _, err := Split(data)
		if err != nil {
			return
		}
		meta, _, err := Parse(fm)
		// Edit detection reads any file without failing.
		_, body, _, _ := Split(data)
		_, _ = meta.Recorded(fm, body)
		var le *LineError
		if errors.As(err, &le) && (le.Line < 1 || le.Line > strings.Count(string(data), "\n")+2) {
			t.Errorf("error line %d outside the input: %v", le.Line, err)
		}
	})
}

func TestParseDateForms(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2024-02-18", "2024-02-18"},
		{"2024年2月18日", "2024-02-18"},
		{"2024 年 2 月 18 日", "2024-02-18"},
		{"2024年12月1日", "2024-12-01"},
		{"2024.2.18", "2024-02-18"},
		{"2024/2/18", "2024-02-18"},
		{"2024/12/01", "2024-12-01"},
		{"2024-2-8", "2024-02-08"},
		{"2024-02-18T10:00:00+08:00", "2024-02-18"},
		{"2024-02-18 10:00", "2024-02-18"},
		{"2024年2月", ""},
		{"2024.13.1", ""},
		{"18/2/2024", ""},
		{"二〇二四年二月十八日", ""},
	} {
		got, err := ParseDate(tt.in)
		if tt.want == "" {
			if err == nil || !strings.Contains(err.Error(), DateForms) && !strings.Contains(err.Error(), "no such day") {
				t.Errorf("ParseDate(%q) = %v, %v; want an error naming the accepted forms", tt.in, got, err)
			}
			continue
		}
		if err != nil || got.Format(DateLayout) != tt.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
		}
	}
}
