// An export being built: the percentage follows the task, and the page reloads when it ends.
(() => {
  const box = document.getElementById("export-progress");
  if (!box) return;
  const percent = document.getElementById("export-percent");
  const bar = document.getElementById("export-bar");
  const poll = () => {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then((response) => response.json())
      .then((status) => {
        percent.textContent = status.progress;
        bar.value = status.progress;
        if (status.state === "queued" || status.state === "running") setTimeout(poll, 1500);
        else window.location.reload();
      })
      .catch(() => setTimeout(poll, 3000));
  };
  setTimeout(poll, 1000);
})();
