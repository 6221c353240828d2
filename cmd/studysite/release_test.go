package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"debug/pe"
	"encoding/hex"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestMakeDist runs the Makefile's dist target for two of its platforms
// into a temporary folder and opens what a clerk downloads: each zip is
// one folder that is a site (the binary, README.md, a commented
// studysite.toml, seeds/ with its note and the sample transcript, an empty
// content/); the Windows binary is a PE32+ executable for x86-64; the
// Linux one is static (no interpreter, no shared libraries), says the
// version stamped into it, and builds the sample site where it was
// unzipped; SHA256SUMS holds each zip's sum.
func TestMakeDist(t *testing.T) {
	dist := t.TempDir()
	cmd := exec.Command("make", "-C", "../..", "dist",
		"DIST_PLATFORMS=windows/amd64 linux/amd64", "DIST="+dist, "VERSION=v0.0.0-test")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make dist: %v\n%s", err, out)
	}
	seeds, err := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		t.Fatalf("no sample transcript in seeds/: %v", err)
	}
	for _, tc := range []struct{ platform, binary string }{
		{"windows-amd64", "studysite.exe"},
		{"linux-amd64", "studysite"},
	} {
		name := "studysite-v0.0.0-test-" + tc.platform
		files := unzip(t, filepath.Join(dist, name+".zip"))
		want := []string{name + "/", name + "/README.md", name + "/content/", name + "/seeds/",
			name + "/seeds/说明.txt", name + "/studysite.toml", name + "/" + tc.binary}
		for _, s := range seeds {
			want = append(want, name+"/seeds/"+filepath.Base(s))
		}
		var got []string
		for n := range files {
			got = append(got, n)
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s.zip holds\n%q\nwant\n%q", name, got, want)
		}
		bin := files[name+"/"+tc.binary]
		if tc.platform == "windows-amd64" {
			pf, err := pe.NewFile(bytes.NewReader(bin))
			if err != nil {
				t.Fatalf("%s is not a PE file: %v", tc.binary, err)
			}
			if _, ok := pf.OptionalHeader.(*pe.OptionalHeader64); !ok || pf.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
				t.Errorf("%s: machine %#x, optional header %T; want PE32+ for x86-64", tc.binary, pf.Machine, pf.OptionalHeader)
			}
			continue
		}
		ef, err := elf.NewFile(bytes.NewReader(bin))
		if err != nil {
			t.Fatalf("%s is not an ELF file: %v", tc.binary, err)
		}
		for _, p := range ef.Progs {
			if p.Type == elf.PT_INTERP {
				t.Errorf("%s asks for a dynamic loader: not static", tc.binary)
			}
		}
		if libs, _ := ef.ImportedLibraries(); len(libs) > 0 {
			t.Errorf("%s needs shared libraries %v", tc.binary, libs)
		}
		site := filepath.Join(t.TempDir(), name)
		for n, data := range files {
			p := filepath.Join(filepath.Dir(site), filepath.FromSlash(n))
			if strings.HasSuffix(n, "/") {
				if err := os.MkdirAll(p, 0o755); err != nil {
					t.Fatal(err)
				}
				continue
			}
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		exe := filepath.Join(site, tc.binary)
		out, err := exec.Command(exe, "version").Output()
		if err != nil || !strings.HasPrefix(string(out), "studysite v0.0.0-test ") {
			t.Errorf("%s version: %q, %v; want the stamped version", tc.binary, out, err)
		}
		build := exec.Command(exe, "build")
		build.Dir = site
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("the sample site does not build: %v\n%s", err, out)
		}
		docs, _ := filepath.Glob(filepath.Join(site, "public", "docs", "*", "index.html"))
		if len(docs) != len(seeds) {
			t.Errorf("the sample site has %d document pages, want %d (one per sample transcript)", len(docs), len(seeds))
		}
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
	zips, _ := filepath.Glob(filepath.Join(dist, "*.zip"))
	if len(zips) != 2 || len(listed) != 2 {
		t.Errorf("%d zips and %d sums, want 2 of each", len(zips), len(listed))
	}
	for _, z := range zips {
		data, err := os.ReadFile(z)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if got := listed[filepath.Base(z)]; got != hex.EncodeToString(sum[:]) {
			t.Errorf("SHA256SUMS gives %q for %s, want %x", got, filepath.Base(z), sum)
		}
	}
}

// unzip gives the entries of a zip by name (folders end in /).
func unzip(t *testing.T, path string) map[string][]byte {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer r.Close()
	out := map[string][]byte{}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %s: %v", path, f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %s: %v", path, f.Name, err)
		}
		out[f.Name] = data
	}
	return out
}
