// Command casemut runs the mutants gremlins reports as NOT COVERED in the
// case expressions of a switch. Go's coverage profile has no block for a
// case expression (the clause's block starts after the colon), so gremlins
// takes every mutant there for code no test runs and never tries it. This
// applies each such mutant itself, in a copy of the module, runs the
// package's tests and prints KILLED or LIVED for it:
//
//	go run ./scripts/casemut PKGDIR GREMLINS-LOG
//
// Other NOT COVERED mutants are left alone: they are on lines no test
// runs. scripts/mutate.sh adds the results to gremlins' counts.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"

	"github.com/studysite/studysite/scripts/internal/modcopy"
	"github.com/studysite/studysite/scripts/internal/mutator"
)

// notCovered matches gremlins' report of a mutant no test covers.
var notCovered = regexp.MustCompile(`NOT COVERED ([A-Z_]+) at (\S+\.go):(\d+):(\d+)`)

// conditionMutators are the mutators of a condition, the ones casemut
// applies to case expressions.
var conditionMutators = map[string]bool{"CONDITIONALS_NEGATION": true, "CONDITIONALS_BOUNDARY": true, "INVERT_LOGICAL": true}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/casemut PKGDIR GREMLINS-LOG")
		os.Exit(2)
	}
	if err := run(filepath.Clean(os.Args[1]), os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "casemut:", err)
		os.Exit(1)
	}
}

func run(pkg, logFile string) error {
	log, err := os.Open(logFile)
	if err != nil {
		return err
	}
	defer log.Close()
	work, err := os.MkdirTemp("", "casemut-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if err := modcopy.Copy(".", work); err != nil {
		return err
	}
	tried := 0
	sc := bufio.NewScanner(log)
	for sc.Scan() {
		m := notCovered.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		kind, file := m[1], filepath.Join(pkg, m[2])
		if !conditionMutators[kind] {
			continue // casemut runs conditions only; the others stay NOT COVERED
		}
		line, _ := strconv.Atoi(m[3])
		col, _ := strconv.Atoi(m[4])
		src, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		offset, op, ok := caseComparison(file, src, line, col)
		if !ok {
			continue
		}
		to, ok := mutator.Replacements[kind][op]
		if !ok {
			continue
		}
		mutated := string(src[:offset]) + to.String() + string(src[offset+len(op.String()):])
		killed, err := testWith(work, pkg, file, mutated, src)
		if err != nil {
			return err
		}
		status := "LIVED"
		if killed {
			status = "KILLED"
		}
		fmt.Printf("%s %s at %s:%d:%d (%s → %s, a case expression)\n", status, kind, m[2], line, col, op, to)
		tried++
	}
	if tried == 0 {
		fmt.Println("no mutant in a case expression")
	}
	return sc.Err()
}

// caseComparison finds the comparison whose operator is at line:col and
// says whether it is part of a switch's case expression.
func caseComparison(file string, src []byte, line, col int) (offset int, op token.Token, ok bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, src, 0)
	if err != nil {
		return 0, 0, false
	}
	ast.Inspect(f, func(n ast.Node) bool {
		cc, isCase := n.(*ast.CaseClause)
		if !isCase || ok {
			return !ok
		}
		for _, e := range cc.List {
			ast.Inspect(e, func(n ast.Node) bool {
				b, isBin := n.(*ast.BinaryExpr)
				if isBin {
					p := fset.Position(b.OpPos)
					if p.Line == line && p.Column == col {
						offset, op, ok = p.Offset, b.Op, true
					}
				}
				return !ok
			})
		}
		return !ok
	})
	return offset, op, ok
}

// testWith runs the package's tests in the copy with file mutated, then
// puts the file back; a failing run killed the mutant.
func testWith(work, pkg, file, mutated string, orig []byte) (killed bool, err error) {
	target := filepath.Join(work, file)
	if err := os.WriteFile(target, []byte(mutated), 0o644); err != nil {
		return false, err
	}
	defer os.WriteFile(target, orig, 0o644)
	cmd := exec.Command("go", "test", "-count=1", "-short", "./"+filepath.ToSlash(pkg))
	cmd.Dir = work
	err = cmd.Run()
	if _, failed := err.(*exec.ExitError); failed {
		return true, nil // a swapped comparison always compiles: a test failed
	}
	return false, err
}
