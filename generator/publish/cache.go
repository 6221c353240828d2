package publish

import (
	"bytes"
	"context"

	"github.com/tdewolff/minify/v2"

	"github.com/studysite/studysite/generator/output"
	"github.com/studysite/studysite/internal/parallel"
)

// Cache keeps the published bytes of each file of the last Prepare by the
// bytes it was given, so that a rebuild minifies only the files whose
// rendered bytes changed. It compares the bytes themselves, not a digest:
// an unchanged page a render cache hands back is the same slice, and the
// comparison stops at once.
type Cache struct {
	m     *minify.M
	files map[string]cachedFile
	// Minified and Reused count the files of the last Prepare.
	Minified, Reused int
}

type cachedFile struct{ in, out []byte }

// NewCache gives an empty cache.
func NewCache() *Cache { return &Cache{m: newMinifier(), files: map[string]cachedFile{}} }

// Prepare is the package's Prepare, reusing what the last call made for
// files given the same bytes. It gives the same files Prepare gives.
func (c *Cache) Prepare(ctx context.Context, files []output.File) ([]output.File, error) {
	out := make([]output.File, len(files))
	reused := make([]bool, len(files))
	err := parallel.ForEach(ctx, len(files), func(i int) error {
		f := files[i]
		out[i].Path = f.Path
		if was, ok := c.files[f.Path]; ok && bytes.Equal(was.in, f.Data) {
			out[i].Data, reused[i] = was.out, true
			return nil
		}
		var err error
		out[i].Data, err = prepareFile(c.m, f)
		return err
	})
	if err != nil {
		return nil, err
	}
	kept := make(map[string]cachedFile, len(files))
	c.Minified, c.Reused = 0, 0
	for i, f := range files {
		kept[f.Path] = cachedFile{in: f.Data, out: out[i].Data}
		if reused[i] {
			c.Reused++
		} else {
			c.Minified++
		}
	}
	c.files = kept
	return out, nil
}
