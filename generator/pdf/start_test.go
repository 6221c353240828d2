package pdf

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestSiteServer: Chromium reads the site's pages and assets from the
// loopback server, and a missing one is a 404 it reports.
func TestSiteServer(t *testing.T) {
	fsys := afero.NewMemMapFs()
	if err := afero.WriteFile(fsys, "/packets/2024-q1/index.html", []byte("<h1>学习材料</h1>"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := serveSite(fsys)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	for _, tt := range []struct {
		page   string
		status int
		body   string
	}{
		{"packets/2024-q1/index.html", 200, "<h1>学习材料</h1>"},
		{"packets/nope/index.html", 404, ""},
	} {
		res, err := http.Get(s.url(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status || (tt.body != "" && string(body) != tt.body) {
			t.Errorf("GET %s: %d %q, want %d %q", tt.page, res.StatusCode, body, tt.status, tt.body)
		}
	}
}

// TestStartFails: without a browser, or with one that does not start,
// Start says so and leaves no profile folder behind.
func TestStartFails(t *testing.T) {
	for _, tt := range []struct {
		name     string
		chromium string
		errHas   string
	}{
		{"no Chromium found", "", "apt-get install chromium"},
		{"a Chromium that does not start", filepath.Join(t.TempDir(), "no-such-chrome"), "no-such-chrome"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			p, err := Start(context.Background(), afero.NewMemMapFs(), Options{Chromium: tt.chromium})
			if err == nil {
				p.Close()
				t.Fatal("Start: no error")
			}
			if !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("error %q does not say %q", err, tt.errHas)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("a failed start left %s in the temporary folder", left[0].Name())
			}
		})
	}
}
