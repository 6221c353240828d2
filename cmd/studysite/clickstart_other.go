//go:build !windows

package main

// startedByDoubleClick is false off Windows: a program started with no
// arguments from a terminal prints its help, as every command does.
func startedByDoubleClick() bool { return false }
