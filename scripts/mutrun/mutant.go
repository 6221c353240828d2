package main

import (
	"fmt"
	"go/scanner"
	"go/token"
)

// replacements are gremlins' default mutators (v0.6.0), by the token each
// changes: the operator found at the mutant's line:col becomes this one.
var replacements = map[string]map[token.Token]token.Token{
	"CONDITIONALS_BOUNDARY":   {token.LSS: token.LEQ, token.LEQ: token.LSS, token.GTR: token.GEQ, token.GEQ: token.GTR},
	"CONDITIONALS_NEGATION":   {token.EQL: token.NEQ, token.NEQ: token.EQL, token.LSS: token.GEQ, token.GEQ: token.LSS, token.GTR: token.LEQ, token.LEQ: token.GTR},
	"ARITHMETIC_BASE":         {token.ADD: token.SUB, token.SUB: token.ADD, token.MUL: token.QUO, token.QUO: token.MUL, token.REM: token.MUL},
	"INVERT_NEGATIVES":        {token.SUB: token.ADD},
	"INCREMENT_DECREMENT":     {token.INC: token.DEC, token.DEC: token.INC},
	"INVERT_LOGICAL":          {token.LAND: token.LOR, token.LOR: token.LAND},
	"INVERT_LOOPCTRL":         {token.BREAK: token.CONTINUE, token.CONTINUE: token.BREAK},
	"INVERT_ASSIGNMENTS":      {token.ADD_ASSIGN: token.SUB_ASSIGN, token.SUB_ASSIGN: token.ADD_ASSIGN, token.MUL_ASSIGN: token.QUO_ASSIGN, token.QUO_ASSIGN: token.MUL_ASSIGN, token.REM_ASSIGN: token.MUL_ASSIGN},
	"INVERT_BITWISE":          {token.AND: token.OR, token.OR: token.AND, token.XOR: token.AND, token.AND_NOT: token.AND, token.SHL: token.SHR, token.SHR: token.SHL},
	"REMOVE_SELF_ASSIGNMENTS": {token.ADD_ASSIGN: token.ASSIGN, token.SUB_ASSIGN: token.ASSIGN, token.MUL_ASSIGN: token.ASSIGN, token.QUO_ASSIGN: token.ASSIGN, token.REM_ASSIGN: token.ASSIGN, token.AND_ASSIGN: token.ASSIGN, token.OR_ASSIGN: token.ASSIGN, token.XOR_ASSIGN: token.ASSIGN, token.SHL_ASSIGN: token.ASSIGN, token.SHR_ASSIGN: token.ASSIGN, token.AND_NOT_ASSIGN: token.ASSIGN},
	"INVERT_BWASSIGN":         {token.AND_ASSIGN: token.OR_ASSIGN, token.OR_ASSIGN: token.AND_ASSIGN, token.XOR_ASSIGN: token.AND_ASSIGN, token.AND_NOT_ASSIGN: token.AND_ASSIGN, token.SHL_ASSIGN: token.SHR_ASSIGN, token.SHR_ASSIGN: token.SHL_ASSIGN},
}

// applyMutant gives src with the operator at m's line:col replaced as m's
// mutator does; an error when no operator the mutator changes is there
// (the list does not match the source).
func applyMutant(name string, src []byte, m mutant) ([]byte, error) {
	table, known := replacements[m.mutator]
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
