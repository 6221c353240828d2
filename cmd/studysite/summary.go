package main

import (
	"fmt"
	"strconv"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/studysite/studysite/generator/site"
)

// plural is a count's message in English's two forms; Chinese has one,
// given twice.
type plural struct{ one, other *msg }

func (p plural) in(l lang, n int) string {
	x := p.other
	if n == 1 {
		x = p.one
	}
	return fmt.Sprintf(x.in(l), count(l, int64(n)))
}

// enNumbers writes counts as English does, 2,000; Chinese writes 2000.
var enNumbers = message.NewPrinter(language.English)

func count(l lang, n int64) string {
	if l == langZH {
		return strconv.FormatInt(n, 10)
	}
	return enNumbers.Sprintf("%d", n)
}

// summaryLine is build's one line: what it made, where, how long it took
// and how many warnings it printed above.
func summaryLine(l lang, res *site.Result, dest string, took time.Duration) string {
	warnings := ""
	if res.Warnings > 0 {
		warnings = countWarnings.in(l, res.Warnings)
	}
	return fmt.Sprintf(msgBuilt.in(l), countDocuments.in(l, res.Pages), countPages.in(l, res.HTMLPages),
		countTerms.in(l, res.Terms), countSearchFiles.in(l, res.SearchFiles), byteSize(res.Bytes), dest,
		roundTook(took), warnings)
}

// byteSize is a size in decimal units, as file managers show it: 412.3 MB.
// Hand-written: five lines do not call for a dependency.
func byteSize(n int64) string {
	if n < 1000 {
		return strconv.FormatInt(n, 10) + " B"
	}
	v, unit := float64(n)/1000, 0
	for v >= 1000 && unit < 3 {
		v, unit = v/1000, unit+1
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + " " + [...]string{"kB", "MB", "GB", "TB"}[unit]
}

// roundTook keeps a tenth of a second of a long build and milliseconds
// of a short one: 4.3s, 180ms.
func roundTook(d time.Duration) time.Duration {
	if d >= time.Second {
		return d.Round(100 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}
