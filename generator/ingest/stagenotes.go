package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// A stage note is what a transcript records of the hall: （掌声） (笑声)
// （热烈掌声） （长时间热烈鼓掌） （全场起立鼓掌） （掌声，持久掌声）. It
// closes the paragraph it ends, so the heading after it is a heading even
// though the note does not end in 。.
const stageNoteBody = `[（(][\s\p{Han}，、,]{0,16}?(?:掌声|鼓掌|笑声)[\s\p{Han}，、,]{0,16}[)）]`

var (
	stageNoteEndRe  = regexp.MustCompile(stageNoteBody + `$`)
	stageNoteLineRe = regexp.MustCompile(`^` + stageNoteBody + `$`)
	// stageNoteOpenRe: the first part of a stage note that a line or page
	// break cut (（ 掌 / 19 / 声）).
	stageNoteOpenRe = regexp.MustCompile(`^[（(][\s\p{Han}，、,]{0,16}$`)
)

// maxStageNoteRunes bounds the tail of a paragraph searched for a note.
const maxStageNoteRunes = 40

// endsInStageNote: s ends with a stage note.
func endsInStageNote(s string) bool {
	if !strings.HasSuffix(s, "）") && !strings.HasSuffix(s, ")") {
		return false
	}
	return stageNoteEndRe.MatchString(tail(s, maxStageNoteRunes))
}

// isStageNote: the whole line is a stage note.
func isStageNote(s string) bool {
	if !strings.HasPrefix(s, "（") && !strings.HasPrefix(s, "(") {
		return false
	}
	return !runesOver(s, maxStageNoteRunes) && stageNoteLineRe.MatchString(s)
}

// opensStageNote: line s is the first part of a stage note that the next
// line of text, next, closes: （掌 then 声）.
func opensStageNote(s, next string) bool {
	if len(s) > 3*maxStageNoteRunes || !stageNoteOpenRe.MatchString(s) {
		return false
	}
	end := strings.IndexAny(next, "）)")
	if end < 0 {
		return false
	}
	_, n := utf8.DecodeRuneInString(next[end:])
	return isStageNote(s + next[:end+n])
}
