/* CivicLoop ballot: keeps the running cost of the ranked options in view (works without it, too). */
(function () {
  'use strict';
  function init() {
    var form = document.querySelector('form[data-ballot]');
    if (!form) { return; }
    var out = document.getElementById('running-cost');
    var budget = Number(form.getAttribute('data-budget')) || 0;
    var fmt;
    try {
      fmt = new Intl.NumberFormat(document.documentElement.lang || 'en',
        { style: 'currency', currency: form.getAttribute('data-currency') || 'GBP', maximumFractionDigits: 0 });
    } catch (e) {
      fmt = { format: function (n) { return String(n); } };
    }
    function update() {
      var total = 0, ranked = 0;
      form.querySelectorAll('select[data-cost]').forEach(function (s) {
        if (s.value) { total += Number(s.getAttribute('data-cost')) || 0; ranked++; }
      });
      var text = out.getAttribute('data-template')
        .replace('{n}', ranked).replace('{cost}', fmt.format(total)).replace('{budget}', fmt.format(budget));
      out.textContent = text;
      out.classList.toggle('over-budget', total > budget);
    }
    form.addEventListener('change', update);
    update();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());
