package themes_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/internal/sitetest"
)

// repoRoot is the folder holding go.mod, found from the test's folder.
func repoRoot(t testing.TB) string { return sitetest.RepoRoot(t) }

// buildSeedSite builds the repository's seed site (seeds/, content/) plus
// testdata/extra.md, a second document in a series, and the packets of
// testdata/packets.toml, with theme and baseURL, into a temporary folder, and returns its public/ folder.
func buildSeedSite(t testing.TB, theme, baseURL string) string {
	t.Helper()
	cfg := "title = \"学习材料\"\ndescription = \"重要讲话和会议精神学习材料\"\ntheme = \"" + theme + "\"\n"
	if baseURL != "" {
		cfg += "baseURL = \"" + baseURL + "\"\n"
	}
	cfg += readTestdata(t, "packets.toml")
	src := sitetest.TempDir(t, sitetest.Site{
		SeedAs:      sitetest.SeedFile,
		RepoContent: true,
		Config:      cfg,
		Files:       map[string]string{"content/extra.md": readTestdata(t, "extra.md")},
	})
	if _, err := site.Build(context.Background(), afero.NewOsFs(), site.Options{Source: src}); err != nil {
		t.Fatalf("building the seed site with theme %s: %v", theme, err)
	}
	return filepath.Join(src, "public")
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "themes", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// builtinThemes are the themes every browser test runs in.
var builtinThemes = []string{"default", "dangjian"}

// seedDoc is the seed document's page, relative to public/.
const seedDoc = "docs/xi-jin-ping-zong-shu-ji-kao-cha-shang/index.html"

// serveLikeNginx serves dir under prefix and answers a missing file with
// 404.html and status 404, as nginx's error_page and GitHub Pages do.
func serveLikeNginx(t testing.TB, dir, prefix string) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, prefix) {
			http.NotFound(w, r)
			return
		}
		rel := strings.TrimPrefix(r.URL.Path, prefix)
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if st, err := os.Stat(p); err != nil || (st.IsDir() && !exists(filepath.Join(p, "index.html"))) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			data, _ := os.ReadFile(filepath.Join(dir, "404.html"))
			_, _ = w.Write(data)
			return
		}
		http.StripPrefix(strings.TrimSuffix(prefix, "/"), files).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// nodeTool is the path of a file of an npm package that `npm ci` installs
// at the top of the repository; without it the test fails and says how to
// get it, unless STUDYSITE_SKIP_BROWSER=1.
func nodeTool(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(repoRoot(t), "node_modules", filepath.FromSlash(rel))
	if !exists(p) {
		if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
			t.Skip("STUDYSITE_SKIP_BROWSER=1: " + rel + " missing, test skipped")
		}
		t.Fatalf("%s is missing: run `npm ci` at the top of the repository (package-lock.json pins it)", p)
	}
	return p
}

// outDir is where tests write screenshots and PDFs for a person to look
// at: $STUDYSITE_SCREENSHOTS, else testdata-out/ at the top of the
// repository (ignored by git).
func outDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("STUDYSITE_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(repoRoot(t), "testdata-out")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}
