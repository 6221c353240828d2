package ingest

import "time"

// isDay says whether day d exists in month mo of year y: a transcript's
// 2月30日 is a typo, and the front matter must hold a date the build reads.
func isDay(y, mo, d int) bool {
	return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC).Day() == d
}
