// "Copy link" buttons: data-copy-target names the read-only input whose value is copied; the
// element with the matching data-copy-status says what happened (it is an aria-live region).
(function () {
  "use strict";

  function say(id, text) {
    var status = document.querySelector('[data-copy-status="' + id + '"]');
    if (status) {
      status.textContent = text;
    }
  }

  function copy(button) {
    var id = button.getAttribute("data-copy-target");
    var input = document.getElementById(id);
    if (!input) {
      return;
    }
    input.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(
        function () { say(id, "Copied. Paste it into your calendar app."); },
        function () { say(id, "Copying was refused: the link is selected, copy it by hand."); }
      );
    } else {
      say(id, "The link is selected: copy it with your keyboard or menu.");
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy-target]");
    if (button) {
      copy(button);
    }
  });
})();
