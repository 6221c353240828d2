package config

import (
	"fmt"
	"strings"

	"github.com/studysite/studysite/generator/termrule"
)

// Terms is the [terms] table: which “quoted” strings of a transcript become
// terms (see package termrule for the rule).
type Terms struct {
	// Off: no terms from quotes or front matter; only [[glossary]].
	Off bool `toml:"off"`
	// MinLength is the shortest term in characters (default 2).
	MinLength TermLength `toml:"minLength"`
	// StopWords are left out, in addition to the built-in stop list.
	StopWords StopWords `toml:"stopWords"`
	// Allow are always terms, whatever the rule says.
	Allow AllowList `toml:"allow"`
}

// Settings is the rule's view of the table.
func (t Terms) Settings() termrule.Settings {
	return termrule.Settings{Off: t.Off, MinLength: int(t.MinLength), StopWords: t.StopWords, Allow: t.Allow}
}

// TermLength is [terms] minLength. It checks itself while the file is
// decoded, so an error names the line.
type TermLength int

// UnmarshalTOML takes a whole number from 1 to termrule.MaxLength.
func (l *TermLength) UnmarshalTOML(v any) error {
	n, ok := v.(int64)
	if !ok {
		return fmt.Errorf("terms.minLength: must be a whole number of characters, such as 2, not %v", v)
	}
	if n < 1 || n > termrule.MaxLength {
		return fmt.Errorf("terms.minLength %d: must be from 1 to %d characters", n, termrule.MaxLength)
	}
	*l = TermLength(n)
	return nil
}

// StopWords is [terms] stopWords, AllowList [terms] allow: arrays of
// non-empty strings, trimmed of spaces. Two types so an error names its key.
type (
	StopWords []string
	AllowList []string
)

// UnmarshalTOML reads the array; an error names the key and the item.
func (w *StopWords) UnmarshalTOML(v any) error {
	list, err := words("terms.stopWords", v)
	*w = list
	return err
}

// UnmarshalTOML reads the array; an error names the key and the item.
func (w *AllowList) UnmarshalTOML(v any) error {
	list, err := words("terms.allow", v)
	*w = list
	return err
}

func words(key string, v any) ([]string, error) {
	items, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s: must be an array of strings, such as [\"目标\", \"主体\"], not %v", key, v)
	}
	list := make([]string, 0, len(items))
	for i, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, fmt.Errorf("%s: item %d (%v) is not a string", key, i+1, it)
		}
		if s = strings.TrimSpace(s); s == "" {
			return nil, fmt.Errorf("%s: item %d is empty", key, i+1)
		}
		list = append(list, s)
	}
	return list, nil
}
