// studysite search, the parts no first result waits for: loaded by
// search.js on demand (expanding a result's other paragraphs, suggestions
// after no results, and the highlight on the page a result opens).
// Every string from the index or the query is inserted as text.
// search.js hands over what this file uses as window.__ssCore, a list.
((man, runPositional, load, textOf, snippet, el, docURL, normalize, fold, occurrences, parseQuery, decodeList, isHan, isWord) => {
  "use strict";
  var W = window, D = document;

  // hitList turns a map entry → count into hits {e: entries in order, c: counts}.
  function hitList(m) {
    var e = Array.from(m.keys()).sort((a, b) => a - b);
    return { e: e, c: e.map((x) => m.get(x)) };
  }

  // expand shows a result's other paragraphs under its first hits, and
  // hides them again: a disclosure button (aria-expanded, aria-controls)
  // whose focus stays put, as screen readers expect.
  function expand(btn, ol, x, per, meta, res) {
    var added = ol.querySelectorAll(".sr-hit-more");
    if (added.length) {
      var open = btn.getAttribute("aria-expanded") === "true";
      added.forEach((li) => { li.hidden = open; });
      btn.setAttribute("aria-expanded", String(!open));
      btn.textContent = open ? "本文另有 " + added.length + " 处" : "收起其余 " + added.length + " 处";
      return Promise.resolve();
    }
    var rest = x.hits.slice(per);
    btn.disabled = true;
    return Promise.all(rest.map((h) => textOf(h.e))).then((rows) => {
      rows.forEach((row, k) => {
        var li = el("li", "sr-hit sr-hit-more"), a = el("a", "sr-link");
        a.href = docURL(meta, row[0], res.q);
        if (row[1]) a.append(el("span", "sr-path", row[1]));
        a.append(snippet(row, rest[k], res.terms));
        li.append(a);
        ol.append(li);
      });
      btn.disabled = false;
      btn.setAttribute("aria-expanded", "true");
      btn.textContent = "收起其余 " + rest.length + " 处";
    }, () => { btn.disabled = false; });
  }

  // suggest offers the glossary terms and headings closest to the query,
  // by shared characters and bigrams; a long heading (a sentence) is no
  // suggestion.
  function suggest(q, list, current, pick) {
    return closest(q).then((sg) => {
      if (!current() || !sg.length) return;
      var p = el("li", "sr-suggest", "试试："), ul = el("span", "");
      sg.forEach((w) => {
        var a = el("a", "sr-suggest-term", w);
        a.href = "?q=" + encodeURIComponent(w);
        a.addEventListener("click", (ev) => { ev.preventDefault(); pick(w); });
        ul.append(a, " ");
      });
      p.append(ul); list.append(p);
    });
  }
  function closest(q) {
    return load("vocab", true).then((v) => {
      var qs = normalize(q), grams = {};
      qs.forEach((c, i) => { grams[c] = 1; if (i + 1 < qs.length) grams[c + qs[i + 1]] = 2; });
      return v.filter((w) => Array.from(w).length <= 12 && !/[，。；：！？,;:!?]/.test(w)).map((w) => {
        var ws = normalize(w), s = 0;
        ws.forEach((c, i) => { s += grams[c] || 0; if (i + 1 < ws.length) s += grams[c + ws[i + 1]] || 0; });
        return [s / Math.sqrt(ws.length + 1), w];
      }).filter((x) => x[0] > 0).sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1)).slice(0, 5).map((x) => x[1]);
    });
  }

  // highlight marks every occurrence of the query's terms in the document
  // (as the index finds them: letters folded, words from their start),
  // and offers previous, next and clear in a bar that keyboard and
  // screen-reader users reach like any other control.
  function highlight(q) {
    var body = D.querySelector(".doc-body") || D.querySelector("main");
    if (!body) return;
    var terms = parseQuery(q).map((t) => Array.from(t[0])).filter((t) => t.length);
    var walker = D.createTreeWalker(body, NodeFilter.SHOW_TEXT), nodes = [], n, marks = [];
    while ((n = walker.nextNode())) if (n.nodeValue.trim()) nodes.push(n);
    nodes.forEach((node) => {
      var shown = Array.from(node.nodeValue), norm = shown.map(fold), spans = [];
      terms.forEach((t) => { occurrences(norm, t).forEach((p) => { spans.push([p, p + t.length]); }); });
      if (!spans.length) return;
      spans.sort((a, b) => a[0] - b[0]);
      var frag = D.createDocumentFragment(), i = 0;
      spans.forEach((s) => {
        if (s[0] < i) return; // overlapping terms: the first wins
        if (s[0] > i) frag.append(shown.slice(i, s[0]).join(""));
        var m = el("mark", "hl", shown.slice(s[0], s[1]).join(""));
        frag.append(m); marks.push(m); i = s[1];
      });
      if (i < shown.length) frag.append(shown.slice(i).join(""));
      node.replaceWith(frag);
    });
    if (!marks.length) return;
    var bar = el("div", "hl-bar"), pos = el("span", "hl-pos"), cur = -1;
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "搜索词高亮");
    pos.setAttribute("aria-live", "polite");
    function button(label, f) { var b = el("button", "", label); b.type = "button"; b.addEventListener("click", f); bar.append(b); return b; }
    function go(k) {
      if (cur >= 0) marks[cur].classList.remove("hl-cur");
      cur = (k + marks.length) % marks.length;
      marks[cur].classList.add("hl-cur");
      marks[cur].scrollIntoView({ block: "center" });
      pos.textContent = "“" + q + "” 第 " + (cur + 1) + " / " + marks.length + " 处";
    }
    bar.append(pos);
    button("上一处", () => go(cur - 1));
    button("下一处", () => go(cur + 1));
    button("清除高亮", () => {
      marks.forEach((m) => { m.replaceWith(m.textContent); });
      body.normalize();
      bar.remove();
      var u = new URL(location.href);
      u.searchParams.delete("hl");
      try { history.replaceState(null, "", u.href); } catch (e) { /* file:// in some browsers */ }
    });
    body.before(bar);
    // start at the paragraph the result linked to
    var target = location.hash && D.getElementById(decodeURIComponent(location.hash.slice(1))), first = 0;
    if (target) marks.some((m, k) => target.contains(m) && ((first = k), true));
    cur = -1;
    marks[first].classList.add("hl-cur");
    cur = first;
    pos.textContent = "“" + q + "” 第 " + (cur + 1) + " / " + marks.length + " 处";
  }

  // nav moves through a result list's links with the arrows; Escape
  // goes back to the box.
  function nav(ev, input, list) {
    var links = Array.from(list.querySelectorAll("a")), cur = links.indexOf(D.activeElement);
    if (ev.key === "ArrowDown" && cur < links.length - 1) { ev.preventDefault(); links[cur + 1].focus(); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); (links[cur - 1] || input).focus(); }
    else if (ev.key === "Escape") input.focus();
  }

  // pinyin alternatives for a word of letters: initials (csj) and every
  // split into syllables that occur in titles and headings (changsanjiao;
  // one syllable when it has three letters or more, as shang: two-letter
  // words such as ai are left to the word index).
  function pinyinPlans(w) {
    var plans = [], splits = [], syls = man().syls;
    if (w.length <= 8) plans.push(Array.from(w, (c, i) => ["^" + c, i]));
    (function go(i, acc) {
      if (splits.length >= 8) return;
      if (i === w.length) { splits.push(acc.slice()); return; }
      for (var L = Math.min(6, w.length - i); L >= 1; L--) {
        var s = w.substr(i, L);
        if (syls[s]) { acc.push(s); go(i + L, acc); acc.pop(); }
      }
    })(0, []);
    splits.forEach((sp) => { if (sp.length > 1 || w.length > 2) plans.push(sp.map((s, i) => ["~" + s, i])); });
    return plans;
  }
  // pinyin adds the pinyin readings of word w to its hits as a word
  // (the promise asWord): hits {e, c, r}, where r[i] lists the [start,
  // length] of pinyin matches in entry e[i]. get loads whole lists.
  function pinyin(w, asWord, get) {
    var pp = pinyinPlans(w);
    return Promise.all([asWord].concat(pp.map((p) => runPositional(p, get)))).then((rs) => {
      if (rs.length === 1) return rs[0];
      var c = new Map(), r = new Map(), out;
      rs[0].e.forEach((e, i) => { c.set(e, rs[0].c[i]); });
      rs.slice(1).forEach((cand, i) => {
        var len = pp[i].length;
        cand.forEach((starts, e) => {
          r.set(e, (r.get(e) || []).concat(starts.map((s) => [s, len])));
          c.set(e, Math.max(c.get(e) || 0, starts.length));
        });
      });
      out = hitList(c);
      out.r = out.e.map((e) => r.get(e));
      return out;
    });
  }

  // rest completes list L, the first part of token tok's postings, with
  // its rest files (generator/search/split.go): r/<FNV-1a 64 of tok>-<k>,
  // each the length of its entry stream, the entry stream (documents
  // k·W onwards, the first as a gap from 0) and the position stream. The
  // parts hold different documents, so merging them by entry keeps every
  // entry's positions with it.
  var enc = new TextEncoder();
  function tokenHash(tok) {
    var h = 0xcbf29ce484222325n;
    enc.encode(tok).forEach((b) => { h = (h ^ BigInt(b)) * 0x100000001b3n & 0xffffffffffffffffn; });
    return h.toString(16).padStart(16, "0");
  }
  function rest(L, tok, withPos) {
    var name = "r/" + tokenHash(tok) + "-";
    return Promise.all(L.t.ks.map((k) => load(name + k))).then((us) => {
      var out = { e: [], c: [], o: [], p: [], ds: L.ds, t: L.t, full: 1 };
      [L].concat(us.map((u) => {
        var el = 0, m = 1, i = 0, b;
        do { b = u[i++]; el += (b & 127) * m; m *= 128; } while (b > 127);
        return decodeList(u, i, el, i + el, withPos);
      })).forEach((X) => {
        X.ds.forEach((s, d) => { out.ds.set(d, s); });
        X.e.forEach((e, i) => { out.e.push(e); out.c.push(X.c[i]); out.o.push([X, i]); });
      });
      // the entries in order, each with its positions
      var ix = out.e.map((_, i) => i).sort((a, b) => out.e[a] - out.e[b]), e = [], c = [], o = [], p = [];
      ix.forEach((i) => {
        var X = out.o[i][0], j = out.o[i][1];
        e.push(out.e[i]); c.push(out.c[i]);
        if (withPos) { o.push(p.length); for (var k = 0; k < X.c[j]; k++) p.push(X.p[X.o[j] + k]); }
      });
      out.e = e; out.c = c; out.o = o; out.p = p;
      return out;
    });
  }

  // matchText finds a term with punctuation inside (t, planned as pl):
  // the index gives the entries that hold its pieces, and their text
  // decides (search.js's match does the rest from the index alone).
  function matchText(t, pl, get) {
    return Promise.all([
      pl.at.length ? runPositional(pl.at, get) : null,
      Promise.all(pl.within.map((w) => get(w, false)))
    ]).then((r) => {
      var cand = r[0], counts = null;
      r[1].forEach((L) => {
        var seen = new Map();
        for (var i = 0; i < L.e.length; i++) {
          if (cand && !cand.has(L.e[i])) continue;
          if (!cand && counts && !counts.has(L.e[i])) continue;
          seen.set(L.e[i], L.c[i]);
        }
        counts = seen;
      });
      var out = new Map();
      if (!cand) {
        cand = new Map(); counts.forEach((_, e) => { cand.set(e, null); });
      } else if (counts) {
        cand.forEach((_, e) => { if (!counts.has(e)) cand.delete(e); });
      }
      var es = Array.from(cand.keys());
      return Promise.all(es.map(textOf)).then((rows) => {
        rows.forEach((row, i) => {
          var o = occurrences(normalize(row[2]), t);
          if (o.length) out.set(es[i], o.length);
        });
        return hitList(out);
      });
    });
  }

  // tokens is the tokeniser of the shared specification
  // (generator/search/tokenize.go), which the index is built with; it is
  // here for the tests on testdata/tokens.json.
  var GRAM = 4, MAXPREFIX = 16;
  function tokens(s) {
    var rs = normalize(s), out = [];
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i];
      var j = i, k, n;
      if (isHan(r)) {
        for (j = i + 1; j <= i + GRAM && j <= rs.length && isHan(rs[j - 1]); j++) out.push([rs.slice(i, j).join(""), i]);
        if (!isHan(rs[i - 1])) {
          // boundary tokens where a Han run meets a word
          for (j = i; isHan(rs[j]);) j++;
          n = Math.min(GRAM - 1, j - i);
          if (isWord(rs[i - 1])) for (k = 1; k <= n; k++) out.push(["<" + rs.slice(i, i + k).join(""), i]);
          if (isWord(rs[j])) for (k = 1; k <= n; k++) out.push(["$" + rs.slice(j - k, j).join(""), j - k]);
        }
      } else if (isWord(r)) {
        while (j < rs.length && isWord(rs[j])) j++;
        out.push([rs.slice(i, j).join(""), i]);
        for (k = i + 1; k <= j && k - i <= MAXPREFIX; k++) out.push([">" + rs.slice(i, k).join(""), i]);
        if (isHan(rs[i - 1])) for (k = i + 1; k <= j && k - i <= MAXPREFIX; k++) out.push(["}" + rs.slice(i, k).join(""), i]);
        i = j - 1;
      }
    }
    return out;
  }

  // blocks fills docs[d] = {year, series, tags}, what the filters need,
  // for the documents of entries es from the files b/K of man().B
  // documents each.
  function blocks(es, docs) {
    var m = man(), ks = new Set(es.map((e) => Math.floor(e / m.S / m.B)));
    return Promise.all(Array.from(ks, (k) => load("b/" + k, true).then((a) => {
      for (var i = 0, d = k * m.B; i < a.length; d++) {
        var x = docs[d] = { year: a[i], series: a[i + 1] - 1, tags: [] }, nt = a[i + 2];
        for (i += 3; nt--;) x.tags.push(a[i++]);
      }
    })));
  }

  W.__ssMore = { pinyin: pinyin, expand: expand, suggest: suggest, highlight: highlight, nav: nav, rest: rest, matchText: matchText, tokens: tokens, blocks: blocks };
})(...window.__ssCore);
