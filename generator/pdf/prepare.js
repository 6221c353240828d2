// Run once after the page and its fonts have loaded. Gives what the printer
// needs to know of the page, and adds a hidden same-page link to every id it
// will ask the PDF about: Chromium writes a named destination (with its
// page) for each element such a link points at.
((siteURL) => {
  // Links to the site's other pages: Chromium would print the loopback
  // address the printer serves from, which no reader can open. They point
  // at the published site when its address is known, else they become text.
  for (const a of document.querySelectorAll("a[href]")) {
    const u = new URL(a.href, location.href);
    if (u.origin !== location.origin) continue;
    if (u.pathname === location.pathname && u.hash) continue; // stays in the PDF
    if (siteURL) a.href = siteURL.replace(/\/$/, "") + u.pathname + u.hash;
    else a.removeAttribute("href");
  }
  const text = (el) => (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim();
  const packet = document.querySelector("article.packet");
  let outlineEls = Array.from(document.querySelectorAll("[data-outline]"));
  const levelOf = (el) => parseInt(el.getAttribute("data-outline"), 10);
  if (outlineEls.length === 0) {
    // A document page: its title and section headings.
    const scope = document.querySelector("main article, article, main") || document.body;
    outlineEls = Array.from(scope.querySelectorAll("h1, h2, h3"));
  }
  let n = 0;
  const outline = [];
  for (const el of outlineEls) {
    const level = el.hasAttribute("data-outline") ? levelOf(el) : parseInt(el.tagName.slice(1), 10);
    if (!(level >= 1 && level <= 3)) continue;
    if (!el.id) el.id = "pdf-outline-" + (++n);
    outline.push({ id: el.id, level, title: text(el) });
  }
  const refs = Array.from(new Set(Array.from(document.querySelectorAll("span.pageref[data-ref]"), (s) => s.getAttribute("data-ref"))));
  const docs = Array.from(document.querySelectorAll("section.packet-doc[id]"), (s) => s.id);
  const wanted = new Set([...outline.map((o) => o.id), ...refs, ...docs]);
  const probes = document.createElement("div");
  probes.hidden = true;
  probes.setAttribute("data-pdf-probes", "");
  for (const id of wanted) {
    const a = document.createElement("a");
    a.href = "#" + encodeURIComponent(id);
    probes.appendChild(a);
  }
  document.body.appendChild(probes);
  // The theme's stylesheet makes .blank-page an empty page; this
  // zero-specificity rule only stands in when a theme has none.
  const fallback = document.createElement("style");
  fallback.textContent = "@media print { :where(.blank-page[data-pdf-blank]) { display: block; break-before: page; } }";
  document.head.appendChild(fallback);
  // Title: the packet's (its cover's first heading), else the page's h1.
  const cover = document.querySelector(".packet-cover");
  const titleEl = (cover && (cover.querySelector("[data-outline='1'], h1") || cover)) || document.querySelector("h1");
  const dates = Array.from(document.querySelectorAll("time[datetime]"), (t) => t.getAttribute("datetime")).filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d)).sort();
  return {
    title: titleEl ? text(titleEl) : document.title,
    date: dates.length ? dates[dates.length - 1] : "",
    duplex: !!packet && packet.getAttribute("data-duplex") === "true",
    outline, refs, docs,
  };
})(SITEURL)
