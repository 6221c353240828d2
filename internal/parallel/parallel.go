// Package parallel runs independent work on every CPU. Results are written
// by index, so output never depends on scheduling.
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// ForEach calls fn(i) for i in [0,n) on up to GOMAXPROCS goroutines. It
// stops starting new calls when ctx is done and returns ctx's error;
// otherwise it returns the error of the lowest i that failed, so messages
// are the same on every run.
func ForEach(ctx context.Context, n int, fn func(i int) error) error {
	if n == 1 { // one call, on this goroutine (a streaming build writes page by page)
		if err := ctx.Err(); err != nil {
			return err
		}
		err := fn(0)
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return err
	}
	errs := make([]error, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			errs[i] = fn(i)
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Chunks runs fn over [0,n) split into one contiguous chunk per CPU.
func Chunks(n int, fn func(lo, hi int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		if n > 0 {
			fn(0, n)
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += chunk {
		hi := min(lo+chunk, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(lo, hi)
		}()
	}
	wg.Wait()
}
