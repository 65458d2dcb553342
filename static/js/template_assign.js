// The assign page: one box ticks or clears every athlete at once.
(() => {
  const all = document.getElementById("select-all");
  if (!all) return;
  all.addEventListener("change", () => {
    document.querySelectorAll('input[name="athletes"]').forEach((box) => {
      box.checked = all.checked;
    });
  });
})();
