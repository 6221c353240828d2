// studysite search: the script every page loads (the header box) and the
// search page runs. It loads the index that generator/search writes with
// <script> tags (never fetch or XHR), so search works from file://, under
// any subpath and over HTTP. Every string from the index or the query is
// inserted as text, never as HTML.
//
// The files of this folder are the parts of one script: the build joins
// them in name order, inside one strict-mode closure, into
// assets/search.js (themes/parts.go). Every top-level name of a part is
// seen by all parts and by nothing else on the page; each part says what
// it uses from the others. What only some searches need is in
// search-more.js, loaded on demand (searchMore, in 20-load.js).
//
// This part: where the script runs. Uses nothing.

// win and dom: window and document under names the minifier shortens;
// thisScript: the <script> element, which gives the site root and
// search-more.js's URL (its data-more). One var statement, first of all
// parts: the minifier gathers every part's var names into the first, and
// this order keeps the published file smallest (12 bytes less than four
// statements).
var win = window,
  dom = document,
  thisScript = dom.currentScript,
  siteRoot = thisScript ? thisScript.src.replace(/assets\/[^\/]*$/, "") : "",
  indexURL = siteRoot + "search/";
