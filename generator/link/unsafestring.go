package link

import "unsafe"

// unsafeString views a page body as a string without copying it: the
// matcher reads every text node of 2,000 documents, and the body is never
// modified after parsing.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}
