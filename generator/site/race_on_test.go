//go:build race

package site

// raceDetector is true in `go test -race` builds.
const raceDetector = true
