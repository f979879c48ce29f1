// Draws the remediation roadmap (items per month, overdue apart) from the canvas's data-* attributes:
// the CSP forbids inline scripts, so the page carries its numbers as attributes.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('canvas[data-chart="roadmap"]').forEach(function (canvas) {
    if (typeof Chart === 'undefined') {
      return;
    }
    function numbers(name) {
      return (canvas.dataset[name] || '').split(',').filter(function (v) { return v !== ''; }).map(Number);
    }
    var series = [
      { label: canvas.dataset.labelPlanned, data: numbers('planned'), backgroundColor: '#6c757d' },
      { label: canvas.dataset.labelTasks, data: numbers('tasks'), backgroundColor: '#0d6efd' },
      { label: canvas.dataset.labelOverdue, data: numbers('overdue'), backgroundColor: '#dc3545' }
    ];
    canvas.roadmapChart = new Chart(canvas, {
      type: 'bar',
      data: { labels: (canvas.dataset.labels || '').split('|'), datasets: series },
      options: {
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  });
});
