package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/check"
	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/site"
)

func newCheckCmd(g *globalFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "check",
		Short: "Check that every internal link, asset and #anchor of public/ resolves",
		Long: `check reads every page of the built site (public/, or --dest) and follows each
link, stylesheet, script and image the way a browser would, relative to the page.
It fails, listing each one with its page and line, when a file or an #anchor is
missing, or when a link starts with / (which breaks under a subpath and from disk),
and when a printed PDF (packets/<slug>.pdf, docs/<slug>/<slug>.pdf) is not a PDF
or was printed from an older version of its page.
Links to other sites are not fetched.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o := g.options(cmd)
			fsys := osFs()
			cfg, _, err := config.Load(fsys, site.ConfigPath(o))
			if err != nil {
				return err
			}
			dest := site.DestDir(o)
			rep, err := check.Site(fsys, dest, cfg.BaseURL)
			if err != nil {
				return err
			}
			pdfProblems, pdfs, err := check.PDFs(fsys, dest)
			if err != nil {
				return err
			}
			rep.Problems = append(rep.Problems, pdfProblems...)
			for _, p := range rep.Problems {
				fmt.Fprintln(cmd.ErrOrStderr(), p.String())
			}
			if n := len(rep.Problems); n > 0 {
				return fmt.Errorf("%s: %d broken links or stale PDFs in %d pages and %d PDFs", dest, n, rep.Pages, pdfs)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "checked %d links in %d pages and %d PDFs of %s: all resolve\n", rep.Links, rep.Pages, pdfs, dest)
			return nil
		},
	}
}
