package render

// ListPerPage is how many documents one archive, year, tag, series or
// speaker page lists: at about 450 bytes an item the page stays far below
// 100 KB, and 20,000 documents make 400 numbered pages.
const ListPerPage = 50

// pagerWindow is how many page numbers a pager shows on each side of the
// current one, besides the first and the last: 400 numbered links would
// weigh more than the list they page through.
const pagerWindow = 2

// pagerFor is the pager of page current (1-based) of n pages; nil for a
// single page. Numbers far from the current page collapse into a gap.
func pagerFor(n, current int, url func(int) string) *Pager {
	if n <= 1 {
		return nil
	}
	p := &Pager{Current: current}
	gap := false
	for i := 1; i <= n; i++ {
		if i != 1 && i != n && (i < current-pagerWindow || i > current+pagerWindow) {
			if !gap {
				p.Pages = append(p.Pages, PagerLink{Gap: true})
				gap = true
			}
			continue
		}
		gap = false
		p.Pages = append(p.Pages, PagerLink{N: i, URL: url(i)})
	}
	if current > 1 {
		p.Prev = url(current - 1)
	}
	if current < n {
		p.Next = url(current + 1)
	}
	return p
}

// pageCount is how many pages of per items n items need (at least one).
func pageCount(n, per int) int { return max(1, (n+per-1)/per) }

// ListPager is the pager of the list this page shows (a term's
// occurrences, a tag's or a year's documents, the archive); nil when the
// list fits one page.
func (d *PageData) ListPager() *Pager {
	switch {
	case d.Term != nil:
		return d.Term.Pager
	case d.Taxonomy != nil:
		return d.Taxonomy.Pager
	case d.Archive != nil:
		return d.Archive.Pager
	}
	return nil
}
