package htmltest

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestFirstDiff(t *testing.T) {
	long := strings.Repeat("学", 100)
	cases := []struct {
		name, got, want string
		says            []string // what the message must hold; none when equal
	}{
		{name: "equal", got: "a\nb", want: "a\nb"},
		{name: "second line", got: "a\nbxc", want: "a\nbyc", says: []string{"line 2, character 2", "got: …bxc…", "want: …byc…"}},
		{name: "a long line is cut around the difference", got: long + "甲" + long, want: long + "乙" + long,
			says: []string{"character 101", "got: …" + strings.Repeat("学", 30) + "甲" + strings.Repeat("学", 29) + "…"}},
		{name: "got ends early", got: "a", want: "a\nb", says: []string{"line 2: one text ends", `want: "b"`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			msg := FirstDiff(tc.got, tc.want)
			if len(tc.says) == 0 && msg != "" {
				t.Errorf("equal texts gave %q", msg)
			}
			if len(tc.says) > 0 && msg == "" {
				t.Fatal("different texts gave no message")
			}
			for _, s := range tc.says {
				if !strings.Contains(msg, s) {
					t.Errorf("message lacks %q:\n%s", s, msg)
				}
			}
		})
	}
}

func TestHasClass(t *testing.T) {
	doc := Parse(t, []byte(`<p class="doc-body  pn">a</p><p class="doc-bodyx">b</p>`))
	ps := All(t, doc, "p")
	for _, tc := range []struct {
		i     int
		class string
		want  bool
	}{{0, "doc-body", true}, {0, "pn", true}, {0, "doc", false}, {1, "doc-body", false}} {
		if got := HasClass(ps[tc.i], tc.class); got != tc.want {
			t.Errorf("paragraph %d, class %q: %v, want %v", tc.i, tc.class, got, tc.want)
		}
	}
}

func TestTreeHashes(t *testing.T) {
	a := fstest.MapFS{"index.html": {Data: []byte("x")}, "docs/a/index.html": {Data: []byte("y")}}
	b := fstest.MapFS{"index.html": {Data: []byte("x")}, "docs/a/index.html": {Data: []byte("z")}}
	ha, hb := TreeHashes(t, a), TreeHashes(t, b)
	if len(ha) != 2 || ha["index.html"] != hb["index.html"] || ha["docs/a/index.html"] == hb["docs/a/index.html"] {
		t.Errorf("hashes %v and %v: want the same file the same and the changed one different", ha, hb)
	}
}
