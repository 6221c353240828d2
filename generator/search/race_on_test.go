//go:build race

package search_test

// raceDetector is true in `go test -race` builds.
const raceDetector = true
