package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestPDFWithoutChromium: on a machine without Chromium, `pdf` and
// `build --pdf` say in one message how to install it and exit 1 before
// touching the site; `build` alone never needs it.
func TestPDFWithoutChromium(t *testing.T) {
	bin := binary(t)
	cases := []struct {
		name string
		args []string
		env  []string
		want []string // in stderr
		code int
	}{
		{"pdf", []string{"pdf"}, nil, []string{"no Chromium found", "apt-get install chromium", `chrome.exe`, `msedge.exe`}, 1},
		{"build --pdf", []string{"build", "--pdf"}, nil, []string{"no Chromium found", "apt-get install chromium"}, 1},
		{"pdf --docs with a wrong STUDYSITE_CHROMIUM", []string{"pdf", "--docs"}, []string{"STUDYSITE_CHROMIUM=/opt/no/chrome"}, []string{`STUDYSITE_CHROMIUM "/opt/no/chrome": no such program`}, 1},
		{"pdf with a wrong --chromium", []string{"pdf", "--chromium", `C:\Chrome\chrome.exe`}, nil, []string{`--chromium "C:\\Chrome\\chrome.exe": no such program`}, 1},
		{"build without --pdf", []string{"build"}, nil, nil, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := seedFolder(t)
			cmd := exec.Command(bin, append([]string{"--source", dir}, tc.args...)...)
			cmd.Env = append([]string{"PATH=" + t.TempDir(), "HOME=" + dir}, tc.env...) // a PATH with no browser on it
			var stderr strings.Builder
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stderr %q", code, tc.code, stderr.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr.String(), w) {
					t.Errorf("stderr lacks %q: %q", w, stderr.String())
				}
			}
			if tc.code != 0 {
				if n := strings.Count(strings.TrimSpace(stderr.String()), "\n"); n != 0 {
					t.Errorf("want one line, got %d: %q", n+1, stderr.String())
				}
				entries, _ := os.ReadDir(dir)
				if len(entries) != 1 { // seeds/ only: nothing imported, built or cached
					t.Errorf("the site was touched: %v", entries)
				}
			}
		})
	}
}
