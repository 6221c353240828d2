package pdf

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
)

// EnvChromium names the environment variable that gives Chromium's path.
const EnvChromium = "STUDYSITE_CHROMIUM"

// ErrNoChromium is returned by FindChromium when no browser can be found;
// its text says how to install one.
var ErrNoChromium = errors.New(`no Chromium found: printing PDFs needs Chromium or Chrome; ` +
	`on Debian/Ubuntu install it with "sudo apt-get install chromium"; ` +
	`on Windows pass the path of an installed Chrome or Edge with --chromium or ` + EnvChromium + `, ` +
	`e.g. --chromium "C:\Program Files\Google\Chrome\Application\chrome.exe" or ` +
	`--chromium "C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe"`)

// chromiumNames are the names Chromium goes by on the PATH.
var chromiumNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge"}

// FindChromium gives the browser to print with: flagPath when given, else
// $STUDYSITE_CHROMIUM, else the first of the usual names on the PATH. A path
// given explicitly that does not exist is an error naming it, so a typo is
// not mistaken for "not installed".
func FindChromium(flagPath string) (string, error) {
	for _, given := range []struct{ from, path string }{{"--chromium", flagPath}, {EnvChromium, os.Getenv(EnvChromium)}} {
		if given.path == "" {
			continue
		}
		p, err := exec.LookPath(given.path)
		if err != nil {
			return "", fmt.Errorf("%s %q: no such program (%v); %w", given.from, given.path, unwrapExec(err), ErrNoChromium)
		}
		return p, nil
	}
	names := chromiumNames
	if runtime.GOOS == "windows" {
		names = append(names, `C:\Program Files\Google\Chrome\Application\chrome.exe`, `C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`)
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

func unwrapExec(err error) error {
	var ee *exec.Error
	if errors.As(err, &ee) {
		return ee.Err
	}
	return err
}
