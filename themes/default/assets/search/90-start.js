// Starting up, once every part is defined: "/" focuses the search box;
// the search page or the header box starts; the page a result opened
// highlights the query; and what other scripts use is handed over.
//
// Uses: win, dom (00-script.js); searchMore (20-load.js); $
// (60-render.js); searchPage (70-page.js); headerBox (80-headerbox.js);
// and, to hand them over, the names listed below, from every part.

dom.addEventListener("keydown", (ev) => {
  var target = ev.target, tag = target && target.tagName;
  if (ev.key !== "/" || /^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (target && target.isContentEditable)) return;
  var box = dom.getElementById("search-page-input") || dom.getElementById("search-input");
  if (box) { ev.preventDefault(); box.focus(); }
});
var app = dom.getElementById("search-app");
if (app) searchPage(app);
var headerForm = $(".site-header .search-form");
if (headerForm && !app) headerBox(headerForm);
// the page a result opened: highlight the query's occurrences
var highlightQuery = new URLSearchParams(location.search).get("hl");
if (highlightQuery && !app) searchMore().then((more) => more.highlight(highlightQuery)).catch(() => {});
// what search-more.js uses, in an order it knows (names would cost
// bytes in the script every page loads)
win.__ssCore = [() => manifest, runPositional, load, textOf, snippet, el, docURL, normalize, fold, occurrences, parseQuery, decodeList, isHan, isWord];
// what the tests of generator/search drive in a browser: tokenisation
// and plans against testdata/tokens.json, payload decoding, searches
win.__ssTok = { display: display, normalize: (text) => normalize(text).join(""), more: () => searchMore(), parseQuery: parseQuery, shardOf: shardOf, plan: (text) => plan(Array.from(text)), unpack: (size, payload, isText, dict) => { var bytes = inflate(base85(payload), size, dict); return isText ? decodeText(bytes) : bytes; } };
win.__ssSearch = search;
win.__ssReady = ready;
