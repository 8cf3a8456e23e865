// Crossing fleet console: live updates of the board. The page works without this script (reload
// it); with it, the rows and the unread-exceptions count follow the server's change stream. The
// stream's event ids are the board's stamps, so a reconnect that missed a change is told. It has
// no words of its own: the server words the rows' sentences in the page's language (data-*).
(function () {
  "use strict";
  var rows = document.getElementById("rows");
  if (!rows || !window.EventSource) { return; }
  var unread = document.getElementById("unread");
  var updated = document.getElementById("updated");
  var reload = document.getElementById("reload");
  var caption = document.getElementById("caption");
  var lang = document.documentElement.lang || undefined;
  var announce = document.getElementById("announce");
  // Unread exceptions are counted from when this page was opened, for the page's whole life.
  var seen = rows.dataset.seen || "";
  var source = new EventSource("/ui/events?since=" + encodeURIComponent(rows.dataset.stamp || ""));
  var latest = 0;
  function stopped() { reload.hidden = false; }
  function refresh() {
    var mine = ++latest;
    var query = window.location.search ? window.location.search + "&" : "?";
    fetch("/ui/board/rows" + query + "seen=" + encodeURIComponent(seen), { credentials: "same-origin" })
      .then(function (r) {
        if (r.status === 401) { source.close(); throw new Error("signed out"); }
        if (!r.ok) { throw new Error(String(r.status)); }
        return r.text();
      })
      .then(function (html) {
        if (mine !== latest) { return; } // a newer refresh is on its way: keep its answer
        var doc = new DOMParser().parseFromString("<table>" + html + "</table>", "text/html");
        var fresh = doc.getElementById("rows");
        var current = document.getElementById("rows");
        if (!fresh || !current) { return; }
        // Keep the keyboard where it was: the link of the same trip gets the focus back.
        var focused = current.contains(document.activeElement) ? document.activeElement.getAttribute("href") : null;
        current.replaceWith(fresh);
        if (focused) {
          var again = fresh.querySelector('a[href="' + focused + '"]');
          if (again) { again.focus(); }
        }
        var before = unread.dataset.count;
        unread.dataset.count = fresh.dataset.unread || "0";
        if (fresh.dataset.unreadText) { unread.textContent = fresh.dataset.unreadText; }
        if (fresh.dataset.caption) { caption.textContent = fresh.dataset.caption; }
        try {
          updated.textContent = new Date().toLocaleTimeString(lang);
        } catch (e) {
          updated.textContent = new Date().toLocaleTimeString();
        }
        if (unread.dataset.count !== before && fresh.dataset.announce) {
          announce.textContent = fresh.dataset.announce;
        }
      })
      .catch(stopped);
  }
  source.addEventListener("changed", refresh);
  source.addEventListener("open", function () { if (source.readyState === EventSource.OPEN) { reload.hidden = true; } });
  // The browser retries a dropped stream by itself; until it is back, offer the reload.
  source.addEventListener("error", stopped);
}());
