package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// testRun is what one top-level test (or fuzz target's seeds, or example)
// of the package runs and how long it takes unmutated.
type testRun struct {
	name     string
	took     time.Duration
	coverage []block // blocks it ran at least once
}

// block is a span of a file, from gremlins' and go test's coverage profile.
type block struct {
	file                     string // base name, as gremlins prints it
	line0, col0, line1, col1 int
}

func (b block) holds(file string, line, col int) bool {
	if b.file != file {
		return false
	}
	after := line > b.line0 || line == b.line0 && col >= b.col0
	before := line < b.line1 || line == b.line1 && col <= b.col1
	return after && before
}

// profileLine is one block of a coverage profile with its count.
var profileLine = regexp.MustCompile(`^(\S+):(\d+)\.(\d+),(\d+)\.(\d+) \d+ (\d+)$`)

// measureTests builds the package's test binary with coverage, lists its
// tests and runs each alone, keeping what it covers and how long it took.
func measureTests(work, pkg string) ([]testRun, error) {
	bin := filepath.Join(work, "cover.test")
	if out, err := goTestC(work, pkg, bin, "-cover", "-covermode=set"); err != nil {
		return nil, fmt.Errorf("building %s's tests with coverage: %v\n%s", pkg, err, out)
	}
	dir := filepath.Join(work, pkg)
	out, err := exec.Command(bin, "-test.list", ".").Output()
	if err != nil {
		return nil, fmt.Errorf("listing %s's tests: %w", pkg, err)
	}
	var tests []testRun
	for _, name := range strings.Fields(string(out)) {
		if strings.HasPrefix(name, "Benchmark") {
			continue
		}
		profile := filepath.Join(work, "cover.out")
		start := time.Now()
		cmd := exec.Command(bin, "-test.run", "^"+name+"$", "-test.short", "-test.count=1", "-test.coverprofile", profile)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return nil, fmt.Errorf("%s fails without a mutant: %v\n%s", name, err, out)
		}
		took := time.Since(start)
		coverage, err := readProfile(profile)
		if err != nil {
			return nil, err
		}
		tests = append(tests, testRun{name: name, took: took, coverage: coverage})
	}
	if len(tests) == 0 {
		return nil, fmt.Errorf("%s has no tests", pkg)
	}
	return tests, nil
}

// readProfile reads the blocks a coverage profile counts as run.
func readProfile(name string) ([]block, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var blocks []block
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		g := profileLine.FindStringSubmatch(sc.Text())
		if g == nil || g[6] == "0" {
			continue
		}
		n := make([]int, 4)
		for i := range n {
			n[i], _ = strconv.Atoi(g[2+i])
		}
		blocks = append(blocks, block{file: filepath.Base(g[1]), line0: n[0], col0: n[1], line1: n[2], col1: n[3]})
	}
	return blocks, sc.Err()
}

// covering are the tests whose coverage holds the position; all of them
// when none does (a line gremlins found covered that no single test's
// profile holds: run everything rather than miss a kill).
func covering(tests []testRun, m mutant) []testRun {
	var picked []testRun
	for _, t := range tests {
		for _, b := range t.coverage {
			if b.holds(m.file, m.line, m.col) {
				picked = append(picked, t)
				break
			}
		}
	}
	if len(picked) == 0 {
		return tests
	}
	return picked
}

// tryMutant changes the operator of m in the copy, builds the test binary
// and runs the covering tests, then puts the file back. The verdict is
// KILLED (a test failed), LIVED, TIMED OUT or NOT VIABLE (no build).
func tryMutant(work, pkg string, m mutant, tests []testRun, coefficient float64) (string, error) {
	file := filepath.Join(work, pkg, m.file)
	orig, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	mutated, err := applyMutant(m.file, orig, m)
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(file, mutated, 0o644); err != nil {
		return "", err
	}
	defer os.WriteFile(file, orig, 0o644)
	bin := filepath.Join(work, "mutant.test")
	if _, err := goTestC(work, pkg, bin); err != nil {
		return "NOT VIABLE", nil
	}
	picked := covering(tests, m)
	var names []string
	var took time.Duration
	for _, t := range picked {
		names = append(names, t.name)
		took += t.took
	}
	limit := max(time.Duration(coefficient*float64(took)), 10*time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.run", "^("+strings.Join(names, "|")+")$", "-test.short", "-test.count=1")
	cmd.Dir = filepath.Join(work, pkg)
	killGroupOnCancel(cmd)
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return "TIMED OUT", nil
	case err == nil:
		return "LIVED", nil
	case errors.As(err, &exit):
		return "KILLED", nil
	default:
		return "", err
	}
}

// goTestC builds the package's test binary into bin.
func goTestC(work, pkg, bin string, flags ...string) ([]byte, error) {
	args := append([]string{"test", "-c", "-o", bin}, flags...)
	cmd := exec.Command("go", append(args, "./"+filepath.ToSlash(pkg))...)
	cmd.Dir = work
	return cmd.CombinedOutput()
}
