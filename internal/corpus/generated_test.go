package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// TestGenerated: $STUDYSITE_CORPUS wins; a corpus already in .cache/ is
// used as it is; with neither and no generator beside the repository (a
// clean CI machine) nothing is found and nothing is made.
func TestGenerated(t *testing.T) {
	withCache := t.TempDir()
	if err := os.MkdirAll(filepath.Join(withCache, "repo", ".cache", "corpus-2000", "md"), 0o755); err != nil {
		t.Fatal(err)
	}
	bare := t.TempDir()
	for _, tc := range []struct {
		name, env, root, want string
		found                 bool
	}{
		{"environment", "/corpus/md", filepath.Join(bare, "repo"), "/corpus/md", true},
		{"cached", "", filepath.Join(withCache, "repo"), filepath.Join(withCache, "repo", ".cache", "corpus-2000", "md"), true},
		{"none", "", filepath.Join(bare, "repo"), "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv(EnvCorpus, tc.env)
			dir, found, err := Generated(tc.root)
			if err != nil || dir != tc.want || found != tc.found {
				t.Errorf("Generated = %q, %v, %v; want %q, %v", dir, found, err, tc.want, tc.found)
			}
			if !tc.found {
				if _, err := os.Stat(filepath.Join(tc.root, ".cache")); err == nil {
					t.Error(".cache/ was made though there is no generator")
				}
			}
		})
	}
}
