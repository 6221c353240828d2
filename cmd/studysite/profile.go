package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// startProfiles writes a CPU profile to $STUDYSITE_CPUPROFILE and, when the
// returned function runs, a heap profile to $STUDYSITE_MEMPROFILE: how the
// figures in BENCHMARKS.md were taken on whole-process builds. Neither
// variable set, it does nothing.
func startProfiles() (stop func()) {
	var cpu *os.File
	if name := os.Getenv("STUDYSITE_CPUPROFILE"); name != "" {
		f, err := os.Create(name)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "studysite: cpu profile:", err)
		} else {
			cpu = f
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if name := os.Getenv("STUDYSITE_MEMPROFILE"); name != "" {
			f, err := os.Create(name)
			if err != nil {
				fmt.Fprintln(os.Stderr, "studysite: heap profile:", err)
				return
			}
			defer f.Close()
			runtime.GC()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintln(os.Stderr, "studysite: heap profile:", err)
			}
		}
	}
}
