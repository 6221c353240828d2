package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/site"
)

// version is set at link time with -ldflags "-X main.version=…".
var version = "dev"

type globalFlags struct {
	source string
	dest   string
}

func newRoot() *cobra.Command {
	g := &globalFlags{}
	root := &cobra.Command{
		Use:   "studysite",
		Short: "Build a readable, searchable website from Chinese study transcripts",
		Long: `studysite turns transcripts of speeches and meetings (seeds/*.txt, .docx, .md)
into structured Markdown (content/*.md) and a static website (public/) that works
on any web server, under a subpath, and opened straight from disk.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.source, "source", ".", "site folder holding studysite.toml, seeds/ and content/")
	root.PersistentFlags().StringVar(&g.dest, "dest", "", "output folder (default: <source>/public)")
	root.AddCommand(newBuildCmd(g), newImportCmd(g), newCheckCmd(g), newPDFCmd(g), newThemeCmd(g), newVersionCmd())
	return root
}

func (g *globalFlags) options(cmd *cobra.Command) site.Options {
	return site.Options{Source: g.source, Dest: g.dest, Log: cmd.ErrOrStderr(), SourceDate: sourceDate(cmd), PDFText: pdfTextFunc()}
}

// sourceDate reads SOURCE_DATE_EPOCH (reproducible-builds.org): the date
// to write where no document gives one. Unset or invalid means none.
func sourceDate(cmd *cobra.Command) time.Time {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	if err != nil || secs < 0 {
		fmt.Fprintf(cmd.ErrOrStderr(), "warning: SOURCE_DATE_EPOCH=%q is not a number of seconds; ignored\n", v)
		return time.Time{}
	}
	return time.Unix(secs, 0).UTC()
}

// osFs is the only place the real file system enters the program.
func osFs() afero.Fs { return afero.NewOsFs() }
