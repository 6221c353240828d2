package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// tomlFrontMatter reads Hugo's TOML front matter (between +++ lines) at the
// start of src and gives it as YAML, so it is mapped like YAML front matter,
// and the body after it. ok is false when src does not start with +++.
func tomlFrontMatter(src []byte) (yamlHead, body []byte, bodyLine int, ok bool, err error) {
	if !bytes.HasPrefix(src, []byte("+++\n")) && !bytes.HasPrefix(src, []byte("+++\r\n")) {
		return nil, nil, 0, false, nil
	}
	rest := src[bytes.IndexByte(src, '\n')+1:]
	line := 2
	for off := 0; off < len(rest); line++ {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest)
		if end >= 0 {
			next = off + end + 1
		}
		if string(bytes.TrimRight(rest[off:next], "\r\n")) == "+++" {
			var m map[string]any
			if _, err := toml.Decode(string(rest[:off]), &m); err != nil {
				return nil, nil, 0, true, fmt.Errorf("TOML front matter: %w", err)
			}
			y, err := yaml.Marshal(m)
			if err != nil {
				return nil, nil, 0, true, fmt.Errorf("TOML front matter: %w", err)
			}
			return y, rest[next:], line + 1, true, nil
		}
		off = next
	}
	return nil, nil, 0, true, fmt.Errorf("TOML front matter is not closed: no line +++ after the opening one")
}

// h1Title takes the title of a Markdown file without front matter from its
// first line when that is a level-1 heading (# 标题), as a reader sees it:
// the page shows its title as the one h1, so the heading leaves the body.
// line is the heading's line within text (1-based).
func h1Title(text string) (title, rest string, line int, ok bool) {
	lead := len(text) - len(strings.TrimLeft(text, "\n"))
	first, after, _ := strings.Cut(text[lead:], "\n")
	t := strings.TrimSpace(first)
	if !strings.HasPrefix(t, "# ") {
		return "", text, 0, false
	}
	title = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(t[2:]), "#"))
	if title == "" {
		return "", text, 0, false
	}
	return title, strings.TrimLeft(after, "\n"), lead + 1, true
}
