// Package scripts holds the tests of the shell scripts beside them.
package scripts

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// machine is what a fake machine has: the commands on its PATH, the
// Debian packages dpkg knows as installed, who runs the script, and the
// state of node_modules/.
type machine struct {
	commands []string // fake executables on PATH (they log their calls)
	dpkg     []string // packages dpkg-query reports installed ("" = no dpkg-query)
	root     bool
	skip     bool // STUDYSITE_SKIP_BROWSER=1
	// nodeState is "missing", "stale" or "current" (by the times of
	// package-lock.json and npm's node_modules/.package-lock.json), or
	// "stamp same" / "stamp changed": the copy of package-lock.json the
	// script keeps after npm ci, with times that say stale.
	nodeState string
}

// everything is a machine that has all make test needs.
var everything = []string{"chromium", "pdftotext", "java", "nginx", "npm", "apt-get", "fc-list"}

func without(cmds []string, drop ...string) []string {
	var out []string
	for _, c := range cmds {
		if !strings.Contains(" "+strings.Join(drop, " ")+" ", " "+c+" ") {
			out = append(out, c)
		}
	}
	return out
}

// TestPrereqsDecisions runs scripts/prereqs.sh on fake machines (a PATH of
// fake commands that log how they were called) and checks what it
// installs, what it runs, and what it tells the user.
func TestPrereqsDecisions(t *testing.T) {
	cases := []struct {
		name     string
		m        machine
		wantCode int
		calls    []string // the fake commands' calls, in order (id and dpkg-query left out)
		says     string   // in the output ("" for nothing in particular)
		stamped  bool     // the copy of package-lock.json is there after the run
	}{
		{name: "all there", m: machine{commands: everything, dpkg: []string{"fonts-noto-cjk"}, nodeState: "current"}},
		{name: "skip browser tests: nothing installed even on a bare machine", m: machine{skip: true, root: true, commands: []string{"apt-get"}, nodeState: "missing"},
			says: "nothing to install"},
		{name: "root with apt-get installs what is missing", m: machine{root: true, commands: without(everything, "chromium", "pdftotext"), dpkg: []string{"fonts-noto-cjk"}, nodeState: "current"},
			calls: []string{"apt-get update -qq", "apt-get install -y -qq chromium poppler-utils"}},
		{name: "no npm: nodejs and npm installed too", m: machine{root: true, commands: without(everything, "npm"), dpkg: []string{"fonts-noto-cjk"}, nodeState: "current"},
			calls: []string{"apt-get update -qq", "apt-get install -y -qq nodejs npm"}},
		{name: "fonts missing by dpkg", m: machine{root: true, commands: everything, dpkg: []string{"chromium"}, nodeState: "current"},
			calls: []string{"apt-get update -qq", "apt-get install -y -qq fonts-noto-cjk"}},
		{name: "a package dpkg knows counts without its command", m: machine{root: true, commands: without(everything, "nginx"), dpkg: []string{"fonts-noto-cjk", "nginx-light"}, nodeState: "current"}},
		{name: "not root: one message with the command", m: machine{commands: without(everything, "java", "nginx"), dpkg: []string{"fonts-noto-cjk"}, nodeState: "current"},
			wantCode: 1, says: "run  sudo apt-get install -y default-jre-headless nginx-light  then make test again (or STUDYSITE_SKIP_BROWSER=1 make test"},
		{name: "no apt-get: the system's package manager", m: machine{root: true, commands: without(everything, "apt-get", "chromium"), nodeState: "current"},
			wantCode: 1, says: "install chromium with your system's package manager"},
		{name: "no dpkg: fonts found by fc-list", m: machine{commands: everything, nodeState: "current"}},
		{name: "node_modules missing", m: machine{commands: everything, dpkg: []string{"fonts-noto-cjk"}, nodeState: "missing"},
			calls: []string{"npm ci --ignore-scripts --no-audit --no-fund"}},
		{name: "node_modules older than package-lock.json", m: machine{commands: everything, dpkg: []string{"fonts-noto-cjk"}, nodeState: "stale"},
			calls: []string{"npm ci --ignore-scripts --no-audit --no-fund"}},
		{name: "package-lock.json touched by a checkout, pins the same", m: machine{commands: everything, dpkg: []string{"fonts-noto-cjk"}, nodeState: "stamp same"}},
		{name: "pins changed since the last npm ci", m: machine{commands: everything, dpkg: []string{"fonts-noto-cjk"}, nodeState: "stamp changed"},
			calls: []string{"npm ci --ignore-scripts --no-audit --no-fund"}, stamped: true},
		{name: "npm ci leaves the copy of the pins", m: machine{commands: everything, dpkg: []string{"fonts-noto-cjk"}, nodeState: "missing"},
			calls: []string{"npm ci --ignore-scripts --no-audit --no-fund"}, stamped: true},
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("prereqs.sh")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			repo := t.TempDir()
			write(t, filepath.Join(repo, "scripts", "prereqs.sh"), string(script), 0o755)
			lock := filepath.Join(repo, "package-lock.json")
			write(t, lock, "{}", 0o644)
			if tc.m.nodeState != "missing" {
				marker := filepath.Join(repo, "node_modules", ".package-lock.json")
				write(t, marker, "{}", 0o644)
				age := time.Hour
				if tc.m.nodeState != "current" {
					age = -time.Hour
				}
				switch tc.m.nodeState {
				case "stamp same":
					write(t, filepath.Join(repo, "node_modules", ".studysite-package-lock.json"), "{}\n", 0o644)
				case "stamp changed":
					write(t, filepath.Join(repo, "node_modules", ".studysite-package-lock.json"), "{\"old\": 1}\n", 0o644)
				}
				now := time.Now()
				if err := os.Chtimes(lock, now, now); err != nil {
					t.Fatal(err)
				}
				if err := os.Chtimes(marker, now.Add(age), now.Add(age)); err != nil {
					t.Fatal(err)
				}
			}
			bin := filepath.Join(repo, "fakebin")
			log := filepath.Join(repo, "calls.log")
			for _, c := range tc.m.commands {
				fake := "#!/bin/sh\necho \"" + c + " $*\" >> \"" + log + "\"\n"
				if c == "npm" { // npm ci makes node_modules/
					fake += "/bin/mkdir -p node_modules\n"
				}
				write(t, filepath.Join(bin, c), fake, 0o755)
			}
			uid := "1000"
			if tc.m.root {
				uid = "0"
			}
			write(t, filepath.Join(bin, "id"), "#!/bin/sh\necho "+uid+"\n", 0o755)
			if tc.m.dpkg != nil {
				installed := " " + strings.Join(tc.m.dpkg, " ") + " "
				write(t, filepath.Join(bin, "dpkg-query"), "#!/bin/sh\n# dpkg-query -W -f=FORMAT PACKAGE\ncase \""+installed+"\" in *\" $3 \"*) printf 'install ok installed';; *) exit 1;; esac\n", 0o755)
			}
			if strings.Contains(strings.Join(tc.m.commands, " "), "fc-list") {
				write(t, filepath.Join(bin, "fc-list"), "#!/bin/sh\necho 'Noto Sans CJK SC'\n", 0o755)
			}
			cmd := exec.Command(bash, filepath.Join(repo, "scripts", "prereqs.sh"))
			cmd.Env = []string{"PATH=" + bin, "PREREQS_SBIN=", "HOME=" + repo}
			if tc.m.skip {
				cmd.Env = append(cmd.Env, "STUDYSITE_SKIP_BROWSER=1")
			}
			out, err := cmd.CombinedOutput()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.wantCode {
				t.Errorf("exit status %d, want %d:\n%s", code, tc.wantCode, out)
			}
			if tc.says != "" && !strings.Contains(string(out), tc.says) {
				t.Errorf("output lacks %q:\n%s", tc.says, out)
			}
			if tc.wantCode != 0 && strings.Count(strings.TrimSpace(string(out)), "\n") > 0 {
				t.Errorf("want one line of message:\n%s", out)
			}
			if tc.stamped {
				stamp, err := os.ReadFile(filepath.Join(repo, "node_modules", ".studysite-package-lock.json"))
				if err != nil || string(stamp) != "{}\n" {
					t.Errorf("copy of package-lock.json after npm ci: %q, %v", stamp, err)
				}
			}
			logged, _ := os.ReadFile(log)
			var calls []string
			for _, l := range strings.Split(strings.TrimSpace(string(logged)), "\n") {
				if l != "" {
					calls = append(calls, l)
				}
			}
			if strings.Join(calls, "\n") != strings.Join(tc.calls, "\n") {
				t.Errorf("calls:\n%s\nwant:\n%s\noutput:\n%s", strings.Join(calls, "\n"), strings.Join(tc.calls, "\n"), out)
			}
		})
	}
}

func write(t *testing.T, name, data string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
}
