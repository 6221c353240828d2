package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// liveState is what every open tab is told: which build the server now
// serves, and the error of the last build when it failed. A tab whose page
// came from another build reloads; a tab told of an error shows it over the
// page (the last good build, which keeps being served).
type liveState struct {
	Build string `json:"build"`
	Error string `json:"error,omitempty"`
}

// live holds the served snapshot and the state of the builds, and tells
// the tabs listening on /__studysite/events when either changes.
type live struct {
	mu       sync.Mutex
	site     *Snapshot
	state    liveState
	nonce    string // tells this server's builds from a previous run's
	gen      int
	watchers map[chan liveState]struct{}
}

func newLive() *live {
	return &live{
		nonce:    fmt.Sprintf("%x", time.Now().UnixNano()),
		watchers: map[chan liveState]struct{}{},
		state:    liveState{Build: "none"},
	}
}

// succeeded swaps in a new build and reloads every tab.
func (l *live) succeeded(s *Snapshot) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.gen++
	l.site = s
	l.state = liveState{Build: fmt.Sprintf("%s-%d", l.nonce, l.gen)}
	l.broadcast()
}

// failed keeps the last good build and shows err in every tab.
func (l *live) failed(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.state.Error = err.Error()
	l.broadcast()
}

func (l *live) current() (*Snapshot, liveState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.site, l.state
}

// broadcast sends the state to every tab; a tab that has not read the
// previous one yet gets only the newest (its channel holds one).
func (l *live) broadcast() {
	for ch := range l.watchers {
		select {
		case <-ch:
		default:
		}
		ch <- l.state
	}
}

func (l *live) subscribe() (chan liveState, liveState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	ch := make(chan liveState, 1)
	l.watchers[ch] = struct{}{}
	return ch, l.state
}

func (l *live) unsubscribe(ch chan liveState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.watchers, ch)
}

// serveEvents is the Server-Sent Events stream of the state: the current
// one at once, then each change, until the tab goes or the server stops
// (the request's context ends with the server's).
func (l *live) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, state := l.subscribe()
	defer l.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	for {
		data, err := json.Marshal(state)
		if err != nil {
			return
		}
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", data); err != nil {
			return
		}
		flusher.Flush()
		select {
		case <-r.Context().Done():
			return
		case state = <-ch:
		}
	}
}
