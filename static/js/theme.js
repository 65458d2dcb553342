// Bootstrap's colour mode follows the device's light or dark setting, now and when it changes.
// Loaded in <head> without defer, so the page is never drawn in the wrong scheme first.
(function () {
  "use strict";
  var dark = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    document.documentElement.setAttribute("data-bs-theme", dark.matches ? "dark" : "light");
  }
  apply();
  dark.addEventListener("change", apply);
})();
