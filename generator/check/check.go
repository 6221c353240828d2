// Package check crawls a built site and reports every internal link, asset
// or #fragment that does not resolve, the way a reader's browser would
// follow it: relative to the page, index.html for a folder, ids (or <a
// name>) for fragments. Links to the site's own baseURL count as internal;
// other absolute URLs are external and are not fetched (no network).
package check

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"
	"golang.org/x/net/html"
)

// Problem is one broken reference.
type Problem struct {
	Page   string // slash path of the page, relative to the site folder
	Line   int    // line of the element in the page
	Attr   string // a@href, link@href, script@src …
	Target string // the reference as written
	Reason string
}

func (p Problem) String() string {
	if p.Line == 0 { // a file with no lines, a PDF
		return fmt.Sprintf("%s: %s %q: %s", p.Page, p.Attr, p.Target, p.Reason)
	}
	return fmt.Sprintf("%s:%d: %s %q: %s", p.Page, p.Line, p.Attr, p.Target, p.Reason)
}

// Report is what a crawl found.
type Report struct {
	Pages    int
	Links    int
	Problems []Problem
}

// page is what the crawl keeps of a page: its ids and its references.
type page struct {
	ids  map[string]bool
	refs []ref
}

type ref struct {
	line   int
	attr   string
	target string
}

// Site crawls every .html file under dir on fsys. baseURL, when not empty,
// is the site's address: links starting with it are checked as internal.
func Site(fsys afero.Fs, dir, baseURL string) (*Report, error) {
	files := map[string]bool{}
	var htmlFiles []string
	err := afero.Walk(fsys, dir, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, rerr := filepath.Rel(dir, p)
		if rerr != nil {
			return rerr
		}
		rel = filepath.ToSlash(rel)
		if info.IsDir() {
			files[rel+"/"] = true
			return nil
		}
		files[rel] = true
		if strings.HasSuffix(rel, ".html") {
			htmlFiles = append(htmlFiles, rel)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: no built site here; run `studysite build` first", dir)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	sort.Strings(htmlFiles)
	pages := map[string]*page{}
	for _, f := range htmlFiles {
		data, err := afero.ReadFile(fsys, filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		p, err := parse(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		pages[f] = p
	}
	rep := &Report{Pages: len(htmlFiles)}
	for _, f := range htmlFiles {
		for _, r := range pages[f].refs {
			rep.Links++
			if reason := resolve(f, r.target, baseURL, files, pages); reason != "" {
				rep.Problems = append(rep.Problems, Problem{Page: f, Line: r.line, Attr: r.attr, Target: r.target, Reason: reason})
			}
		}
	}
	return rep, nil
}

// refAttrs are the attributes that make the browser load or go somewhere.
var refAttrs = map[string]string{
	"a": "href", "area": "href", "link": "href", "script": "src", "img": "src",
	"iframe": "src", "source": "src", "video": "src", "audio": "src", "track": "src",
	"form": "action", "object": "data",
}

func parse(data []byte) (*page, error) {
	p := &page{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(data))
	line := 1
	for {
		tt := z.Next()
		raw := z.Raw()
		if tt == html.ErrorToken {
			if z.Err() != nil && !errors.Is(z.Err(), io.EOF) {
				return nil, z.Err()
			}
			return p, nil
		}
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			tok := z.Token()
			want := refAttrs[tok.Data]
			for _, a := range tok.Attr {
				switch {
				case a.Key == "id" || (tok.Data == "a" && a.Key == "name"):
					p.ids[a.Val] = true
				case a.Key == want:
					p.refs = append(p.refs, ref{line: line, attr: tok.Data + "@" + a.Key, target: a.Val})
				case tok.Data == "img" && a.Key == "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						if fs := strings.Fields(c); len(fs) > 0 {
							p.refs = append(p.refs, ref{line: line, attr: "img@srcset", target: fs[0]})
						}
					}
				}
			}
		}
		line += bytes.Count(raw, []byte("\n"))
	}
}

// resolve says why target, written in page from, does not resolve; "" when
// it does.
func resolve(from, target, baseURL string, files map[string]bool, pages map[string]*page) string {
	target = strings.TrimSpace(target)
	if target == "" {
		return "" // the page itself
	}
	fromRoot := false
	if baseURL != "" && strings.HasPrefix(target, baseURL) {
		target, fromRoot = strings.TrimPrefix(target, baseURL), true
	}
	u, err := url.Parse(target)
	if err != nil {
		return "not a valid URL: " + err.Error()
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // external: mailto:, https://elsewhere … not fetched
	}
	if strings.HasPrefix(u.Path, "/") {
		return "absolute path: breaks under a subpath and from file://; link relatively"
	}
	file := from
	if u.Path != "" || fromRoot {
		dir := path.Dir(from)
		if fromRoot {
			dir = "."
		}
		file = path.Join(dir, u.Path)
		if file == ".." || strings.HasPrefix(file, "../") {
			return "leaves the site folder"
		}
		if file == "." {
			file = "index.html"
		} else if strings.HasSuffix(u.Path, "/") || files[file+"/"] {
			file += "/index.html"
		}
	}
	if !files[file] {
		return "no such file " + file
	}
	if u.Fragment == "" {
		return ""
	}
	tp := pages[file]
	if tp == nil {
		return "" // a fragment of a non-HTML file (e.g. #page=2 of a PDF)
	}
	if !tp.ids[u.Fragment] {
		return fmt.Sprintf("no element with id %q in %s", u.Fragment, file)
	}
	return ""
}
