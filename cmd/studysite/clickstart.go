package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/site"
)

// What studysite does when started with no arguments from Explorer (a
// double-click), where a console window opens for it and closes the moment
// it exits: a clerk must neither see a flash nor be left with nothing.
type clickAction int

const (
	clickServe     clickAction = iota // a site folder: build, serve, open the browser
	clickOfferInit                    // an empty folder: offer to make a site here
	clickExplain                      // anywhere else (Downloads, the Desktop): say what to do
)

// decideClick chooses from the names in the folder and the program's own
// file name (which an otherwise empty folder holds).
func decideClick(names []string, self string) clickAction {
	others := 0
	for _, n := range names {
		switch {
		case n == site.SeedsDir, n == site.ContentDir, n == config.FileName:
			return clickServe
		case strings.EqualFold(n, self), ignoredDesktopFile(n):
		default:
			others++
		}
	}
	if others == 0 {
		return clickOfferInit
	}
	return clickExplain
}

func ignoredDesktopFile(n string) bool {
	l := strings.ToLower(n)
	return l == "desktop.ini" || l == "thumbs.db" || l == ".ds_store"
}

// clickStart runs the no-argument start in dir and gives the exit code.
// serve builds and serves dir, opening the browser, until ctx ends. Every
// way out but a clean stop waits for Enter, so the window stays readable.
func clickStart(ctx context.Context, dir, self string, in io.Reader, out io.Writer, serve func(context.Context) error) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return clickFail(in, out, err)
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	lines := bufio.NewScanner(in)
	switch decideClick(names, self) {
	case clickExplain:
		fmt.Fprintln(out, sayf(msgClickExplain, dir))
		if ui != langZH { // the clerk may read only Chinese
			fmt.Fprintln(out, "\n"+msgClickExplain.in(langZH), dir)
		}
		waitEnter(lines, out)
		return 0
	case clickOfferInit:
		fmt.Fprint(out, msgClickAskInit.String())
		if !lines.Scan() || !isYes(lines.Text()) {
			return 0
		}
		if err := initSite(osFs(), dir); err != nil {
			return clickFail(in, out, err)
		}
		say(out, msgClickPutSeeds)
	}
	say(out, msgClickServing, dir)
	say(out, msgClickKeepOpen)
	if err := serve(ctx); err != nil {
		return clickFail(in, out, err)
	}
	return 0
}

func isYes(answer string) bool {
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes", "是", "好", "要":
		return true
	}
	return false
}

func clickFail(in io.Reader, out io.Writer, err error) int {
	say(out, msgClickError)
	for _, line := range strings.Split(err.Error(), "\n") {
		fmt.Fprintln(out, "  "+line)
	}
	waitEnter(bufio.NewScanner(in), out)
	return 1
}

func waitEnter(lines *bufio.Scanner, out io.Writer) {
	fmt.Fprintln(out)
	fmt.Fprint(out, msgPressEnter.String())
	lines.Scan()
}

// selfName is the program's file name (studysite.exe).
func selfName() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	return filepath.Base(exe)
}
