/*
 * CivicLoop ballot. Without scripts the ballot is a list of rank selects. With scripts it becomes an ordered list
 * the voter arranges by dragging (mouse, pen or finger) or with buttons and keys (the Up and Down arrows on an
 * option's focused handle move it, and the focus follows it); the selects stay the form's source of truth. The
 * running cost of the ranked options stays in view against the envelope.
 */
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
      out.textContent = out.getAttribute('data-template')
        .replace('{n}', ranked).replace('{cost}', fmt.format(total)).replace('{budget}', fmt.format(budget));
      out.classList.toggle('over-budget', total > budget);
    }
    form.addEventListener('change', update);
    update();
    enhance(form);
  }

  function text(form, name) { return form.getAttribute('data-t-' + name) || name; }

  function enhance(form) {
    var selects = Array.prototype.slice.call(form.querySelectorAll('select.rank-select'));
    if (!selects.length || !window.PointerEvent) { return; }
    var live = document.createElement('p');
    live.className = 'sr-only';
    live.setAttribute('aria-live', 'assertive');

    var items = selects.map(function (s) {
      var option = s.closest('.ballot-option');
      var label = option.querySelector('label');
      var hint = option.querySelector('.hint');
      return { select: s, title: label ? label.textContent : s.id, hint: hint ? hint.textContent : '' };
    });
    var ranked = items.filter(function (i) { return i.select.value; })
      .sort(function (a, b) { return Number(a.select.value) - Number(b.select.value); });

    var board = document.createElement('div');
    board.className = 'rank-board';
    board.innerHTML = '<h2 class="rank-heading"></h2><ol class="rank-list" id="rank-list"></ol>'
      + '<h2 class="rank-heading"></h2><ul class="rank-pool" id="rank-pool"></ul>';
    var headings = board.querySelectorAll('.rank-heading');
    headings[0].textContent = text(form, 'ranked');
    headings[1].textContent = text(form, 'unranked');
    var list = board.querySelector('.rank-list');
    var pool = board.querySelector('.rank-pool');
    var fieldset = form.querySelector('fieldset');
    fieldset.parentNode.insertBefore(board, fieldset.nextSibling);
    board.appendChild(live);
    form.classList.add('enhanced');

    function button(label, cls, onClick) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn btn-small btn-secondary ' + cls;
      b.textContent = label;
      b.addEventListener('click', onClick);
      return b;
    }

    function commit(message, focusItem, focusClass) {
      items.forEach(function (i) {
        var at = ranked.indexOf(i);
        i.select.value = at < 0 ? '' : String(at + 1);
      });
      form.dispatchEvent(new Event('change'));
      render();
      if (message) { live.textContent = message; }
      if (focusItem) {
        var el = board.querySelector('[data-code="' + focusItem.select.id + '"] .' + (focusClass || 'rank-handle'));
        if (el) { el.focus(); }
      }
    }

    function move(item, to) {
      var from = ranked.indexOf(item);
      if (to < 0 || to >= ranked.length || from === to) { return; }
      ranked.splice(from, 1);
      ranked.splice(to, 0, item);
      commit(text(form, 'moved').replace('{0}', item.title).replace('{1}', to + 1), item);
    }

    function render() {
      list.innerHTML = '';
      pool.innerHTML = '';
      ranked.forEach(function (item, index) {
        var li = document.createElement('li');
        li.className = 'rank-item';
        li.setAttribute('data-code', item.select.id);
        var handle = document.createElement('span');
        handle.className = 'rank-handle';
        handle.tabIndex = 0;
        handle.setAttribute('role', 'button');
        handle.setAttribute('aria-label', text(form, 'drag').replace('{0}', item.title).replace('{1}', index + 1));
        handle.textContent = '\u2195';
        var name = document.createElement('span');
        name.className = 'rank-name';
        name.textContent = (index + 1) + '. ' + item.title;
        li.appendChild(handle);
        li.appendChild(name);
        var tools = document.createElement('span');
        tools.className = 'rank-tools';
        if (index > 0) { tools.appendChild(button(text(form, 'up'), 'rank-up', function () { move(item, index - 1); })); }
        if (index < ranked.length - 1) { tools.appendChild(button(text(form, 'down'), 'rank-down', function () { move(item, index + 1); })); }
        tools.appendChild(button(text(form, 'remove'), 'rank-remove', function () {
          ranked.splice(ranked.indexOf(item), 1);
          commit(text(form, 'removed').replace('{0}', item.title));
        }));
        li.appendChild(tools);
        handle.addEventListener('keydown', function (e) {
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            move(item, index + (e.key === 'ArrowUp' ? -1 : 1));
          }
        });
        handle.addEventListener('pointerdown', function (e) { drag(e, li, item); });
        list.appendChild(li);
      });
      items.filter(function (i) { return ranked.indexOf(i) < 0; }).forEach(function (item) {
        var li = document.createElement('li');
        li.className = 'rank-item is-unranked';
        li.setAttribute('data-code', item.select.id);
        var name = document.createElement('span');
        name.className = 'rank-name';
        name.textContent = item.title;
        li.appendChild(name);
        li.appendChild(button(text(form, 'add'), 'rank-add', function () {
          ranked.push(item);
          commit(text(form, 'added').replace('{0}', item.title).replace('{1}', ranked.length), item);
        }));
        pool.appendChild(li);
      });
    }

    /* Pointer dragging: the item follows the pointer; where it is let go decides its new place. */
    function drag(e, li, item) {
      e.preventDefault();
      var startY = e.clientY;
      li.classList.add('is-dragging');
      li.setPointerCapture(e.pointerId);
      function onMove(ev) {
        li.style.transform = 'translateY(' + (ev.clientY - startY) + 'px)';
      }
      function onUp(ev) {
        li.releasePointerCapture(e.pointerId);
        li.removeEventListener('pointermove', onMove);
        li.removeEventListener('pointerup', onUp);
        li.removeEventListener('pointercancel', onUp);
        li.style.transform = '';
        li.classList.remove('is-dragging');
        var others = Array.prototype.slice.call(list.children).filter(function (c) { return c !== li; });
        var to = others.filter(function (c) {
          var r = c.getBoundingClientRect();
          return r.top + r.height / 2 < ev.clientY;
        }).length;
        if (to !== ranked.indexOf(item)) { move(item, to); } else { render(); }
      }
      li.addEventListener('pointermove', onMove);
      li.addEventListener('pointerup', onUp);
      li.addEventListener('pointercancel', onUp);
    }

    render();
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());
