package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/site"
	"github.com/studysite/studysite/themes"
)

func newThemeCmd(g *globalFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "theme",
		Short: "Make and list themes",
	}
	var from string
	newCmd := &cobra.Command{
		Use:   "new NAME",
		Short: "Copy a built-in theme to themes/NAME/ to change it",
		Long: `theme new copies every template and asset of a built-in theme (default unless
--from says otherwise) to themes/NAME/ in the site folder. Edit the files there and
set theme = "NAME" in studysite.toml. It never overwrites an existing folder.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := filepath.Join(g.source, site.ThemesDir)
			files, err := themes.CopyOut(osFs(), dir, args[0], from)
			if err != nil {
				return err
			}
			for _, f := range files {
				fmt.Fprintln(cmd.OutOrStdout(), filepath.Join(dir, args[0], filepath.FromSlash(f)))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "theme %s: %d files; use it with theme = %q in studysite.toml\n", args[0], len(files), args[0])
			return nil
		},
	}
	newCmd.Flags().StringVar(&from, "from", "default", "built-in theme to copy: "+fmt.Sprint(themes.Names()))
	listCmd := &cobra.Command{
		Use:   "list",
		Short: "List the built-in themes",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			for _, n := range themes.Names() {
				info, err := themes.ReadInfo(themes.Builtin(n))
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%-10s %s %s\n", n, info.Name, info.Description)
			}
			return nil
		},
	}
	cmd.AddCommand(newCmd, listCmd)
	return cmd
}
