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
//
// With -budget, mutants are tried in a fixed random order until the time is
// spent and the rest are SKIPPED: the ones run are a uniform random sample,
// so their efficacy estimates the package's when a whole run does not fit.
//
// With -previous LOG (an earlier mutrun log of the same package), a mutant
// that LOG says was killed or did not compile keeps that verdict and only
// the others are run: after tests were added, the survivors alone decide.
// The package's own (non-test) files must be as they were for LOG: each log
// starts with their digest, and a differing one is an error.
package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
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
	previous := flag.String("previous", "", "an earlier log: run only the mutants it did not kill")
	budget := flag.Duration("budget", 0, "try mutants in a fixed random order for this long, skip the rest (0: run all, in list order)")
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
	if err := run(os.Stdout, filepath.Clean(flag.Arg(0)), flag.Arg(1), settings{*coefficient, *budget, *previous}); err != nil {
		fmt.Fprintln(os.Stderr, "mutrun:", err)
		os.Exit(1)
	}
}

// settings are mutrun's flags.
type settings struct {
	coefficient float64       // a mutant's time limit over its tests' unmutated time
	budget      time.Duration // 0: every mutant
	previous    string        // an earlier log whose kills stand
}

// run runs the mutants of listFile in pkg, a folder of the module in the
// working directory, and writes the verdicts to w.
func run(w io.Writer, pkg, listFile string, set settings) error {
	mutants, err := readList(listFile)
	if err != nil {
		return err
	}
	digest, err := sourceDigest(pkg)
	if err != nil {
		return err
	}
	var standing map[string]string
	if set.previous != "" {
		if standing, err = readVerdicts(set.previous, digest); err != nil {
			return err
		}
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
	fmt.Fprintf(w, "source %s\n%d tests measured in %s\n", digest, len(tests), time.Since(start).Round(time.Second))
	if set.budget > 0 {
		// A fixed seed: the same list gives the same order, run after run.
		rng := rand.New(rand.NewPCG(17, 17))
		rng.Shuffle(len(mutants), func(i, j int) { mutants[i], mutants[j] = mutants[j], mutants[i] })
	}
	counts := map[string]int{}
	for _, m := range mutants {
		verdict := "NOT COVERED"
		kept, stands := standing[m.String()]
		switch {
		case m.status != "RUNNABLE":
		case stands && (kept == "KILLED" || kept == "NOT VIABLE"):
			verdict = kept
		case set.budget > 0 && time.Since(start) > set.budget && (!stands || kept == "SKIPPED"):
			// A mutant the earlier log tried is tried again whatever the
			// budget: the ones tried stay a prefix of the random order.
			verdict = "SKIPPED"
		default:
			verdict, err = tryMutant(work, pkg, m, tests, set.coefficient)
			if err != nil {
				return fmt.Errorf("%s: %w", m, err)
			}
		}
		counts[verdict]++
		fmt.Fprintf(w, "%12s %s\n", verdict, m)
	}
	fmt.Fprintf(w, "Mutation testing completed in %s\n", time.Since(start).Round(time.Second))
	fmt.Fprintf(w, "Killed: %d, Lived: %d, Not covered: %d\n", counts["KILLED"], counts["LIVED"], counts["NOT COVERED"])
	fmt.Fprintf(w, "Timed out: %d, Not viable: %d, Skipped: %d\n", counts["TIMED OUT"], counts["NOT VIABLE"], counts["SKIPPED"])
	return nil
}

// sourceDigest is the SHA-256 of the package's non-test Go files, in name
// order: what a log's verdicts hold for.
func sourceDigest(pkg string) (string, error) {
	names, err := filepath.Glob(filepath.Join(pkg, "*.go"))
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	h := sha256.New()
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.Base(name), len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// verdictLine matches a mutant's line of a mutrun (or gremlins) log.
var verdictLine = regexp.MustCompile(`^\s*(KILLED|LIVED|TIMED OUT|NOT VIABLE|NOT COVERED|SKIPPED) ([A-Z_]+ at \S+\.go:\d+:\d+)$`)

// readVerdicts reads an earlier log of the package's code as it is now
// (digest) and gives each mutant's verdict by its description.
func readVerdicts(name, digest string) (map[string]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(string(data), "\n")
	if len(lines) == 0 || lines[0] != "source "+digest {
		return nil, fmt.Errorf("%s was not made from the package's code as it is now (its first line is not \"source %s\"): run every mutant", name, digest)
	}
	verdicts := map[string]string{}
	for _, line := range lines {
		if g := verdictLine.FindStringSubmatch(line); g != nil {
			verdicts[g[2]] = g[1]
		}
	}
	return verdicts, nil
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
