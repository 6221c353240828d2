package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/site"
)

// buildID names this program for the build stamp (site.StampFile): its
// version and its executable's size and time, so that a build by another
// studysite, even one of the same version built again, builds again.
func buildID() string {
	id := version
	if exe, err := os.Executable(); err == nil {
		if info, err := os.Stat(exe); err == nil {
			id += fmt.Sprintf(" %d %d", info.Size(), info.ModTime().UnixNano())
		}
	}
	return id
}

func newBuildCmd(g *globalFlags) *cobra.Command {
	pf := &pdfFlags{}
	var withPDF, noSearch, verbose, quiet, noCache bool
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build public/ from content/ (importing new or changed seeds first)",
		Long: `build imports every seed that has no content file or whose bytes changed
since it was imported, then renders content/ into the output folder. The output
folder is replaced only when the whole build succeeded. It prints one line:
documents, pages, terms, search files, bytes, time and warnings; on a terminal a
build that runs longer than a second shows a progress bar on stderr.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if quiet && verbose {
				return errors.New(sayf(msgQuietVerbose))
			}
			if quiet { // errors still reach stderr: main prints them
				silence(cmd)
			}
			if withPDF {
				return buildAndPrint(cmd, g, pf, nil)
			}
			start := time.Now()
			o := g.options(cmd)
			tuneGC(o.Source)
			o.NoSearch = noSearch
			o.Cache, o.Rebuild, o.BuildID = true, noCache, buildID()
			if bar := newBarProgress(cmd.ErrOrStderr(), os.Getenv, start); bar != nil {
				o.Progress, o.Log = bar, bar
			}
			res, err := site.Build(cmd.Context(), osFs(), o)
			if err != nil {
				return err
			}
			if res.Unchanged {
				unchanged := msgUnchanged
				if res.Pages == 1 {
					unchanged = msgUnchangedOne
				}
				say(cmd.OutOrStdout(), unchanged, site.DestDir(o), res.Pages, res.Files, time.Since(start).Round(time.Millisecond))
				return nil
			}
			printImported(cmd.ErrOrStderr(), res.Imported)
			dest := site.DestDir(o) // where it went, also with --source elsewhere
			fmt.Fprintln(cmd.OutOrStdout(), summaryLine(ui, res, dest, time.Since(start)))
			if verbose {
				say(cmd.ErrOrStderr(), msgStageTimes, res.Times)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&withPDF, "pdf", false, "also print every packet to PDF (see studysite pdf); needs Chromium")
	cmd.Flags().BoolVar(&noSearch, "no-search", false, "leave the search index out (to measure the rest of a build; search then finds nothing)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "also print how long each stage took")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors, each on its own line (nothing on success, no warnings, no progress bar)")
	cmd.Flags().BoolVar(&noCache, "no-cache", false, "build even when nothing changed since the last build (see .studysite/build.json)")
	pf.register(cmd)
	return cmd
}

// silence sends a command's output and its warnings nowhere, for
// --quiet: what is left is the error it returns, which main prints.
func silence(cmd *cobra.Command) {
	cmd.SetOut(io.Discard)
	cmd.SetErr(io.Discard)
}
