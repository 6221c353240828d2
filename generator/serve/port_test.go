package serve

import (
	"context"
	"net"
	"strings"
	"testing"
)

// TestPortTaken: with the port taken, Run fails naming the address, or
// with AnyPortIfTaken serves on another port of the same host.
func TestPortTaken(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	fb := &fakeBuilder{dir: t.TempDir()}
	tests := []struct {
		name   string
		anyway bool
	}{
		{"fails naming the address", false},
		{"serves elsewhere", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			listening := make(chan string, 1)
			done := make(chan error, 1)
			go func() {
				done <- Run(ctx, Options{Root: fb.dir, Builder: fb, Addr: addr, AnyPortIfTaken: tt.anyway,
					Report: func(ev Event) {
						if l, ok := ev.(Listening); ok {
							listening <- l.URL
						}
					}})
			}()
			select {
			case err := <-done:
				if tt.anyway || err == nil || !strings.Contains(err.Error(), addr) {
					t.Errorf("Run: %v", err)
				}
			case url := <-listening:
				if !tt.anyway || strings.Contains(url, addr) || !strings.HasPrefix(url, "http://127.0.0.1:") {
					t.Errorf("listening at %s with %s taken", url, addr)
				}
				cancel()
				if err := <-done; err != nil {
					t.Errorf("Run after stop: %v", err)
				}
			}
		})
	}
}
