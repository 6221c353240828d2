// Run after each pass with what the PDF said: fills page references and
// inserts or removes the blank page before each document that the pass
// found on the wrong side. Gives whether anything changed.
((pages, toggle) => {
  let changed = false;
  for (const span of document.querySelectorAll("span.pageref[data-ref]")) {
    const page = pages[span.getAttribute("data-ref")];
    const want = page ? String(page) : "";
    if (span.textContent !== want) { span.textContent = want; changed = true; }
  }
  for (const id of toggle) {
    const doc = document.getElementById(id);
    if (!doc) continue;
    const prev = doc.previousElementSibling;
    if (prev && prev.classList.contains("blank-page") && prev.hasAttribute("data-pdf-blank")) {
      prev.remove();
    } else {
      const blank = document.createElement("div");
      blank.className = "blank-page";
      blank.setAttribute("data-pdf-blank", "");
      blank.setAttribute("aria-hidden", "true");
      doc.before(blank);
    }
    changed = true;
  }
  return changed;
})(PAGES, TOGGLE)
