// Package site orchestrates the stages: it is the only place that decides
// which files to read and write. Build takes a site folder on an afero.Fs
// and gives its public/ folder; Import turns seeds/ into content/.
package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"sync/atomic"
	"time"
)

// Options locate a site on a file system.
type Options struct {
	// Source is the site folder: studysite.toml, seeds/, content/, themes/.
	Source string
	// Dest is the output folder; empty means Source/public.
	Dest string
	// Log receives warnings and progress lines; nil discards them.
	Log io.Writer
	// SourceDate, when set, is the date written where the site needs one
	// and no document gives one (the feed of undated documents); the CLI
	// sets it from SOURCE_DATE_EPOCH. Output never depends on the clock.
	SourceDate time.Time
	// PDFText, when set, gives the text layer of a PDF seed (the CLI runs
	// poppler's pdftotext when it is installed); without it a PDF in
	// seeds/ is reported with how to convert it.
	PDFText func(pdf []byte) ([]byte, error)
	// NoSearch leaves the search index out (build --no-search: for
	// measuring the rest of a build; the site's search then finds nothing).
	NoSearch bool
	// Cache lets a build with nothing changed since the last one stop at
	// once (see StampFile), unless Rebuild; BuildID names the program
	// that builds (the CLI: its version and executable), so a new one
	// builds again.
	Cache, Rebuild bool
	BuildID        string
	// Progress, when set, follows the long stages of a build (the CLI
	// draws a progress bar with it on a terminal); nil follows none.
	Progress Progress

	// warned counts the warnings a build logs (Build sets it).
	warned *atomic.Int64
}

// Folder names inside a site.
const (
	SeedsDir   = "seeds"
	ContentDir = "content"
	ThemesDir  = "themes"
	PublicDir  = "public"
)

func (o Options) dest() string {
	if o.Dest != "" {
		return o.Dest
	}
	return filepath.Join(o.Source, PublicDir)
}

func (o Options) path(parts ...string) string {
	return filepath.Join(append([]string{o.Source}, parts...)...)
}

// contentPath is the OS path of a slash path relative to the site.
func (o Options) contentPath(rel string) string { return o.path(filepath.FromSlash(rel)) }

func isNotExist(err error) bool {
	return errors.Is(err, fs.ErrNotExist) // os.ErrNotExist is the same error
}

func (o Options) logf(format string, args ...any) {
	if o.Log != nil {
		_, _ = io.WriteString(o.Log, fmt.Sprintf(format, args...))
	}
}

// warnf logs a warning and counts it for Result.Warnings.
func (o Options) warnf(format string, args ...any) {
	if o.warned != nil {
		o.warned.Add(1)
	}
	o.logf("warning: "+format, args...)
}

// ConfigPath is where the site's studysite.toml is.
func ConfigPath(o Options) string { return o.path("studysite.toml") }

// DestDir is the site's output folder.
func DestDir(o Options) string { return o.dest() }
