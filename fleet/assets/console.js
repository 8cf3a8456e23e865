// Crossing fleet console: live updates of the board. The page works without this script (reload
// it); with it, the rows and the unread-exceptions count follow the server's change stream. The
// stream's event ids are the fleet's change stamps, so a reconnect that missed a change is told.
(function () {
  "use strict";
  var rows = document.getElementById("rows");
  if (!rows || !window.EventSource) { return; }
  var unread = document.getElementById("unread");
  var updated = document.getElementById("updated");
  var reload = document.getElementById("reload");
  var source = new EventSource("/ui/events?since=" + encodeURIComponent(rows.dataset.stamp || ""));
  function stamp() { updated.textContent = new Date().toLocaleTimeString(); }
  function refresh() {
    fetch("/ui/board/rows" + window.location.search, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString("<table>" + html + "</table>", "text/html");
        var fresh = doc.getElementById("rows");
        var current = document.getElementById("rows");
        if (fresh && current) {
          current.replaceWith(fresh);
          unread.textContent = fresh.dataset.unread || "0";
          stamp();
        }
      })
      .catch(function () { reload.hidden = false; });
  }
  source.addEventListener("changed", refresh);
  source.addEventListener("open", function () { reload.hidden = true; });
  // The browser retries a dropped stream by itself; until it is back, offer the reload.
  source.addEventListener("error", function () { reload.hidden = false; });
}());
