package content

import "strings"

// IsRemoteURL reports whether a link or image destination points at
// another site (https://…, http://…, ftp://…, //host/…). The site makes no
// request to another site, so a remote image is shown as its alt text
// linking to the image, and the importer reports it.
func IsRemoteURL(dest string) bool {
	d := strings.ToLower(strings.TrimSpace(dest))
	for _, p := range []string{"http://", "https://", "ftp://", "//"} {
		if strings.HasPrefix(d, p) {
			return true
		}
	}
	return false
}
