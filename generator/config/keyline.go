package config

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// keyLine finds the line of an unknown key, so a misspelt setting in one of
// several [[packet]] tables is found at once: the first line, at or after
// the first header of the key's table, that sets the key's last part. 0
// when it is not found (a key written in dotted or quoted form).
func keyLine(data string, k toml.Key) int {
	if len(k) == 0 {
		return 0
	}
	name := regexp.QuoteMeta(k[len(k)-1])
	set := regexp.MustCompile(`^\s*("` + name + `"|` + name + `)\s*=`)
	var table *regexp.Regexp
	if len(k) > 1 {
		t := regexp.QuoteMeta(strings.Join(k[:len(k)-1], "."))
		table = regexp.MustCompile(`^\s*\[\[?\s*` + t + `\s*\]\]?`)
	}
	inTable := table == nil
	for i, line := range strings.Split(data, "\n") {
		switch {
		case table != nil && table.MatchString(line):
			inTable = true
		case inTable && set.MatchString(line):
			return i + 1
		}
	}
	return 0
}

var warnLineNo = regexp.MustCompile(`^[^:]*:(\d+):`)

// warnLine is the line a warning names, 0 for none; warnings sort by it.
func warnLine(w string) int {
	m := warnLineNo.FindStringSubmatch(w)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
