package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/pdf"
	"github.com/studysite/studysite/generator/site"
)

// pdfFlags are the flags of `pdf` and `build --pdf`.
type pdfFlags struct {
	chromium string
	docs     bool
}

func (f *pdfFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.chromium, "chromium", "", "the Chromium, Chrome or Edge to print with (default: $"+pdf.EnvChromium+", else chromium on the PATH)")
}

func newPDFCmd(g *globalFlags) *cobra.Command {
	f := &pdfFlags{}
	cmd := &cobra.Command{
		Use:   "pdf [PACKET…]",
		Short: "Print study packets (and with --docs every document) to PDF through headless Chromium",
		Long: `pdf builds the site, then prints each packet (all, or those named) to
public/packets/<slug>.pdf, and with --docs every document to
public/docs/<slug>/<slug>.pdf, in the system's headless Chromium: paper size
and page numbers from the print stylesheet, table of contents page numbers
filled in, blank pages for duplex, bookmarks from the headings.

Printed PDFs are kept in .studysite/pdf/ beside the site and published by every
build while their page is unchanged; a page that changed is printed again.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return buildAndPrint(cmd, g, f, args)
		},
	}
	f.register(cmd)
	cmd.Flags().BoolVar(&f.docs, "docs", false, "also print every document page on its own")
	return cmd
}

// buildAndPrint finds Chromium before anything is touched, builds, prints
// what has no current PDF, and builds again to publish what it printed.
func buildAndPrint(cmd *cobra.Command, g *globalFlags, f *pdfFlags, packets []string) error {
	exe, err := pdf.FindChromium(f.chromium)
	if err != nil {
		return err
	}
	start := time.Now()
	o := g.options(cmd)
	fsys := osFs()
	if _, err := site.Build(cmd.Context(), fsys, o); err != nil {
		return err
	}
	cfg, _, err := config.Load(fsys, site.ConfigPath(o))
	if err != nil {
		return err
	}
	targets, err := site.PrintTargets(fsys, o, packets, f.docs)
	if err != nil {
		return err
	}
	var printer *pdf.Printer
	defer func() {
		if printer != nil {
			printer.Close()
		}
	}()
	print := func(ctx context.Context, page string, info map[string]string) ([]byte, error) {
		if printer == nil { // start Chromium only when something needs printing
			var err error
			if printer, err = pdf.Start(ctx, afero.NewReadOnlyFs(afero.NewBasePathFs(fsys, site.DestDir(o))), pdf.Options{Chromium: exe, Date: sourceDate(cmd), SiteURL: cfg.BaseURL, Log: cmd.ErrOrStderr()}); err != nil {
				return nil, err
			}
		}
		t := time.Now()
		r, err := printer.Print(ctx, page, info)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(cmd.ErrOrStderr(), "printed %s: %d pages in %s (%d passes, %d blank pages)\n",
			page, r.Pages, time.Since(t).Round(time.Millisecond), r.Passes, r.Blanks)
		return r.PDF, nil
	}
	run, err := site.PrintPDFs(cmd.Context(), fsys, o, targets, print)
	if err != nil {
		return err
	}
	if len(run.Printed) > 0 {
		if _, err = site.Build(cmd.Context(), fsys, o); err != nil {
			return err
		}
	}
	fmt.Fprintf(cmd.OutOrStdout(), "%d PDFs printed, %d already current, into %s in %s\n",
		len(run.Printed), len(run.Current), site.DestDir(o), time.Since(start).Round(time.Millisecond))
	return nil
}
