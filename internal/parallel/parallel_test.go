package parallel

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
)

func TestForEachFirstErrorByIndex(t *testing.T) {
	err := ForEach(context.Background(), 100, func(i int) error {
		if i%7 == 3 {
			return fmt.Errorf("item %d", i)
		}
		return nil
	})
	if err == nil || err.Error() != "item 3" {
		t.Errorf("error %v, want item 3", err)
	}
	var calls atomic.Int32
	if err := ForEach(context.Background(), 50, func(int) error { calls.Add(1); return nil }); err != nil || calls.Load() != 50 {
		t.Errorf("err %v, %d calls", err, calls.Load())
	}
}

func TestForEachCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	err := ForEach(ctx, 10, func(int) error { calls.Add(1); return nil })
	if !errors.Is(err, context.Canceled) || calls.Load() != 0 {
		t.Errorf("err %v, %d calls", err, calls.Load())
	}
}

func TestChunksCoverEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 17, 1000} {
		seen := make([]atomic.Int32, n)
		Chunks(n, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				seen[i].Add(1)
			}
		})
		for i := range seen {
			if seen[i].Load() != 1 {
				t.Fatalf("n=%d: index %d seen %d times", n, i, seen[i].Load())
			}
		}
	}
}

// One item runs on the caller's goroutine, with the same answers.
func TestForEachOne(t *testing.T) {
	want := errors.New("item 0")
	if err := ForEach(context.Background(), 1, func(int) error { return want }); err != want {
		t.Errorf("error %v, want %v", err, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var calls atomic.Int32
	if err := ForEach(ctx, 1, func(int) error { calls.Add(1); return nil }); !errors.Is(err, context.Canceled) || calls.Load() != 0 {
		t.Errorf("cancelled: err %v, %d calls", err, calls.Load())
	}
	ctx, cancel = context.WithCancel(context.Background())
	if err := ForEach(ctx, 1, func(int) error { cancel(); return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled during the call: err %v", err)
	}
}

// Chunks gives one contiguous chunk per CPU (fewer when there are fewer
// items), all of one size but the last, and calls nothing for no items.
func TestChunksOnePerCPU(t *testing.T) {
	was := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(was)
	for _, cpus := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(cpus)
		for _, n := range []int{0, 1, 2, 3, 5, 17, 1000} {
			var mu sync.Mutex
			var got [][2]int
			Chunks(n, func(lo, hi int) {
				mu.Lock()
				got = append(got, [2]int{lo, hi})
				mu.Unlock()
			})
			slices.SortFunc(got, func(a, b [2]int) int { return a[0] - b[0] })
			var want [][2]int
			if k := min(cpus, n); k > 0 {
				size := (n + k - 1) / k
				for lo := 0; lo < n; lo += size {
					want = append(want, [2]int{lo, min(lo+size, n)})
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%d CPUs, %d items: chunks %v, want %v", cpus, n, got, want)
			}
		}
	}
}
