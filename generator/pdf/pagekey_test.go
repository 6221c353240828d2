package pdf

import "testing"

// TestPageKey: what changes the printed page changes its key; the page's
// own download link, and how the minifier spaces around it, do not.
func TestPageKey(t *testing.T) {
	const page = `<!doctype html><link rel=stylesheet href=/assets/site.1a2b.css><h1>学习材料</h1><p class=packet-tools><button>打印</button></p><p>正文第一段。</p>`
	tests := []struct {
		name  string
		other string
		same  bool
	}{
		{"the same page", page, true},
		{"with its download link",
			`<!doctype html><link rel=stylesheet href=/assets/site.1a2b.css><h1>学习材料</h1><p class=packet-tools><button>打印</button> <a class=packet-pdf href=../x.pdf download>下载 PDF</a> </p><p>正文第一段。</p>`, true},
		{"with a download link of several classes holding a link",
			`<!doctype html><link rel=stylesheet href=/assets/site.1a2b.css><h1>学习材料</h1><p class=packet-tools><button>打印</button><a class="btn packet-pdf" href=x.pdf><a>PDF</a> 下载</a></p><p>正文第一段。</p>`, true},
		{"spaced otherwise", "<!doctype html><link rel=stylesheet href=/assets/site.1a2b.css>\n<h1>学习材料</h1>\n<p class=packet-tools> <button>打印</button> </p>\n<p>正文第一段。</p>\n", true},
		{"a word changed", `<!doctype html><link rel=stylesheet href=/assets/site.1a2b.css><h1>学习材料</h1><p class=packet-tools><button>打印</button></p><p>正文第二段。</p>`, false},
		{"another stylesheet (a theme change)", `<!doctype html><link rel=stylesheet href=/assets/site.3c4d.css><h1>学习材料</h1><p class=packet-tools><button>打印</button></p><p>正文第一段。</p>`, false},
		{"a link of another class is printed", `<!doctype html><link rel=stylesheet href=/assets/site.1a2b.css><h1>学习材料</h1><p class=packet-tools><button>打印</button><a class=packet-pdf-old href=x.pdf>旧版</a></p><p>正文第一段。</p>`, false},
		{"another element of the class is printed", `<!doctype html><link rel=stylesheet href=/assets/site.1a2b.css><h1>学习材料</h1><p class=packet-tools><button>打印</button><span class=packet-pdf>说明</span></p><p>正文第一段。</p>`, false},
		{"text after the download link counts", `<!doctype html><link rel=stylesheet href=/assets/site.1a2b.css><h1>学习材料</h1><p class=packet-tools><button>打印</button><a class=packet-pdf href=x.pdf>下载</a>附言</p><p>正文第一段。</p>`, false},
	}
	key := PageKey([]byte(page))
	for _, tt := range tests {
		if got := PageKey([]byte(tt.other)) == key; got != tt.same {
			t.Errorf("%s: same key %v, want %v", tt.name, got, tt.same)
		}
	}
}
