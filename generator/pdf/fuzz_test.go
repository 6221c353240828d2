package pdf

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzPageKey: any page gives a key, and a download link with the space
// the minifier leaves around it never changes it.
func FuzzPageKey(f *testing.F) {
	f.Add(`<!doctype html><p class=packet-tools><button>打印</button></p><h1>学习材料</h1>`)
	f.Add(`<a class="packet-pdf x" href=a.pdf><a>nested</a></a><p>正文`)
	f.Add(`<a class=packet-pdf>`)
	f.Fuzz(func(t *testing.T, page string) {
		key := PageKey([]byte(page))
		if len(key) != 32 {
			t.Fatalf("key %q", key)
		}
		i := strings.Index(page, "</button>")
		if i < 0 || strings.Contains(page, "packet-pdf") {
			return
		}
		i += len("</button>")
		linked := page[:i] + ` <a class=packet-pdf href=../q.pdf download>下载PDF</a>` + page[i:]
		if PageKey([]byte(linked)) != key {
			t.Errorf("the link changed the key of %q", page)
		}
	})
}

// FuzzPrintedFrom: check reads whatever file sits at packets/<slug>.pdf;
// a damaged one gives no key, never a panic or a stall.
func FuzzPrintedFrom(f *testing.F) {
	f.Add([]byte("%PDF-1.4\n1 0 obj\n<</Type /Catalog>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n"))
	f.Add([]byte("%PDF-1.7\nxref\n0 1\n0000000000 65535 f\r\ntrailer\n<</Size 1 /Info 9 0 R>>\nstartxref\n9\n%%EOF"))
	f.Add(bytes.Repeat([]byte("%PDF-"), 3))
	f.Fuzz(func(t *testing.T, data []byte) {
		if k := PrintedFrom(data); k != "" && (len(k) != 32 || !bytes.Contains(data, []byte(k))) {
			t.Errorf("key %q", k)
		}
	})
}
