/* The facilitator's live panel: what the room sees, plus submitted questions and the speaking queue (names). */
(function () {
  'use strict';
  function init() {
    var root = document.getElementById('console-live');
    if (!root) { return; }
    var Live = window.CivicLoopLive, L = Live.labels(), state = null, pending = false, again = false;
    var sessionId = root.getAttribute('data-session');
    var q = function (id) { return document.getElementById(id); };

    function load() {
      if (pending) { again = true; return; }
      pending = true;
      again = false;
      Live.request('GET', '/sessions/' + sessionId + '/console').then(function (c) {
        pending = false;
        render(c);
        if (again) { load(); }
      }).catch(function () { pending = false; if (again) { load(); } });
    }

    function button(text, onClick, cls, action) {
      var b = Live.el('button', { type: 'button', className: 'btn btn-small ' + (cls || 'btn-secondary'),
        'data-action': action || '' }, text);
      b.addEventListener('click', onClick);
      return b;
    }

    /*
     * Every push re-draws the question and hand lists. A keyboard user whose focus was on one of their buttons
     * keeps it: on the same button of the same entry if it is still there, else on the entry's first button,
     * else on the list itself (never lost to the top of the page).
     */
    function focusedButton() {
      var a = document.activeElement;
      var li = a && a.tagName === 'BUTTON' && root.contains(a) ? a.closest('li[data-key]') : null;
      return li ? { list: li.parentNode.id, key: li.getAttribute('data-key'), action: a.getAttribute('data-action') }
        : null;
    }

    function restoreFocus(f) {
      if (!f) { return; }
      var list = q(f.list);
      var li = list.querySelector('li[data-key="' + f.key + '"]');
      var target = li && (li.querySelector('button[data-action="' + f.action + '"]') || li.querySelector('button'));
      (target || list.querySelector('button') || list).focus();
    }

    function act(path, body) {
      Live.request('POST', path, body).then(load).catch(function (e) {
        q('c-feedback').textContent = e.message;
      });
    }

    function render(c) {
      var s = c.state, r = s.round;
      state = s;
      q('c-round').textContent = r ? Live.fmt(L['live.roundOf'], [r.seq, r.total]) + ' · ' + r.title + ' · ' +
        (L['live.roundStatus.' + r.status] || r.status) : (s.status === 'ENDED' ? L['live.ended'] : L['live.waiting']);
      Live.renderPoll(q('c-poll'), s.poll, L);
      q('c-screens').textContent = Live.fmt(L['live.screens'], [c.screens]);
      var focus = focusedButton();
      var qs = q('c-questions');
      Live.clear(qs);
      c.questions.forEach(function (x) {
        var li = Live.el('li', { 'data-question': x.id, 'data-key': 'q' + x.id });
        li.appendChild(Live.el('span', {}, x.body + ' '));
        li.appendChild(Live.el('span', { className: 'badge' }, L['live.question.' + x.status] || x.status));
        if (x.status === 'SUBMITTED') {
          li.appendChild(button(L['live.showOnScreen'], function () {
            act('/questions/' + x.id + '/decision', { status: 'QUEUED' });
          }, 'btn-primary', 'queue'));
        }
        li.appendChild(button(L['live.markAnswered'], function () {
          act('/questions/' + x.id + '/decision', { status: 'ANSWERED' });
        }, null, 'answered'));
        li.appendChild(button(L['live.dismiss'], function () {
          act('/questions/' + x.id + '/decision', { status: 'DISMISSED' });
        }, 'btn-ghost', 'dismiss'));
        qs.appendChild(li);
      });
      q('c-no-questions').hidden = c.questions.length > 0;
      var hs = q('c-hands');
      Live.clear(hs);
      c.hands.forEach(function (h) {
        var li = Live.el('li', { 'data-key': 'h' + h.id }, h.name + ' ');
        li.appendChild(button(L['live.giveFloor'], function () { act('/hands/' + h.id + '/lower', {}); }, null,
          'floor'));
        hs.appendChild(li);
      });
      q('c-no-hands').hidden = c.hands.length > 0;
      restoreFocus(focus);
      root.setAttribute('data-version', s.version);
      tick();
    }

    function tick() {
      if (state) { q('c-timer').textContent = Live.clock(Live.secondsLeft(state)); }
    }

    Live.connect(root.getAttribute('data-key'), function () { load(); }, function (st) {
      q('c-status').textContent = L['live.status.' + st] || st;
    });
    setInterval(tick, 1000);
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());

/*
 * The agenda's buttons run by AJAX and the agenda is drawn again in place: the page does not jump. The button that
 * was pressed is replaced, so the keyboard focus goes to the same round's next button (e.g. Pause after Start), or
 * to the agenda itself, never to the top of the page.
 */
(function (global) {
  'use strict';
  var pressed = null;
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('#agenda-table input[type=submit]');
    if (b) {
      var row = b.closest('tr');
      pressed = { row: row ? Array.prototype.indexOf.call(row.parentNode.children, row) : -1, id: b.id };
    }
  }, true);
  global.CivicLoopAgenda = {
    /* A form sent by AJAX (add a round, a note, tables): drawn again in place; the keyboard stays on its button. */
    kept: function (data) {
      if (data.status !== 'success' || !data.source) { return; }
      var again = document.getElementById(data.source.id);
      if (again) { again.focus({ preventScroll: true }); }
    },
    after: function (data) {
      if (data.status !== 'success' || !pressed) { return; }
      var same = document.getElementById(pressed.id);
      var rows = document.querySelectorAll('#agenda-table tbody tr');
      var row = pressed.row >= 0 && pressed.row < rows.length ? rows[pressed.row] : null;
      var next = same || (row && row.querySelector('input[type=submit]'));
      var target = next || document.getElementById('agenda-table');
      if (target) {
        if (!next) { target.setAttribute('tabindex', '-1'); }
        target.focus({ preventScroll: true });
      }
      pressed = null;
    }
  };
}(window));

