/* The projector: full screen, high contrast, everything pushed; F toggles full screen. Shows no names. */
(function () {
  'use strict';
  function init() {
    var root = document.getElementById('screen');
    if (!root) { return; }
    var Live = window.CivicLoopLive, L = Live.labels(), state = null;
    var q = function (id) { return document.getElementById(id); };

    function render() {
      if (!state) { return; }
      var r = state.round;
      q('screen-session').textContent = state.title;
      q('screen-round').textContent = r ? Live.fmt(L['live.roundOf'], [r.seq, r.total]) + ' · ' +
        (L['live.kind.' + r.kind] || r.kind) : (state.status === 'ENDED' ? L['live.ended'] : L['live.waiting']);
      q('screen-title').textContent = r ? r.title : '';
      q('screen-question').textContent = r ? (r.statement || r.question || '') : '';
      q('screen-paused').hidden = !(r && r.status === 'PAUSED');
      Live.renderPoll(q('screen-poll'), state.poll, L);
      var queue = q('screen-queue');
      Live.clear(queue);
      state.queue.forEach(function (item) { queue.appendChild(Live.el('li', {}, item.body)); });
      q('screen-queue-box').hidden = state.queue.length === 0;
      q('screen-hands').textContent = state.hands > 0 ? Live.fmt(L['live.hands'], [state.hands]) : '';
      Live.renderShift(q('screen-shift'), state.shift, L);
      root.setAttribute('data-version', state.version);
      tick();
    }

    function tick() {
      if (!state) { return; }
      var s = Live.secondsLeft(state);
      var t = q('screen-timer');
      t.textContent = Live.clock(s);
      t.classList.toggle('is-low', s !== null && s <= 60);
    }

    Live.connect(root.getAttribute('data-key'), function (s) { state = s; render(); }, function (st) {
      q('screen-status').textContent = L['live.status.' + st] || st;
      root.classList.toggle('is-offline', st !== 'live');
    });
    setInterval(tick, 500);

    document.addEventListener('keydown', function (e) {
      if ((e.key === 'f' || e.key === 'F') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        if (document.fullscreenElement) { document.exitFullscreen(); } else if (root.requestFullscreen) {
          root.requestFullscreen().catch(function () {});
        }
      }
    });
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());
