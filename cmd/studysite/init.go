package main

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/site"
)

// initFiles are what init writes: a commented studysite.toml naming every
// setting (config_test-like check in init_test.go: it loads), and a note
// in seeds/ telling a clerk what goes there.
//
//go:embed initsite/studysite.toml initsite/说明.txt
var initFiles embed.FS

func newInitCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Make a new site folder: seeds/, content/ and a commented studysite.toml",
		Long: `init makes DIR (default: the current folder) a site folder: seeds/ with a short
note (说明.txt) on what to put there, content/, and a studysite.toml in which every
setting is written out, commented, in Chinese and English. It refuses to touch a
folder that already has a studysite.toml.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			if err := initSite(osFs(), dir); err != nil {
				return err
			}
			printInitDone(cmd, dir)
			return nil
		},
	}
}

// initSite makes dir a site folder on fsys.
func initSite(fsys afero.Fs, dir string) error {
	if info, err := fsys.Stat(dir); err == nil && !info.IsDir() {
		return errors.New(sayf(msgInitIsFile, dir))
	}
	cfgPath := filepath.Join(dir, config.FileName)
	if _, err := fsys.Stat(cfgPath); err == nil {
		return errors.New(sayf(msgInitExists, cfgPath))
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", cfgPath, err)
	}
	for _, sub := range []string{site.SeedsDir, site.ContentDir} {
		p := filepath.Join(dir, sub)
		if err := fsys.MkdirAll(p, 0o755); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	note := filepath.Join(dir, site.SeedsDir, site.SeedsNote)
	if _, err := fsys.Stat(note); errors.Is(err, fs.ErrNotExist) {
		if err := writeEmbedded(fsys, "initsite/说明.txt", note, os.O_EXCL); err != nil {
			return err
		}
	}
	// O_EXCL: should a studysite.toml appear since the check, it is kept.
	return writeEmbedded(fsys, "initsite/studysite.toml", cfgPath, os.O_EXCL)
}

func writeEmbedded(fsys afero.Fs, name, dest string, flag int) error {
	data, err := initFiles.ReadFile(name)
	if err != nil {
		return err
	}
	f, err := fsys.OpenFile(dest, os.O_WRONLY|os.O_CREATE|flag, 0o644)
	if err != nil {
		return fmt.Errorf("%s: %w", dest, err)
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return fmt.Errorf("%s: %w", dest, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", dest, err)
	}
	return nil
}

func printInitDone(cmd *cobra.Command, dir string) {
	w := cmd.OutOrStdout()
	say(w, msgInitMade, dir)
	say(w, msgInitItem, site.SeedsDir+"/", msgInitSeeds)
	say(w, msgInitItem, site.ContentDir+"/", msgInitContent)
	say(w, msgInitItem, config.FileName, msgInitConfig)
	next := "studysite serve"
	if dir != "." {
		next = "studysite serve --source " + dir
	}
	say(w, msgInitNext, filepath.Join(dir, site.SeedsDir), next)
}
