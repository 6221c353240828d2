package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/studysite/studysite/generator/frontmatter"
)

// seedMeta is the front matter of a seed (a .md, or a .txt that starts with
// one): the content model's keys, the keys of Hugo, Hexo and Jekyll that
// mean the same thing mapped onto them, and the YAML of every other key,
// which the content file keeps as it was written.
type seedMeta struct {
	Meta  frontmatter.FrontMatter
	Extra []byte // YAML lines of keys studysite does not use, or nil
}

// mappedKeys are blog front matter keys that mean what a studysite key
// means. categories and tags are both taxonomies with list pages, so
// categories become tags (series is an ordered collection, which blog
// categories are not); the author of a post is who speaks in it.
var mappedKeys = map[string]string{
	"categories":  "tags",
	"category":    "tags",
	"author":      "speaker",
	"description": "summary",
	"excerpt":     "summary",
	"published":   "draft",
}

// knownKeys are the YAML keys of frontmatter.FrontMatter.
var knownKeys = func() map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeFor[frontmatter.FrontMatter]()
	for i := 0; i < t.NumField(); i++ {
		keys[strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]] = true
	}
	return keys
}()

var yamlLineRe = regexp.MustCompile(`line (\d+): `)

// readSeedMeta reads YAML front matter whose opening --- is on line
// openLine of the seed. Warnings name the seed's lines. A missing title is
// not an error here: the caller finds one elsewhere.
func readSeedMeta(head []byte, openLine int, rep *Report) (*seedMeta, error) {
	from := len(rep.Warnings)
	defer func() {
		w := rep.Warnings[from:]
		sort.SliceStable(w, func(i, j int) bool { return w[i].Line < w[j].Line })
	}()
	lineOf := func(yamlLine int) int { return openLine + yamlLine }
	var doc yaml.Node
	if err := yaml.Unmarshal(head, &doc); err != nil {
		return nil, yamlError(err, lineOf)
	}
	if len(doc.Content) == 0 {
		return &seedMeta{}, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, &frontmatter.LineError{Line: lineOf(root.Line), Err: errors.New("front matter must be a mapping of key: value lines")}
	}
	known := &yaml.Node{Kind: yaml.MappingNode}
	extra := &yaml.Node{Kind: yaml.MappingNode}
	var mapped [][2]*yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch {
		case knownKeys[k.Value]:
			if (k.Value == "tags" || k.Value == "terms" || k.Value == "questions") && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
				v = &yaml.Node{Kind: yaml.SequenceNode, Line: v.Line, Content: []*yaml.Node{v}} // tags: 学习
			}
			known.Content = append(known.Content, k, v)
		case mappedKeys[k.Value] != "":
			mapped = append(mapped, [2]*yaml.Node{k, v})
		default:
			extra.Content = append(extra.Content, k, v)
			rep.Warnings = append(rep.Warnings, Warning{Line: lineOf(k.Line), Message: fmt.Sprintf("front matter key %q is not one studysite uses: kept in the content file", k.Value)})
		}
	}
	out := &seedMeta{}
	if err := known.Decode(&out.Meta); err != nil {
		return nil, yamlError(err, lineOf)
	}
	if out.Meta.Date != "" {
		if _, err := frontmatter.ParseDate(out.Meta.Date); err != nil {
			return nil, &frontmatter.LineError{Line: lineOf(keyLineIn(root, "date")), Err: err}
		}
	}
	for _, kv := range mapped {
		if !applyMapped(&out.Meta, kv[0].Value, kv[1]) {
			extra.Content = append(extra.Content, kv[0], kv[1])
			rep.Warnings = append(rep.Warnings, Warning{Line: lineOf(kv[0].Line), Message: fmt.Sprintf("front matter key %q is kept in the content file: %s is already set", kv[0].Value, mappedKeys[kv[0].Value])})
			continue
		}
		rep.Warnings = append(rep.Warnings, Warning{Line: lineOf(kv[0].Line), Message: fmt.Sprintf("front matter key %q is read as %s", kv[0].Value, mappedKeys[kv[0].Value])})
	}
	if len(extra.Content) > 0 {
		var b bytes.Buffer
		enc := yaml.NewEncoder(&b)
		enc.SetIndent(2)
		if err := enc.Encode(extra); err != nil {
			return nil, &frontmatter.LineError{Line: openLine, Err: err}
		}
		_ = enc.Close()
		out.Extra = b.Bytes()
	}
	return out, nil
}

// applyMapped sets the studysite key a blog key maps to; false when it is
// already set (or the value is not of a form that maps, e.g. an author
// given as name and e-mail).
func applyMapped(m *frontmatter.FrontMatter, key string, v *yaml.Node) bool {
	switch mappedKeys[key] {
	case "tags":
		// Hexo writes nested lists for a category path ([学习, 党课]).
		for _, s := range scalars(v) {
			if !hasString(m.Tags, s) {
				m.Tags = append(m.Tags, s)
			}
		}
		return true
	case "speaker":
		if m.Speaker != "" || v.Kind != yaml.ScalarNode {
			return false
		}
		m.Speaker = strings.TrimSpace(v.Value)
	case "summary":
		if m.Summary != "" || v.Kind != yaml.ScalarNode {
			return false
		}
		m.Summary = strings.TrimSpace(v.Value)
	case "draft":
		var published bool
		if v.Decode(&published) != nil {
			return false
		}
		m.Draft = m.Draft || !published
	}
	return true
}

// scalars is every scalar value of a node, lists flattened, in order.
func scalars(v *yaml.Node) []string {
	switch v.Kind {
	case yaml.ScalarNode:
		if s := strings.TrimSpace(v.Value); s != "" && v.Tag != "!!null" {
			return []string{s}
		}
	case yaml.SequenceNode:
		var out []string
		for _, c := range v.Content {
			out = append(out, scalars(c)...)
		}
		return out
	}
	return nil
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func keyLineIn(root *yaml.Node, key string) int {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return root.Content[i].Line
		}
	}
	return 1
}

// yamlError turns a YAML error's "line N" into the seed's line.
func yamlError(err error, lineOf func(int) int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.TrimPrefix(msg, "unmarshal errors:")
	msg = strings.Join(strings.Fields(msg), " ")
	line := lineOf(1)
	if m := yamlLineRe.FindStringSubmatchIndex(msg); m != nil {
		n, _ := strconv.Atoi(msg[m[2]:m[3]])
		line = lineOf(n)
		msg = msg[:m[0]] + msg[m[1]:]
	}
	return &frontmatter.LineError{Line: line, Err: errors.New(msg)}
}
