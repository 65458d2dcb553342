// Draws the progress and squad charts from the numbers the page embeds (#chart-data); each
// chart's table under it holds the same numbers for screen readers and for pages without
// JavaScript. Colours come from CSS variables (static/css/app.css) so a theme can restyle them.
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") {
    return;
  }
  var data = JSON.parse(source.textContent);
  var style = getComputedStyle(document.documentElement);

  function colour(name) {
    return style.getPropertyValue("--chart-" + name).trim() || "#6c757d";
  }

  var SERIES_COLOURS = ["planned", "done", "extra"];
  var BAND_COLOURS = { green: "green", amber: "amber", red: "red", none: "none" };

  Chart.defaults.color = colour("text");
  Chart.defaults.borderColor = colour("grid");
  Chart.defaults.animation = false;

  function withUnit(unit) {
    return function (context) {
      var value = context.parsed.y;
      if (value === null || value === undefined) {
        return context.dataset.label + ": nothing";
      }
      return context.dataset.label + ": " + value + (unit ? " " + unit : "");
    };
  }

  function plainDatasets(chart) {
    var names = Object.keys(chart.series);
    return names.map(function (name, index) {
      var fill = colour(names.length === 1 ? "done" : SERIES_COLOURS[index % SERIES_COLOURS.length]);
      return {
        label: name,
        data: chart.series[name],
        backgroundColor: fill,
        borderColor: fill,
        borderWidth: chart.type === "line" ? 2 : 0,
        pointRadius: chart.type === "line" ? 3 : 0,
        spanGaps: false,
      };
    });
  }

  function complianceDatasets(chart) {
    var datasets = plainDatasets(chart);
    datasets[0].backgroundColor = chart.bands.map(function (band) {
      return colour(BAND_COLOURS[band]);
    });
    return datasets;
  }

  function squadDatasets(chart) {
    var names = Object.keys(chart.series);
    var bars = names.map(function (name, index) {
      return {
        type: "bar",
        label: name,
        data: chart.series[name],
        backgroundColor: colour(chart.bands[index]),
        stack: "athletes",
        yAxisID: "y",
      };
    });
    bars.push({
      type: "line",
      label: "Squad mean (%)",
      data: chart.mean,
      borderColor: colour("done"),
      backgroundColor: colour("done"),
      borderWidth: 2,
      yAxisID: "percent",
    });
    return bars;
  }

  function config(name, chart) {
    var stacked = chart.type === "stacked";
    var datasets = stacked
      ? squadDatasets(chart)
      : name === "compliance"
        ? complianceDatasets(chart)
        : plainDatasets(chart);
    var scales = {
      x: { stacked: stacked },
      y: { beginAtZero: true, stacked: stacked, title: { display: !!chart.unit, text: chart.unit } },
    };
    if (!chart.unit || stacked) {
      scales.y.ticks = { precision: 0 };
    }
    if (stacked) {
      scales.percent = { position: "right", beginAtZero: true, title: { display: true, text: "%" }, grid: { drawOnChartArea: false } };
    }
    return {
      type: stacked ? "bar" : chart.type,
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: scales,
        plugins: {
          legend: { display: datasets.length > 1 },
          tooltip: { callbacks: { label: withUnit(stacked ? "" : chart.unit) } },
        },
      },
    };
  }

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var chart = data.charts[canvas.dataset.chart];
    if (chart) {
      new Chart(canvas, config(canvas.dataset.chart, chart));
    }
  });
})();
