// Live reporting clocks on the incident page: hours and minutes left (or late) against each due time.
(function () {
  function render() {
    var now = Date.now();
    document.querySelectorAll('.clock[data-due]').forEach(function (el) {
      var diff = Number(el.getAttribute('data-due')) - now;
      var late = diff < 0;
      var mins = Math.floor(Math.abs(diff) / 60000);
      var text = (late ? el.getAttribute('data-late') : el.getAttribute('data-left'))
        .replace('%h', String(Math.floor(mins / 60))).replace('%m', String(mins % 60));
      el.textContent = text;
      el.classList.toggle('text-danger', late);
      el.classList.toggle('fw-bold', late || mins < 120);
    });
  }
  render();
  setInterval(render, 30000);
})();
