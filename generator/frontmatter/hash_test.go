package frontmatter

import (
	"strings"
	"testing"
)

// TestContentHashSeesEditsNotLineEnds: what an editor does to a file
// without changing its text (CRLF, a bare CR, white space around the body)
// keeps the hash; any change to a character of the front matter or the
// body, or a line moved between them, changes it.
func TestContentHashSeesEditsNotLineEnds(t *testing.T) {
	const fm, body = "title: 讲话\nslug: jiang-hua", "\n第一段。\n\n第二段。\n"
	base := ContentHash([]byte(fm), []byte(body))
	cases := []struct {
		name     string
		fm, body string
		same     bool
	}{
		{name: "as written", fm: fm, body: body, same: true},
		{name: "front matter with CRLF", fm: "title: 讲话\r\nslug: jiang-hua\r", body: body, same: true},
		{name: "body with CRLF", fm: fm, body: "\r\n第一段。\r\n\r\n第二段。\r\n", same: true},
		{name: "body with bare CR", fm: fm, body: "第一段。\r\r第二段。", same: true},
		{name: "white space around the body", fm: fm, body: "\n\n  第一段。\n\n第二段。 \n\n\n", same: true},
		{name: "the recorded hash itself", fm: fm + "\ncontent_sha256: " + strings.Repeat("0", 64), body: body, same: true},
		{name: "the recorded hash first", fm: "content_sha256: " + strings.Repeat("0", 64) + "\n" + fm, body: body, same: true},
		{name: "a character of the body", fm: fm, body: "\n第一段。\n\n第三段。\n"},
		{name: "a line end inside the body", fm: fm, body: "\n第一段。\n第二段。\n"},
		{name: "a bare CR that is a second line end", fm: fm, body: "第一段。\r\r\r第二段。"},
		{name: "a character of the front matter", fm: "title: 讲话稿\nslug: jiang-hua", body: body},
		{name: "a key added", fm: fm + "\ntags: [学习]", body: body},
		{name: "a line moved from body to front matter", fm: fm + "\n第一段。", body: "\n第二段。\n"},
		{name: "front matter line ends joined", fm: "title: 讲话slug: jiang-hua", body: body},
		{name: "a key that only starts like the hash", fm: fm + "\ncontent_sha25: x", body: body},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := ContentHash([]byte(tc.fm), []byte(tc.body))
			if len(got) != 64 {
				t.Fatalf("hash %q is not 64 hex digits", got)
			}
			if (got == base) != tc.same {
				t.Errorf("same hash as the file as written: %v, want %v", got == base, tc.same)
			}
		})
	}
}

// TestRecorded: a file says it was imported when it records a hash, and
// matches while nobody edited it; files of importers 1 and 2 (body hash
// only) match only in the importer's own layout and keys.
func TestRecorded(t *testing.T) {
	const body = "\n第一段。\n\n第二段。\n"
	legacy := FrontMatter{Title: "讲话", Slug: "jiang-hua", Date: "2023-12-01", BodySHA256: LegacyBodyHash([]byte(body))}
	legacyFM := func(f FrontMatter) string {
		out, err := Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimSuffix(strings.TrimPrefix(string(out), "---\n"), "---\n")
	}
	with := func(edit func(*FrontMatter)) FrontMatter {
		f := legacy
		edit(&f)
		return f
	}
	current := "title: 讲话\nslug: jiang-hua\n"
	cases := []struct {
		name              string
		meta              FrontMatter
		fm, body          string
		recorded, matches bool
	}{
		{name: "no hash: written by hand", meta: FrontMatter{Title: "讲话", Slug: "jiang-hua"}, fm: current, body: body},
		{name: "content hash, unedited", meta: FrontMatter{ContentSHA256: ContentHash([]byte(current), []byte(body))}, fm: current, body: body, recorded: true, matches: true},
		{name: "content hash, body edited", meta: FrontMatter{ContentSHA256: ContentHash([]byte(current), []byte(body))}, fm: current, body: body + "第三段。\n", recorded: true},
		{name: "content hash wins over a matching body hash", meta: FrontMatter{ContentSHA256: strings.Repeat("0", 64), BodySHA256: LegacyBodyHash([]byte(body))}, fm: current, body: body, recorded: true},
		{name: "body hash, unedited", meta: legacy, fm: legacyFM(legacy), body: body, recorded: true, matches: true},
		{name: "body hash, unedited, CRLF", meta: legacy, fm: strings.ReplaceAll(legacyFM(legacy), "\n", "\r\n"), body: body, recorded: true, matches: true},
		{name: "body hash, body edited", meta: legacy, fm: legacyFM(legacy), body: body + "第三段。\n", recorded: true},
		{name: "body hash, layout changed", meta: legacy, fm: "\n" + legacyFM(legacy), body: body, recorded: true},
		{name: "body hash, summary added", meta: with(func(f *FrontMatter) { f.Summary = "摘要" }), fm: legacyFM(with(func(f *FrontMatter) { f.Summary = "摘要" })), body: body, recorded: true},
		{name: "body hash, series added", meta: with(func(f *FrontMatter) { f.Series = "系列" }), fm: legacyFM(with(func(f *FrontMatter) { f.Series = "系列" })), body: body, recorded: true},
		{name: "body hash, draft", meta: with(func(f *FrontMatter) { f.Draft = true }), fm: legacyFM(with(func(f *FrontMatter) { f.Draft = true })), body: body, recorded: true},
		{name: "body hash, tags added", meta: with(func(f *FrontMatter) { f.Tags = []string{"学习"} }), fm: legacyFM(with(func(f *FrontMatter) { f.Tags = []string{"学习"} })), body: body, recorded: true},
		{name: "body hash, questions added", meta: with(func(f *FrontMatter) { f.Questions = []string{"问"} }), fm: legacyFM(with(func(f *FrontMatter) { f.Questions = []string{"问"} })), body: body, recorded: true},
		{name: "body hash, unknown key", meta: legacy, fm: legacyFM(legacy) + "author: 某\n", body: body, recorded: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			recorded, matches := tc.meta.Recorded([]byte(tc.fm), []byte(tc.body))
			if recorded != tc.recorded || matches != tc.matches {
				t.Errorf("Recorded = %v, %v; want %v, %v", recorded, matches, tc.recorded, tc.matches)
			}
		})
	}
}

// TestHasUnknownKeys: only top-level keys count; list items, nested
// values, comments and lines that are no key are passed over.
func TestHasUnknownKeys(t *testing.T) {
	cases := []struct {
		fm   string
		want bool
	}{
		{"title: t\nslug: s\n", false},
		{"title: t\nauthor: 某\n", true},
		{"title: t\n  author: nested\n", false},
		{"tags:\n- author: x\n", false},
		{"# author: a comment\n", false},
		{"\n\ntitle: t\n", false},
		{": no key\n", false},
		{"a line with no colon\n", false},
		{"x: y\n", true},
		{"title: t\n\n# note\ntags:\n- 学习\nauthor: 某\n", true},
	}
	for _, tc := range cases {
		if got := hasUnknownKeys([]byte(tc.fm)); got != tc.want {
			t.Errorf("hasUnknownKeys(%q) = %v, want %v", tc.fm, got, tc.want)
		}
	}
}
