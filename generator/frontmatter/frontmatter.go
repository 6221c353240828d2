// Package frontmatter reads and writes the YAML front matter of content
// files. It is the one definition of the content model's metadata, shared by
// the importer (which writes it) and the content loader (which reads it).
package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// FrontMatter is the metadata block at the top of content/*.md.
type FrontMatter struct {
	Title        string `yaml:"title"`
	Subtitle     string `yaml:"subtitle,omitempty"`
	Date         string `yaml:"date,omitempty"`
	Speaker      string `yaml:"speaker,omitempty"`
	Occasion     string `yaml:"occasion,omitempty"`
	Summary      string `yaml:"summary,omitempty"`
	Source       string `yaml:"source,omitempty"`
	SourceSHA256 string `yaml:"source_sha256,omitempty"`
	// BodySHA256 is what importer versions 1 and 2 recorded: the hash of
	// the body alone. Read to recognise their files; never written now.
	BodySHA256 string `yaml:"body_sha256,omitempty"`
	// ContentSHA256 is the hash of the file as the importer wrote it (see
	// ContentHash): front matter and body, so an edit to either shows.
	ContentSHA256   string   `yaml:"content_sha256,omitempty"`
	Slug            string   `yaml:"slug"`
	Tags            []string `yaml:"tags,omitempty"`
	Series          string   `yaml:"series,omitempty"`
	Terms           []string `yaml:"terms,omitempty"`
	Questions       []string `yaml:"questions,omitempty"`
	ImporterVersion string   `yaml:"importer_version,omitempty"`
	Draft           bool     `yaml:"draft,omitempty"`
}

// DateLayout is the date format the importer writes.
const DateLayout = "2006-01-02"

// dateLayouts are the forms a hand-written or Hugo-style date may take.
var dateLayouts = []string{DateLayout, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// writtenDate is a date as people write it by hand: 2024年2月18日,
// 2024.2.18, 2024/2/18, 2024-2-18 (month and day with or without a zero).
var writtenDate = regexp.MustCompile(`^\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[./-](\d{1,2})[./-](\d{1,2}))\s*$`)

// DateForms lists the accepted date forms for messages.
const DateForms = "2024-02-18, 2024年2月18日, 2024.2.18 or 2024/2/18"

// ParseDate reads a front matter date: 2023-12-01, or with a time as
// Hugo writes it (2023-12-01T09:30:00+08:00), or as people write dates by
// hand (2024年2月18日, 2024.2.18, 2024/2/18). The calendar date is kept as
// written, whatever the time zone.
func ParseDate(s string) (time.Time, error) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if m := writtenDate.FindStringSubmatch(s); m != nil {
		month, day := m[2], m[3]
		if month == "" {
			month, day = m[4], m[5]
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(month)
		d, _ := strconv.Atoi(day)
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Year() == y && int(t.Month()) == mo && t.Day() == d {
			return t, nil
		}
		return time.Time{}, fmt.Errorf("date %q is not a date: there is no such day", s)
	}
	return time.Time{}, fmt.Errorf("date %q is not a date: write it as %s", s, DateForms)
}

// knownKeys are the YAML keys of FrontMatter, read from its struct tags.
var knownKeys = func() map[string]bool {
	keys := map[string]bool{}
	t := reflect.TypeFor[FrontMatter]()
	for i := 0; i < t.NumField(); i++ {
		keys[strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0]] = true
	}
	return keys
}()

// ErrNoFrontMatter is returned by Split when a file does not start with ---.
var ErrNoFrontMatter = errors.New("no front matter: the file must start with a line ---")

// Split separates a content file into its YAML front matter and its body.
// bodyLine is the 1-based line number where the body starts.
func Split(data []byte) (fm, body []byte, bodyLine int, err error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !bytes.HasPrefix(data, []byte("---\n")) && !bytes.HasPrefix(data, []byte("---\r\n")) {
		return nil, data, 1, ErrNoFrontMatter
	}
	rest := data[bytes.IndexByte(data, '\n')+1:]
	line := 2
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if string(bytes.TrimRight(l, "\r")) == "---" {
			next := len(rest)
			if end >= 0 {
				next = off + end + 1
			}
			return rest[:off], rest[next:], line + 1, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return nil, nil, 0, errors.New("front matter is not closed: no line --- after the opening one")
}

// Problem is a finding about front matter that does not stop the build.
type Problem struct {
	Line    int
	Message string
}

var lineRe = regexp.MustCompile(`line (\d+)`)

// Parse decodes YAML front matter. Errors carry the line within the file
// (front matter starts on line 2). Unknown keys come back as warnings.
func Parse(fm []byte) (FrontMatter, []Problem, error) {
	if err := listIndentError(fm); err != nil {
		return FrontMatter{}, nil, err
	}
	out, warns, err := parse(fm)
	// A quotation mark left open makes YAML read on into the next lines
	// and fail somewhere after it, with a message about what it met
	// there: name the line where the quote opened instead.
	var le *LineError
	if errors.As(err, &le) && isSyntaxError(le.Err) {
		if n := unclosedQuoteLine(fm); n > 0 && n+1 <= le.Line {
			le.Line, le.Err = n+1, errUnclosedQuote
		}
	}
	// YAML counts a bare CR as a line break; the file's lines are LF lines.
	return out, warns, clampLine(err, bytes.Count(fm, []byte("\n"))+2)
}

func parse(fm []byte) (FrontMatter, []Problem, error) {
	var out FrontMatter
	var node yaml.Node
	if err := yaml.Unmarshal(fm, &node); err != nil {
		return out, nil, shiftLine(err, 1)
	}
	var warns []Problem
	if len(node.Content) == 0 {
		return out, nil, &LineError{Line: 2, Err: errors.New("front matter is empty: it needs at least title and slug")}
	}
	root := node.Content[0]
	if root.Kind != yaml.MappingNode {
		return out, nil, &LineError{Line: root.Line + 1, Err: errors.New("front matter must be a mapping of key: value lines")}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if !knownKeys[k.Value] {
			warns = append(warns, Problem{Line: k.Line + 1, Message: fmt.Sprintf("unknown front matter key %q (ignored)", k.Value)})
		}
	}
	if err := root.Decode(&out); err != nil {
		return out, warns, shiftLine(err, 1)
	}
	if strings.TrimSpace(out.Title) == "" {
		return out, warns, &LineError{Line: keyLine(root, "title") + 1, Err: errNoTitle}
	}
	if out.Date != "" {
		if _, err := ParseDate(out.Date); err != nil {
			return out, warns, &LineError{Line: keyLine(root, "date") + 1, Err: err}
		}
	}
	return out, warns, nil
}

func keyLine(root *yaml.Node, key string) int {
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == key {
			return root.Content[i].Line
		}
	}
	return 1
}

// LineError is an error at a line of a content file.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// shiftLine turns a yaml error's "line N" into a LineError at the file's line.
func shiftLine(err error, by int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	m := lineRe.FindStringSubmatch(msg)
	if m == nil {
		return &LineError{Line: 1 + by, Err: withHint(errors.New(strings.Join(strings.Fields(msg), " ")))}
	}
	var n int
	fmt.Sscanf(m[1], "%d", &n)
	msg = strings.Replace(msg, "line "+m[1]+":", "", 1)
	msg = strings.TrimPrefix(strings.TrimSpace(msg), "unmarshal errors:")
	// One line: messages end up on a clerk's console.
	msg = strings.Join(strings.Fields(msg), " ")
	return &LineError{Line: n + by, Err: withHint(errors.New(msg))}
}

func clampLine(err error, last int) error {
	var le *LineError
	if errors.As(err, &le) && le.Line > last {
		le.Line = last
	}
	return err
}

// Marshal writes front matter between --- lines, fields in a fixed order.
func Marshal(f FrontMatter) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	b.WriteString("---\n")
	return b.Bytes(), nil
}
