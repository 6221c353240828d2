// Command studysite builds a static study-materials site from Chinese
// transcripts: `studysite build` in a folder with seeds/ gives public/.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := newRoot().ExecuteContext(ctx); err != nil {
		// One line, naming the file: a clerk should be able to read it.
		fmt.Fprintln(os.Stderr, "studysite: "+strings.ReplaceAll(err.Error(), "\n", " "))
		stop()
		os.Exit(1)
	}
}
