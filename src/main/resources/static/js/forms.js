// Form helpers for every page (no inline script, CSP-friendly):
//  - form[data-warn-unsaved]: asks before leaving the page with changes not yet saved;
//  - [data-confirm] on a form or a submit button: asks for confirmation with that text before submitting;
//  - form[data-applicable]: after each change, asks the server which questions apply and hides the others
//    (their inputs are disabled, so they are not sent); nothing typed is replaced.
//  - input[data-date-input]: a date typed as dd/mm/yyyy whatever the browser's locale (digits only get slashes).
(function () {
  var dirty = new Set();
  // Fields may belong to their form through the form="…" attribute, outside it in the page: ask each field's form.
  function markDirty(e) {
    var form = e.target && e.target.form;
    if (form && form.hasAttribute('data-warn-unsaved')) {
      dirty.add(form);
    }
  }
  document.addEventListener('input', markDirty, true);
  document.addEventListener('change', markDirty, true);
  window.addEventListener('beforeunload', function (e) {
    if (dirty.size > 0) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var text = (e.submitter && e.submitter.dataset.confirm) || form.dataset.confirm;
    if (text && !window.confirm(text)) {
      e.preventDefault();
      return;
    }
    if (form.hasAttribute('data-warn-unsaved')) {
      dirty.clear();
    } else {
      // Leaving through another form (an attachment, an action) still asks when this page holds unsaved text.
      var others = Array.from(dirty).filter(function (f) { return f !== form; });
      if (others.length > 0 && !window.confirm(document.body.dataset.unsavedText || '')) {
        e.preventDefault();
        return;
      }
      dirty.clear();
    }
  }, true);
  document.querySelectorAll('form[data-applicable]').forEach(function (form) {
    var pending = 0;
    form.addEventListener('change', function () {
      var ticket = ++pending;
      var body = new URLSearchParams(new FormData(form));
      fetch(form.dataset.applicable, {method: 'POST', body: body, credentials: 'same-origin',
        headers: {'Accept': 'application/json'}})
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (keys) {
          if (!keys || ticket !== pending) { return; }
          var show = new Set(keys);
          form.querySelectorAll('[data-question]').forEach(function (div) {
            var on = show.has(div.dataset.question);
            div.hidden = !on;
            div.querySelectorAll('input, select, textarea').forEach(function (i) { i.disabled = !on; });
          });
          form.dataset.applicableReady = String(ticket);
        });
    });
  });
  // A date field is a text input read and written as dd/mm/yyyy whatever the browser's locale (ADR 0079): the server
  // reads dd/mm/yyyy (and ISO). A native date input (mm/dd/yyyy in an English browser) that slipped in, or arrived
  // through htmx, becomes such a text input; its ISO value is shown dd/mm/yyyy.
  function convertDates(root) {
    root.querySelectorAll('input[type=date]').forEach(function (input) {
      input.type = 'text';
      input.inputMode = 'numeric';
      input.autocomplete = 'off';
      if (!input.placeholder) { input.placeholder = document.body.dataset.datePlaceholder || 'dd/mm/yyyy'; }
      var iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.value);
      if (iso) { input.value = iso[3] + '/' + iso[2] + '/' + iso[1]; }
      input.setAttribute('data-date-input', '');
      bindDateFormat(input);
    });
  }
  function bindDateFormat(input) {
    input.addEventListener('blur', function () {
      var v = input.value.trim();
      var m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(v) || /^(\d{2})(\d{2})(\d{4})$/.exec(v);
      var iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (m) {
        input.value = m[1].padStart(2, '0') + '/' + m[2].padStart(2, '0') + '/' + m[3];
      } else if (iso) {
        input.value = iso[3] + '/' + iso[2] + '/' + iso[1];
      }
    });
  }
  document.querySelectorAll('input[data-date-input]').forEach(bindDateFormat);
  convertDates(document);
  document.addEventListener('htmx:afterSwap', function (e) { convertDates(e.target); });
})();
