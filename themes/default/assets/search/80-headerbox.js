// The search box in the header of every other page: up to eight results
// in a list that drops below it while the reader types.
//
// Uses: dom (00-script.js); ready (20-load.js); search, prefetch
// (50-rank.js); $, el, renderDocs, typed, keyNav, drawn (60-render.js).

function headerBox(form) {
  var input = $("input", form), drop = el("ol", "search-drop"), searchNo = 0;
  drop.hidden = true; drop.id = "search-drop";
  input.setAttribute("aria-controls", "search-drop");
  form.append(drop);
  // the manifest loads while the reader types
  input.addEventListener("focus", () => ready().catch(() => {}));
  // run searches for the box's query; a run started later wins (searchNo).
  function run() {
    var query = input.value, mine = ++searchNo;
    drop.removeAttribute("data-ready");
    if (!query.trim()) { drop.hidden = true; return; }
    if (drop.hidden) { drop.textContent = ""; drop.append(el("li", "sr-none", "搜索中……")); drop.hidden = false; }
    search(query, null, 8).then((result) => {
      if (mine !== searchNo) return;
      drop.textContent = "";
      if (!result.docs.length) { drop.append(el("li", "sr-none", "没有找到结果")); drop.hidden = false; drawn(drop); return; }
      return renderDocs(drop, result, 0, 8, 1).then(() => { if (mine === searchNo) { drop.hidden = false; drawn(drop); } });
    }).catch(() => { drop.hidden = true; });
  }
  typed(input, run, prefetch);
  keyNav(input, drop);
  dom.addEventListener("click", (ev) => { if (!form.contains(ev.target)) drop.hidden = true; });
}
