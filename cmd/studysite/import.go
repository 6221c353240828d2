package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/config"
	"github.com/studysite/studysite/generator/ingest"
	"github.com/studysite/studysite/generator/site"
)

func newImportCmd(g *globalFlags) *cobra.Command {
	var opt site.ImportOptions
	var report, asJSON, quiet bool
	cmd := &cobra.Command{
		Use:   "import",
		Short: "Import seeds/ (transcripts) into content/ (Markdown)",
		Long: `import reads every transcript in seeds/ (.txt in UTF-8, GB18030/GBK or UTF-16;
.docx; .md) and writes content/<slug>.md. A seed that has not changed since it
was imported is left alone. A changed seed whose content file was edited by hand
is refused, so edits are never lost; --force replaces them, keeping a backup in
content/.backup/. A content file whose front matter does not parse stops the
import: nothing is written until it is fixed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if quiet {
				silence(cmd)
			}
			o := g.options(cmd)
			cfg, warns, err := config.Load(osFs(), site.ConfigPath(o))
			if err != nil {
				return err
			}
			for _, w := range warns {
				say(cmd.ErrOrStderr(), msgWarning, w)
			}
			opt.Terms = cfg.Terms.Settings()
			results, err := site.Import(cmd.Context(), osFs(), o, opt)
			if asJSON {
				type entry struct {
					Seed       string            `json:"seed"`
					Content    string            `json:"content"`
					Action     string            `json:"action"`
					Message    string            `json:"message,omitempty"`
					Backup     string            `json:"backup,omitempty"`
					Renumbered *site.Renumbering `json:"renumbered,omitempty"`
					Report     *ingest.Report    `json:"report,omitempty"`
				}
				reps := []entry{}
				for _, r := range results {
					reps = append(reps, entry{r.Seed, r.Content, r.Action, r.Message, r.Backup, r.Renumbered, r.Report})
				}
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				if jerr := enc.Encode(reps); jerr != nil {
					return jerr
				}
				return err
			}
			for _, r := range results {
				switch {
				case r.Content == "":
					say(cmd.OutOrStdout(), msgImportLineBare, actionWord(r.Action), r.Seed)
				default:
					say(cmd.OutOrStdout(), msgImportLine, actionWord(r.Action), r.Seed, r.Content)
				}
				if r.Backup != "" {
					say(cmd.OutOrStdout(), msgImportBackup, r.Backup)
				}
				if w := r.Warning(); w != "" {
					say(cmd.ErrOrStderr(), msgWarning, w)
				}
				if report && r.Report != nil {
					printReport(cmd, r)
				}
			}
			return err
		},
	}
	cmd.Flags().StringVar(&opt.Encoding, "encoding", "", "read .txt seeds in this encoding instead of detecting it (utf-8, gb18030, utf-16le, utf-16be)")
	cmd.Flags().BoolVar(&opt.Force, "force", false, "re-import every seed, even unchanged ones, over content files edited by hand or with broken front matter (each replaced file is kept in content/.backup/)")
	cmd.Flags().BoolVar(&opt.Prune, "prune", false, "move content files whose seed is gone to content/.backup/ (edited ones only with --force)")
	cmd.Flags().BoolVar(&opt.FixPunctuation, "fix-punctuation", false, "make half-width punctuation in Chinese text full width (GB/T 15834); off by default: the importer never edits text unasked")
	cmd.Flags().BoolVar(&opt.DryRun, "dry-run", false, "read and report, write nothing")
	cmd.Flags().BoolVar(&report, "report", false, "print what the importer found and changed in each file")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors, each on its own line (nothing on success, no warnings)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print every seed, what happened to it and its report as JSON")
	return cmd
}

func printReport(cmd *cobra.Command, r site.ImportResult) {
	w := cmd.OutOrStdout()
	rep := r.Report
	fmt.Fprintf(w, "  format:     %s\n  encoding:   %s\n  title:      %s\n", rep.Format, rep.Encoding, rep.Title)
	var levels []int
	for l := range rep.Headings {
		levels = append(levels, l)
	}
	sort.Ints(levels)
	for _, l := range levels {
		fmt.Fprintf(w, "  headings h%d: %d\n", l, rep.Headings[l])
	}
	if rep.Tables > 0 {
		fmt.Fprintf(w, "  tables:     %d\n", rep.Tables)
	}
	fmt.Fprintf(w, "  paragraphs: %d\n  unwrapped:  %d hard-wrapped lines joined\n  joins:      %d\n", rep.Paragraphs, rep.Unwrapped, len(rep.Joins))
	for _, j := range rep.Joins {
		fmt.Fprintf(w, "    line %d: …%s|%s…\n", j.Line, j.Before, j.After)
	}
	fmt.Fprintf(w, "  front matter: %d lines\n", len(rep.Moved))
	for _, x := range rep.Moved {
		fmt.Fprintf(w, "    line %d: %s (%s)\n", x.Line, x.Text, x.Reason)
	}
	fmt.Fprintf(w, "  removed:    %d\n", len(rep.Removed))
	for _, x := range rep.Removed {
		fmt.Fprintf(w, "    line %d: %q (%s)\n", x.Line, x.Text, x.Reason)
	}
	fmt.Fprintf(w, "  terms:      %s\n", strings.TrimSpace(fmt.Sprintf("%d %s", len(rep.TermsTaken), strings.Join(rep.TermsTaken, " "))))
	fmt.Fprintf(w, "  quoted, not terms: %d\n", len(rep.QuotedLeftOut))
	for _, q := range rep.QuotedLeftOut {
		times := ""
		if q.Count > 1 {
			times = fmt.Sprintf(" ×%d", q.Count)
		}
		fmt.Fprintf(w, "    line %d: “%s”%s (%s)\n", q.Line, q.Text, times, q.Reason)
	}
	if rep.Fixed > 0 {
		fmt.Fprintf(w, "  punctuation fixed: %d\n", rep.Fixed)
	}
	for _, x := range rep.Warnings {
		fmt.Fprintf(w, "  warning: %s:%d: %s\n", rep.File, x.Line, x.Message)
	}
}
