package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/site"
)

func newBuildCmd(g *globalFlags) *cobra.Command {
	pf := &pdfFlags{}
	var withPDF, noSearch, verbose bool
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
			o.NoSearch = noSearch
			res, err := site.Build(cmd.Context(), osFs(), o)
			if err != nil {
				return err
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
	pf.register(cmd)
	return cmd
}
