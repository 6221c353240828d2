// The search page (search/index.html): the box, the filters by tag,
// series and year, the status line, ten results at a time, and the query
// kept in the address (?q=).
//
// Uses: ready, manifest, searchMore (20-load.js); search, prefetch
// (50-rank.js); $, el, renderDocs, typed, keyNav, drawn (60-render.js).

function searchPage(app) {
  var input = $("#search-page-input", app), status = $(".search-status", app);
  var list = $(".search-results", app), filters = $(".search-filters", app);
  var allDocs = $(".search-all"), tagFilter = $(".sr-filter-tag", filters), yearFilter = $(".sr-filter-year", filters), searchNo = 0, shown = 0, latest = null;
  // The filters come with the page (generator/render/search.go), valued
  // "t:<tag>", "s:<series>" and a year.
  ready().then(() => {
    filters.hidden = false;
    filters.addEventListener("change", run);
    if (input.value) run();
  }).catch((err) => { status.textContent = "索引无法加载：" + err.message; });
  function filter(facets) {
    var tagValue = tagFilter ? tagFilter.value : "", year = yearFilter.value, name = tagValue.slice(2);
    return !(year && String(facets.year) !== year) &&
      !(tagValue[0] === "t" && !facets.tags.some((tag) => manifest.tags[tag] === name)) &&
      !(tagValue[0] === "s" && manifest.series[facets.series] !== name);
  }
  // run searches for the box's query; a run started later wins (searchNo).
  function run() {
    var query = input.value, mine = ++searchNo;
    list.removeAttribute("data-ready"); list.removeAttribute("data-all");
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    try { history.replaceState(null, "", url.href); } catch (err) { /* file:// in some browsers */ }
    if (!query.trim()) { list.hidden = true; if (allDocs) allDocs.hidden = false; status.textContent = ""; return; }
    status.textContent = "搜索中……";
    search(query, filter, 10).then((result) => {
      if (mine !== searchNo) return;
      latest = result; list.textContent = ""; shown = 0;
      if (allDocs) allDocs.hidden = true;
      list.hidden = false;
      if (!result.docs.length) {
        // the status comes last, once the suggestions are in place
        return searchMore().then((more) => more.suggest(query, list, () => mine === searchNo, (word) => { input.value = word; run(); })).catch(() => {}).then(() => {
          if (mine === searchNo) status.textContent = "没有找到“" + query + "”。";
        });
      }
      // the first results come from the lists' first parts; the rest of
      // the lists loads once they are drawn when the count is not yet
      // exact, else (one word: hundreds of KB in a large library) when
      // the reader asks for more than the first parts hold
      var exact = count(result);
      return showMore().then(() => exact || result.done || result.more().then((whole) => {
        if (mine === searchNo) { latest = whole; count(whole); moreButton(); }
      })).then(() => { if (mine === searchNo && latest.done) list.dataset.all = 1; });
    }).catch((err) => { if (mine === searchNo) status.textContent = "搜索出错：" + err.message; });
  }
  // count says how many documents and hits there are: exact for a
  // whole ranking, and for one token unfiltered (its table row counts
  // them); otherwise at least those found so far.
  function count(result) {
    var hits = 0, used = result.used, oneToken = !result.done && !used[1] && !used[0][1] && !(tagFilter && tagFilter.value) && !yearFilter.value && used[0][0].t;
    result.docs.forEach((doc) => { hits += doc.hits.length; });
    status.textContent = result.done || oneToken ? "找到 " + (oneToken ? oneToken.df : result.docs.length) + " 篇文档，" + (oneToken ? oneToken.ne : hits) + " 处。" : "至少找到 " + result.docs.length + " 篇文档……";
    return oneToken;
  }
  // showMore shows the next ten results; from the button, the keyboard
  // focus moves to the first of them (the button is gone).
  function showMore(ev) {
    var from = shown, before = list.children.length, mine = searchNo; shown += 10;
    var old = $(".sr-more", list); if (old) old.remove();
    return (shown > latest.docs.length && !latest.done ? latest.more().then((whole) => { if (mine === searchNo) { latest = whole; count(whole); } }) : Promise.resolve()).then(() => {
      if (mine !== searchNo) return;
      if (latest.done) list.dataset.all = 1;
      return renderDocs(list, latest, from, 10, 0);
    }).then(() => {
      drawn(list);
      if (ev) $("a", list.children[before - 1]).focus();
      moreButton();
    });
  }
  function moreButton() {
    if ((shown < latest.docs.length || !latest.done) && !$(".sr-more", list)) {
      var item = el("li", "sr-more"), button = el("button", "", "显示更多结果");
      button.type = "button"; button.addEventListener("click", showMore); item.append(button); list.append(item);
    }
  }
  var query = new URLSearchParams(location.search).get("q");
  if (query) input.value = query;
  typed(input, run, prefetch);
  $("form", app).addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
  keyNav(input, list);
}
