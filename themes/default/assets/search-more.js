// studysite search, the parts no first result waits for: loaded by
// search.js on demand (expanding a result's other paragraphs, suggestions
// after no results, pinyin, terms with punctuation inside, the rest of
// long lists, filters, and the highlight on the page a result opens).
// Every string from the index or the query is inserted as text.
// search.js hands over what this file uses as window.__ssCore, a list in
// this order (assets/search/90-start.js), each under its name there
// (manifestOf is () => manifest).
((manifestOf, runPositional, load, textOf, snippet, el, docURL, normalize, fold, occurrences, parseQuery, decodeList, isHan, isWord) => {
  "use strict";
  var win = window, dom = document;

  // hitList turns a map entry → count into hits {e: entries in order, c: counts}.
  function hitList(counts) {
    var entries = Array.from(counts.keys()).sort((a, b) => a - b);
    return { e: entries, c: entries.map((entry) => counts.get(entry)) };
  }

  // expand shows a result's other paragraphs under its first hits, and
  // hides them again: a disclosure button (aria-expanded, aria-controls)
  // whose focus stays put, as screen readers expect.
  function expand(button, hitsList, doc, shownHits, meta, result) {
    var added = hitsList.querySelectorAll(".sr-hit-more");
    if (added.length) {
      var open = button.getAttribute("aria-expanded") === "true";
      added.forEach((item) => { item.hidden = open; });
      button.setAttribute("aria-expanded", String(!open));
      button.textContent = open ? "本文另有 " + added.length + " 处" : "收起其余 " + added.length + " 处";
      return Promise.resolve();
    }
    var others = doc.hits.slice(shownHits);
    button.disabled = true;
    return Promise.all(others.map((hit) => textOf(hit.e))).then((rows) => {
      rows.forEach((row, k) => {
        var item = el("li", "sr-hit sr-hit-more"), link = el("a", "sr-link");
        link.href = docURL(meta, row[0], result.q);
        if (row[1]) link.append(el("span", "sr-path", row[1]));
        link.append(snippet(row, others[k], result.terms));
        item.append(link);
        hitsList.append(item);
      });
      button.disabled = false;
      button.setAttribute("aria-expanded", "true");
      button.textContent = "收起其余 " + others.length + " 处";
    }, () => { button.disabled = false; });
  }

  // suggest offers the glossary terms and headings closest to the query,
  // by shared characters and bigrams; a long heading (a sentence) is no
  // suggestion.
  function suggest(query, list, current, pick) {
    return closest(query).then((words) => {
      if (!current() || !words.length) return;
      var item = el("li", "sr-suggest", "试试："), links = el("span", "");
      words.forEach((word) => {
        var link = el("a", "sr-suggest-term", word);
        link.href = "?q=" + encodeURIComponent(word);
        link.addEventListener("click", (ev) => { ev.preventDefault(); pick(word); });
        links.append(link, " ");
      });
      item.append(links); list.append(item);
    });
  }
  // closest scores each word of the vocabulary by the query's characters
  // (1) and bigrams (2) it shares, over the root of its length, and gives
  // the best five.
  function closest(query) {
    return load("vocab", true).then((vocabulary) => {
      var chars = normalize(query), grams = {};
      chars.forEach((ch, i) => { grams[ch] = 1; if (i + 1 < chars.length) grams[ch + chars[i + 1]] = 2; });
      return vocabulary.filter((word) => Array.from(word).length <= 12 && !/[，。；：！？,;:!?]/.test(word)).map((word) => {
        var wordChars = normalize(word), score = 0;
        wordChars.forEach((ch, i) => { score += grams[ch] || 0; if (i + 1 < wordChars.length) score += grams[ch + wordChars[i + 1]] || 0; });
        return [score / Math.sqrt(wordChars.length + 1), word];
      }).filter((scored) => scored[0] > 0).sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1)).slice(0, 5).map((scored) => scored[1]);
    });
  }

  // highlight marks every occurrence of the query's terms in the document
  // (as the index finds them: letters folded, words from their start),
  // and offers previous, next and clear in a bar that keyboard and
  // screen-reader users reach like any other control.
  function highlight(query) {
    var body = dom.querySelector(".doc-body") || dom.querySelector("main");
    if (!body) return;
    var terms = parseQuery(query).map((term) => Array.from(term[0])).filter((term) => term.length);
    var walker = dom.createTreeWalker(body, NodeFilter.SHOW_TEXT), nodes = [], node, marks = [];
    while ((node = walker.nextNode())) if (node.nodeValue.trim()) nodes.push(node);
    nodes.forEach((textNode) => {
      var shown = Array.from(textNode.nodeValue), folded = shown.map(fold), spans = [];
      terms.forEach((term) => { occurrences(folded, term).forEach((at) => { spans.push([at, at + term.length]); }); });
      if (!spans.length) return;
      spans.sort((a, b) => a[0] - b[0]);
      var fragment = dom.createDocumentFragment(), done = 0;
      spans.forEach((span) => {
        if (span[0] < done) return; // overlapping terms: the first wins
        if (span[0] > done) fragment.append(shown.slice(done, span[0]).join(""));
        var mark = el("mark", "hl", shown.slice(span[0], span[1]).join(""));
        fragment.append(mark); marks.push(mark); done = span[1];
      });
      if (done < shown.length) fragment.append(shown.slice(done).join(""));
      textNode.replaceWith(fragment);
    });
    if (!marks.length) return;
    var bar = el("div", "hl-bar"), position = el("span", "hl-pos"), current = -1;
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "搜索词高亮");
    position.setAttribute("aria-live", "polite");
    function button(label, onClick) { var control = el("button", "", label); control.type = "button"; control.addEventListener("click", onClick); bar.append(control); return control; }
    function go(k) {
      if (current >= 0) marks[current].classList.remove("hl-cur");
      current = (k + marks.length) % marks.length;
      marks[current].classList.add("hl-cur");
      marks[current].scrollIntoView({ block: "center" });
      position.textContent = "“" + query + "” 第 " + (current + 1) + " / " + marks.length + " 处";
    }
    bar.append(position);
    button("上一处", () => go(current - 1));
    button("下一处", () => go(current + 1));
    button("清除高亮", () => {
      marks.forEach((mark) => { mark.replaceWith(mark.textContent); });
      body.normalize();
      bar.remove();
      var url = new URL(location.href);
      url.searchParams.delete("hl");
      try { history.replaceState(null, "", url.href); } catch (err) { /* file:// in some browsers */ }
    });
    body.before(bar);
    // start at the paragraph the result linked to
    var target = location.hash && dom.getElementById(decodeURIComponent(location.hash.slice(1))), first = 0;
    if (target) marks.some((mark, k) => target.contains(mark) && ((first = k), true));
    current = -1;
    marks[first].classList.add("hl-cur");
    current = first;
    position.textContent = "“" + query + "” 第 " + (current + 1) + " / " + marks.length + " 处";
  }

  // nav moves through a result list's links with the arrows; Escape
  // goes back to the box.
  function nav(ev, input, list) {
    var links = Array.from(list.querySelectorAll("a")), current = links.indexOf(dom.activeElement);
    if (ev.key === "ArrowDown" && current < links.length - 1) { ev.preventDefault(); links[current + 1].focus(); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); (links[current - 1] || input).focus(); }
    else if (ev.key === "Escape") input.focus();
  }

  // pinyin alternatives for a word of letters: initials (csj) and every
  // split into syllables that occur in titles and headings (changsanjiao;
  // one syllable when it has three letters or more, as shang: two-letter
  // words such as ai are left to the word index).
  function pinyinPlans(word) {
    var plans = [], splits = [], syllables = manifestOf().syls;
    if (word.length <= 8) plans.push(Array.from(word, (letter, i) => ["^" + letter, i]));
    (function split(at, taken) {
      if (splits.length >= 8) return;
      if (at === word.length) { splits.push(taken.slice()); return; }
      for (var size = Math.min(6, word.length - at); size >= 1; size--) {
        var syllable = word.substr(at, size);
        if (syllables[syllable]) { taken.push(syllable); split(at + size, taken); taken.pop(); }
      }
    })(0, []);
    splits.forEach((found) => { if (found.length > 1 || word.length > 2) plans.push(found.map((syllable, i) => ["~" + syllable, i])); });
    return plans;
  }
  // pinyin adds the pinyin readings of word to its hits as a word
  // (the promise asWord): hits {e, c, r}, where r[i] lists the [start,
  // length] of pinyin matches in entry e[i]. get loads whole lists.
  function pinyin(word, asWord, get) {
    var plans = pinyinPlans(word);
    return Promise.all([asWord].concat(plans.map((plan) => runPositional(plan, get)))).then((found) => {
      if (found.length === 1) return found[0];
      var counts = new Map(), ranges = new Map(), out;
      found[0].e.forEach((entry, i) => { counts.set(entry, found[0].c[i]); });
      found.slice(1).forEach((startsByEntry, i) => {
        var length = plans[i].length;
        startsByEntry.forEach((starts, entry) => {
          ranges.set(entry, (ranges.get(entry) || []).concat(starts.map((start) => [start, length])));
          counts.set(entry, Math.max(counts.get(entry) || 0, starts.length));
        });
      });
      out = hitList(counts);
      out.r = out.e.map((entry) => ranges.get(entry));
      return out;
    });
  }

  // rest completes list, the first part of token's postings, with its
  // rest files (generator/search/split.go): r/<FNV-1a 64 of token>-<k>,
  // each the length of its entry stream, the entry stream (documents
  // k·W onwards, the first as a gap from 0) and the position stream. The
  // parts hold different documents, so merging them by entry keeps every
  // entry's positions with it.
  var utf8Encoder = new TextEncoder();
  function tokenHash(token) {
    var hash = 0xcbf29ce484222325n;
    utf8Encoder.encode(token).forEach((byte) => { hash = (hash ^ BigInt(byte)) * 0x100000001b3n & 0xffffffffffffffffn; });
    return hash.toString(16).padStart(16, "0");
  }
  function rest(list, token, withPositions) {
    var name = "r/" + tokenHash(token) + "-";
    return Promise.all(list.t.ks.map((k) => load(name + k))).then((files) => {
      var out = { e: [], c: [], o: [], p: [], ds: list.ds, t: list.t, full: 1 };
      [list].concat(files.map((bytes) => {
        // the entry stream's length: a varint (see uvarint in 30-postings.js)
        var entriesSize = 0, scale = 1, at = 0, next;
        do { next = bytes[at++]; entriesSize += (next & 127) * scale; scale *= 128; } while (next > 127);
        return decodeList(bytes, at, entriesSize, at + entriesSize, withPositions);
      })).forEach((part) => {
        part.ds.forEach((rank, doc) => { out.ds.set(doc, rank); });
        part.e.forEach((entry, i) => { out.e.push(entry); out.c.push(part.c[i]); out.o.push([part, i]); });
      });
      // the entries in order, each with its positions
      var order = out.e.map((_, i) => i).sort((a, b) => out.e[a] - out.e[b]), entries = [], counts = [], offsets = [], positions = [];
      order.forEach((i) => {
        var part = out.o[i][0], j = out.o[i][1];
        entries.push(out.e[i]); counts.push(out.c[i]);
        if (withPositions) { offsets.push(positions.length); for (var k = 0; k < part.c[j]; k++) positions.push(part.p[part.o[j] + k]); }
      });
      out.e = entries; out.c = counts; out.o = offsets; out.p = positions;
      return out;
    });
  }

  // matchText finds a term with punctuation inside (chars, planned as
  // pieces): the index gives the entries that hold its pieces, and their
  // text decides (search.js's match, 45-match.js, does the rest from the
  // index alone).
  function matchText(chars, pieces, get) {
    return Promise.all([
      pieces.at.length ? runPositional(pieces.at, get) : null,
      Promise.all(pieces.within.map((token) => get(token, false)))
    ]).then((found) => {
      var candidates = found[0], counts = null;
      found[1].forEach((list) => {
        var seen = new Map();
        for (var i = 0; i < list.e.length; i++) {
          if (candidates && !candidates.has(list.e[i])) continue;
          if (!candidates && counts && !counts.has(list.e[i])) continue;
          seen.set(list.e[i], list.c[i]);
        }
        counts = seen;
      });
      var out = new Map();
      if (!candidates) {
        candidates = new Map(); counts.forEach((_, entry) => { candidates.set(entry, null); });
      } else if (counts) {
        candidates.forEach((_, entry) => { if (!counts.has(entry)) candidates.delete(entry); });
      }
      var entries = Array.from(candidates.keys());
      return Promise.all(entries.map(textOf)).then((rows) => {
        rows.forEach((row, i) => {
          var at = occurrences(normalize(row[2]), chars);
          if (at.length) out.set(entries[i], at.length);
        });
        return hitList(out);
      });
    });
  }

  // tokens is the tokeniser of the shared specification
  // (generator/search/tokenize.go), which the index is built with; it is
  // here for the tests on testdata/tokens.json.
  var GRAM = 4, MAXPREFIX = 16;
  function tokens(text) {
    var chars = normalize(text), out = [];
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i];
      var j = i, k, n;
      if (isHan(ch)) {
        for (j = i + 1; j <= i + GRAM && j <= chars.length && isHan(chars[j - 1]); j++) out.push([chars.slice(i, j).join(""), i]);
        if (!isHan(chars[i - 1])) {
          // boundary tokens where a Han run meets a word
          for (j = i; isHan(chars[j]);) j++;
          n = Math.min(GRAM - 1, j - i);
          if (isWord(chars[i - 1])) for (k = 1; k <= n; k++) out.push(["<" + chars.slice(i, i + k).join(""), i]);
          if (isWord(chars[j])) for (k = 1; k <= n; k++) out.push(["$" + chars.slice(j - k, j).join(""), j - k]);
        }
      } else if (isWord(ch)) {
        while (j < chars.length && isWord(chars[j])) j++;
        out.push([chars.slice(i, j).join(""), i]);
        for (k = i + 1; k <= j && k - i <= MAXPREFIX; k++) out.push([">" + chars.slice(i, k).join(""), i]);
        if (isHan(chars[i - 1])) for (k = i + 1; k <= j && k - i <= MAXPREFIX; k++) out.push(["}" + chars.slice(i, k).join(""), i]);
        i = j - 1;
      }
    }
    return out;
  }

  // blocks fills docFacets[d] = {year, series, tags}, what the filters
  // need, for the documents of entries from the files b/K of manifest.B
  // documents each.
  function blocks(entries, docFacets) {
    var manifest = manifestOf(), files = new Set(entries.map((entry) => Math.floor(entry / manifest.S / manifest.B)));
    return Promise.all(Array.from(files, (file) => load("b/" + file, true).then((numbers) => {
      for (var i = 0, doc = file * manifest.B; i < numbers.length; doc++) {
        var facets = docFacets[doc] = { year: numbers[i], series: numbers[i + 1] - 1, tags: [] }, tagCount = numbers[i + 2];
        for (i += 3; tagCount--;) facets.tags.push(numbers[i++]);
      }
    })));
  }

  win.__ssMore = { pinyin: pinyin, expand: expand, suggest: suggest, highlight: highlight, nav: nav, rest: rest, matchText: matchText, tokens: tokens, blocks: blocks };
})(...window.__ssCore);
