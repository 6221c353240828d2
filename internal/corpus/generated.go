package corpus

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// EnvCorpus names a folder of content .md files the whole-build and
// search benchmarks and tests use instead of the generated corpus.
const EnvCorpus = "STUDYSITE_CORPUS"

// Generated gives the folder of content .md files of the 2,000-document
// benchmark corpus: $STUDYSITE_CORPUS, else repoRoot/.cache/corpus-2000/md,
// generated there once by ../shared/bench/gencorpus.py (from the seed
// transcript) beside the repository. found is false when neither is there
// (a clean CI machine): callers skip, or fall back to a synthetic corpus.
func Generated(repoRoot string) (dir string, found bool, err error) {
	if dir := os.Getenv(EnvCorpus); dir != "" {
		return dir, true, nil
	}
	out := filepath.Join(repoRoot, ".cache", "corpus-2000")
	md := filepath.Join(out, "md")
	if _, err := os.Stat(md); err == nil {
		return md, true, nil
	}
	script := filepath.Join(repoRoot, "..", "shared", "bench", "gencorpus.py")
	if _, err := os.Stat(script); err != nil {
		return "", false, nil
	}
	cmd := exec.Command("python3", script, "--docs", "2000", "--out", out, "--format", "both",
		"--seed-file", filepath.Join(repoRoot, "seeds", "2023-12-01-shanghai-changsanjiao.txt"))
	if msg, err := cmd.CombinedOutput(); err != nil {
		return "", false, fmt.Errorf("generating the corpus with %s (or set %s to a folder of content .md files): %v\n%s", script, EnvCorpus, err, msg)
	}
	return md, true, nil
}
