package main

import (
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/studysite/studysite/generator/serve"
	"github.com/studysite/studysite/generator/site"
)

type serveFlags struct {
	bind string
	port int
	open bool
}

func newServeCmd(g *globalFlags) *cobra.Command {
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Build, serve on this computer and reload the browser after each edit",
		Long: `serve builds the site into memory and serves it at http://127.0.0.1:1313/.
It watches seeds/, content/, themes/ and studysite.toml: after each save it
rebuilds (a changed seed is re-imported as by import, never over a content file
edited by hand) and every open page reloads. A build that fails is printed here
and shown over the page, which stays the last good build, until a save fixes it.
public/ is not touched, and pages served carry a reload script that built
pages never hold. Ctrl-C stops it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd, g, f)
		},
	}
	cmd.Flags().StringVar(&f.bind, "bind", "127.0.0.1", "address to listen on; anything but loopback lets other computers read the site")
	cmd.Flags().IntVar(&f.port, "port", 1313, "port to listen on")
	cmd.Flags().BoolVar(&f.open, "open", false, "open the site in the default browser")
	return cmd
}

func runServe(cmd *cobra.Command, g *globalFlags, f *serveFlags) error {
	o := g.options(cmd)
	tuneGC(o.Source)
	out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if !isLoopback(f.bind) {
		say(errw, msgWarning, sayf(msgServeWideBind, f.bind))
	}
	addr := net.JoinHostPort(f.bind, strconv.Itoa(f.port))
	report := func(ev serve.Event) {
		switch ev := ev.(type) {
		case serve.Listening:
			say(out, msgServeListening, o.Source, ev.URL)
			say(out, msgServeWatching)
			if f.open {
				if err := openBrowser(ev.URL); err != nil {
					say(errw, msgServeOpenFailed, err, ev.URL)
				}
			}
		case serve.Built:
			printImported(errw, ev.Result.Imported)
			d := ev.Duration.Round(time.Millisecond)
			if ev.Changed == nil {
				built := msgServeBuilt
				if ev.Result.Pages == 1 {
					built = msgServeBuiltOne
				}
				say(out, built, ev.Result.Pages, ev.Result.Files, d)
			} else {
				say(out, msgServeRebuilt, describeChanged(ev.Changed), d)
			}
		case serve.BuildFailed:
			say(errw, msgServeFailed)
			for _, line := range strings.Split(ev.Err.Error(), "\n") {
				fmt.Fprintln(errw, "  "+line)
			}
		case serve.WatchFailed:
			say(errw, msgWarning, sayf(msgServeWatchErr, ev.Err))
		}
	}
	say(out, msgServeBuilding, o.Source) // a big site takes a while before the address shows
	err := serve.Run(cmd.Context(), serve.Options{
		Root:    o.Source,
		Fs:      osFs(),
		Builder: serve.NewIncrementalBuilder(osFs(), o),
		Addr:    addr,
		// 1313 taken (another serve): any free port, unless one was asked for.
		AnyPortIfTaken: !cmd.Flags().Changed("port"),
		Report:         report,
	})
	if err == nil {
		say(out, msgServeStopped)
	}
	return err
}

// isLoopback says whether bind reaches this computer only.
func isLoopback(bind string) bool {
	if bind == "localhost" {
		return true
	}
	ip := net.ParseIP(bind)
	return ip != nil && ip.IsLoopback()
}

// describeChanged names the changed files briefly: one, or the first and
// how many more.
func describeChanged(changed []string) string {
	if len(changed) == 1 {
		return changed[0]
	}
	return sayf(msgServeMore, changed[0], len(changed)-1)
}

// printImported prints what a build's import did, seed by seed.
func printImported(w io.Writer, results []site.ImportResult) {
	for _, r := range results {
		if r.Report == nil || r.Action == site.ActionUnchanged {
			continue
		}
		line := sayf(msgBuildImport, actionWord(r.Action), r.Seed, r.Content)
		switch n := len(r.Report.Warnings); n {
		case 0:
		case 1:
			line += msgOneWarning.String()
		default:
			line += sayf(msgWarnings, n)
		}
		fmt.Fprintln(w, line)
	}
}
