// Rendering results (text only: every string from the index or the query
// becomes a text node), and what the search page and the header box share:
// the debounced input, the arrow keys, the mark of a drawn list.
//
// Uses: dom, win, siteRoot (00-script.js); normalize, display
// (10-tokenize.js); manifest, textOf, metaOf, searchMore (20-load.js);
// occurrences (45-match.js).

function $(selector, within) { return (within || dom).querySelector(selector); }
function el(tag, className, text) {
  var node = dom.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}
// snippet shows about 80 characters of an entry's text around its first
// match, every match of the query's terms marked.
function snippet(row, hit, terms) {
  var folded = normalize(row[2]), shown = Array.from(display(row[2]));
  var ranges = (hit.r || []).slice();
  terms.forEach((term) => { occurrences(folded, Array.from(term[0])).forEach((at) => { ranges.push([at, Array.from(term[0]).length]); }); });
  ranges.sort((a, b) => a[0] - b[0]);
  var first = ranges.length ? ranges[0][0] : 0, from = Math.max(0, first - 20), to = Math.min(shown.length, from + 80);
  var box = el("span", "sr-snip"), at = from;
  if (from > 0) box.append("…");
  ranges.forEach((range) => {
    var start = Math.max(range[0], at), end = Math.min(range[0] + range[1], to);
    if (end <= start) return;
    if (start > at) box.append(shown.slice(at, start).join(""));
    box.append(el("mark", "", shown.slice(start, end).join("")));
    at = end;
  });
  if (at < to) box.append(shown.slice(at, to).join(""));
  if (to < shown.length) box.append("…");
  return box;
}
// a result's link carries the query (hl), which the page it opens
// highlights
function docURL(meta, anchor, query) { return siteRoot + "docs/" + encodeURIComponent(meta[1]) + "/index.html" + (query ? "?hl=" + encodeURIComponent(query) : "") + (anchor ? "#" + anchor : ""); }
function chineseDate(iso) { return iso.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日"); }
// renderDocs shows count documents from from; each with perDoc hits, or
// (perDoc 0) two for the first three results and one after, which keeps
// the text a first query loads small.
function renderDocs(list, result, from, count, perDoc) {
  var page = result.docs.slice(from, from + count);
  // a document whose title matches shows its best paragraphs as well
  function hitsShown(i) { var doc = page[i]; return (perDoc || (from + i < 3 ? 2 : 1)) + (doc.hits[0].e === doc.d * manifest.S && doc.hits.length > 1 ? 1 : 0); }
  return Promise.all(page.map((doc, i) => {
    // a title hit's text is the title, in the metadata
    var hits = doc.hits.slice(0, hitsShown(i));
    return Promise.all([metaOf(doc.d)].concat(hits.map((hit) => hit.e !== doc.d * manifest.S && textOf(hit.e))));
  })).then((texts) => {
    texts.forEach((rows, i) => {
      var doc = page[i], meta = rows[0], item = el("li", "sr-item"), shownHits = hitsShown(i);
      var head = el("div", "sr-head");
      var title = el("a", "sr-title", meta[0]);
      title.href = docURL(meta, "", result.q);
      head.append(title);
      if (meta[2]) { var time = el("time", "sr-date", chineseDate(meta[2])); time.setAttribute("datetime", meta[2]); head.append(time); }
      item.append(head);
      var hitList = el("ol", "sr-hits");
      doc.hits.slice(0, shownHits).forEach((hit, k) => {
        var row = rows[k + 1] || ["", "", meta[0]], hitItem = el("li", "sr-hit"), hitLink = el("a", "sr-link");
        hitLink.href = docURL(meta, row[0], result.q);
        if (row[1]) hitLink.append(el("span", "sr-path", row[1]));
        hitLink.append(snippet(row, hit, result.terms));
        hitItem.append(hitLink);
        hitList.append(hitItem);
      });
      item.append(hitList);
      if (doc.hits.length > shownHits) {
        // expands to the other paragraphs (search-more.js, on demand)
        var others = el("button", "sr-others", "本文另有 " + (doc.hits.length - shownHits) + " 处");
        others.type = "button"; others.setAttribute("aria-expanded", "false");
        others.addEventListener("click", () => { searchMore().then((more) => more.expand(others, hitList, doc, shownHits, meta, result)); });
        item.append(others);
      }
      list.append(item);
    });
  });
}
// typed runs run 150 ms after the last keystroke, and prefetches the
// query's postings at once.
// Letters an input method is still composing (csj before 长三角 is
// chosen) are not the query: the search starts from what it commits.
function typed(input, run, prefetch) {
  var timer, onInput = (ev) => {
    if (ev.isComposing) return;
    clearTimeout(timer); timer = setTimeout(run, 150);
    if (input.value.trim()) prefetch(input.value).catch(() => {});
  };
  input.addEventListener("input", onInput);
  // (no oncompositionend property: composition events have no handler attribute)
  input.addEventListener("compositionend", onInput);
}
function keyNav(input, list) {
  input.addEventListener("keydown", (ev) => {
    var link = $("a", list);
    if (ev.key === "ArrowDown" && link) { ev.preventDefault(); link.focus(); }
  });
  // the arrows within the list: search-more.js, which loads once
  // results are drawn (see drawn)
  list.addEventListener("keydown", (ev) => { if (win.__ssMore) win.__ssMore.nav(ev, input, list); });
}
// drawn marks a list as drawn (data-ready, which tests wait for) and loads
// search-more.js when the browser is idle.
function drawn(list) {
  list.setAttribute("data-ready", "1");
  (win.requestIdleCallback || setTimeout)(() => searchMore().catch(() => {}));
}
