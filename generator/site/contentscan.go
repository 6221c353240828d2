package site

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/frontmatter"
)

// contentFile is what the importer needs to know of one content file before
// it decides whether it may write it.
type contentFile struct {
	file       string // content/x.md
	slug       string // the front matter's slug, else the file name's
	source     string // seeds/… it was imported from; "" for a file made by hand
	sourceHash string
	version    string // importer_version
	// edited: a person changed the file since the importer wrote it (or the
	// importer never wrote it). Such a file is never overwritten without
	// --force.
	edited bool
	// broken is the front matter error, with file and line: such a file is
	// never overwritten without --force, and it stops every write.
	broken error
}

// sourceLine finds the seed a file names even when its front matter does not
// parse any more, so that a slip in a hand-edited file never makes its seed
// look new (which would import it a second time, or over the edited file).
var sourceLine = regexp.MustCompile(`(?m)^source:[ \t]*["']?([^"'\r\n]*?)["']?[ \t]*\r?$`)
var slugLine = regexp.MustCompile(`(?m)^slug:[ \t]*["']?([a-z0-9-]+)["']?[ \t]*\r?$`)

// scanContent reads the front matter of every content file.
func scanContent(fsys afero.Fs, o Options) ([]*contentFile, error) {
	files, err := listContent(fsys, o)
	if err != nil {
		return nil, err
	}
	out := make([]*contentFile, 0, len(files))
	for _, f := range files {
		data, err := afero.ReadFile(fsys, o.contentPath(f))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, readContentFile(f, data))
	}
	return out, nil
}

func readContentFile(f string, data []byte) *contentFile {
	c := &contentFile{file: f, slug: strings.TrimSuffix(path.Base(f), ".md")}
	head, body, _, err := frontmatter.Split(data)
	var meta frontmatter.FrontMatter
	if err == nil {
		meta, _, err = frontmatter.Parse(head)
	}
	if err != nil {
		c.broken = frontMatterError(f, err)
		c.edited = true
		// The first lines are front matter even when it is not closed.
		region := data[:min(len(data), 4096)]
		if m := sourceLine.FindSubmatch(region); m != nil {
			c.source = strings.TrimSpace(string(m[1]))
		}
		if m := slugLine.FindSubmatch(region); m != nil {
			c.slug = string(m[1])
		}
		return c
	}
	if meta.Slug != "" {
		c.slug = meta.Slug
	}
	c.source, c.sourceHash, c.version = meta.Source, meta.SourceSHA256, meta.ImporterVersion
	recorded, matches := meta.Recorded(head, body)
	c.edited = !recorded || !matches
	return c
}

// frontMatterError names the file and line, as the content stage does.
func frontMatterError(file string, err error) error {
	var le *frontmatter.LineError
	if errors.As(err, &le) {
		return fmt.Errorf("%s:%d: %w", file, le.Line, le.Err)
	}
	return fmt.Errorf("%s:1: %w", file, err)
}

// fromSeed says whether the file came from a seed of this site (a hand-made
// file may use source: for where a text was published).
func (c *contentFile) fromSeed() bool { return strings.HasPrefix(c.source, SeedsDir+"/") }
