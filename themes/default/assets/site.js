// studysite default theme: small progressive enhancements. Every page is
// complete without this script; it adds the reading controls, highlights
// the cited paragraph and keeps the table of contents open on wide screens.
(function () {
  "use strict";
  var root = document.documentElement;
  var store = {
    get: function (k) { try { return localStorage.getItem("studysite." + k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem("studysite." + k, v); } catch (e) { /* private mode */ } }
  };

  // 字号 control: 小/中/大, remembered across pages and visits.
  var sizes = document.querySelectorAll("button.fs");
  function showSize(fs) {
    for (var i = 0; i < sizes.length; i++) {
      sizes[i].setAttribute("aria-pressed", String(sizes[i].getAttribute("data-fs") === fs));
    }
  }
  function setSize(fs) {
    if (fs === "m") root.removeAttribute("data-fs"); else root.setAttribute("data-fs", fs);
    store.set("fs", fs);
    showSize(fs);
  }
  for (var i = 0; i < sizes.length; i++) {
    sizes[i].addEventListener("click", function () { setSize(this.getAttribute("data-fs")); });
  }
  showSize(root.getAttribute("data-fs") || "m");

  // Colour scheme: follows the system until the reader picks one.
  var scheme = document.querySelector("button.scheme");
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function effective() {
    var s = root.getAttribute("data-scheme");
    if (s) return s;
    return dark && dark.matches ? "dark" : "light";
  }
  function showScheme() {
    if (!scheme) return;
    var next = effective() === "dark" ? "浅色" : "深色";
    scheme.setAttribute("aria-label", "切换到" + next + "配色");
    scheme.title = "切换到" + next + "配色";
  }
  if (scheme) {
    scheme.addEventListener("click", function () {
      var s = effective() === "dark" ? "light" : "dark";
      root.setAttribute("data-scheme", s);
      store.set("scheme", s);
      showScheme();
    });
    showScheme();
  }

  // Highlight the paragraph a #pN link points at, so a reader arriving from
  // a citation sees where to look.
  function mark() {
    var old = document.querySelector(".target");
    if (old) old.classList.remove("target");
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = ""; }
    var el = id && document.getElementById(id);
    if (el && el.tagName === "P") el.classList.add("target");
  }
  window.addEventListener("hashchange", mark);
  mark();

  // 引用本段: under the cited paragraph (a ¶ link was followed), a button
  // that copies the paragraph, the title, ¶N and the link, ready to paste
  // into a report. The Clipboard API needs a secure context and the
  // browser's consent; without them the citation is shown selected, for
  // Ctrl+C.
  var citeBar = null;
  // (a newline from its code, not "\n": the minifier would write a
  // template literal holding a raw line break)
  var newline = String.fromCharCode(10);
  function citation(p) {
    var copy = p.cloneNode(true), pn = copy.querySelector(".pn");
    if (pn) pn.remove();
    var title = document.querySelector(".doc-title"), date = document.querySelector(".doc-meta time");
    var n = p.id.slice(1);
    return "“" + copy.textContent.replace(/\u2060/g, "").replace(/\s+/g, " ").trim() + "”" + newline + "——《" + (title ? title.textContent : document.title).replace(/\u2060/g, "").trim() + "》" +
      (date ? "（" + date.textContent.trim() + "）" : "") + "¶" + n + "，" + location.href.split("#")[0] + "#" + p.id;
  }
  function offerCitation(p) {
    if (citeBar) citeBar.remove();
    citeBar = null;
    if (!p || !/^p\d+$/.test(p.id) || !p.closest(".doc-body")) return;
    citeBar = document.createElement("div");
    citeBar.className = "cite-bar";
    citeBar.innerHTML = '<button type="button" class="cite-btn">引用本段</button> <span class="cite-status" role="status" aria-live="polite"></span>';
    p.parentNode.insertBefore(citeBar, p.nextSibling);
    var status = citeBar.querySelector(".cite-status");
    citeBar.querySelector("button").addEventListener("click", function () {
      var text = citation(p);
      var fallback = function () {
        var old = citeBar.querySelector("textarea");
        if (old) old.remove();
        var area = document.createElement("textarea");
        area.readOnly = true;
        area.rows = 3;
        area.setAttribute("aria-label", "引用文字");
        area.value = text;
        citeBar.appendChild(area);
        area.focus();
        area.select();
        status.textContent = "已选中引用文字，按 Ctrl+C 复制";
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { status.textContent = "已复制：标题、¶" + p.id.slice(1) + "和链接"; }, fallback);
      } else {
        fallback();
      }
    });
  }
  offerCitation(document.querySelector(".doc-body p.target"));
  window.addEventListener("hashchange", function () { offerCitation(document.querySelector(".doc-body p.target")); });

  // The header box says "按 / 键" only where there is a keyboard to press
  // it on (here, not in search.js, whose bytes every first query waits for).
  var headerBox = document.getElementById("search-input");
  if (headerBox && window.matchMedia && !matchMedia("(any-pointer:fine)").matches) headerBox.placeholder = "搜索";

  // Table of contents: open as a sidebar on wide screens, folded on phones.
  var toc = document.getElementById("toc");
  if (toc && window.matchMedia) {
    var wide = window.matchMedia("(min-width: 64rem)");
    var follow = function () { toc.open = wide.matches; };
    follow();
    if (wide.addEventListener) wide.addEventListener("change", follow);
    toc.addEventListener("click", function (e) {
      if (e.target.tagName === "A" && !wide.matches) toc.open = false;
    });
  }

  // Sections fold: each entry with sub-entries gets a button (aria-expanded)
  // that shows or hides them. A long table of contents starts with its
  // sub-entries folded so the parts of the document fit on one screen; the
  // part being read unfolds as the reader reaches it. Without this script
  // every entry shows.
  var setFold = function (button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    document.getElementById(button.getAttribute("aria-controls")).hidden = !open;
  };
  var unfoldTo = function (a) {
    for (var li = a.parentNode; li && li !== toc; li = li.parentNode) {
      var b = li.tagName === "LI" && li.querySelector(":scope > .toc-fold");
      if (b && b.getAttribute("aria-expanded") !== "true") setFold(b, true);
    }
  };
  if (toc) {
    var subs = toc.querySelectorAll("li > ol");
    var folded = toc.querySelectorAll("li").length > 15;
    if (subs.length) toc.classList.add("toc-folds");
    for (var f = 0; f < subs.length; f++) {
      var item = subs[f].parentNode, fold = document.createElement("button");
      subs[f].id = "toc-sub-" + (f + 1);
      fold.type = "button";
      fold.className = "toc-fold";
      fold.setAttribute("aria-controls", subs[f].id);
      fold.setAttribute("aria-label", "展开或收起“" + item.firstElementChild.textContent + "”的小节");
      item.insertBefore(fold, item.firstChild);
      setFold(fold, !folded);
    }
    toc.addEventListener("click", function (e) {
      if (e.target.className === "toc-fold") setFold(e.target, e.target.getAttribute("aria-expanded") !== "true");
    });
  }

  // Mark the TOC entry of the section being read.
  if (toc && window.IntersectionObserver) {
    var links = {};
    var all = toc.querySelectorAll("a[href^='#']");
    for (var k = 0; k < all.length; k++) links[all[k].getAttribute("href").slice(1)] = all[k];
    var current = null;
    // The sidebar scrolls on its own (a long table of contents is taller
    // than the window): keep the current entry inside it without moving
    // the page. Measured against the panel, since folding makes each
    // entry's list item its offset parent.
    var keepInView = function (a) {
      if (toc.scrollHeight <= toc.clientHeight || a.offsetParent === null) return;
      var r = a.getBoundingClientRect(), panel = toc.getBoundingClientRect();
      if (r.top < panel.top || r.bottom > panel.bottom) {
        toc.scrollTop = Math.max(0, toc.scrollTop + r.top - panel.top - toc.clientHeight / 3);
      }
    };
    var spy = new IntersectionObserver(function (entries) {
      // A jump can bring several short sections into the band at once:
      // the one read is the topmost.
      var top = null;
      for (var e = 0; e < entries.length; e++) {
        if (entries[e].isIntersecting && links[entries[e].target.id] && (!top || entries[e].boundingClientRect.top < top.boundingClientRect.top)) top = entries[e];
      }
      if (top) {
        var a = links[top.target.id];
        if (current) { current.classList.remove("current"); current.removeAttribute("aria-current"); }
        a.classList.add("current");
        a.setAttribute("aria-current", "location");
        current = a;
        unfoldTo(a);
        keepInView(a);
      }
    }, { rootMargin: "0px 0px -70% 0px" });
    for (var id in links) {
      var h = document.getElementById(id);
      if (h) spy.observe(h);
    }
  }

  // Terms index: a filter box (shown only with this script) that keeps the
  // terms whose name, pinyin (from the page's address, ren-min-cheng-shi)
  // or pinyin initials (rmcs) contain what the reader types; letter groups
  // left empty are hidden with their heading.
  var filter = document.getElementById("terms-filter");
  if (filter) {
    var box = filter.parentNode, status = box.querySelector(".terms-filter-count");
    var items = document.querySelectorAll(".terms-page .term-list li");
    var keys = [];
    for (var t = 0; t < items.length; t++) {
      var a = items[t].querySelector("a");
      var slug = (a.getAttribute("href").match(/terms\/([^\/]+)\//) || ["", ""])[1];
      var syl = slug.split("-");
      var inits = "";
      for (var q = 0; q < syl.length; q++) inits += syl[q].charAt(0);
      keys.push([a.textContent.toLowerCase(), syl.join(""), inits].join("|"));
    }
    var apply = function () {
      var want = filter.value.replace(/\s+/g, "").toLowerCase();
      var shown = 0;
      for (var t = 0; t < items.length; t++) {
        var hit = !want || keys[t].indexOf(want) >= 0;
        items[t].hidden = !hit;
        if (hit && items[t].closest(".terms-by-pinyin")) shown++;
      }
      var lists = document.querySelectorAll(".terms-by-pinyin .term-list");
      for (var l = 0; l < lists.length; l++) {
        var empty = !lists[l].querySelector("li:not([hidden])");
        lists[l].hidden = empty;
        var h = lists[l].previousElementSibling;
        if (h && h.tagName === "H3") h.hidden = empty;
      }
      status.textContent = want ? "找到 " + shown + " 个提法" : "";
    };
    box.hidden = false;
    filter.addEventListener("input", apply);
    apply();
  }

  // Keyboard: n / ] the next document (or list page), p / [ the previous,
  // ? the list of shortcuts. Never while typing, nor with a modifier key
  // (those belong to the browser and the screen reader).
  var shortcuts = null;
  function showShortcuts() {
    if (!shortcuts) {
      shortcuts = document.createElement("dialog");
      shortcuts.className = "shortcuts";
      shortcuts.setAttribute("aria-labelledby", "shortcuts-title");
      shortcuts.innerHTML = '<h2 id="shortcuts-title">键盘快捷键</h2><dl>' +
        '<dt><kbd>n</kbd> 或 <kbd>]</kbd></dt><dd>下一篇（列表的下一页）</dd>' +
        '<dt><kbd>p</kbd> 或 <kbd>[</kbd></dt><dd>上一篇（列表的上一页）</dd>' +
        '<dt><kbd>/</kbd></dt><dd>搜索</dd>' +
        '<dt><kbd>?</kbd></dt><dd>显示本说明</dd>' +
        '<dt><kbd>Esc</kbd></dt><dd>关闭</dd></dl>' +
        '<form method="dialog"><button type="submit">关闭</button></form>';
      document.body.appendChild(shortcuts);
    }
    if (shortcuts.showModal && !shortcuts.open) shortcuts.showModal();
  }
  document.addEventListener("keydown", function (e) {
    var t = e.target, tag = t && t.tagName;
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || (t && t.isContentEditable)) return;
    if (shortcuts && shortcuts.open) return;
    var rel = { n: "next", "]": "next", p: "prev", "[": "prev" }[e.key];
    if (rel) {
      var a = document.querySelector('a[rel="' + rel + '"]');
      if (a) { e.preventDefault(); location.href = a.href; }
    } else if (e.key === "?") {
      e.preventDefault();
      showShortcuts();
    }
  });

  // Long documents: a reading-progress bar at the top of the window, and on
  // narrow screens (where the TOC is folded above the text) floating 目录
  // and 顶部 buttons once the reader has scrolled past the first screen.
  var body = document.querySelector(".doc-body");
  if (body && body.offsetHeight > 2 * window.innerHeight) {
    var bar = document.createElement("div");
    bar.className = "read-progress";
    bar.setAttribute("aria-hidden", "true");
    document.body.appendChild(bar);
    var floaters = document.createElement("div");
    floaters.className = "float-nav";
    floaters.hidden = true;
    floaters.innerHTML = (toc ? '<button type="button" class="float-toc">目录</button>' : "") +
      '<button type="button" class="float-top">顶部</button>';
    document.body.appendChild(floaters);
    if (toc) {
      floaters.querySelector(".float-toc").addEventListener("click", function () {
        toc.open = true;
        toc.scrollIntoView();
        var first = toc.querySelector("a.current") || toc.querySelector("a");
        if (first) first.focus({ preventScroll: true });
      });
    }
    floaters.querySelector(".float-top").addEventListener("click", function () {
      window.scrollTo(0, 0);
      var skip = document.querySelector(".site-title");
      if (skip) skip.focus({ preventScroll: true });
    });
    var pending = false;
    var update = function () {
      pending = false;
      var top = body.getBoundingClientRect().top + window.scrollY;
      var done = (window.scrollY - top + window.innerHeight) / body.offsetHeight;
      bar.style.transform = "scaleX(" + Math.max(0, Math.min(1, done)) + ")";
      floaters.hidden = window.scrollY < window.innerHeight;
    };
    window.addEventListener("scroll", function () {
      if (!pending) { pending = true; window.requestAnimationFrame(update); }
    }, { passive: true });
    update();
  }

  // Print button: shown only when the browser can print.
  var print = document.querySelector(".print-btn");
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }

  // 404 page without a baseURL: find the site's home from the address.
  // Pages live at <root>/index.html, <root>/docs/<slug>/ …, so the home is
  // the part of the path before the first known section folder. An address
  // with no such folder (/study/a/b/c/d.html) could sit under any folder
  // above it: ask each of them for 404.html, a file only the site root has,
  // and take the deepest that answers.
  var home = document.querySelector("a[data-home]");
  if (home && /^https?:$/.test(location.protocol)) {
    var parts = location.pathname.split("/");
    var sections = ["docs", "tags", "series", "speakers", "years", "terms", "packets", "search", "assets"];
    var cut = -1;
    for (var j = 1; j < parts.length - 1; j++) {
      if (sections.indexOf(parts[j]) >= 0) { cut = j; break; }
    }
    // Every other relative link and form of the page (site title, search
    // box) was written relative to the site root, too.
    var relinkTo = function (base) {
      home.href = base;
      var rel = /^(?![a-z]+:|\/|#)/i;
      document.querySelectorAll("a[href]:not([data-home]), form[action]").forEach(function (el) {
        var attr = el.tagName === "FORM" ? "action" : "href";
        var v = el.getAttribute("data-rel-" + attr) || el.getAttribute(attr);
        if (!v || !rel.test(v)) return;
        el.setAttribute("data-rel-" + attr, v);
        el.setAttribute(attr, base + v);
      });
    };
    if (cut > 0) {
      relinkTo(parts.slice(0, cut).join("/") + "/");
    } else {
      var folders = [];
      for (var n = parts.length - 1; n >= 1; n--) folders.push(parts.slice(0, n).join("/") + "/");
      relinkTo(folders[0]);
      if (window.fetch && window.Promise) {
        Promise.all(folders.map(function (f) {
          return fetch(f + "404.html", { method: "HEAD", cache: "no-store" })
            .then(function (r) { return r.ok; }, function () { return false; });
        })).then(function (ok) {
          var found = ok.indexOf(true);
          if (found >= 0) relinkTo(folders[found]);
          home.setAttribute("data-home", "found");
        });
      }
    }
  }
})();
