package publish

import (
	"bytes"
	"testing"
)

// TestMinifyLeavesInputAlone: the bytes given to Minify may be kept by the
// render cache and compared on the next build; minifying must not write
// into them (tdewolff's lexers write into a buffer they are handed).
func TestMinifyLeavesInputAlone(t *testing.T) {
	m := newMinifier()
	for name, src := range map[string]string{
		"a/index.html": "<!DOCTYPE HTML><HTML LANG=zh-CN><HEAD><TITLE>标题</TITLE></HEAD><BODY><P CLASS=X>正文  文字</P><SCRIPT>var A = 1;</SCRIPT></BODY></HTML>",
		"s.css":        "A {  COLOR : RED ; }",
		"x.js":         "var  Long = 1 ;  ",
		"i.svg":        "<SVG xmlns='http://www.w3.org/2000/svg'>  <RECT WIDTH='1'/> </SVG>",
	} {
		data := make([]byte, len(src), len(src)+16) // room past the end, as an append leaves
		copy(data, src)
		before := bytes.Clone(data[:cap(data)])
		if _, err := Minify(m, name, data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(data[:cap(data)], before) {
			t.Errorf("%s: minifying changed its input: %q", name, data[:cap(data)])
		}
	}
}
