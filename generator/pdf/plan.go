package pdf

import "sort"

// passPlan is what one pass changes in the page before the next print.
type passPlan struct {
	refPages map[string]int // id → page number to print in its span.pageref
	toggle   []string       // .packet-doc ids whose blank page goes in (or out)
}

// planPass decides, from the pages the last print put each id on, the page
// numbers to fill in and the blank pages to insert or remove. blanked holds
// the documents that have a blank page before them now. Numbers are
// predicted for the next print: a blank page put in before a document moves
// it and everything after it one page on, so fewer prints are needed.
func planPass(f pageFacts, dests map[string]int, blanked map[string]bool) passPlan {
	plan := passPlan{refPages: map[string]int{}, toggle: []string{}}
	type shiftAt struct{ page, shift int }
	var shifts []shiftAt // cumulative shift from each document's start page on
	if f.Duplex {
		s := 0
		for _, id := range f.Docs {
			start, ok := dests[id]
			if !ok {
				continue
			}
			if (start+s)%2 == 0 { // would start on a left-hand page
				plan.toggle = append(plan.toggle, id)
				if blanked[id] {
					s--
				} else {
					s++
				}
			}
			shifts = append(shifts, shiftAt{start, s})
		}
	}
	shiftFor := func(page int) int {
		i := sort.Search(len(shifts), func(i int) bool { return shifts[i].page > page })
		if i == 0 {
			return 0
		}
		return shifts[i-1].shift
	}
	for _, id := range f.Refs {
		if page, ok := dests[id]; ok {
			plan.refPages[id] = page + shiftFor(page)
		}
	}
	return plan
}
