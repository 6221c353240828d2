// studysite search: loads the index written by generator/search with
// <script> tags (never fetch/XHR), so it works from file://, under any
// subpath and over HTTP. Tokenisation follows the one specification in
// generator/search/tokenize.go; both are tested on testdata/tokens.json.
// Every string from the index or the query is inserted as text.
(() => {
  "use strict";
  var W = window, D = document;
  var me = D.currentScript;
  var root = me ? me.src.replace(/assets\/[^\/]*$/, "") : "";
  var IDX = root + "search/";
  var MAXPREFIX = 16, GRAM = 4, SP = " \t\n\r\f\v\u00a0\u3000";
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
  W.__ssTok = { display: display, normalize: (s) => normalize(s).join(""), more: () => extra(), parseQuery: parseQuery, shardOf: shardOf, plan: (s) => plan(Array.from(s)) };

  // ---- index loading ----
  // Every index file is one call __ss(name, size, payload): raw DEFLATE of
  // size bytes in base85 (generator/search/payload.go).
  var man = null, loads = {}, raw = {}, tabs = {}, decoders = {}, decoded = {}, wt = new Map();
  W.__ss = (name, n, z) => { raw[name] = [n, z]; };
  // b85 reads generator/search's base85: 5 digits ('#'…'w', '~' for
  // '\\') per 4 bytes, a last group of k digits giving k-1 bytes.
  function b85(s) {
    var n = s.length, out = new Uint8Array(Math.floor(n / 5) * 4 + (n % 5 && n % 5 - 1)), o = 0, i, k, v;
    for (i = 0; i < n; i += 5) {
      for (v = 0, k = 0; k < 5; k++) { var c = s.charCodeAt(i + k); v = v * 85 + (c ? (c === 126 ? 92 : c) - 35 : 84); }
      for (k = 24; k >= 0 && o < out.length; k -= 8) out[o++] = v >>> k; // a Uint8Array keeps the low byte
    }
    return out;
  }
  // inflate decodes raw DEFLATE (RFC 1951) of n bytes. In JS, not
  // DecompressionStream: that costs milliseconds a call, and a query
  // inflates several small files.
  var LB = [], LE = [], DB = [], DE = [], CLO = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
  ((i, b, e) => {
    for (i = 0, b = 3; i < 29; i++) { e = i < 8 || i > 27 ? 0 : (i >> 2) - 1; LB[i] = i > 27 ? 258 : b; LE[i] = e; b += 1 << e; }
    for (i = 0, b = 1; i < 30; i++) { e = i < 4 ? 0 : (i >> 1) - 1; DB[i] = b; DE[i] = e; b += 1 << e; }
  })();
  // huff makes the decoding table of a canonical Huffman code from its
  // code lengths: entry (the next max bits, least significant first) =
  // symbol << 4 | code length.
  function huff(lens) {
    var max = 0, cnt = new Uint16Array(16), next = new Uint16Array(16), j, k, code = 0;
    for (j = 0; j < lens.length; j++) { cnt[lens[j]]++; max = Math.max(max, lens[j]); }
    cnt[0] = 0;
    for (j = 1; j < 16; j++) next[j] = code = (code + cnt[j - 1]) << 1;
    var tab = new Int32Array(1 << max);
    for (j = 0; j < lens.length; j++) {
      var L = lens[j], c = next[L]++, r = 0;
      if (!L) continue;
      for (k = 0; k < L; k++) { r = r << 1 | c & 1; c >>= 1; }
      for (k = r; k < tab.length; k += 1 << L) tab[k] = j << 4 | L;
    }
    return [tab, max];
  }
  var fixed;
  function bad() { throw new Error("bad index data"); }
  // A preset dictionary (the index file "d" for text files) stands
  // before the output, where back-references can reach it.
  function inflate(src, n, dict) {
    var pre = dict ? dict.length : 0, out = new Uint8Array(pre + n), op = pre, ip = 0, bb = 0, bc = 0, last, type, i, k;
    if (dict) out.set(dict);
    function bits(m) {
      while (bc < m) { more(); bb |= src[ip++] << bc; bc += 8; }
      var v = bb & ((1 << m) - 1);
      bb >>>= m; bc -= m;
      return v;
    }
    // more stops a read past the end of damaged data (zeros would loop)
    function more() { if (ip > src.length + 4) bad(); }
    function sym(h) {
      while (bc < h[1]) { more(); bb |= src[ip++] << bc; bc += 8; }
      var e = h[0][bb & ((1 << h[1]) - 1)];
      if (!(e & 15)) bad();
      bb >>>= e & 15; bc -= e & 15;
      return e >> 4;
    }
    do {
      last = bits(1); type = bits(2);
      if (type === 0) {
        // a stored block starts at the next byte: drop the partial byte,
        // and give back whole bytes sym() read ahead
        ip -= bc >> 3; bb = bc = 0;
        k = src[ip] | src[ip + 1] << 8; ip += 4;
        if (ip + k > src.length) bad();
        out.set(src.subarray(ip, ip + k), op); ip += k; op += k;
        continue;
      }
      var lit, dist, lens = [];
      if (type === 1) {
        if (!fixed) {
          for (i = 0; i < 288; i++) lens[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
          fixed = [huff(lens), huff(new Array(30).fill(5))];
        }
        lit = fixed[0]; dist = fixed[1];
      } else {
        var nl = bits(5) + 257, nd = bits(5) + 1, nc = bits(4) + 4, cl = new Array(19).fill(0);
        for (i = 0; i < nc; i++) cl[CLO[i]] = bits(3);
        var ch = huff(cl);
        while (lens.length < nl + nd) {
          var s = sym(ch);
          if (s < 16) lens.push(s);
          else {
            var rep = s === 16 ? 3 + bits(2) : s === 17 ? 3 + bits(3) : 11 + bits(7), v = s === 16 ? lens[lens.length - 1] : 0;
            while (rep--) lens.push(v);
          }
        }
        lit = huff(lens.slice(0, nl));
        dist = huff(lens.slice(nl));
      }
      for (;;) {
        var x = sym(lit);
        if (x < 256) out[op++] = x;
        else if (x === 256) break;
        else {
          x -= 257;
          var len = LB[x] + bits(LE[x]), d = sym(dist), back = op - DB[d] - bits(DE[d]);
          while (len--) out[op++] = out[back++];
        }
      }
    } while (!last);
    return out.subarray(pre);
  }
  // text reads JSON stored as GB18030 ('g') or UTF-8 ('u').
  function text(u) {
    var k = u[0] === 103 ? "gb18030" : "utf-8";
    decoders[k] = decoders[k] || new TextDecoder(k);
    return JSON.parse(decoders[k].decode(u.subarray(1)));
  }
  function load(name, isText) {
    if (!loads[name]) loads[name] = new Promise((res, rej) => {
      var el = D.createElement("script");
      el.src = IDX + name + ".js" + (man ? "?v=" + man.h : "");
      el.onload = () => { el.remove(); res(); };
      el.onerror = () => { el.remove(); delete loads[name]; rej(new Error("cannot load " + el.src)); };
      D.head.append(el);
    }).then(() => isText && man && man.D ? load("d") : null).then((dict) => {
      var z = raw[name];
      delete raw[name];
      if (z === undefined) throw new Error("cannot read " + IDX + name);
      var u = inflate(b85(z[1]), z[0], dict);
      return isText ? text(u) : u;
    }).catch((e) => { delete loads[name]; delete raw[name]; throw e; }); // a later call retries
    return loads[name];
  }
  // vint reads an unsigned varint (encoding/binary's Uvarint) of u at vp,
  // and moves vp past it.
  var vp = 0;
  function vint(u) {
    var v = 0, m = 1, b;
    do { b = u[vp++]; v += (b & 127) * m; m *= 128; } while (b > 127);
    return v;
  }
  var utf8 = new TextDecoder();
  // shard reads shard sh's table: token → {u, e, el, p: where its first
  // part's streams are, df, ne: documents and entries in all, R: rest
  // files, and with them bs, bd: the best class and document left out,
  // cl: log2 of the documents per rest file, ks: the rest files' numbers}
  // (generator/search/files.go).
  function shard(sh) {
    return load("s/" + sh).then((u) => {
      if (tabs[sh]) return tabs[sh];
      vp = 0;
      var n = vint(u), list = [], tab = {}, k, i;
      for (k = 0; k < n; k++) {
        var l = vint(u), x = { u: u, tok: utf8.decode(u.subarray(vp, vp += l)), df: vint(u), ne: vint(u), el: vint(u), pl: vint(u), R: vint(u), ks: [] };
        if (x.R) for (x.bs = vint(u), x.bd = vint(u), x.cl = vint(u), i = 0, l = 0; i < x.R; i++) x.ks.push(l += vint(u));
        list.push(x);
      }
      var e = vp, p = e;
      list.forEach((x) => { p += x.el; });
      list.forEach((x) => { x.e = e; x.p = p; tab[x.tok] = x; e += x.el; p += x.pl; });
      return (tabs[sh] = tab);
    });
  }
  // postings reads tok's postings: the first part (see
  // generator/search/split.go), or with full the whole list (its rest
  // from search-more.js). A list holds its entries e[i] (document ×
  // man.S + the entry's number in it) in order, their counts c[i] and,
  // when asked for, positions p[o[i]] … p[o[i]+c[i]-1]; ds maps each of
  // its documents to its class (its best entry's weight); t is the
  // token's table row; full says
  // whether it is the whole list.
  function postings(tok, withPos, full) {
    var key = (withPos ? "+" : "-") + (full ? "!" : "") + tok;
    return decoded[key] || (decoded[key] = shard(shardOf(tok, man.shards)).then((tab) => {
      var t = tab[tok], L = decodeList(t && t.u, t ? t.e : 0, t ? t.el : 0, t && t.p, withPos);
      L.t = t; L.full = !t || !t.R;
      return full && !L.full ? extra().then((m) => m.rest(L, tok, withPos)) : L;
    }).catch((e) => { delete decoded[key]; throw e; }));
  }
  // decodeList reads el bytes of document groups from u at at (positions
  // from pp); each entry's weight for ranking goes into wt.
  function decodeList(u, at, el, pp, withPos) {
    var L = { e: [], c: [], o: [], p: [], ds: new Map() }, d = 0, end = at + el, k, j, q;
    for (vp = at; vp < end;) {
      var v = vint(u), n = 1, h = 0, l = 0;
      d += Math.floor(v / 2);
      if (v % 2) { v = vint(u); n = Math.floor(v / 2) + 1; h = v % 2 ? vint(u) + 1 : 0; }
      for (k = 0; k < n; k++) {
        var x = vint(u), cnt = x % 2 ? vint(u) + 2 : 1, key, w;
        l += Math.floor(x / 2);
        key = d * man.S + l; w = l ? k < h ? 20 : 1 : 100;
        wt.set(key, w);
        if (!k) L.ds.set(d, w);
        L.e.push(key); L.c.push(cnt);
        if (withPos) {
          L.o.push(L.p.length);
          var save = vp;
          for (vp = pp, j = 0, q = 0; j < cnt; j++) L.p.push(q += vint(u));
          pp = vp; vp = save;
        }
      }
    }
    return L;
  }
  // docs[d] = {year, series, tags}: the numbers filters need, which
  // search-more.js loads (blocks) when a search is filtered.
  var docs = [];
  function ready() {
    return load("manifest", true).then((m) => {
      if (man) return;
      man = m;
      if (m.D) load("d").catch(() => {}); // text files need it: fetch it now (they report a failure)
      man.syls = {};
      m.syl.split(" ").forEach((s) => { if (s) man.syls[s] = 1; });
    });
  }
  function textOf(e) {
    var d = Math.floor(e / man.S), l = e - d * man.S, k = Math.floor(l / man.E);
    return load("t/" + d + "-" + k, true).then((rows) => rows[l - k * man.E]);
  }
  function metaOf(d) {
    var k = Math.floor(d / man.M);
    return load("m/" + k, true).then((rows) => rows[d - k * man.M]);
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
        if (j - i < GRAM && isWord(t[i - 1])) at.push(["<" + t.slice(i, j).join(""), i]);
        else if (j - i < GRAM && isWord(t[j])) at.push(["$" + t.slice(i, j).join(""), i]);
        else if (j - i < GRAM) within.push(t.slice(i, j).join(""));
        else {
          for (var k = i; k + GRAM <= j; k += GRAM) at.push([t.slice(k, k + GRAM).join(""), k]);
          if ((j - i) % GRAM) at.push([t.slice(j - GRAM, j).join(""), j - GRAM]);
        }
        pieces++; i = j;
      } else if (isWord(t[i])) {
        while (j < t.length && isWord(t[j])) j++;
        var w = t.slice(i, j).join("");
        if (j < t.length) at.push([w, i]);
        else {
          if (w.length > MAXPREFIX) { w = w.slice(0, MAXPREFIX); simple = false; }
          if (isHan(t[i - 1])) at.push(["}" + w, i]); else within.push(">" + w);
        }
        pieces++; i = j;
      } else { simple = false; i++; }
    }
    return { at: at, within: within, exact: simple && (pieces === 1 || !within.length) };
  }
  // A search runs on lists through get(tok, withPos), which loads a
  // list (the first part, or the whole) and notes it in used, so that
  // search can tell which results are final (see bound).
  function getter(full, used) { return (tok, withPos) => postings(tok, withPos, full).then((L) => { used.push(L); return L; }); }
  // runPositional intersects positional tokens at offsets: entry → the
  // starts where every token sits at its offset.
  function runPositional(at, get) {
    return phrase(at, get).then((f) => {
      var out = new Map();
      f.e.forEach((e, i) => { if (!out.has(e)) out.set(e, []); out.get(e).push(f.s[i]); });
      return out;
    });
  }
  // phrase loads the tokens' lists and intersects them (rows {e, s}).
  function phrase(at, get) {
    return Promise.all(at.map((a) => get(a[0], true))).then((ls) => intersect(ls, at));
  }
  // intersect finds the starts where every list's token sits at its
  // offset, as rows {e: entries, s: starts} in order. It begins with the
  // list of fewest entries and merges the others in (all lists are in
  // entry and position order).
  function intersect(ls, at) {
    var order = at.map((_, i) => i).sort((x, y) => ls[x].e.length - ls[y].e.length || x - y);
    var L = ls[order[0]], off = at[order[0]][1], ce = [], cs = [], i, k, q;
    for (i = 0; i < L.e.length; i++) {
      for (k = 0; k < L.c[i]; k++) {
        q = L.p[L.o[i] + k];
        if (q >= off) { ce.push(L.e[i]); cs.push(q - off); }
      }
    }
    for (var x = 1; x < order.length && ce.length; x++) {
      L = ls[order[x]]; off = at[order[x]][1];
      var ne = [], ns = [], j = 0;
      for (i = 0; i < ce.length;) {
        var e = ce[i], i2 = i, cur = -1, left = 0, o = 0;
        while (j < L.e.length && L.e[j] < e) j++;
        if (L.e[j] === e) { o = L.o[j]; left = L.c[j]; }
        for (; i2 < ce.length && ce[i2] === e; i2++) {
          // this entry's starts and the list's positions are both in order
          while (cur < cs[i2] + off && left) { cur = L.p[o++]; left--; }
          if (cur === cs[i2] + off) { ne.push(e); ns.push(cs[i2]); }
        }
        i = i2;
      }
      ce = ne; cs = ns;
    }
    return { e: ce, s: cs };
  }
  // match finds a term: hits {e, c}. (Snippets find the term in the text
  // themselves; only pinyin hits carry their ranges.)
  function match(term, get) {
    var t = Array.from(term), pl = plan(t);
    if (!pl.at.length && !pl.within.length) return Promise.resolve({ e: [], c: [] });
    if (pl.exact && pl.at.length + pl.within.length === 1) {
      // one n-gram or word: its entries and counts are the answer
      return get(pl.at.length ? pl.at[0][0] : pl.within[0], false);
    }
    if (pl.exact && !pl.within.length) {
      // a phrase of 4-grams: each row found is an occurrence
      return phrase(pl.at, get).then((f) => {
        var e = [], c = [];
        f.e.forEach((x) => { if (x === e[e.length - 1]) c[c.length - 1]++; else { e.push(x); c.push(1); } });
        return { e: e, c: c };
      });
    }
    // punctuation inside: the index narrows it down, the text decides
    return extra().then((m) => m.matchText(t, pl, get));
  }
  // matchTerm finds a term: hits {e, c, r}. A word of letters is also
  // read as pinyin (search-more.js, on whole lists), where r[i] lists the
  // [start, length] of the pinyin matches in entry e[i].
  function matchTerm(term, full, used) {
    var py = !term[1] && /^[a-z]{2,}$/.test(term[0]), m = match(term[0], getter(full || py, used));
    return py ? extra().then((x) => x.pinyin(term[0], m, getter(1, used)), () => m) : m;
  }
  // search returns ranked documents: {q, terms, docs: [{d, score, hits:
  // [{e, c, r, w}]}], done}. From first parts of lists (full unset), docs
  // are the results no document left out could outrank, at least need of
  // them (else it searches whole lists), and more() gives the whole
  // ranking; done says whether docs is the whole.
  function search(q, filter, need, full) {
    var terms = parseQuery(q), used = [];
    if (!terms.length) return Promise.resolve({ q: q, terms: terms, docs: [], done: 1 });
    return ready().then(() => Promise.all(terms.map((t, i) => matchTerm(t, full, used[i] = [])))).then((ms) => Promise.resolve(filter && extra().then((m) => m.blocks(ms[0].e, docs))).then(() => {
      var res = { q: q, terms: terms, docs: rank(ms, filter), done: 1 }, b, k = 0;
      if (used.some((u) => u.some((L) => !L.full))) {
        for (b = bound(used); k < res.docs.length && (res.docs[k].score > b[0] || res.docs[k].score === b[0] && res.docs[k].d > b[1]); k++);
        if (k < (need || 1e9)) return search(q, filter, need, 1);
        res.docs.length = k; res.done = 0; res.used = used;
        res.more = () => search(q, filter, need, 1);
      }
      return res;
    }));
  }
  // bound is the best [class, document] a document not among the
  // results (left out of some first part) could rank as: for a term, no
  // better than in any of its lists, where a document left out ranks no
  // better than the list's best left out (t.bs, t.bd); for several terms,
  // no better than the best class and newest document of the terms'.
  function bound(used) {
    var seen = new Set([-1]), best = [-1, -1];
    used.forEach((u) => u.forEach((L) => L.ds.forEach((_, d) => seen.add(d))));
    seen.forEach((d) => {
      var b = [-1, -1], open = 0, none = 0;
      used.forEach((u) => {
        var m = [1e9, 1e9];
        u.forEach((L) => {
          var s = L.ds.has(d) ? [L.ds.get(d), d] : L.full ? (none = 1, m) : (open = 1, [L.t.bs, L.t.bd]);
          if (s[0] < m[0] || s[0] === m[0] && s[1] < m[1]) m = s;
        });
        b = [Math.max(b[0], m[0]), Math.max(b[1], m[1])];
      });
      if (open && !none && (b[0] > best[0] || b[0] === best[0] && b[1] > best[1])) best = b;
    });
    return best;
  }
  // prefetch loads and decodes a query's postings at the keystroke (the
  // search that follows the debounce finds them decoded), and no more: a
  // reader typing 11月28日 key by key would otherwise rank every prefix.
  function prefetch(q) { return ready().then(() => Promise.all(parseQuery(q).map((t) => matchTerm(t, 0, [])))); }
  // rank groups hits by document (hits are in entry order, and a
  // document's entries are contiguous). A document ranks by its best
  // hit's weight (wt: title 100, heading 20, paragraph 1), then newest
  // first; its hits by weight times count (up to 10), then in order.
  function rank(ms, filter) {
    var out = [], ptr = ms.map(() => 0), i = 0;
    while (i < ms[0].e.length) {
      var d = Math.floor(ms[0].e[i] / man.S), first = d * man.S, end = first + man.S, hits = [], all = true, score = 0, t, k, h;
      for (t = 0; t < ms.length; t++) {
        var m = ms[t], lo;
        for (k = ptr[t]; k < m.e.length && m.e[k] < first;) k++;
        for (lo = k; k < m.e.length && m.e[k] < end; k++) hits.push({ e: m.e[k], c: m.c[k], r: m.r && m.r[k] });
        ptr[t] = k;
        if (k === lo) all = false;
      }
      i = ptr[0];
      if (!all || (filter && !filter(docs[d]))) continue;
      if (ms.length > 1) {
        // one hit per entry: counts add up, pinyin ranges join
        hits.sort((a, b) => a.e - b.e);
        hits = hits.filter((h, k) => {
          var p = hits[k - 1];
          if (!p || p.e !== h.e) return true;
          p.c += h.c; p.r = p.r || h.r ? (p.r || []).concat(h.r || []) : null;
          hits[k] = p;
        });
      }
      for (k = 0; k < hits.length; k++) {
        h = hits[k];
        score = Math.max(score, wt.get(h.e));
        h.w = wt.get(h.e) * (h.c < 10 ? h.c : 10);
      }
      if (hits.length > 1) hits.sort((a, b) => b.w - a.w || a.e - b.e);
      out.push({ d: d, hits: hits, score: score });
    }
    return out.sort((a, b) => b.score - a.score || b.d - a.d);
  }
  W.__ssSearch = search;
  W.__ssReady = ready;
  W.__ssTok.unpack = (n, z, isText, dict) => { var u = inflate(b85(z), n, dict); return isText ? text(u) : u; };

  // ---- rendering (text only) ----
  function $(sel, from) { return (from || D).querySelector(sel); }
  function el(tag, cls, text) {
    var n = D.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;
    return n;
  }
  function snippet(row, hit, terms) {
    var n = normalize(row[2]), shown = Array.from(display(row[2]));
    var rs = (hit.r || []).slice();
    terms.forEach((t) => { occurrences(n, Array.from(t[0])).forEach((p) => { rs.push([p, Array.from(t[0]).length]); }); });
    rs.sort((a, b) => a[0] - b[0]);
    var first = rs.length ? rs[0][0] : 0, from = Math.max(0, first - 20), to = Math.min(shown.length, from + 80);
    var box = el("span", "sr-snip"), i = from;
    if (from > 0) box.append("…");
    rs.forEach((r) => {
      var a = Math.max(r[0], i), b = Math.min(r[0] + r[1], to);
      if (b <= a) return;
      if (a > i) box.append(shown.slice(i, a).join(""));
      box.append(el("mark", "", shown.slice(a, b).join("")));
      i = b;
    });
    if (i < to) box.append(shown.slice(i, to).join(""));
    if (to < shown.length) box.append("…");
    return box;
  }
  // a result's link carries the query (hl), which the page it opens
  // highlights
  function docURL(meta, anchor, q) { return root + "docs/" + encodeURIComponent(meta[1]) + "/index.html" + (q ? "?hl=" + encodeURIComponent(q) : "") + (anchor ? "#" + anchor : ""); }
  function cnDate(d) { return d.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日"); }
  // renderDocs shows count documents from from; each with perDoc hits, or
  // (perDoc 0) two for the first three results and one after, which keeps
  // the text a first query loads small.
  function renderDocs(list, res, from, count, perDoc) {
    var page = res.docs.slice(from, from + count);
    // a document whose title matches shows its best paragraphs as well
    function nHits(i) { var x = page[i]; return (perDoc || (from + i < 3 ? 2 : 1)) + (x.hits[0].e === x.d * man.S && x.hits.length > 1 ? 1 : 0); }
    return Promise.all(page.map((x, i) => {
      // a title hit's text is the title, in the metadata
      var hs = x.hits.slice(0, nHits(i));
      return Promise.all([metaOf(x.d)].concat(hs.map((h) => h.e !== x.d * man.S && textOf(h.e))));
    })).then((all) => {
      all.forEach((rows, i) => {
        var x = page[i], meta = rows[0], li = el("li", "sr-item"), per = nHits(i);
        var head = el("div", "sr-head");
        var a = el("a", "sr-title", meta[0]);
        a.href = docURL(meta, "", res.q);
        head.append(a);
        if (meta[2]) { var tm = el("time", "sr-date", cnDate(meta[2])); tm.setAttribute("datetime", meta[2]); head.append(tm); }
        li.append(head);
        var ol = el("ol", "sr-hits");
        x.hits.slice(0, per).forEach((h, k) => {
          var row = rows[k + 1] || ["", "", meta[0]], hl = el("li", "sr-hit"), ha = el("a", "sr-link");
          ha.href = docURL(meta, row[0], res.q);
          if (row[1]) ha.append(el("span", "sr-path", row[1]));
          ha.append(snippet(row, h, res.terms));
          hl.append(ha);
          ol.append(hl);
        });
        li.append(ol);
        if (x.hits.length > per) {
          // expands to the other paragraphs (search-more.js, on demand)
          var ob = el("button", "sr-others", "本文另有 " + (x.hits.length - per) + " 处");
          ob.type = "button"; ob.setAttribute("aria-expanded", "false");
          ob.addEventListener("click", () => { extra().then((m) => m.expand(ob, ol, x, per, meta, res)); });
          li.append(ob);
        }
        list.append(li);
      });
    });
  }
  // typed runs f 150 ms after the last keystroke, and prefetches the
  // query's postings at once.
  // Letters an input method is still composing (csj before 长三角 is
  // chosen) are not the query: the search starts from what it commits.
  function typed(input, f, prefetch) {
    var t, go = (e) => {
      if (e.isComposing) return;
      clearTimeout(t); t = setTimeout(f, 150);
      if (input.value.trim()) prefetch(input.value).catch(() => {});
    };
    input.addEventListener("input", go);
    // (no oncompositionend property: composition events have no handler attribute)
    input.addEventListener("compositionend", go);
  }
  // extra loads search-more.js (expanding results, suggestions, the
  // highlight on the page a result opens) when first needed.
  var more$;
  function extra() {
    return more$ || (more$ = new Promise((res, rej) => {
      var s = D.createElement("script");
      s.src = me.getAttribute("data-more");
      s.onload = () => res(W.__ssMore);
      s.onerror = () => { more$ = null; rej(new Error("cannot load " + s.src)); };
      D.head.append(s);
    }));
  }
  function keyNav(input, list) {
    input.addEventListener("keydown", (ev) => {
      var a = $("a", list);
      if (ev.key === "ArrowDown" && a) { ev.preventDefault(); a.focus(); }
    });
    // the arrows within the list: search-more.js, which loads once
    // results are drawn (see drawn)
    list.addEventListener("keydown", (ev) => { if (W.__ssMore) W.__ssMore.nav(ev, input, list); });
  }
  function drawn(list) {
    list.setAttribute("data-ready", "1");
    (W.requestIdleCallback || setTimeout)(() => extra().catch(() => {}));
  }

  // ---- the search page ----
  function pageApp(app) {
    var input = $("#search-page-input", app), status = $(".search-status", app);
    var list = $(".search-results", app), filters = $(".search-filters", app);
    var all = $(".search-all"), fTag = $(".sr-filter-tag", filters), fYear = $(".sr-filter-year", filters), seq = 0, shown = 0, last = null;
    // The filters come with the page (generator/render/search.go), valued
    // "t:<tag>", "s:<series>" and a year.
    ready().then(() => {
      filters.hidden = false;
      filters.addEventListener("change", run);
      if (input.value) run();
    }).catch((e) => { status.textContent = "索引无法加载：" + e.message; });
    function filter(d) {
      var t = fTag ? fTag.value : "", y = fYear.value, v = t.slice(2);
      return !(y && String(d.year) !== y) &&
        !(t[0] === "t" && !d.tags.some((k) => man.tags[k] === v)) &&
        !(t[0] === "s" && man.series[d.series] !== v);
    }
    function run() {
      var q = input.value, my = ++seq;
      list.removeAttribute("data-ready"); list.removeAttribute("data-all");
      var u = new URL(location.href);
      if (q) u.searchParams.set("q", q); else u.searchParams.delete("q");
      try { history.replaceState(null, "", u.href); } catch (e) { /* file:// in some browsers */ }
      if (!q.trim()) { list.hidden = true; if (all) all.hidden = false; status.textContent = ""; return; }
      status.textContent = "搜索中……";
      search(q, filter, 10).then((res) => {
        if (my !== seq) return;
        last = res; list.textContent = ""; shown = 0;
        if (all) all.hidden = true;
        list.hidden = false;
        if (!res.docs.length) {
          // the status comes last, once the suggestions are in place
          return extra().then((m) => m.suggest(q, list, () => my === seq, (w) => { input.value = w; run(); })).catch(() => {}).then(() => {
            if (my === seq) status.textContent = "没有找到“" + q + "”。";
          });
        }
        // the first results come from the lists' first parts; the rest of
        // the lists loads once they are drawn when the count is not yet
        // exact, else (one word: hundreds of KB in a large library) when
        // the reader asks for more than the first parts hold
        var exact = count(res);
        return more().then(() => exact || res.done || res.more().then((all) => {
          if (my === seq) { last = all; count(all); moreButton(); }
        })).then(() => { if (my === seq && last.done) list.dataset.all = 1; });
      }).catch((e) => { if (my === seq) status.textContent = "搜索出错：" + e.message; });
    }
    // count says how many documents and hits there are: exact for a
    // whole ranking, and for one token unfiltered (its table row counts
    // them); otherwise at least those found so far.
    function count(res) {
      var n = 0, u = res.used, t = !res.done && !u[1] && !u[0][1] && !(fTag && fTag.value) && !fYear.value && u[0][0].t;
      res.docs.forEach((x) => { n += x.hits.length; });
      status.textContent = res.done || t ? "找到 " + (t ? t.df : res.docs.length) + " 篇文档，" + (t ? t.ne : n) + " 处。" : "至少找到 " + res.docs.length + " 篇文档……";
      return t;
    }
    // more shows the next ten results; from the button, the keyboard
    // focus moves to the first of them (the button is gone).
    function more(ev) {
      var from = shown, n = list.children.length, my = seq; shown += 10;
      var old = $(".sr-more", list); if (old) old.remove();
      return (shown > last.docs.length && !last.done ? last.more().then((all) => { if (my === seq) { last = all; count(all); } }) : Promise.resolve()).then(() => {
        if (my !== seq) return;
        if (last.done) list.dataset.all = 1;
        return renderDocs(list, last, from, 10, 0);
      }).then(() => {
        drawn(list);
        if (ev) $("a", list.children[n - 1]).focus();
        moreButton();
      });
    }
    function moreButton() {
      if ((shown < last.docs.length || !last.done) && !$(".sr-more", list)) {
        var li = el("li", "sr-more"), b = el("button", "", "显示更多结果");
        b.type = "button"; b.addEventListener("click", more); li.append(b); list.append(li);
      }
    }
    var q = new URLSearchParams(location.search).get("q");
    if (q) input.value = q;
    typed(input, run, prefetch);
    $("form", app).addEventListener("submit", (ev) => { ev.preventDefault(); run(); });
    keyNav(input, list);
  }

  // ---- the header box on every page ----
  function headerBox(form) {
    var input = $("input", form), drop = el("ol", "search-drop"), seq = 0;
    drop.hidden = true; drop.id = "search-drop";
    input.setAttribute("aria-controls", "search-drop");
    form.append(drop);
    // the manifest loads while the reader types
    input.addEventListener("focus", () => ready().catch(() => {}));
    function run() {
      var q = input.value, my = ++seq;
      drop.removeAttribute("data-ready");
      if (!q.trim()) { drop.hidden = true; return; }
      if (drop.hidden) { drop.textContent = ""; drop.append(el("li", "sr-none", "搜索中……")); drop.hidden = false; }
      search(q, null, 8).then((res) => {
        if (my !== seq) return;
        drop.textContent = "";
        if (!res.docs.length) { drop.append(el("li", "sr-none", "没有找到结果")); drop.hidden = false; drawn(drop); return; }
        return renderDocs(drop, res, 0, 8, 1).then(() => { if (my === seq) { drop.hidden = false; drawn(drop); } });
      }).catch(() => { drop.hidden = true; });
    }
    typed(input, run, prefetch);
    keyNav(input, drop);
    D.addEventListener("click", (ev) => { if (!form.contains(ev.target)) drop.hidden = true; });
  }

  D.addEventListener("keydown", (ev) => {
    var t = ev.target, tag = t && t.tagName;
    if (ev.key !== "/" || /^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (t && t.isContentEditable)) return;
    var box = D.getElementById("search-page-input") || D.getElementById("search-input");
    if (box) { ev.preventDefault(); box.focus(); }
  });
  var app = D.getElementById("search-app");
  if (app) pageApp(app);
  var hf = $(".site-header .search-form");
  if (hf && !app) headerBox(hf);
  // the page a result opened: highlight the query's occurrences
  var hl = new URLSearchParams(location.search).get("hl");
  if (hl && !app) extra().then((m) => m.highlight(hl)).catch(() => {});
  // what search-more.js uses, in an order it knows (names would cost
  // bytes in the script every page loads)
  W.__ssCore = [() => man, runPositional, load, textOf, snippet, el, docURL, normalize, fold, occurrences, parseQuery, decodeList, isHan, isWord];
})();
