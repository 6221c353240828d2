package link_test

import "regexp"

var termsLine = regexp.MustCompile(`(?m)^terms:.*\n(  - .*\n)*`)
