// The season chart: planned running minutes a week as bars, done as points, the long run
// as a line. The table under it holds the same numbers for screen readers and no-JS.
(() => {
  const canvas = document.getElementById("season-chart");
  const source = document.getElementById("season-data");
  if (!canvas || !source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const bar = (index) =>
    data.lighter[index] || data.taper[index] ? "rgba(13, 110, 253, 0.35)" : "rgba(13, 110, 253, 0.8)";
  new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        {
          type: "bar",
          label: "Planned (min)",
          data: data.planned,
          backgroundColor: data.planned.map((_, index) => bar(index)),
          order: 3,
        },
        {
          type: "line",
          label: "Done (min)",
          data: data.done,
          showLine: false,
          pointRadius: 5,
          borderColor: "#198754",
          backgroundColor: "#198754",
          order: 1,
        },
        {
          type: "line",
          label: "Long run (min)",
          data: data.long_run,
          borderColor: "#fd7e14",
          backgroundColor: "#fd7e14",
          tension: 0.2,
          order: 2,
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: "minutes" } } },
    },
  });
})();
