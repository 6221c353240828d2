// Command zipdir writes a folder into a zip file the same way every time:
// entries in name order under the folder's own name, every time stamp
// SOURCE_DATE_EPOCH (or 2000-01-01), executables marked so, names in
// UTF-8 (Windows' Explorer shows 说明.txt as such). `make dist` packs each
// platform's folder with it, so that a release is reproducible and needs
// no zip program on the machine that makes it.
//
//	go run ./scripts/zipdir OUT.zip FOLDER
package main

import (
	"archive/zip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: zipdir OUT.zip FOLDER")
		os.Exit(2)
	}
	if err := zipFolder(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "zipdir:", err)
		os.Exit(1)
	}
}

func stamp() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

func zipFolder(out, folder string) error {
	folder = filepath.Clean(folder)
	base := filepath.Dir(folder)
	var names []string
	err := filepath.WalkDir(folder, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		names = append(names, p)
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(names)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := zip.NewWriter(f)
	when := stamp()
	for _, p := range names {
		info, err := os.Stat(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(base, p)
		if err != nil {
			return err
		}
		h := &zip.FileHeader{Name: filepath.ToSlash(rel), Method: zip.Deflate, Modified: when}
		switch {
		case info.IsDir():
			h.Name += "/"
			h.Method = zip.Store
			h.SetMode(fs.ModeDir | 0o755)
		case info.Mode()&0o111 != 0:
			h.SetMode(0o755)
		default:
			h.SetMode(0o644)
		}
		fw, err := w.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		if info.IsDir() {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if _, err := fw.Write(data); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	if err := w.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
