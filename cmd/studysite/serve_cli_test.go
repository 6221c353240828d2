package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeCLI runs `studysite serve` as a user would, in a folder that
// init made and a seed was copied into: it prints the address, serves the
// site with the reload script, leaves public/ unmade, and Ctrl-C (SIGINT)
// stops it cleanly, exit 0, while a tab's event stream is still open.
func TestServeCLI(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	if _, errOut, code := runWithEnv(t, bin, dir, nil, "init"); code != 0 {
		t.Fatalf("init: %s", errOut)
	}
	seed, err := os.ReadFile("../../seeds/2023-12-01-shanghai-changsanjiao.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "seeds", "seed.txt"), seed, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--port", "0")
	cmd.Dir = dir
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = cmd.Process.Kill() }()
	lines := bufio.NewScanner(stdout)
	addr := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
	var url string
	var printed []string
	for url == "" && lines.Scan() {
		printed = append(printed, lines.Text())
		url = addr.FindString(lines.Text())
	}
	if url == "" {
		t.Fatalf("serve printed no address:\n%s\n%s", strings.Join(printed, "\n"), stderr.String())
	}
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "/__studysite/reload.js") || !strings.Contains(string(body), "<title>") {
		t.Fatalf("GET %s: %d, %d bytes without the reload script", url, res.StatusCode, len(body))
	}
	// A tab listening for reloads.
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"__studysite/events", nil)
	events, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	first := bufio.NewScanner(events.Body)
	if !first.Scan() || first.Text() != "event: state" {
		t.Fatalf("event stream began with %q", first.Text())
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("serve wrote public/")
	}

	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	var rest []string
	for lines.Scan() {
		rest = append(rest, lines.Text())
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Errorf("serve after Ctrl-C: %v\n%s", err, stderr.String())
		}
	case <-ctx.Done():
		t.Fatal("serve did not stop after Ctrl-C")
	}
	if !strings.Contains(strings.Join(rest, "\n"), "stopped") {
		t.Errorf("no stop message: %q", rest)
	}

	// The reload script is serve's alone: a build never writes it.
	if _, errOut, code := runWithEnv(t, bin, dir, nil, "build"); code != 0 {
		t.Fatalf("build: %s", errOut)
	}
	err = filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err == nil && strings.Contains(string(data), "__studysite") {
			t.Errorf("%s holds serve's reload script", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
