package main

import (
	"fmt"
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
	var withPDF, noSearch, verbose, noCache bool
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build public/ from content/ (importing new or changed seeds first)",
		Long: `build imports every seed that has no content file or whose bytes changed
since it was imported, then renders content/ into the output folder. The output
folder is replaced only when the whole build succeeded.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if withPDF {
				return buildAndPrint(cmd, g, pf, nil)
			}
			start := time.Now()
			o := g.options(cmd)
			tuneGC(o.Source)
			o.NoSearch = noSearch
			o.Cache, o.Rebuild, o.BuildID = true, noCache, buildID()
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
			built := msgBuilt
			if res.Pages == 1 {
				built = msgBuiltOne
			}
			say(cmd.OutOrStdout(), built, res.Pages, res.Files, dest, time.Since(start).Round(time.Millisecond))
			if verbose {
				say(cmd.ErrOrStderr(), msgStageTimes, res.Times)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&withPDF, "pdf", false, "also print every packet to PDF (see studysite pdf); needs Chromium")
	cmd.Flags().BoolVar(&noSearch, "no-search", false, "leave the search index out (to measure the rest of a build; search then finds nothing)")
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "also print how long each stage took")
	cmd.Flags().BoolVar(&noCache, "no-cache", false, "build even when nothing changed since the last build (see .studysite/build.json)")
	pf.register(cmd)
	return cmd
}
