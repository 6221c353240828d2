package main

import (
	"bufio"
	"crypto/sha256"
	"debug/elf"
	"debug/pe"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMakeRelease runs the Makefile's release target for two of its
// platforms into a temporary folder: the Windows binary is a PE32+
// executable for x86-64, the Linux one is static (no interpreter, no
// shared libraries) and says the version stamped into it, and SHA256SUMS
// holds each binary's sum.
func TestMakeRelease(t *testing.T) {
	dist := t.TempDir()
	cmd := exec.Command("make", "-C", "../..", "release",
		"RELEASE_PLATFORMS=windows/amd64 linux/amd64", "DIST="+dist, "VERSION=v0.0.0-test")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make release: %v\n%s", err, out)
	}
	win := filepath.Join(dist, "studysite-v0.0.0-test-windows-amd64.exe")
	lin := filepath.Join(dist, "studysite-v0.0.0-test-linux-amd64")

	pf, err := pe.Open(win)
	if err != nil {
		t.Fatalf("%s is not a PE file: %v", win, err)
	}
	if _, ok := pf.OptionalHeader.(*pe.OptionalHeader64); !ok || pf.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("%s: machine %#x, optional header %T; want PE32+ for x86-64", win, pf.Machine, pf.OptionalHeader)
	}
	pf.Close()

	ef, err := elf.Open(lin)
	if err != nil {
		t.Fatalf("%s is not an ELF file: %v", lin, err)
	}
	for _, p := range ef.Progs {
		if p.Type == elf.PT_INTERP {
			t.Errorf("%s asks for a dynamic loader: not static", lin)
		}
	}
	if libs, _ := ef.ImportedLibraries(); len(libs) > 0 {
		t.Errorf("%s needs shared libraries %v", lin, libs)
	}
	ef.Close()
	out, err := exec.Command(lin, "version").Output()
	if err != nil || !strings.HasPrefix(string(out), "studysite v0.0.0-test ") {
		t.Errorf("%s version: %q, %v; want the stamped version", lin, out, err)
	}

	sums, err := os.Open(filepath.Join(dist, "SHA256SUMS"))
	if err != nil {
		t.Fatal(err)
	}
	defer sums.Close()
	listed := map[string]string{}
	sc := bufio.NewScanner(sums)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 2 {
			listed[f[1]] = f[0]
		}
	}
	for _, bin := range []string{win, lin} {
		data, err := os.ReadFile(bin)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := listed[filepath.Base(bin)]; got != hex.EncodeToString(sum[:]) {
			t.Errorf("SHA256SUMS gives %q for %s, want %x", got, filepath.Base(bin), sum)
		}
	}
}
