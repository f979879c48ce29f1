// Draws the dashboard's trend by quarter from the canvas's data-* attributes (CSP: no inline scripts): every target,
// the shares in percent on the left axis, the counts (dashed) on their own axis on the right.
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.querySelector('canvas[data-chart="dashboard-trend"]');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#8b1a1a', '#1a4b8b', '#2e7d32', '#b26a00', '#6a1b9a', '#00838f', '#4e342e', '#37474f'];
  var labels = (canvas.dataset.labels || '').split('|');
  function parse(text, offset, axis) {
    return (text || '').split(';').filter(function (s) { return s !== ''; }).map(function (s, i) {
      var parts = s.split('=');
      var colour = colours[(offset + i) % colours.length];
      return { label: parts[0], borderColor: colour, backgroundColor: colour, yAxisID: axis,
        borderDash: axis === 'y1' ? [6, 4] : [],
        data: (parts[1] || '').split(',').map(function (v) { return v === '' ? null : Number(v); }) };
    });
  }
  var shares = parse(canvas.dataset.series, 0, 'y');
  var counts = parse(canvas.dataset.counts, shares.length, 'y1');
  new Chart(canvas, { type: 'line', data: { labels: labels, datasets: shares.concat(counts) },
    options: { scales: {
      y: { min: 0, max: 100, position: 'left', title: { display: true, text: canvas.dataset.axisShare || '%' } },
      y1: { min: 0, position: 'right', beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false },
        title: { display: true, text: canvas.dataset.axisCount || '' } } } } });
});
