package main

import (
	"fmt"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/ingest"
)

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the studysite version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintf(cmd.OutOrStdout(), "studysite %s (importer %s, %s)\n", version, ingest.Version, runtime.Version())
		},
	}
}
