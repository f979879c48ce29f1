// The dashboard's per-target rankings: the selector shows the chosen target's table, the others stay for print
// (CSP: no inline scripts). Without script every table shows.
document.addEventListener('DOMContentLoaded', function () {
  var select = document.getElementById('ranking-target');
  if (!select) {
    return;
  }
  var tables = document.querySelectorAll('#dashboard-target-rankings table.target-ranking');
  function show() {
    tables.forEach(function (t) {
      var chosen = t.dataset.target === select.value;
      t.classList.toggle('d-none', !chosen);
      t.classList.toggle('d-print-table', !chosen);
    });
  }
  select.addEventListener('change', show);
  show();
});
