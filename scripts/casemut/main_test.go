package main

import (
	"go/token"
	"testing"
)

// TestCaseComparison: only a comparison inside a case expression is one
// casemut runs; the operator is found by gremlins' line:column.
func TestCaseComparison(t *testing.T) {
	const src = "package p\n\nfunc f(n, m int) bool {\n\tif n > 3 {\n\t\treturn true\n\t}\n\tswitch {\n\tcase n == 0 && m < 2:\n\t\treturn true\n\t}\n\treturn false\n}\n"
	cases := []struct {
		name      string
		line, col int
		op        token.Token
		ok        bool
	}{
		{"an if condition is covered by the profile", 4, 7, 0, false},
		{"a case comparison", 8, 9, token.EQL, true},
		{"the && of a case", 8, 14, token.LAND, true},
		{"a comparison inside the && of a case", 8, 19, token.LSS, true},
		{"no operator there", 8, 7, 0, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			offset, op, ok := caseComparison("p.go", []byte(src), tc.line, tc.col)
			if ok != tc.ok || op != tc.op {
				t.Fatalf("got %v %v, want %v %v", op, ok, tc.op, tc.ok)
			}
			if ok && src[offset:offset+len(op.String())] != op.String() {
				t.Errorf("offset %d holds %q, not the operator %s", offset, src[offset:offset+len(op.String())], op)
			}
		})
	}
}
