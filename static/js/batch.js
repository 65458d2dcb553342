// An import in progress: the count and the bar follow the task, and the page reloads when done.
(() => {
  const box = document.getElementById("progress");
  const done = document.getElementById("progress-done");
  const bar = document.getElementById("progress-bar");
  if (!box) return;
  const poll = () => {
    fetch(box.dataset.statusUrl, { credentials: "same-origin" })
      .then((response) => response.json())
      .then((status) => {
        done.textContent = status.done;
        bar.max = status.total || 1;
        bar.value = status.done;
        if (status.state === "done") window.location.reload();
        else setTimeout(poll, 1000);
      })
      .catch(() => setTimeout(poll, 3000));
  };
  setTimeout(poll, 500);
})();
