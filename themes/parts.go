package themes

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/js"
)

// A theme may keep a script as parts, one file per section, so that a
// newcomer reads it a section at a time while pages still load one file
// (with one <script>, which works from file://, where ES modules do not).
// The folder assets/<name>/ holds the parts of assets/<name>.js: the
// theme as the build sees it (Open, Builtin) has that one file, the parts
// joined in name order inside one strict-mode closure, and no folder.
// The layers of a theme stay file by file, so a site overrides one part
// by putting a file of the same name in its themes/<theme>/assets/<name>/,
// or the whole script with its own assets/<name>.js, which wins over the
// parts of every layer. CopyOut copies the parts as they are.

// scriptsInParts names the scripts kept as parts, by their path.
var scriptsInParts = []string{"assets/search.js"}

// The closure around the parts: their top-level names are seen by every
// part and by no other script of the page.
const (
	partsOpening = "(() => {\n\"use strict\";\n"
	partsClosing = "})();\n"
)

// partsOf gives the folder holding the parts of the script at name, if
// name is a script kept as parts.
func partsOf(name string) (string, bool) {
	for _, s := range scriptsInParts {
		if s == name {
			return strings.TrimSuffix(s, path.Ext(s)), true
		}
	}
	return "", false
}

// joined is a theme with each script of scriptsInParts as one file.
type joined struct{ fs.FS }

func (j joined) Open(name string) (fs.File, error) {
	f, err := j.FS.Open(name)
	dir, ok := partsOf(name)
	if !ok {
		return f, err
	}
	if err == nil {
		if st, serr := f.Stat(); serr == nil && !st.IsDir() {
			return f, nil // a whole script wins over the parts
		}
		f.Close()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	data, err := joinParts(j.FS, dir)
	if err != nil {
		return nil, err
	}
	return &joinedFile{Reader: bytes.NewReader(data), info: joinedInfo{name: path.Base(name), size: int64(len(data))}}, nil
}

// ReadDir lists a script kept as parts as one file, and not its folder.
func (j joined) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(j.FS, name)
	if err != nil {
		return nil, err
	}
	for _, script := range scriptsInParts {
		dir, _ := partsOf(script)
		if path.Dir(script) != name {
			continue
		}
		hasScript, hasParts := false, false
		kept := entries[:0]
		for _, e := range entries {
			switch {
			case e.Name() == path.Base(script):
				hasScript = true
			case e.Name() == path.Base(dir) && e.IsDir():
				hasParts = true
				continue
			}
			kept = append(kept, e)
		}
		entries = kept
		if hasParts && !hasScript {
			entries = append(entries, joinedEntry{fsys: j, name: script})
		}
	}
	sort.Slice(entries, func(a, b int) bool { return entries[a].Name() < entries[b].Name() })
	return entries, nil
}

// joinParts reads the .js files of folder dir in name order and joins
// them inside the closure. Each part must be whole statements: one that
// does not parse is an error naming it and the line, rather than a
// minifier's error at a line of the joined file.
func joinParts(fsys fs.FS, dir string) ([]byte, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	out := bytes.NewBufferString(partsOpening)
	parts := 0
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".js" {
			continue
		}
		p := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		if err := parseError(data); err != nil {
			var pe *parse.Error
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d:%d: %s (each part of %s.js must be whole statements)", p, pe.Line, pe.Column, pe.Message, dir)
			}
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out.Write(data)
		if len(data) > 0 && data[len(data)-1] != '\n' {
			out.WriteByte('\n')
		}
		parts++
	}
	if parts == 0 {
		return nil, &fs.PathError{Op: "open", Path: dir + ".js", Err: fs.ErrNotExist}
	}
	out.WriteString(partsClosing)
	return out.Bytes(), nil
}

// parsed remembers whether each part's text parses (text → error, nil
// when it does): every build (each of serve's too) reads the script, and
// parsing is nearly all of joining (2.5 ms a read without this, 0.07 ms
// with it: BenchmarkJoinSearchJS).
var parsed sync.Map

func parseError(part []byte) error {
	if v, ok := parsed.Load(string(part)); ok {
		err, _ := v.(error) // nil when it parsed
		return err
	}
	_, err := js.Parse(parse.NewInput(bytes.NewReader(part)), js.Options{})
	parsed.Store(string(part), err)
	return err
}

type joinedFile struct {
	*bytes.Reader
	info joinedInfo
}

func (f *joinedFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *joinedFile) Close() error               { return nil }

type joinedInfo struct {
	name string
	size int64
}

func (i joinedInfo) Name() string       { return i.name }
func (i joinedInfo) Size() int64        { return i.size }
func (i joinedInfo) Mode() fs.FileMode  { return 0o444 }
func (i joinedInfo) ModTime() time.Time { return time.Time{} }
func (i joinedInfo) IsDir() bool        { return false }
func (i joinedInfo) Sys() any           { return nil }

// joinedEntry lists a joined script; joining waits until it is read.
type joinedEntry struct {
	fsys joined
	name string
}

func (e joinedEntry) Name() string               { return path.Base(e.name) }
func (e joinedEntry) IsDir() bool                { return false }
func (e joinedEntry) Type() fs.FileMode          { return 0 }
func (e joinedEntry) Info() (fs.FileInfo, error) { return fs.Stat(e.fsys, e.name) }
