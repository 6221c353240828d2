package serve

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher reports settled batches of changes to a site folder's inputs.
// It watches folders, never single files: an editor that saves by writing
// a new file and renaming it over the old one (vim, VS Code, Notepad++'s
// safe save) replaces the file a file watch would hold, while the folder's
// watch sees the new name appear. Folders made later are watched as they
// appear (fsnotify is not recursive by itself).
type watcher struct {
	root     string
	notify   *fsnotify.Watcher
	debounce time.Duration
	// Errors receives what the watch itself reports (a full inotify
	// table); the server prints it and goes on.
	errs chan error
}

func newWatcher(root string, debounce time.Duration) (*watcher, error) {
	n, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{root: root, notify: n, debounce: debounce, errs: make(chan error, 8)}
	// The top folder, for studysite.toml and for seeds/, content/ or
	// themes/ made after the server started.
	if err := n.Add(root); err != nil {
		_ = n.Close()
		return nil, err
	}
	for _, top := range watchedDirs {
		if err := w.addTree(filepath.Join(root, top)); err != nil {
			_ = n.Close()
			return nil, err
		}
	}
	return w, nil
}

// addTree watches dir and every folder under it but the ignored ones.
func (w *watcher) addTree(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone already, or never there
			}
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir && ignored(d.Name()) {
			return filepath.SkipDir
		}
		return w.notify.Add(p)
	})
	return err
}

func (w *watcher) close() error { return w.notify.Close() }

// run sends each batch of changed paths (slash paths relative to the
// site folder, sorted, each once) on out once no change has come for the
// debounce time: one save is several events, and a `git checkout` or a
// folder of seeds copied in is hundreds. While the receiver is busy (a
// build), later changes join the batch waiting for it, so a burst during a
// build costs one more build, not one per batch. It returns when ctx ends.
func (w *watcher) run(ctx context.Context, out chan<- []string) {
	pending := map[string]bool{} // changed since the last settled batch
	ready := map[string]bool{}   // settled, not yet taken
	var send chan<- []string     // out while ready holds something
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case send <- sorted(ready):
			clear(ready)
			send = nil
		case err, ok := <-w.notify.Errors:
			if !ok {
				return
			}
			w.report(err)
		case ev, ok := <-w.notify.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue // an attribute, not the bytes (and some indexers touch every file)
			}
			rel, ok := relevant(w.root, ev.Name)
			if !ok {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if err := w.addTree(ev.Name); err != nil {
						w.report(err)
					}
				}
			}
			pending[rel] = true
			timer.Reset(w.debounce)
		case <-timer.C:
			for p := range pending {
				ready[p] = true
			}
			clear(pending)
			if len(ready) > 0 {
				send = out
			}
		}
	}
}

func (w *watcher) report(err error) {
	select {
	case w.errs <- err:
	default: // the server is behind on errors; one is enough to tell
	}
}

func sorted(set map[string]bool) []string {
	out := make([]string, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
