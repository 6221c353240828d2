package link

import (
	"fmt"
	"strings"

	"github.com/studysite/studysite/generator/config"
)

// leftOutTerms collects the front matter terms the [terms] rule leaves
// out, in the order first met, with the files that list them.
type leftOutTerms struct {
	order []string
	files map[string][]string
}

func (l *leftOutTerms) add(term, file string) {
	if l.files == nil {
		l.files = map[string][]string{}
	}
	if _, seen := l.files[term]; !seen {
		l.order = append(l.order, term)
	}
	l.files[term] = append(l.files[term], file)
}

// maxNamed keeps the warning to one readable line on a site imported
// before the rule, where hundreds of documents list 目标 and 主体.
const maxNamed = 8

// warnings is one line naming the terms left out, where each is listed,
// and how to keep one.
func (l *leftOutTerms) warnings() []string {
	if len(l.order) == 0 {
		return nil
	}
	var named []string
	for i, t := range l.order {
		if i == maxNamed {
			named = append(named, fmt.Sprintf("and %d more", len(l.order)-maxNamed))
			break
		}
		files := l.files[t]
		where := files[0]
		if len(files) > 1 {
			where += fmt.Sprintf(" and %d more", len(files)-1)
		}
		named = append(named, fmt.Sprintf("%s (%s)", t, where))
	}
	return []string{fmt.Sprintf("front matter terms left out by the [terms] rule of %s, no term page: %s; list one under [terms] allow to keep it",
		config.FileName, strings.Join(named, ", "))}
}
