package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/spf13/afero"

	"github.com/studysite/studysite/generator/config"
)

// StampFile records what the last build was made from, so that a build
// with nothing changed can say so at once instead of building the same
// site again (Options.Cache). Deleting it only costs one build's time.
const StampFile = ".studysite/build.json"

// buildStamp is StampFile's content.
type buildStamp struct {
	// Inputs is a digest of everything a build reads, by name, size and
	// modification time (see inputsDigest), and of the options that
	// change the output; Output one of the output folder as the build
	// left it.
	Inputs, Output string
	Pages, Files   int
}

// unchanged gives the result of the last build when its stamp says that
// nothing was changed since, in the inputs or in the output folder.
func unchanged(fsys afero.Fs, o Options) (*Result, bool) {
	data, err := afero.ReadFile(fsys, o.path(filepath.FromSlash(StampFile)))
	if err != nil {
		return nil, false
	}
	var was buildStamp
	if json.Unmarshal(data, &was) != nil {
		return nil, false
	}
	in, err := inputsDigest(fsys, o)
	if err != nil || in != was.Inputs {
		return nil, false
	}
	if out, err := outputDigest(fsys, o); err != nil || out != was.Output {
		return nil, false
	}
	return &Result{Pages: was.Pages, Files: was.Files, Unchanged: true}, true
}

// lastFileCount is how many files the last build wrote, from its stamp,
// or -1 when there is none: StageRender's total, an estimate.
func lastFileCount(fsys afero.Fs, o Options) int64 {
	data, err := afero.ReadFile(fsys, o.path(filepath.FromSlash(StampFile)))
	if err != nil {
		return -1
	}
	var was buildStamp
	if json.Unmarshal(data, &was) != nil || was.Files <= 0 {
		return -1
	}
	return int64(was.Files)
}

// writeStamp records a build whose inputs were in (taken before it read
// them) when they are still so: a file changed while the build ran may
// not be in the output, and the next build must not take it as done.
func writeStamp(fsys afero.Fs, o Options, in string, res *Result) error {
	if now, err := inputsDigest(fsys, o); err != nil || now != in {
		return err
	}
	out, err := outputDigest(fsys, o)
	if err != nil {
		return err
	}
	data, _ := json.Marshal(buildStamp{Inputs: in, Output: out, Pages: res.Pages, Files: res.Files})
	return writeFileAtomic(fsys, o.path(filepath.FromSlash(StampFile)), data)
}

// inputsDigest lists every file a build reads (studysite.toml, seeds/,
// content/, themes/ and the printed PDFs in .studysite/pdf/) with its
// size and modification time, and the options that change the output,
// and gives the listing's SHA-256. A stat of each file: a few
// milliseconds for thousands of documents.
func inputsDigest(fsys afero.Fs, o Options) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "build %q\ndest %q\nno-search %t\nsource-date %d\n", o.BuildID, o.dest(), o.NoSearch, o.SourceDate.Unix())
	for _, root := range []string{config.FileName, SeedsDir, ContentDir, ThemesDir, PDFCacheDir} {
		var lines []string
		err := afero.Walk(fsys, o.path(filepath.FromSlash(root)), func(p string, info fs.FileInfo, err error) error {
			if err != nil {
				if isNotExist(err) {
					return nil
				}
				return err
			}
			lines = append(lines, p+"\x00"+statLine(info))
			return nil
		})
		if err != nil {
			return "", err
		}
		sort.Strings(lines)
		for _, l := range lines {
			h.Write([]byte(l + "\n"))
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// outputDigest identifies the output folder as a build leaves it: the
// folder and its home page, by size and modification time (the folder's
// changes when a file is added to it or removed).
func outputDigest(fsys afero.Fs, o Options) (string, error) {
	var b []byte
	for _, p := range []string{o.dest(), filepath.Join(o.dest(), "index.html")} {
		info, err := fsys.Stat(p)
		if err != nil {
			return "", err
		}
		b = append(b, statLine(info)+"\n"...)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

func statLine(info fs.FileInfo) string {
	return info.Mode().String() + " " + strconv.FormatInt(info.Size(), 10) + " " + strconv.FormatInt(info.ModTime().UnixNano(), 10)
}
