package termrule

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultMinLength is the shortest term, in characters, when the config sets
// none. Two, not three: many formulations people look up have two
// characters (三农, 双碳, 六稳, 四风, 两会); the two-character generic nouns
// that three would also shut out are what the stop list is for.
const DefaultMinLength = 2

// MaxLength is the longest term, in characters. Longer quotes are quoted
// words of someone, not names of an idea. An enumeration of short items
// (党政同责、一岗双责、齐抓共管、失职追责) may be longer: see isEnumeration.
const MaxLength = 16

// An enumeration inside one quote is a formulation when each item is a
// name: at most maxItem characters, and at most maxItems items.
const (
	maxItem  = 8
	maxItems = 6
)

// isEnumeration: items divided by 、, each short enough to be a name.
func isEnumeration(s string) bool {
	items := strings.Split(s, "、")
	if len(items) < 2 || len(items) > maxItems {
		return false
	}
	for _, it := range items {
		if n := utf8.RuneCountInString(it); n < 1 || n > maxItem {
			return false
		}
	}
	return true
}

// Settings are the [terms] table of studysite.toml.
type Settings struct {
	// Off takes no terms from quotes at all, and none from front matter:
	// only [[glossary]] entries make term pages.
	Off bool
	// MinLength is the shortest term in characters; 0 means DefaultMinLength.
	MinLength int
	// StopWords are left out in addition to the built-in stop list.
	StopWords []string
	// Allow lists wordings that are always terms, whatever the rules say.
	Allow []string
}

// Rule judges quoted strings by one Settings. Build it once with New; it
// is safe for concurrent use.
type Rule struct {
	off   bool
	min   int
	stop  map[string]bool // the site's own stop words
	allow map[string]bool
}

// New compiles settings into a Rule.
func New(s Settings) *Rule {
	r := &Rule{off: s.Off, min: s.MinLength, stop: map[string]bool{}, allow: map[string]bool{}}
	if r.min <= 0 {
		r.min = DefaultMinLength
	}
	for _, w := range s.StopWords {
		r.stop[strings.TrimSpace(w)] = true
	}
	for _, w := range s.Allow {
		r.allow[strings.TrimSpace(w)] = true
	}
	return r
}

// Off reports whether terms are switched off.
func (r *Rule) Off() bool { return r.off }

// Reasons a quoted string is not a term, as the import report shows them.
const (
	ReasonOff        = "terms are off ([terms] off = true)"
	ReasonQuotation  = "a quotation, not a name: it has sentence punctuation"
	ReasonTooLong    = "a quotation, not a name: longer than 16 characters"
	ReasonTooShort   = "shorter than [terms] minLength"
	ReasonStopWord   = "a common word (built-in stop list)"
	ReasonSiteStop   = "listed in [terms] stopWords"
	ReasonCompound   = "made of common words"
	ReasonNumber     = "a number"
	ReasonNumberUnit = "a number with a unit or measure word"
	ReasonTitle      = "the title of a work (titles go in 《》)"
	ReasonNoWords    = "no words, only marks"
)

// Judge says whether the quoted text s (without its quotation marks) is a
// term. It gives "" for a term, else the reason it is not one.
func (r *Rule) Judge(s string) string {
	s = strings.TrimSpace(s)
	if r.off {
		return ReasonOff
	}
	if r.allow[s] {
		return ""
	}
	// A number first: “3,000” is a number, not a sentence.
	if why := numberReason(s); why != "" {
		return why
	}
	n := utf8.RuneCountInString(s)
	switch {
	case strings.ContainsAny(s, sentenceMarks):
		return ReasonQuotation
	case n > MaxLength && !isEnumeration(s):
		return ReasonTooLong
	case r.stop[s]:
		return ReasonSiteStop
	case builtinStop[s]:
		return ReasonStopWord
	}
	switch {
	case n < r.min:
		return ReasonTooShort
	case !strings.ContainsFunc(s, isWordRune):
		return ReasonNoWords
	case isTitle(s):
		return ReasonTitle
	case r.isCompound(s):
		return ReasonCompound
	}
	return ""
}

// sentenceMarks end or divide a sentence: a quote holding one is someone's
// words. The enumeration comma 、 is not among them (一张床、一间房、一套房),
// nor are the quotation marks of a nested quote, which the finder never
// passes on. A slogan with a comma (人民城市人民建，人民城市为人民) is kept
// only through [terms] allow or a [[glossary]] entry.
const sentenceMarks = "。，；：！？…,;:!?“”\"'‘’《》"

func isWordRune(r rune) bool { return unicode.Is(unicode.Han, r) || unicode.IsLetter(r) }

// isTitle: the name of a document quoted instead of put in 《》:
// “关于加强基层治理的意见”, “在全省干部大会上的讲话”.
func isTitle(s string) bool {
	if strings.HasPrefix(s, "关于") && utf8.RuneCountInString(s) >= 6 {
		return true
	}
	for _, kind := range titleKinds {
		if strings.HasSuffix(s, "的"+kind) {
			return true
		}
	}
	return false
}

var titleKinds = []string{"意见", "决定", "通知", "报告", "讲话", "决议", "建议", "规定", "办法", "条例", "纲要", "方案", "规划", "实施细则"}

// isCompound: two common words, or a modifier and a common word
// (总体目标, 主要任务, 工作要求, 规划目标). Reports quote such pairs to
// define them, and a quote opened on the wrong side (”十四五“规划目标”)
// hands the finder exactly such a pair.
func (r *Rule) isCompound(s string) bool {
	common := func(w string) bool { return builtinStop[w] || r.stop[w] }
	for i := range s {
		if i == 0 {
			continue
		}
		head, tail := s[:i], s[i:]
		if (common(head) || modifiers[head]) && common(tail) && !r.allow[tail] {
			return true
		}
	}
	return false
}
