package main

import (
	"fmt"
	"go/scanner"
	"go/token"

	"github.com/studysite/studysite/scripts/internal/mutator"
)

// applyMutant gives src with the operator at m's line:col replaced as m's
// mutator does; an error when no operator the mutator changes is there
// (the list does not match the source).
func applyMutant(name string, src []byte, m mutant) ([]byte, error) {
	table, known := mutator.Replacements[m.mutator]
	if !known {
		return nil, fmt.Errorf("mutator %s is not one mutrun knows", m.mutator)
	}
	fset := token.NewFileSet()
	file := fset.AddFile(name, -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, 0)
	for {
		pos, tok, _ := s.Scan()
		if tok == token.EOF {
			return nil, fmt.Errorf("%s:%d:%d: no operator there for %s", name, m.line, m.col, m.mutator)
		}
		p := fset.Position(pos)
		if p.Line != m.line || p.Column != m.col {
			continue
		}
		to, ok := table[tok]
		if !ok {
			return nil, fmt.Errorf("%s:%d:%d: %s is not an operator %s changes", name, m.line, m.col, tok, m.mutator)
		}
		out := append([]byte{}, src[:p.Offset]...)
		out = append(out, to.String()...)
		return append(out, src[p.Offset+len(tok.String()):]...), nil
	}
}
