package themes_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// readmeNginxConfig is the nginx configuration block of the README's
// "Intranet (nginx)" paragraph, as a reader would copy it.
func readmeNginxConfig(t *testing.T) string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(readme)
	at := strings.Index(s, "**Intranet (nginx).**")
	if at < 0 {
		t.Fatal("README.md: no **Intranet (nginx).** paragraph")
	}
	s = s[at:]
	start := strings.Index(s, "```nginx\n")
	if start < 0 {
		t.Fatal("README.md: the Intranet (nginx) paragraph has no ```nginx block")
	}
	s = s[start+len("```nginx\n"):]
	end := strings.Index(s, "\n```")
	if end < 0 {
		t.Fatal("README.md: the ```nginx block is not closed")
	}
	return s[:end]
}

// nginxBinary is the nginx the test runs; without it the test fails and
// says how to install it, unless STUDYSITE_SKIP_BROWSER=1.
func nginxBinary(t *testing.T) string {
	t.Helper()
	for _, p := range []string{"nginx", "/usr/sbin/nginx"} {
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	if os.Getenv("STUDYSITE_SKIP_BROWSER") == "1" {
		t.Skip("STUDYSITE_SKIP_BROWSER=1 and nginx missing: test skipped")
	}
	t.Fatal("nginx is missing: apt-get install -y nginx-light (.ci/run does)")
	return ""
}

// freePort is a loopback TCP port nobody listens on right now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startNginx runs nginx in the foreground, as the test's user, with the
// README's block inside a server on a loopback port, the site's /srv/www
// replaced by www; it returns the server's address.
func startNginx(t *testing.T, www string) string {
	t.Helper()
	bin := nginxBinary(t)
	prefix := t.TempDir()
	port := freePort(t)
	block := strings.ReplaceAll(readmeNginxConfig(t), "/srv/www", www)
	conf := fmt.Sprintf(`daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log;
events { worker_connections 64; }
http {
    types { text/html html; text/css css; text/javascript js; image/svg+xml svg; application/json json; application/xml xml; application/atom+xml atom; text/plain txt; application/pdf pdf; }
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path %[1]s/body;
    proxy_temp_path %[1]s/proxy;
    fastcgi_temp_path %[1]s/fastcgi;
    uwsgi_temp_path %[1]s/uwsgi;
    scgi_temp_path %[1]s/scgi;
    server {
        listen 127.0.0.1:%[2]d;
%[3]s
    }
}
`, prefix, port, block)
	confPath := filepath.Join(prefix, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-t", "-p", prefix, "-c", confPath).CombinedOutput(); err != nil {
		t.Fatalf("nginx -t rejects the README's configuration: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-p", prefix, "-c", confPath)
	var log strings.Builder
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	for deadline := time.Now().Add(10 * time.Second); ; {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			errLog, _ := os.ReadFile(filepath.Join(prefix, "error.log"))
			t.Fatalf("nginx did not listen on %s: %s%s", addr, log.String(), errLog)
		}
		time.Sleep(50 * time.Millisecond)
	}
	return "http://" + addr
}

var linkAttr = regexp.MustCompile(`(?:href|src|action)="([^"]+)"`)

// TestNginx serves the seed site from /study/ with the README's nginx
// configuration and checks what a reader and a cache see: every link of
// every page resolves, /study finds the site, a mistyped address at any
// depth gets the site's 404 page with status 404, hashed assets are cached
// for a year and pages are not.
func TestNginx(t *testing.T) {
	www := t.TempDir()
	public := buildSeedSite(t, "default", "")
	if err := os.Rename(public, filepath.Join(www, "study")); err != nil {
		t.Fatal(err)
	}
	base := startNginx(t, www)
	client := &http.Client{Timeout: 10 * time.Second}
	get := func(u string) (*http.Response, string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body)
	}

	// Crawl from the folder's address without its slash.
	seen := map[string]bool{}
	queue := []string{base + "/study"}
	pages, assets := 0, 0
	var hashedAsset, page string
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, body := get(u)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %s", u, resp.Status)
			continue
		}
		final := resp.Request.URL
		if !strings.HasPrefix(final.Path, "/study/") {
			t.Errorf("GET %s ended at %s, outside /study/", u, final)
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			assets++
			if regexp.MustCompile(`\.[0-9a-f]{8}\.(css|js)$`).MatchString(final.Path) {
				hashedAsset = final.String()
			}
			continue
		}
		pages++
		if page == "" || strings.Contains(final.Path, "/docs/") {
			page = final.String()
		}
		for _, m := range linkAttr.FindAllStringSubmatch(body, -1) {
			ref, err := url.Parse(strings.ReplaceAll(m[1], "&amp;", "&"))
			if err != nil || (ref.Scheme != "" && ref.Host != final.Host) {
				continue
			}
			next := final.ResolveReference(ref)
			next.Fragment, next.RawQuery = "", ""
			if next.Host != final.Host || seen[next.String()] {
				continue
			}
			seen[next.String()] = true
			queue = append(queue, next.String())
		}
	}
	t.Logf("crawled %d pages and %d assets through nginx", pages, assets)
	if pages < 5 || assets < 3 {
		t.Fatalf("crawl reached %d pages and %d assets under /study/; the site has more", pages, assets)
	}

	for _, missing := range []string{"/study/nothing.html", "/study/docs/gone/", "/study/a/b/c/d.html", "/study/assets/style.0000000a.css"} {
		resp, body := get(base + missing)
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %s, want 404 Not Found", missing, resp.Status)
		}
		if !strings.Contains(body, "找不到这个页面") {
			t.Errorf("GET %s: not the site's 404 page:\n%.300s", missing, body)
		}
	}

	year := "max-age=31536000"
	if hashedAsset == "" {
		t.Fatal("the crawl met no hashed stylesheet or script")
	}
	if resp, _ := get(hashedAsset); !strings.Contains(resp.Header.Get("Cache-Control"), year) {
		t.Errorf("%s: Cache-Control %q, want %s", hashedAsset, resp.Header.Get("Cache-Control"), year)
	}
	if resp, _ := get(page); strings.Contains(resp.Header.Get("Cache-Control"), year) {
		t.Errorf("%s: a page cached for a year (Cache-Control %q): readers would not see corrections", page, resp.Header.Get("Cache-Control"))
	}
}
