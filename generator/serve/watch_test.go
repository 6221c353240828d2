package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestIgnored(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"讲话.md", false},
		{"2024-政府工作报告.txt", false},
		{"发言.docx", false},
		{"site.css", false},
		{"studysite.toml", false},
		{".讲话.md.swp", true}, // vim swap
		{"讲话.md.swp", true},
		{"讲话.md.swx", true},
		{"讲话.md~", true},    // vim/emacs backup
		{"4913", true},      // vim's probe that the folder is writable
		{".#讲话.md", true},   // emacs lock
		{"#讲话.md#", true},   // emacs autosave
		{"~$发言.docx", true}, // Word's lock while the seed is open
		{"讲话.md.tmp", true}, // import's own and many editors' temporary file
		{"讲话.md___jb_tmp___", true},
		{"讲话.md.crswap", true},
		{"讲话.md.bak", true},
		{".backup", true}, // import's backups folder
		{".DS_Store", true},
		{"Thumbs.db", true},
		{"desktop.ini", true},
		{"4914", false},
		{"tmp.md", false},
	}
	for _, tt := range tests {
		if got := ignored(tt.name); got != tt.want {
			t.Errorf("ignored(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRelevant(t *testing.T) {
	root := filepath.FromSlash("/site")
	tests := []struct {
		path string
		rel  string // "" when not relevant
	}{
		{"/site/content/x.md", "content/x.md"},
		{"/site/seeds/2024/讲话.txt", "seeds/2024/讲话.txt"},
		{"/site/themes/default/templates/doc.html", "themes/default/templates/doc.html"},
		{"/site/studysite.toml", "studysite.toml"},
		{"/site/seeds", "seeds"},
		{"/site/public/index.html", ""},
		{"/site/public.studysite-new/index.html", ""},
		{"/site/.studysite/pdf/x.pdf", ""},
		{"/site/.git/index", ""},
		{"/site/content/.backup/x.md", ""},
		{"/site/content/x.md.tmp", ""},
		{"/site/seeds/~$发言.docx", ""},
		{"/site/README.md", ""},
		{"/site", ""},
		{"/elsewhere/content/x.md", ""},
		{"/site/studysite.toml~", ""},
	}
	for _, tt := range tests {
		rel, ok := relevant(root, filepath.FromSlash(tt.path))
		if ok != (tt.rel != "") || rel != tt.rel {
			t.Errorf("relevant(%q) = %q, %v; want %q", tt.path, rel, ok, tt.rel)
		}
	}
}

// TestWatcherSeesSaves runs the real watch over a site folder and saves
// files the ways editors do; each step waits for the batch it must cause,
// and a change that must be ignored is made in the same batch as one that
// must not, so its absence is seen without waiting for nothing.
func TestWatcherSeesSaves(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"seeds", "content", "themes/default/templates"} {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	write := func(rel, data string) {
		t.Helper()
		if err := os.WriteFile(p(rel), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rename := func(from, to string) {
		t.Helper()
		if err := os.Rename(p(from), p(to)); err != nil {
			t.Fatal(err)
		}
	}
	write("content/a.md", "---\ntitle: 甲\n---\n正文\n")
	write("studysite.toml", "title = \"学习\"\n")

	w, err := newWatcher(root, 150*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	batches := make(chan []string)
	go w.run(ctx, batches)

	steps := []struct {
		name string
		do   func()
		want []string
	}{
		{"write in place (Notepad, VS Code)", func() { write("content/a.md", "---\ntitle: 甲\n---\n改\n") }, []string{"content/a.md"}},
		{"atomic replace: write a temporary file, rename it over (VS Code, Notepad++ safe save)", func() {
			write("content/a.md.tmp", "---\ntitle: 甲\n---\n再改\n")
			rename("content/a.md.tmp", "content/a.md")
		}, []string{"content/a.md"}},
		{"vim: swap file, backup by rename, new file, probe file", func() {
			write("content/.a.md.swp", "swap")
			write("content/4913", "")
			if err := os.Remove(p("content/4913")); err != nil {
				t.Fatal(err)
			}
			rename("content/a.md", "content/a.md~")
			write("content/a.md", "---\ntitle: 甲\n---\nvim\n")
			if err := os.Remove(p("content/a.md~")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/a.md"}},
		{"Word's lock file beside a seed that is saved", func() {
			write("seeds/~$发言.docx", "lock")
			write("seeds/发言.txt", "讲话")
		}, []string{"seeds/发言.txt"}},
		{"config", func() { write("studysite.toml", "title = \"学习材料\"\n") }, []string{"studysite.toml"}},
		{"theme template", func() { write("themes/default/templates/doc.html", "{{.}}") }, []string{"themes/default/templates/doc.html"}},
		{"a new folder", func() {
			if err := os.Mkdir(p("seeds/2025"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, []string{"seeds/2025"}},
		{"a file in the new folder", func() { write("seeds/2025/报告.txt", "报告") }, []string{"seeds/2025/报告.txt"}},
		{"a deleted content file, with import's backup folder written", func() {
			if err := os.MkdirAll(p("content/.backup"), 0o755); err != nil {
				t.Fatal(err)
			}
			write("content/.backup/a.md", "old")
			if err := os.Remove(p("content/a.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/a.md"}},
		{"outside the watched folders, then inside", func() {
			write("README.md", "x")
			if err := os.MkdirAll(p("public"), 0o755); err != nil {
				t.Fatal(err)
			}
			write("public/index.html", "x")
			write("content/b.md", "---\ntitle: 乙\n---\n")
		}, []string{"content/b.md"}},
	}
	for _, st := range steps {
		st.do()
		select {
		case got := <-batches:
			if !slices.Equal(got, st.want) {
				t.Errorf("%s: batch %q, want %q", st.name, got, st.want)
			}
			// A problem is reported before the batch it came with.
			select {
			case err := <-w.errs:
				t.Errorf("%s: the watch reported %v", st.name, err)
			default:
			}
		case <-ctx.Done():
			t.Fatalf("%s: no batch came", st.name)
		}
	}
}
