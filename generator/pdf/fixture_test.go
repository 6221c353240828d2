package pdf

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/spf13/afero"
)

var updateFixture = flag.Bool("update", false, "print testdata/printed.pdf again in Chromium")

// printedFixture is where chromiumPrint keeps Chromium's print of
// testdata/printed/index.html: an A5 cover and two documents, each on a
// page of its own, with hidden same-page links to every heading (as
// prepare.js adds them), one of them named in Chinese.
const printedFixture = "testdata/printed.pdf"

// chromiumPrint is a real Chromium print, as Print gets it before finish
// adds the outline and the metadata, so finish and the destination reader
// are tested on what Chromium writes without a browser in the loop. With
// -update it prints the page again (Chromium needed).
func chromiumPrint(t *testing.T) []byte {
	t.Helper()
	if *updateFixture {
		exe, err := FindChromium("")
		if err != nil {
			t.Fatal(err)
		}
		p, err := Start(context.Background(), afero.NewBasePathFs(afero.NewOsFs(), "testdata/printed"), Options{Chromium: exe})
		if err != nil {
			t.Fatal(err)
		}
		defer p.Close()
		tctx, cancel := chromedp.NewContext(p.ctx)
		defer cancel()
		if err := chromedp.Do(tctx, chromedp.Navigate(p.srv.url("index.html"))); err != nil {
			t.Fatal(err)
		}
		pdf, err := chromedp.Run(tctx, chromedp.PrintToPDF(printOptions))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(printedFixture, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pdf, err := os.ReadFile(printedFixture)
	if err != nil {
		t.Fatalf("%v (go test ./generator/pdf -run TestNamedDestinations -update prints it)", err)
	}
	return pdf
}
