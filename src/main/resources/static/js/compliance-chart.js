// Draws the compliance share per requirement group from the canvas's data-* attributes (CSP: no inline scripts).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('canvas[data-chart="compliance"]').forEach(function (canvas) {
    if (typeof Chart === 'undefined') {
      return;
    }
    var labels = (canvas.dataset.labels || '').split('|');
    var values = (canvas.dataset.values || '').split(',').filter(function (v) { return v !== ''; }).map(Number);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: canvas.dataset.title, data: values, backgroundColor: '#8b1a1a' }] },
      options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } }, plugins: { legend: { display: false } } }
    });
  });
});
