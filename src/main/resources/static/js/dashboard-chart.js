// Draws the dashboard's trend by quarter from the canvas's data-* attributes (CSP: no inline scripts).
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.querySelector('canvas[data-chart="dashboard-trend"]');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#8b1a1a', '#1a4b8b', '#2e7d32', '#b26a00'];
  var labels = (canvas.dataset.labels || '').split('|');
  var datasets = (canvas.dataset.series || '').split(';').filter(function (s) { return s !== ''; })
    .map(function (s, i) {
      var parts = s.split('=');
      return { label: parts[0], borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length],
        data: (parts[1] || '').split(',').map(function (v) { return v === '' ? null : Number(v); }) };
    });
  new Chart(canvas, { type: 'line', data: { labels: labels, datasets: datasets },
    options: { scales: { y: { min: 0, max: 100 } } } });
});
