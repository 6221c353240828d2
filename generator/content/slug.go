package content

import (
	"errors"
	"strings"
)

// maxSlugLen keeps docs/<slug>/index.html well inside path limits on Windows.
const maxSlugLen = 100

var reservedNames = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true}

// ValidSlug accepts slugs that are safe as one folder name on every system
// and in a URL: lower-case ASCII letters, digits and inner hyphens.
func ValidSlug(s string) error {
	switch {
	case s == "":
		return errors.New("is empty")
	case len(s) > maxSlugLen:
		return errors.New("is longer than 100 characters")
	case reservedNames[strings.SplitN(s, ".", 2)[0]]:
		return errors.New("is a reserved file name on Windows")
	case strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-"):
		return errors.New("must not start or end with a hyphen")
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return errors.New("may hold only a–z, 0–9 and hyphens")
		}
	}
	return nil
}
