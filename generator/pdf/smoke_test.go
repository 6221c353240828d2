package pdf

import (
	"context"
	"os"
	"testing"

	"github.com/spf13/afero"
)

func TestSmoke(t *testing.T) {
	exe, err := FindChromium("")
	if err != nil {
		t.Skip(err)
	}
	p, err := Start(context.Background(), afero.NewBasePathFs(afero.NewOsFs(), "testdata/packet"), Options{Chromium: exe, Log: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	r, err := p.Print(context.Background(), "packets/2024-q1/index.html", map[string]string{InfoKeyPage: "abc"})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("pages %d passes %d blanks %d title %q", r.Pages, r.Passes, r.Blanks, r.Title)
	os.WriteFile("/tmp/pdfx/packet.pdf", r.PDF, 0o644)
}
