package render

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/content"
	"github.com/studysite/studysite/generator/link"
	"github.com/studysite/studysite/generator/urls"
	"github.com/studysite/studysite/internal/htmltest"
	"github.com/studysite/studysite/themes"
)

// FuzzRenderDoc: any Markdown body renders without panic into a page in
// which the content placed no script, no event handler attribute and no
// javascript: URL.
func FuzzRenderDoc(f *testing.F) {
	for _, s := range []string{
		"## 一、标题\n\n段落。",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1)) ![i](x \"t\") <img src=x onerror=alert(1)>",
		"| a | b |\n|---|---|\n| <b onclick=1> | `c` |",
		"> # q\n\n- [ ] x\n\n```html\n<script>\n```",
		"&lt;script&gt; &#x3C;script> \\<b>",
		"见[[f]]与[[#p1|<b onclick=1>*甲*</b>]]、[[f#s1|`c`]]。\n\n## 一\n\n[[f|<javascript:x>]] [[x\"onclick=1]]",
	} {
		f.Add(s)
	}
	r, err := New(themes.Builtin("default"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		page, err := content.Parse("f.md", []byte("---\ntitle: t\nslug: f\n---\n"+body))
		if err != nil {
			return
		}
		// Broken [[links]] warn, so they render too (as written).
		cfg := config.Default()
		cfg.Links = config.LinksWarn
		site, err := link.Build(cfg, []*content.Page{page})
		if err != nil {
			t.Fatal(err)
		}
		files, err := r.Render(context.Background(), site)
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			if file.Path == urls.Packet("zui-xin-cai-liao") {
				checkPacketBody(t, htmltest.Parse(t, file.Data))
			}
			if file.Path != urls.Doc("f") {
				continue
			}
			doc := htmltest.Parse(t, file.Data)
			bodies := htmltest.All(t, doc, ".doc-body")
			if len(bodies) != 1 {
				t.Fatalf("%d .doc-body elements", len(bodies))
			}
			checkInert(t, bodies[0])
		}
	})
}

// checkPacketBody: the document in the default packet is as inert as on
// its own page, and every id in it carries the document's prefix.
func checkPacketBody(t *testing.T, page *html.Node) {
	docs := htmltest.All(t, page, "section.packet-doc#d-f")
	if len(docs) != 1 {
		t.Fatalf("%d documents in the default packet, want 1", len(docs))
	}
	checkInert(t, docs[0])
	for _, n := range htmltest.All(t, docs[0], "[id]") {
		if id := htmltest.Attr(n, "id"); !strings.HasPrefix(id, "d-f-") {
			t.Fatalf("id %q in the packet lacks the prefix d-f-", id)
		}
	}
}

func checkInert(t *testing.T, n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.Data {
		case "script", "iframe", "object", "embed", "style", "base", "meta", "link", "form":
			t.Fatalf("content produced <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Fatalf("content produced attribute %s on <%s>", a.Key, n.Data)
			}
			if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Fatalf("content produced %s=%q", a.Key, a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		checkInert(t, c)
	}
}
