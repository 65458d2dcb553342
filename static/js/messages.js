// Screen readers read out what is added to a live region, not what it held when the page
// loaded: so once the page is ready, each message ("Nice work — marked as done.") is put back
// into the region as a new node. Nothing moves on screen.
(function () {
  "use strict";
  function announce() {
    window.setTimeout(function () {
      document.querySelectorAll("#messages [data-message]").forEach(function (message) {
        message.replaceWith(message.cloneNode(true));
      });
    }, 250);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", announce);
  } else {
    announce();
  }
})();
