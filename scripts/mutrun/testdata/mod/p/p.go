// Package p is mutrun's test subject: Grade is tested at its boundary,
// Clamp only inside its range, Half not at all.
package p

// Grade says whether a score passes.
func Grade(score int) string {
	if score >= 60 {
		return "pass"
	}
	return "fail"
}

// Clamp keeps n within 0..10.
func Clamp(n int) int {
	if n > 10 {
		return 10
	}
	return n
}

// Half halves n.
func Half(n int) int {
	return n / 2
}
