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
	ui = detectLang(os.Args[1:], os.Getenv, systemUILanguage)
	if len(os.Args) == 1 && startedByDoubleClick() {
		serve := func(ctx context.Context) error {
			root := newRoot()
			root.SetArgs([]string{"serve", "--open"})
			return root.ExecuteContext(ctx)
		}
		code := clickStart(ctx, ".", selfName(), os.Stdin, os.Stdout, serve)
		stop()
		os.Exit(code)
	}
	stopProfiles := startProfiles()
	err := newRoot().ExecuteContext(ctx)
	stopProfiles()
	if err != nil {
		// One line per problem, each naming its file (and line): a clerk
		// should be able to read it, and an editor jump to it.
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintln(os.Stderr, "studysite: "+line)
		}
		stop()
		os.Exit(1)
	}
}
