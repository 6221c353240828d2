// Command mutrun runs the mutants gremlins lists for a package, each with
// only the tests that run the mutated line. gremlins runs every test of the
// package for every mutant; for generator/site and generator/search, whose
// tests take seconds, that is hours for a run. A test that never runs a line
// cannot notice a change to it, so running only the tests whose coverage
// holds the mutant's position gives the same verdict in a fraction of the
// time.
//
//	gremlins unleash --dry-run ./PKG > LIST
//	go run ./scripts/mutrun [-timeout-coefficient N] PKG LIST
//
// LIST is gremlins' dry run (RUNNABLE and NOT COVERED mutants by mutator and
// file:line:col). mutrun builds the package's test binary with coverage once,
// runs each test alone to learn which lines it runs and how long it takes,
// then for every RUNNABLE mutant changes the operator at its position in a
// copy of the module, builds the test binary and runs the covering tests.
// It prints one line a mutant and the summary in gremlins' own words, so
// scripts/mutate.sh reads either. NOT COVERED mutants are printed as they
// are (scripts/casemut runs those in case expressions).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"time"

	"github.com/studysite/studysite/scripts/internal/modcopy"
)

// listed matches one mutant of gremlins' dry run.
var listed = regexp.MustCompile(`^\s*(RUNNABLE|NOT COVERED) ([A-Z_]+) at (\S+\.go):(\d+):(\d+)`)

// mutant is one of gremlins' mutants: a mutator at a position of a file of
// the package.
type mutant struct {
	status    string // RUNNABLE or NOT COVERED
	mutator   string
	file      string // relative to the package
	line, col int
}

func (m mutant) String() string {
	return fmt.Sprintf("%s at %s:%d:%d", m.mutator, m.file, m.line, m.col)
}

func main() {
	coefficient := flag.Float64("timeout-coefficient", 10, "a mutant's tests may run this many times as long as unmutated (at least 10 s)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/mutrun [-timeout-coefficient N] PKGDIR GREMLINS-DRY-RUN")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, filepath.Clean(flag.Arg(0)), flag.Arg(1), *coefficient); err != nil {
		fmt.Fprintln(os.Stderr, "mutrun:", err)
		os.Exit(1)
	}
}

// run runs the mutants of listFile in pkg, a folder of the module in the
// working directory, and writes the verdicts to w.
func run(w io.Writer, pkg, listFile string, coefficient float64) error {
	mutants, err := readList(listFile)
	if err != nil {
		return err
	}
	work, err := os.MkdirTemp("", "mutrun-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := modcopy.Copy(".", work); err != nil {
		return err
	}
	start := time.Now()
	tests, err := measureTests(work, pkg)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d tests measured in %s\n", len(tests), time.Since(start).Round(time.Second))
	counts := map[string]int{}
	for _, m := range mutants {
		verdict := "NOT COVERED"
		if m.status == "RUNNABLE" {
			verdict, err = tryMutant(work, pkg, m, tests, coefficient)
			if err != nil {
				return fmt.Errorf("%s: %w", m, err)
			}
		}
		counts[verdict]++
		fmt.Fprintf(w, "%12s %s\n", verdict, m)
	}
	fmt.Fprintf(w, "Mutation testing completed in %s\n", time.Since(start).Round(time.Second))
	fmt.Fprintf(w, "Killed: %d, Lived: %d, Not covered: %d\n", counts["KILLED"], counts["LIVED"], counts["NOT COVERED"])
	fmt.Fprintf(w, "Timed out: %d, Not viable: %d, Skipped: 0\n", counts["TIMED OUT"], counts["NOT VIABLE"])
	return nil
}

// readList reads gremlins' dry run.
func readList(name string) ([]mutant, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var mutants []mutant
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		g := listed.FindStringSubmatch(sc.Text())
		if g == nil {
			continue
		}
		line, _ := strconv.Atoi(g[4])
		col, _ := strconv.Atoi(g[5])
		mutants = append(mutants, mutant{status: g[1], mutator: g[2], file: g[3], line: line, col: col})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(mutants) == 0 {
		return nil, fmt.Errorf("%s: no mutant listed (is it the output of gremlins unleash --dry-run?)", name)
	}
	return mutants, nil
}
