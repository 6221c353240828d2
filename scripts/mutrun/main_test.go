package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestApplyMutant: the operator at gremlins' line:col, and only it, becomes
// the mutator's; a list that does not match the source is an error, not a
// mutant of some other operator.
func TestApplyMutant(t *testing.T) {
	const src = "package p\n\nfunc f(a, b int) int {\n\tif a < b && -a <= 3 {\n\t\ta++\n\t}\n\tb += a * 2 % 3\n\treturn a - b\n}\n"
	cases := []struct {
		mutator   string
		line, col int
		want      string // the line after the change; "" for an error
	}{
		{"CONDITIONALS_BOUNDARY", 4, 7, "\tif a <= b && -a <= 3 {"},
		{"CONDITIONALS_NEGATION", 4, 7, "\tif a >= b && -a <= 3 {"},
		{"CONDITIONALS_BOUNDARY", 4, 17, "\tif a < b && -a < 3 {"},
		{"INVERT_NEGATIVES", 4, 14, "\tif a < b && +a <= 3 {"},
		{"INVERT_LOGICAL", 4, 11, "\tif a < b || -a <= 3 {"},
		{"INCREMENT_DECREMENT", 5, 4, "\t\ta--"},
		{"ARITHMETIC_BASE", 7, 9, "\tb += a / 2 % 3"},
		{"ARITHMETIC_BASE", 7, 13, "\tb += a * 2 * 3"},
		{"INVERT_ASSIGNMENTS", 7, 4, "\tb -= a * 2 % 3"},
		{"REMOVE_SELF_ASSIGNMENTS", 7, 4, "\tb = a * 2 % 3"},
		{"ARITHMETIC_BASE", 8, 11, "\treturn a + b"},
		{"CONDITIONALS_BOUNDARY", 4, 8, ""},  // a column beside the operator
		{"ARITHMETIC_BASE", 4, 7, ""},        // < is no arithmetic
		{"CONDITIONALS_BOUNDARY", 40, 1, ""}, // past the end
		{"NO_SUCH_MUTATOR", 4, 7, ""},
	}
	for _, tc := range cases {
		got, err := applyMutant("p.go", []byte(src), mutant{mutator: tc.mutator, line: tc.line, col: tc.col})
		if tc.want == "" {
			if err == nil {
				t.Errorf("%s at %d:%d: want an error, got\n%s", tc.mutator, tc.line, tc.col, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s at %d:%d: %v", tc.mutator, tc.line, tc.col, err)
			continue
		}
		lines := strings.Split(string(got), "\n")
		wantLines := strings.Split(src, "\n")
		wantLines[tc.line-1] = tc.want
		if string(got) != strings.Join(wantLines, "\n") {
			t.Errorf("%s at %d:%d: line reads %q, want %q", tc.mutator, tc.line, tc.col, lines[tc.line-1], tc.want)
		}
	}
}

// TestBlockHolds: a coverage block holds the positions from its start to
// its end, both included, of its own file.
func TestBlockHolds(t *testing.T) {
	b := block{file: "a.go", line0: 3, col0: 10, line1: 5, col1: 2}
	cases := []struct {
		file      string
		line, col int
		want      bool
	}{
		{"a.go", 3, 10, true}, {"a.go", 3, 9, false}, {"a.go", 4, 1, true}, {"a.go", 4, 200, true},
		{"a.go", 5, 2, true}, {"a.go", 5, 3, false}, {"a.go", 2, 50, false}, {"a.go", 6, 1, false},
		{"b.go", 4, 1, false},
	}
	for _, tc := range cases {
		if got := b.holds(tc.file, tc.line, tc.col); got != tc.want {
			t.Errorf("%s:%d:%d: holds = %v, want %v", tc.file, tc.line, tc.col, got, tc.want)
		}
	}
}

// TestRunGivesGremlinsVerdicts runs a small module's mutants end to end:
// the boundary its test pins is killed, the one no test reaches lives,
// each with only the test that covers it, and the summary reads as
// gremlins writes it.
func TestRunGivesGremlinsVerdicts(t *testing.T) {
	inFixture(t)
	out := runFixture(t, settings{coefficient: 10})
	wantInOutput(t, out,
		"KILLED CONDITIONALS_BOUNDARY at p.go:7:11",
		"KILLED CONDITIONALS_NEGATION at p.go:7:11",
		"LIVED CONDITIONALS_BOUNDARY at p.go:15:7",
		"NOT COVERED ARITHMETIC_BASE at p.go:23:11",
		"2 tests measured",
		"Killed: 2, Lived: 1, Not covered: 1\n",
		"Timed out: 0, Not viable: 0, Skipped: 0\n",
	)
}

// TestCovering: a mutant runs with the tests whose coverage holds it, all of
// them when none does.
func TestCovering(t *testing.T) {
	tests := []testRun{
		{name: "TestA", coverage: []block{{file: "a.go", line0: 1, col0: 1, line1: 9, col1: 1}}},
		{name: "TestB", coverage: []block{{file: "b.go", line0: 1, col0: 1, line1: 9, col1: 1}}},
		{name: "TestC", coverage: []block{{file: "a.go", line0: 5, col0: 1, line1: 6, col1: 1}}},
	}
	names := func(ts []testRun) (s []string) {
		for _, t := range ts {
			s = append(s, t.name)
		}
		return s
	}
	cases := []struct {
		m    mutant
		want string
	}{
		{mutant{file: "a.go", line: 2, col: 3}, "TestA"},
		{mutant{file: "a.go", line: 5, col: 3}, "TestA TestC"},
		{mutant{file: "b.go", line: 5, col: 3}, "TestB"},
		{mutant{file: "c.go", line: 5, col: 3}, "TestA TestB TestC"},
	}
	for _, tc := range cases {
		if got := strings.Join(names(covering(tests, tc.m)), " "); got != tc.want {
			t.Errorf("%v: covering = %s, want %s", tc.m, got, tc.want)
		}
	}
}

// TestBudgetSkipsTheRest: once the budget is spent the remaining runnable
// mutants are SKIPPED and counted so; the uncovered are reported as ever.
func TestBudgetSkipsTheRest(t *testing.T) {
	inFixture(t)
	out := runFixture(t, settings{coefficient: 10, budget: time.Nanosecond})
	// The clock has passed the budget before the first mutant: all three
	// runnable ones are skipped.
	wantInOutput(t, out,
		"SKIPPED CONDITIONALS_BOUNDARY at p.go:7:11",
		"SKIPPED CONDITIONALS_NEGATION at p.go:7:11",
		"SKIPPED CONDITIONALS_BOUNDARY at p.go:15:7",
		"NOT COVERED ARITHMETIC_BASE at p.go:23:11",
		"Killed: 0, Lived: 0, Not covered: 1\n",
		"Timed out: 0, Not viable: 0, Skipped: 3\n",
	)
}

// TestPreviousKillsStand: with an earlier log of the same code, a mutant it
// killed keeps its verdict without a run (here a log claiming the one that
// lives was killed: the claim is believed, which shows it was not run) and
// the others run; a log of other code is refused.
func TestPreviousKillsStand(t *testing.T) {
	inFixture(t)
	digest, err := sourceDigest("p")
	if err != nil {
		t.Fatal(err)
	}
	prev := filepath.Join(t.TempDir(), "prev.log")
	earlier := "source " + digest + "\n" +
		"      KILLED CONDITIONALS_BOUNDARY at p.go:15:7\n" +
		"       LIVED CONDITIONALS_NEGATION at p.go:7:11\n"
	if err := os.WriteFile(prev, []byte(earlier), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runFixture(t, settings{coefficient: 10, previous: prev})
	wantInOutput(t, out,
		"KILLED CONDITIONALS_BOUNDARY at p.go:15:7", // kept
		"KILLED CONDITIONALS_NEGATION at p.go:7:11", // run again: killed now
		"KILLED CONDITIONALS_BOUNDARY at p.go:7:11", // not in the log: run
		"Killed: 3, Lived: 0, Not covered: 1\n",
	)

	other := strings.Replace(earlier, digest, strings.Repeat("0", len(digest)), 1)
	if err := os.WriteFile(prev, []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	err = run(io.Discard, "p", "list.txt", settings{coefficient: 10, previous: prev})
	if err == nil || !strings.Contains(err.Error(), "not made from the package's code as it is now") {
		t.Errorf("a log of other code: err = %v", err)
	}
}

// TestBudgetKeepsWhatTheEarlierLogTried: with an earlier log and a spent
// budget, a mutant the log tried and did not kill is run again (the sample
// stays a prefix of the random order); one it skipped stays skipped.
func TestBudgetKeepsWhatTheEarlierLogTried(t *testing.T) {
	inFixture(t)
	digest, err := sourceDigest("p")
	if err != nil {
		t.Fatal(err)
	}
	prev := filepath.Join(t.TempDir(), "prev.log")
	earlier := "source " + digest + "\n" +
		"       LIVED CONDITIONALS_BOUNDARY at p.go:15:7\n" +
		"     SKIPPED CONDITIONALS_NEGATION at p.go:7:11\n" +
		"      KILLED CONDITIONALS_BOUNDARY at p.go:7:11\n"
	if err := os.WriteFile(prev, []byte(earlier), 0o644); err != nil {
		t.Fatal(err)
	}
	out := runFixture(t, settings{coefficient: 10, budget: time.Nanosecond, previous: prev})
	wantInOutput(t, out,
		"LIVED CONDITIONALS_BOUNDARY at p.go:15:7",
		"SKIPPED CONDITIONALS_NEGATION at p.go:7:11",
		"KILLED CONDITIONALS_BOUNDARY at p.go:7:11",
		"Killed: 1, Lived: 1, Not covered: 1\n",
		"Skipped: 1\n",
	)
}

// inFixture moves the test into the small module of testdata/mod, whose
// mutants it runs (skipped under -short: a test binary per mutant).
func inFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a test binary per mutant")
	}
	t.Chdir("testdata/mod")
}

// runFixture runs the fixture's list with set and gives what mutrun prints.
func runFixture(t *testing.T, set settings) string {
	t.Helper()
	var out bytes.Buffer
	if err := run(&out, "p", "list.txt", set); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// wantInOutput reports each of wants that out lacks.
func wantInOutput(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
