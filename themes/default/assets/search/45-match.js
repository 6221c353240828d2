// Matching: the entries where a term occurs, from its plan's lists
// (mirrors generator/search/query.go; tested on testdata/tokens.json's
// matches). Hits are {e: entries in order, c: their counts}; pinyin hits
// (search-more.js) also carry r, the [start, length] of each match.
//
// Uses: plan (40-plan.js); postings (30-postings.js); searchMore
// (20-load.js); isWord (10-tokenize.js).

// occurrences gives the positions where term (an array of characters)
// starts in text (another); a term starting with a word character starts
// a word.
function occurrences(text, term) {
  var out = [];
  if (!term.length) return out;
  for (var at = 0; at + term.length <= text.length; at++) {
    if (isWord(term[0]) && at > 0 && isWord(text[at - 1])) continue;
    var same = true;
    for (var k = 0; k < term.length; k++) if (text[at + k] !== term[k]) { same = false; break; }
    if (same) out.push(at);
  }
  return out;
}
// A search runs on lists through get(token, withPositions), which loads a
// list (the first part, or with full the whole) and notes it in used, so
// that search can tell which results are final (see bound, 50-rank.js).
function getter(full, used) { return (token, withPositions) => postings(token, withPositions, full).then((list) => { used.push(list); return list; }); }
// runPositional intersects positional pieces at their offsets: entry →
// the starts where every piece sits at its offset.
function runPositional(positional, get) {
  return phrase(positional, get).then((found) => {
    var out = new Map();
    found.e.forEach((entry, i) => { if (!out.has(entry)) out.set(entry, []); out.get(entry).push(found.s[i]); });
    return out;
  });
}
// phrase loads the pieces' lists and intersects them (rows {e, s}).
function phrase(positional, get) {
  return Promise.all(positional.map((piece) => get(piece[0], true))).then((lists) => intersect(lists, positional));
}
// intersect finds the starts where every list's token sits at its
// offset, as rows {e: entries, s: starts} in order. It begins with the
// list of fewest entries and merges the others in (all lists are in
// entry and position order).
function intersect(lists, positional) {
  var order = positional.map((_, i) => i).sort((x, y) => lists[x].e.length - lists[y].e.length || x - y);
  var list = lists[order[0]], offset = positional[order[0]][1], entries = [], starts = [], i, k, position;
  for (i = 0; i < list.e.length; i++) {
    for (k = 0; k < list.c[i]; k++) {
      position = list.p[list.o[i] + k];
      if (position >= offset) { entries.push(list.e[i]); starts.push(position - offset); }
    }
  }
  for (var n = 1; n < order.length && entries.length; n++) {
    list = lists[order[n]]; offset = positional[order[n]][1];
    var keptEntries = [], keptStarts = [], j = 0;
    for (i = 0; i < entries.length;) {
      var entry = entries[i], next = i, at = -1, left = 0, positionAt = 0;
      while (j < list.e.length && list.e[j] < entry) j++;
      if (list.e[j] === entry) { positionAt = list.o[j]; left = list.c[j]; }
      for (; next < entries.length && entries[next] === entry; next++) {
        // this entry's starts and the list's positions are both in order
        while (at < starts[next] + offset && left) { at = list.p[positionAt++]; left--; }
        if (at === starts[next] + offset) { keptEntries.push(entry); keptStarts.push(starts[next]); }
      }
      i = next;
    }
    entries = keptEntries; starts = keptStarts;
  }
  return { e: entries, s: starts };
}
// match finds a term: hits {e, c}. (Snippets find the term in the text
// themselves; only pinyin hits carry their ranges.)
function match(term, get) {
  var chars = Array.from(term), pieces = plan(chars);
  if (!pieces.at.length && !pieces.within.length) return Promise.resolve({ e: [], c: [] });
  if (pieces.exact && pieces.at.length + pieces.within.length === 1) {
    // one n-gram or word: its entries and counts are the answer
    return get(pieces.at.length ? pieces.at[0][0] : pieces.within[0], false);
  }
  if (pieces.exact && !pieces.within.length) {
    // a phrase of 4-grams: each row found is an occurrence
    return phrase(pieces.at, get).then((found) => {
      var entries = [], counts = [];
      found.e.forEach((entry) => { if (entry === entries[entries.length - 1]) counts[counts.length - 1]++; else { entries.push(entry); counts.push(1); } });
      return { e: entries, c: counts };
    });
  }
  // punctuation inside: the index narrows it down, the text decides
  return searchMore().then((more) => more.matchText(chars, pieces, get));
}
// matchTerm finds a term [text, quoted]: hits {e, c, r}. A word of
// letters is also read as pinyin (search-more.js, on whole lists), where
// r[i] lists the [start, length] of the pinyin matches in entry e[i].
function matchTerm(term, full, used) {
  var pinyin = !term[1] && /^[a-z]{2,}$/.test(term[0]), hits = match(term[0], getter(full || pinyin, used));
  return pinyin ? searchMore().then((more) => more.pinyin(term[0], hits, getter(1, used)), () => hits) : hits;
}
