// Draws the systems-per-level bar chart from the data attributes the page renders (no inline script, CSP-friendly).
(function () {
  var canvas = document.getElementById('level-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var counts = canvas.dataset.counts.split(',').map(Number);
  var labels = canvas.dataset.labels.split(',');
  new Chart(canvas, {
    type: 'bar',
    data: {labels: labels, datasets: [{label: canvas.dataset.title, data: counts,
      backgroundColor: ['#adb5bd', '#198754', '#20c997', '#0d6efd', '#fd7e14', '#dc3545']}]},
    options: {plugins: {legend: {display: false}}, scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
  });
})();
