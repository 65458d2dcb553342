// Screen readers read out a live region when its text changes, not text it had when the page
// loaded; so the page's messages ("Marked as done.") are copied into it once the page is ready.
(function () {
  "use strict";
  function announce() {
    var live = document.getElementById("live-messages");
    var shown = document.querySelectorAll("[data-message]");
    if (!live || !shown.length) {
      return;
    }
    var text = Array.prototype.map.call(shown, function (message) {
      return message.textContent.trim();
    }).join(" ");
    window.setTimeout(function () { live.textContent = text; }, 250);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", announce);
  } else {
    announce();
  }
})();
