// The week on a phone opens at today: today's card is scrolled into view, unless the page
// was opened at an anchor or shows a message the runner should read first (the "Today"
// link at the top then gets them there in one tap).
(function () {
  "use strict";

  var phone = window.matchMedia("(max-width: 575.98px)");
  var today = document.getElementById("today");
  var message = document.querySelector("main > .alert[role=\"alert\"]");
  if (phone.matches && today && !window.location.hash && !message) {
    today.scrollIntoView({ block: "start", behavior: "instant" });
  }
})();
