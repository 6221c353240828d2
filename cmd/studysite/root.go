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
	lang   string // read by detectLang before cobra; declared so cobra accepts it
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
	root.PersistentFlags().StringVar(&g.lang, "lang", "", "language of messages and help: zh or en (default: from LC_ALL, LC_MESSAGES, LANG, or the Windows display language)")
	root.AddCommand(newBuildCmd(g), newImportCmd(g), newCheckCmd(g), newPDFCmd(g), newThemeCmd(g), newVersionCmd(),
		newServeCmd(g), newInitCmd())
	localizeHelp(root)
	return root
}

func (g *globalFlags) options(cmd *cobra.Command) site.Options {
	return site.Options{Source: g.source, Dest: g.dest, Log: cmd.ErrOrStderr(), SourceDate: sourceDate(cmd), PDFText: pdfTextFunc()}
}

// localizeHelp puts the commands' short help and the usage headings in
// the run's language. cobra adds its help and completion commands only
// when it runs, so they are made here first to be translated too.
func localizeHelp(root *cobra.Command) {
	if ui != langZH {
		return
	}
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if x, ok := shortHelp[c.CommandPath()]; ok {
			c.Short = x.zh
			if c.Long != "" { // the English details follow the Chinese summary
				c.Long = x.zh + "。\n\n" + c.Long
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	root.SetUsageTemplate(usageTemplateZH)
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
