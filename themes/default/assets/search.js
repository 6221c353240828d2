// studysite search: loads the index written by generator/search with
// <script> tags (never fetch/XHR), so it works from file://, under any
// subpath and over HTTP. Tokenisation follows the one specification in
// generator/search/tokenize.go; both are tested on testdata/tokens.json.
// Every string from the index or the query is inserted as text.
(function () {
  "use strict";
  var W = window, D = document;
  var me = D.currentScript;
  var root = me ? me.src.replace(/assets\/[^\/]*$/, "") : "";
  var IDX = root + "search/";
  var MAXPREFIX = 16, SP = " \t\n\r\f\v\u00a0\u3000";
  var ALPHA = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";
  var HAN = /^\p{Script=Han}$/u;

  // ---- tokenisation (the shared specification) ----
  function display(s) {
    var out = "", space = false;
    for (var c of s) {
      if (SP.indexOf(c) >= 0) { space = out.length > 0; continue; }
      if (space) { out += " "; space = false; }
      out += c;
    }
    return out;
  }
  function fold(c) {
    var n = c.codePointAt(0);
    if (n >= 0xff01 && n <= 0xff5e) c = String.fromCodePoint(n - 0xfee0);
    return c >= "A" && c <= "Z" ? c.toLowerCase() : c;
  }
  function normalize(s) { return Array.from(display(s), fold); }
  function isHan(c) { return HAN.test(c); }
  function isWord(c) { return c !== undefined && c.length === 1 && (c >= "a" && c <= "z" || c >= "0" && c <= "9"); }
  function tokens(s) {
    var rs = normalize(s), out = [];
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i];
      if (isHan(r)) {
        out.push([r, i]);
        if (i + 1 < rs.length && isHan(rs[i + 1])) out.push([r + rs[i + 1], i]);
      } else if (isWord(r)) {
        var j = i;
        while (j < rs.length && isWord(rs[j])) j++;
        out.push([rs.slice(i, j).join(""), i]);
        for (var k = i + 1; k <= j && k - i <= MAXPREFIX; k++) out.push([">" + rs.slice(i, k).join(""), i]);
        i = j - 1;
      }
    }
    return out;
  }
  function parseQuery(q) {
    var rs = normalize(q), terms = [], cur = "", inQ = false;
    function flush(ph) { var t = cur.trim(); if (t) terms.push([display(t), ph]); cur = ""; }
    for (var c of rs) {
      if (c === '"' || c === "\u201c" || c === "\u201d") { flush(inQ); inQ = !inQ; }
      else if (c === " " && !inQ) flush(false);
      else cur += c;
    }
    flush(inQ);
    return terms;
  }
  var enc = new TextEncoder();
  function shardOf(tok, n) {
    var b = enc.encode(tok), h = 2166136261;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 16777619) >>> 0; }
    return h % n;
  }
  W.__ssTok = { display: display, normalize: function (s) { return normalize(s).join(""); }, tokens: tokens, parseQuery: parseQuery, shardOf: shardOf };

  // ---- index loading ----
  var st = { man: null, s: {}, m: {}, t: {} }, loads = {}, packed = {};
  W.__ss = {
    init: function (_, m) { st.man = m; },
    s: function (i, z) { packed["s/" + i + ".js"] = z; },
    m: function (i, o) { st.m[i] = o; },
    t: function (i, z) { packed["t/" + i + ".js"] = z; }
  };
  // inflate turns a base64 raw-DEFLATE string back into its JSON value.
  function inflate(b64) {
    var bin = atob(b64), u = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
    return new Response(new Blob([u]).stream().pipeThrough(new DecompressionStream("deflate-raw"))).text().then(JSON.parse);
  }
  function load(path) {
    if (!loads[path]) loads[path] = new Promise(function (res, rej) {
      var el = D.createElement("script");
      el.src = IDX + path;
      el.onload = function () { res(); };
      el.onerror = function () { delete loads[path]; rej(new Error("cannot load " + IDX + path)); };
      D.head.appendChild(el);
    }).then(function () {
      var z = packed[path];
      if (z === undefined) return;
      delete packed[path];
      return inflate(z).then(function (v) { st[path[0]][parseInt(path.slice(2), 10)] = v; });
    });
    return loads[path];
  }
  function nums(s) {
    var out = [], n = 0, sh = 0;
    for (var i = 0; i < s.length; i++) {
      var d = ALPHA.indexOf(s[i]);
      if (d >= 32) { n += (d - 32) * Math.pow(2, sh); sh += 5; continue; }
      out.push(n + d * Math.pow(2, sh)); n = 0; sh = 0;
    }
    return out;
  }
  var docs; // [{first, n, head, year, series, tags}]
  function ready() {
    return load("manifest.js").then(function () {
      if (docs) return;
      var m = st.man, a = nums(m.docs), first = 0, i = 0;
      docs = [];
      while (i < a.length) {
        var d = { first: first, n: a[i], head: a[i + 1], year: a[i + 2] ? m.y0 + a[i + 2] - 1 : 0, series: a[i + 3] - 1, tags: [] };
        var nt = a[i + 4]; i += 5;
        for (var k = 0; k < nt; k++) d.tags.push(a[i++]);
        first += d.n; docs.push(d);
      }
      st.syl = {};
      m.syl.split(" ").forEach(function (s) { if (s) st.syl[s] = 1; });
    });
  }
  function docOf(e) {
    var lo = 0, hi = docs.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (docs[mid].first <= e) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function kindOf(e) { var d = docs[docOf(e)]; return e === d.first ? 0 : e < d.first + d.head ? 1 : 3; }
  function postings(tok, positional) {
    var sh = shardOf(tok, st.man.shards);
    return load("s/" + sh + ".js").then(function () {
      var s = (st.s[sh] || {})[tok] || "", a = nums(s), out = [], e = 0;
      for (var i = 0; i < a.length;) {
        e += a[i]; var p = { e: e, c: a[i + 1], pos: null }; i += 2;
        if (positional) { p.pos = []; for (var k = 0, q = 0; k < p.c; k++) { q += a[i++]; p.pos.push(q); } }
        out.push(p);
      }
      return out;
    });
  }
  function textOf(e) {
    var k = Math.floor(e / st.man.E);
    return load("t/" + k + ".js").then(function () { return st.t[k][e - k * st.man.E]; });
  }
  function metaOf(d) {
    var k = Math.floor(d / st.man.M);
    return load("m/" + k + ".js").then(function () { return st.m[k][d - k * st.man.M]; });
  }

  // ---- matching (mirrors generator/search/query.go) ----
  function occurrences(n, t) {
    var out = [];
    if (!t.length) return out;
    for (var p = 0; p + t.length <= n.length; p++) {
      if (isWord(t[0]) && p > 0 && isWord(n[p - 1])) continue;
      var ok = true;
      for (var k = 0; k < t.length; k++) if (n[p + k] !== t[k]) { ok = false; break; }
      if (ok) out.push(p);
    }
    return out;
  }
  function plan(t) {
    var at = [], within = [], pieces = 0, simple = true;
    for (var i = 0; i < t.length;) {
      var j = i;
      if (isHan(t[i])) {
        while (j < t.length && isHan(t[j])) j++;
        if (j - i === 1) within.push(t[i]);
        else {
          for (var k = i; k + 1 < j; k += 2) at.push([t[k] + t[k + 1], k]);
          if ((j - i) % 2) at.push([t[j - 2] + t[j - 1], j - 2]);
        }
        pieces++; i = j;
      } else if (isWord(t[i])) {
        while (j < t.length && isWord(t[j])) j++;
        var w = t.slice(i, j).join("");
        if (j < t.length) at.push([w, i]);
        else { if (w.length > MAXPREFIX) { w = w.slice(0, MAXPREFIX); simple = false; } within.push(">" + w); }
        pieces++; i = j;
      } else { simple = false; i++; }
    }
    return { at: at, within: within, exact: simple && pieces === 1 };
  }
  // runPositional intersects positional tokens at offsets: entry → starts.
  function runPositional(at) {
    return Promise.all(at.map(function (a) { return postings(a[0], true); })).then(function (lists) {
      var cand = null;
      lists.forEach(function (list, idx) {
        var off = at[idx][1], next = new Map();
        list.forEach(function (p) {
          if (cand) {
            var prev = cand.get(p.e);
            if (!prev) return;
            var keep = [], have = new Set(p.pos);
            prev.forEach(function (s) { if (have.has(s + off)) keep.push(s); });
            if (keep.length) next.set(p.e, keep);
          } else {
            var starts = [];
            p.pos.forEach(function (q) { if (q >= off) starts.push(q - off); });
            if (starts.length) next.set(p.e, starts);
          }
        });
        cand = next;
      });
      return cand;
    });
  }
  // match: entry → {c: count, r: [[start, len]] when known}.
  function match(term) {
    var t = Array.from(term), pl = plan(t);
    if (!pl.at.length && !pl.within.length) return Promise.resolve(new Map());
    return Promise.all([
      pl.at.length ? runPositional(pl.at) : null,
      Promise.all(pl.within.map(function (w) { return postings(w, false); }))
    ]).then(function (r) {
      var cand = r[0], counts = null;
      r[1].forEach(function (list) {
        var seen = new Map();
        list.forEach(function (p) {
          if (cand && !cand.has(p.e)) return;
          if (!cand && counts && !counts.has(p.e)) return;
          seen.set(p.e, p.c);
        });
        counts = seen;
      });
      var out = new Map();
      if (!cand) {
        if (pl.exact) { counts.forEach(function (c, e) { out.set(e, { c: c }); }); return out; }
        cand = new Map(); counts.forEach(function (_, e) { cand.set(e, null); });
      } else if (counts) {
        cand.forEach(function (_, e) { if (!counts.has(e)) cand.delete(e); });
      }
      if (pl.exact) { cand.forEach(function (s, e) { out.set(e, { c: s.length, r: s.map(function (p) { return [p, t.length]; }) }); }); return out; }
      var es = Array.from(cand.keys());
      return Promise.all(es.map(textOf)).then(function (rows) {
        rows.forEach(function (row, i) {
          var o = occurrences(normalize(row[2]), t);
          if (o.length) out.set(es[i], { c: o.length, r: o.map(function (p) { return [p, t.length]; }) });
        });
        return out;
      });
    });
  }
  // pinyin alternatives for a word of letters: initials (csj) and every
  // split into syllables that occur in titles and headings (changsanjiao).
  function pinyinPlans(w) {
    var plans = [];
    if (!/^[a-z]{2,}$/.test(w)) return plans;
    if (w.length <= 8) plans.push(Array.from(w, function (c, i) { return ["^" + c, i]; }));
    var splits = [];
    (function go(i, acc) {
      if (splits.length >= 8) return;
      if (i === w.length) { splits.push(acc.slice()); return; }
      for (var L = Math.min(6, w.length - i); L >= 1; L--) {
        var s = w.substr(i, L);
        if (st.syl[s]) { acc.push(s); go(i + L, acc); acc.pop(); }
      }
    })(0, []);
    splits.forEach(function (sp) { if (sp.length > 1) plans.push(sp.map(function (s, i) { return ["~" + s, i]; })); });
    return plans;
  }
  function matchTerm(term) {
    var pp = term[1] ? [] : pinyinPlans(term[0]);
    return Promise.all([match(term[0])].concat(pp.map(runPositional))).then(function (rs) {
      var out = rs[0];
      rs.slice(1).forEach(function (cand, i) {
        var len = pp[i].length;
        cand.forEach(function (starts, e) {
          var h = out.get(e) || { c: 0, r: [] };
          if (!h.r) h.r = [];
          starts.forEach(function (s) { h.r.push([s, len]); });
          h.c = Math.max(h.c, starts.length);
          out.set(e, h);
        });
      });
      return out;
    });
  }
  // search returns ranked documents: [{d, score, hits: [{e, c, r}]}].
  function search(q, filter) {
    var terms = parseQuery(q);
    if (!terms.length) return Promise.resolve({ terms: terms, docs: [] });
    return ready().then(function () {
      return Promise.all(terms.map(matchTerm));
    }).then(function (ms) {
      var byDoc = new Map();
      ms.forEach(function (m, ti) {
        m.forEach(function (h, e) {
          var d = docOf(e), x = byDoc.get(d);
          if (!x) { x = { d: d, terms: new Set(), hits: new Map(), score: 0 }; byDoc.set(d, x); }
          x.terms.add(ti);
          var y = x.hits.get(e);
          if (!y) { y = { e: e, c: 0, r: [] }; x.hits.set(e, y); }
          y.c += h.c; if (h.r) y.r = y.r.concat(h.r);
        });
      });
      var out = [];
      byDoc.forEach(function (x) {
        if (x.terms.size !== terms.length) return;
        if (filter && !filter(docs[x.d])) return;
        var hits = Array.from(x.hits.values());
        hits.forEach(function (h) {
          var k = kindOf(h.e);
          h.w = (k === 0 ? 100 : k === 1 ? 20 : 1) * Math.min(h.c, 10);
          x.score += h.w;
        });
        hits.sort(function (a, b) { return b.w - a.w || a.e - b.e; });
        x.hits = hits;
        x.score *= 1 + 0.25 * (1 - x.d / docs.length);
        out.push(x);
      });
      out.sort(function (a, b) { return b.score - a.score || a.d - b.d; });
      return { terms: terms, docs: out };
    });
  }
  W.__ssSearch = search;

  // ---- rendering (text only) ----
  function el(tag, cls, text) {
    var n = D.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;
    return n;
  }
  function snippet(row, hit, terms) {
    var n = normalize(row[2]), shown = Array.from(row[2] === display(row[2]) ? row[2] : display(row[2]));
    var rs = (hit.r || []).slice();
    terms.forEach(function (t) { occurrences(n, Array.from(t[0])).forEach(function (p) { rs.push([p, Array.from(t[0]).length]); }); });
    rs.sort(function (a, b) { return a[0] - b[0]; });
    var first = rs.length ? rs[0][0] : 0, from = Math.max(0, first - 20), to = Math.min(shown.length, from + 80);
    var box = el("span", "sr-snip"), i = from;
    if (from > 0) box.appendChild(D.createTextNode("…"));
    rs.forEach(function (r) {
      var a = Math.max(r[0], i), b = Math.min(r[0] + r[1], to);
      if (b <= a) return;
      if (a > i) box.appendChild(D.createTextNode(shown.slice(i, a).join("")));
      box.appendChild(el("mark", "", shown.slice(a, b).join("")));
      i = b;
    });
    if (i < to) box.appendChild(D.createTextNode(shown.slice(i, to).join("")));
    if (to < shown.length) box.appendChild(D.createTextNode("…"));
    return box;
  }
  function docURL(meta, anchor) { return root + "docs/" + encodeURIComponent(meta[1]) + "/index.html" + (anchor ? "#" + anchor : ""); }
  // renderDocs shows count documents from from; each with perDoc hits, or
  // (perDoc 0) two for the first three results and one after, which keeps
  // the text a first query loads small.
  function renderDocs(list, res, from, count, perDoc) {
    var page = res.docs.slice(from, from + count);
    function nHits(i) { return perDoc || (from + i < 3 ? 2 : 1); }
    return Promise.all(page.map(function (x, i) {
      var hs = x.hits.slice(0, nHits(i));
      return Promise.all([metaOf(x.d)].concat(hs.map(function (h) { return textOf(h.e); })));
    })).then(function (all) {
      all.forEach(function (rows, i) {
        var x = page[i], meta = rows[0], li = el("li", "sr-item"), per = nHits(i);
        var head = el("div", "sr-head");
        var a = el("a", "sr-title", meta[0]);
        a.href = docURL(meta, "");
        head.appendChild(a);
        if (meta[2]) { var tm = el("time", "sr-date", meta[2]); tm.setAttribute("datetime", meta[2]); head.appendChild(tm); }
        li.appendChild(head);
        var ol = el("ol", "sr-hits");
        x.hits.slice(0, per).forEach(function (h, k) {
          var row = rows[k + 1], hl = el("li", "sr-hit"), ha = el("a", "sr-link");
          ha.href = docURL(meta, row[0]);
          if (row[1]) ha.appendChild(el("span", "sr-path", row[1]));
          ha.appendChild(snippet(row, h, res.terms));
          hl.appendChild(ha);
          ol.appendChild(hl);
        });
        li.appendChild(ol);
        if (x.hits.length > per) li.appendChild(el("p", "sr-others", "本文另有 " + (x.hits.length - per) + " 处"));
        list.appendChild(li);
      });
    });
  }
  // suggest offers the glossary terms and headings closest to the query,
  // by shared characters and bigrams.
  function suggest(q) {
    var v = st.man.vocab || [], qs = normalize(q), grams = {};
    qs.forEach(function (c, i) { grams[c] = 1; if (i + 1 < qs.length) grams[c + qs[i + 1]] = 2; });
    return v.map(function (w) {
      var ws = normalize(w), s = 0;
      ws.forEach(function (c, i) { s += grams[c] || 0; if (i + 1 < ws.length) s += grams[c + ws[i + 1]] || 0; });
      return [s / Math.sqrt(ws.length + 1), w];
    }).filter(function (x) { return x[0] > 0; }).sort(function (a, b) { return b[0] - a[0] || (a[1] < b[1] ? -1 : 1); }).slice(0, 5).map(function (x) { return x[1]; });
  }
  function debounce(f, ms) { var t; return function () { clearTimeout(t); t = setTimeout(f, ms); }; }
  function keyNav(input, list, onEnter) {
    input.addEventListener("keydown", function (ev) {
      var links = Array.from(list.querySelectorAll("a"));
      var cur = links.indexOf(D.activeElement);
      if (ev.key === "ArrowDown" && links.length) { ev.preventDefault(); links[0].focus(); }
      else if (ev.key === "Enter" && onEnter) onEnter(ev);
    });
    list.addEventListener("keydown", function (ev) {
      var links = Array.from(list.querySelectorAll("a")), cur = links.indexOf(D.activeElement);
      if (ev.key === "ArrowDown" && cur < links.length - 1) { ev.preventDefault(); links[cur + 1].focus(); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); if (cur > 0) links[cur - 1].focus(); else input.focus(); }
      else if (ev.key === "Escape") input.focus();
    });
  }

  // ---- the search page ----
  function pageApp(app) {
    var input = app.querySelector("#search-page-input"), status = app.querySelector(".search-status");
    var list = app.querySelector(".search-results"), filters = app.querySelector(".search-filters");
    var all = D.querySelector(".search-all"), fTag, fYear, seq = 0, shown = 0, last = null;
    ready().then(function () {
      var m = st.man;
      fTag = el("select", "sr-filter-tag"); fTag.setAttribute("aria-label", "按标签或系列筛选");
      fTag.appendChild(new Option("全部标签和系列", ""));
      m.tags.forEach(function (t, i) { fTag.appendChild(new Option("标签：" + t, "t" + i)); });
      m.series.forEach(function (t, i) { fTag.appendChild(new Option("系列：" + t, "s" + i)); });
      fYear = el("select", "sr-filter-year"); fYear.setAttribute("aria-label", "按年份筛选");
      fYear.appendChild(new Option("全部年份", ""));
      var ys = {}; docs.forEach(function (d) { if (d.year) ys[d.year] = 1; });
      Object.keys(ys).sort().reverse().forEach(function (y) { fYear.appendChild(new Option(y + "年", y)); });
      filters.appendChild(fTag); filters.appendChild(fYear); filters.hidden = false;
      fTag.addEventListener("change", run); fYear.addEventListener("change", run);
      if (input.value) run();
    }).catch(function (e) { status.textContent = "搜索索引无法加载：" + e.message; });
    function filter(d) {
      var t = fTag && fTag.value, y = fYear && fYear.value;
      if (y && String(d.year) !== y) return false;
      if (t && t[0] === "t" && d.tags.indexOf(+t.slice(1)) < 0) return false;
      if (t && t[0] === "s" && d.series !== +t.slice(1)) return false;
      return true;
    }
    function run() {
      var q = input.value, my = ++seq;
      list.removeAttribute("data-ready");
      var u = new URL(location.href);
      if (q) u.searchParams.set("q", q); else u.searchParams.delete("q");
      try { history.replaceState(null, "", u.href); } catch (e) { /* file:// in some browsers */ }
      if (!q.trim()) { list.hidden = true; if (all) all.hidden = false; status.textContent = ""; return; }
      search(q, filter).then(function (res) {
        if (my !== seq) return;
        last = res; list.textContent = ""; shown = 0;
        if (all) all.hidden = true;
        list.hidden = false;
        if (!res.docs.length) {
          status.textContent = "没有找到“" + q + "”。";
          var sg = suggest(q);
          if (sg.length) {
            var p = el("li", "sr-suggest", "试试："), ul = el("span", "");
            sg.forEach(function (w) {
              var a = el("a", "sr-suggest-term", w);
              a.href = "?q=" + encodeURIComponent(w);
              a.addEventListener("click", function (ev) { ev.preventDefault(); input.value = w; run(); });
              ul.appendChild(a); ul.appendChild(D.createTextNode(" "));
            });
            p.appendChild(ul); list.appendChild(p);
          }
          return;
        }
        var nHits = 0; res.docs.forEach(function (x) { nHits += x.hits.length; });
        status.textContent = "找到 " + res.docs.length + " 篇文档，" + nHits + " 处。";
        more();
      }).catch(function (e) { if (my === seq) status.textContent = "搜索出错：" + e.message; });
    }
    function more() {
      var from = shown; shown += 10;
      var old = list.querySelector(".sr-more"); if (old) old.remove();
      return renderDocs(list, last, from, 10, 0).then(function () {
        list.setAttribute("data-ready", "1");
        if (shown < last.docs.length) {
          var li = el("li", "sr-more"), b = el("button", "", "显示更多结果");
          b.type = "button"; b.addEventListener("click", more); li.appendChild(b); list.appendChild(li);
        }
      });
    }
    var q = new URLSearchParams(location.search).get("q");
    if (q) input.value = q;
    input.addEventListener("input", debounce(run, 150));
    app.querySelector("form").addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
    keyNav(input, list, null);
  }

  // ---- the header box on every page ----
  function headerBox(form) {
    var input = form.querySelector("input"), drop = el("ol", "search-drop"), seq = 0;
    drop.hidden = true; drop.id = "search-drop";
    input.setAttribute("aria-controls", "search-drop");
    form.appendChild(drop);
    function run() {
      var q = input.value, my = ++seq;
      drop.removeAttribute("data-ready");
      if (!q.trim()) { drop.hidden = true; return; }
      search(q).then(function (res) {
        if (my !== seq) return;
        drop.textContent = "";
        if (!res.docs.length) { drop.appendChild(el("li", "sr-none", "没有找到结果")); drop.hidden = false; return; }
        return renderDocs(drop, res, 0, 8, 1).then(function () { if (my === seq) { drop.hidden = false; drop.setAttribute("data-ready", "1"); } });
      }).catch(function () { drop.hidden = true; });
    }
    input.addEventListener("input", debounce(run, 150));
    keyNav(input, drop, null);
    D.addEventListener("click", function (ev) { if (!form.contains(ev.target)) drop.hidden = true; });
  }

  D.addEventListener("keydown", function (ev) {
    var t = ev.target, tag = t && t.tagName;
    if (ev.key !== "/" || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
    var box = D.getElementById("search-page-input") || D.getElementById("search-input");
    if (box) { ev.preventDefault(); box.focus(); }
  });
  var app = D.getElementById("search-app");
  if (app) pageApp(app);
  var hf = D.querySelector(".site-header .search-form");
  if (hf && !app) headerBox(hf);
})();
