// Served by `studysite serve` only (never part of a built site): reloads
// the page when the site was rebuilt, and shows a failed build's error over
// the page until the next build succeeds. The page's Content-Security-Policy
// allows it as a same-origin script ('self'), and the event stream as a
// same-origin connection.
(function () {
  "use strict";
  var script = document.currentScript;
  var pageBuild = new URL(script.src).searchParams.get("build");
  var zh = /^zh/i.test(document.documentElement.lang || "");
  var overlay = null;

  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }

  function show(message) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "studysite-build-error";
    overlay.setAttribute("role", "alert");
    var s = overlay.style;
    s.position = "fixed";
    s.left = s.right = s.bottom = "0";
    s.zIndex = "2147483647";
    s.maxHeight = "60vh";
    s.overflow = "auto";
    s.margin = "0";
    s.padding = "1em 1.25em";
    s.background = "#fff4f4";
    s.color = "#5c0000";
    s.borderTop = "4px solid #b00020";
    s.boxShadow = "0 -2px 12px rgba(0,0,0,.25)";
    s.font = "16px/1.5 system-ui, sans-serif";
    var title = document.createElement("strong");
    title.textContent = zh
      ? "构建失败：仍显示上一次成功构建的页面。改好文件并保存后自动刷新。"
      : "Build failed: this is the last good build. Fix the file and save; the page reloads by itself.";
    var text = document.createElement("pre");
    text.style.whiteSpace = "pre-wrap";
    text.style.margin = ".5em 0 0";
    text.style.font = "15px/1.5 ui-monospace, monospace";
    text.textContent = message;
    overlay.appendChild(title);
    overlay.appendChild(text);
    document.body.appendChild(overlay);
  }

  var events = new EventSource(new URL("events", script.src));
  events.addEventListener("state", function (e) {
    var state = JSON.parse(e.data);
    window.studysiteLive = "connected"; // for tests: the tab listens
    if (state.build !== pageBuild) {
      events.close();
      location.reload();
      return;
    }
    if (state.error) {
      show(state.error);
    } else {
      hide();
    }
  });
})();
