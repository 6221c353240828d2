package site

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestBuildPackets builds the seed with packets as a clerk writes them in
// studysite.toml: a packet naming a slug no document has stops the build
// with the packet's line and leaves no public/; one whose conditions select
// nothing is built and warned about.
func TestBuildPackets(t *testing.T) {
	const seedSlug = "xi-jin-ping-zong-shu-ji-kao-cha" // as the importer names the seed
	tests := []struct {
		name, toml string
		wantErr    string
		wantWarn   string
		wantPages  []string
	}{
		{name: "a slug no document has",
			toml:    "title = \"支部学习\"\n\n# 第一次集中学习\n[[packet]]\ntitle = \"第一次集中学习\"\nslug = \"q1\"\nslugs = [\"" + seedSlug + "\", \"er-shi-da-bao-gao\"]\n",
			wantErr: `studysite.toml:4: packet "q1": no document has the slug "er-shi-da-bao-gao"`},
		{name: "an empty selection warns",
			toml:      "[[packet]]\r\ntitle = \"民生专题\"\r\ntag = \"民生\"\r\n",
			wantWarn:  `studysite.toml:1: packet "min-sheng-zhuan-ti": selects no document`,
			wantPages: []string{"packets/min-sheng-zhuan-ti/index.html", "packets/index.html"}},
		{name: "no packet configured: 最新材料",
			toml:      "title = \"支部学习\"\n",
			wantPages: []string{"packets/zui-xin-cai-liao/index.html", "packets/index.html"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := seedSite(t)
			if err := afero.WriteFile(fsys, "site/studysite.toml", []byte(tt.toml), 0o644); err != nil {
				t.Fatal(err)
			}
			var log bytes.Buffer
			_, err := Build(context.Background(), fsys, Options{Source: "site", Log: &log})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				if ok, _ := afero.DirExists(fsys, "site/public"); ok {
					t.Error("a failed build wrote public/")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantWarn != "" && !strings.Contains(log.String(), tt.wantWarn) {
				t.Errorf("log %q lacks %q", log.String(), tt.wantWarn)
			}
			for _, p := range tt.wantPages {
				if ok, _ := afero.Exists(fsys, "site/public/"+p); !ok {
					t.Errorf("%s not built", p)
				}
			}
		})
	}
}
