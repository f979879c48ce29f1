// Findings pages: "select all" for bulk changes, and the subtree chart (counts by severity and state).
document.addEventListener('DOMContentLoaded', function () {
  var all = document.getElementById('select-all');
  if (all) {
    all.addEventListener('change', function () {
      document.querySelectorAll('.finding-select').forEach(function (box) { box.checked = all.checked; });
    });
  }
  var canvas = document.getElementById('findings-chart');
  if (canvas && window.Chart) {
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    var colours = ['#dc3545', '#fd7e14', '#198754', '#0dcaf0', '#6c757d'];
    data.datasets.forEach(function (ds, i) { ds.backgroundColor = colours[i % colours.length]; });
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: data.datasets },
      options: { responsive: true, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
  }
});
