package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/site"
)

func newBuildCmd(g *globalFlags) *cobra.Command {
	pf := &pdfFlags{}
	var withPDF bool
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
			return nil
		},
	}
	cmd.Flags().BoolVar(&withPDF, "pdf", false, "also print every packet to PDF (see studysite pdf); needs Chromium")
	pf.register(cmd)
	return cmd
}
