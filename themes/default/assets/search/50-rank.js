// Searching and ranking: a query's terms matched, their hits joined by
// document and ranked (mirrors Index.Search in generator/search/query.go;
// tested on testdata/tokens.json's rankings). The first results come from
// the first parts of the lists, when no document left out of them could
// outrank those shown (bound).
//
// Uses: parseQuery (10-tokenize.js); ready, manifest, searchMore
// (20-load.js); entryWeight (30-postings.js); matchTerm (45-match.js).

// docFacets[d] = {year, series, tags}: the numbers filters need, which
// search-more.js loads (its blocks) when a search is filtered.
var docFacets = [];
// search returns ranked documents: {q, terms, docs: [{d, score, hits:
// [{e, c, r, w}]}], done}. From first parts of lists (full unset), docs
// are the results no document left out could outrank, at least need of
// them (else it searches whole lists), and more() gives the whole
// ranking; done says whether docs is the whole.
function search(query, filter, need, full) {
  var terms = parseQuery(query), used = [];
  if (!terms.length) return Promise.resolve({ q: query, terms: terms, docs: [], done: 1 });
  return ready().then(() => Promise.all(terms.map((term, i) => matchTerm(term, full, used[i] = [])))).then((termHits) => Promise.resolve(filter && searchMore().then((more) => more.blocks(termHits[0].e, docFacets))).then(() => {
    var result = { q: query, terms: terms, docs: rank(termHits, filter), done: 1 }, best, k = 0;
    if (used.some((lists) => lists.some((list) => !list.full))) {
      for (best = bound(used); k < result.docs.length && (result.docs[k].score > best[0] || result.docs[k].score === best[0] && result.docs[k].d > best[1]); k++);
      if (k < (need || 1e9)) return search(query, filter, need, 1);
      result.docs.length = k; result.done = 0; result.used = used;
      result.more = () => search(query, filter, need, 1);
    }
    return result;
  }));
}
// bound is the best [class, document] a document not among the
// results (left out of some first part) could rank as: for a term, no
// better than in any of its lists, where a document left out ranks no
// better than the list's best left out (t.bs, t.bd); for several terms,
// no better than the best class and newest document of the terms'.
function bound(used) {
  var seen = new Set([-1]), best = [-1, -1];
  used.forEach((lists) => lists.forEach((list) => list.ds.forEach((_, doc) => seen.add(doc))));
  seen.forEach((doc) => {
    var docBest = [-1, -1], open = 0, none = 0;
    used.forEach((lists) => {
      var termBest = [1e9, 1e9];
      lists.forEach((list) => {
        var rankIn = list.ds.has(doc) ? [list.ds.get(doc), doc] : list.full ? (none = 1, termBest) : (open = 1, [list.t.bs, list.t.bd]);
        if (rankIn[0] < termBest[0] || rankIn[0] === termBest[0] && rankIn[1] < termBest[1]) termBest = rankIn;
      });
      docBest = [Math.max(docBest[0], termBest[0]), Math.max(docBest[1], termBest[1])];
    });
    if (open && !none && (docBest[0] > best[0] || docBest[0] === best[0] && docBest[1] > best[1])) best = docBest;
  });
  return best;
}
// prefetch loads and decodes a query's postings at the keystroke (the
// search that follows the debounce finds them decoded), and no more: a
// reader typing 11月28日 key by key would otherwise rank every prefix.
function prefetch(query) { return ready().then(() => Promise.all(parseQuery(query).map((term) => matchTerm(term, 0, [])))); }
// rank groups each term's hits by document (hits are in entry order, and
// a document's entries are contiguous) and keeps the documents every term
// hits that pass the filter. A document ranks by its best hit's weight
// (entryWeight: title 100, heading 20, paragraph 1), then newest first;
// its hits by weight times count (up to 10), then in order.
function rank(termHits, filter) {
  var out = [], next = termHits.map(() => 0), i = 0;
  while (i < termHits[0].e.length) {
    var doc = Math.floor(termHits[0].e[i] / manifest.S), first = doc * manifest.S, end = first + manifest.S, hits = [], inAll = true, score = 0, t, k, hit;
    for (t = 0; t < termHits.length; t++) {
      var termHit = termHits[t], start;
      for (k = next[t]; k < termHit.e.length && termHit.e[k] < first;) k++;
      for (start = k; k < termHit.e.length && termHit.e[k] < end; k++) hits.push({ e: termHit.e[k], c: termHit.c[k], r: termHit.r && termHit.r[k] });
      next[t] = k;
      if (k === start) inAll = false;
    }
    i = next[0];
    if (!inAll || (filter && !filter(docFacets[doc]))) continue;
    if (termHits.length > 1) {
      // one hit per entry: counts add up, pinyin ranges join
      hits.sort((a, b) => a.e - b.e);
      hits = hits.filter((hit, k) => {
        var previous = hits[k - 1];
        if (!previous || previous.e !== hit.e) return true;
        previous.c += hit.c; previous.r = previous.r || hit.r ? (previous.r || []).concat(hit.r || []) : null;
        hits[k] = previous;
      });
    }
    for (k = 0; k < hits.length; k++) {
      hit = hits[k];
      score = Math.max(score, entryWeight.get(hit.e));
      hit.w = entryWeight.get(hit.e) * (hit.c < 10 ? hit.c : 10);
    }
    if (hits.length > 1) hits.sort((a, b) => b.w - a.w || a.e - b.e);
    out.push({ d: doc, hits: hits, score: score });
  }
  return out.sort((a, b) => b.score - a.score || b.d - a.d);
}
