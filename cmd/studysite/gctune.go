package main

import (
	"os"
	"path/filepath"
	"runtime/debug"
)

// A build of a large library holds its linked site and the search index
// it is making; with Go's default collector target (the heap may grow to
// twice what is live) its peak memory is twice what it uses. A target of
// half again (GOGC=50) takes the 2,000-document build from about 550 to
// 400 MB for a few per cent more time. A small library would pay for the
// extra collections instead: its whole build is a tenth of a second, of
// which they would take a quarter. So the target is lowered only for a
// library of more than bigLibrary bytes of content and seeds. GOGC in
// the environment wins (BENCHMARKS.md has the figures).
const (
	bigLibrary     = 4 << 20
	bigLibraryGOGC = 50
)

// tuneGC sets the collector's target for building the site in source.
func tuneGC(source string) {
	if os.Getenv("GOGC") != "" {
		return
	}
	if librarySize(source) > bigLibrary {
		debug.SetGCPercent(bigLibraryGOGC)
	}
}

// librarySize is how many bytes the files directly in source's content/
// and seeds/ hold (a stat of each; unreadable folders count nothing).
func librarySize(source string) int64 {
	var n int64
	for _, dir := range []string{"content", "seeds"} {
		entries, _ := os.ReadDir(filepath.Join(source, dir))
		for _, e := range entries {
			if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
				n += info.Size()
			}
		}
	}
	return n
}
