// studysite default theme: small progressive enhancements; every page works without it.
(function () {
  "use strict";
  // Highlight the paragraph a #pN link points at, so a reader arriving from a
  // citation sees where to look.
  function mark() {
    var old = document.querySelector(".target");
    if (old) old.classList.remove("target");
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (el) el.classList.add("target");
  }
  window.addEventListener("hashchange", mark);
  mark();
})();
