/* A juror's phone (in the room or at home): the room's view plus their own inputs. */
(function () {
  'use strict';
  function init() {
    var root = document.getElementById('juror');
    if (!root) { return; }
    var Live = window.CivicLoopLive, L = Live.labels(), state = null, formFor = null, mine = null;
    var sessionId = root.getAttribute('data-session');
    var q = function (id) { return document.getElementById(id); };

    function say(text, isError) {
      var s = q('j-feedback');
      s.textContent = text;
      s.classList.toggle('msg-error', !!isError);
      s.classList.toggle('msg-info', !isError);
    }

    function loadMine() {
      return Live.request('GET', '/sessions/' + sessionId + '/me').then(function (m) {
        mine = m;
        renderMine();
      }).catch(function () {});
    }

    function renderMine() {
      if (!mine) { return; }
      var hand = q('j-hand');
      hand.setAttribute('aria-pressed', mine.handRaised ? 'true' : 'false');
      hand.textContent = mine.handRaised ? L['live.lowerHand'] : L['live.raiseHand'];
      q('j-table').textContent = mine.table ? Live.fmt(L['live.juror.yourTable'], [mine.table]) : '';
      var list = q('j-my-questions');
      Live.clear(list);
      mine.questions.forEach(function (x) {
        var li = Live.el('li', {}, x.body + ' ');
        li.appendChild(Live.el('span', { className: 'badge' }, L['live.question.' + x.status] || x.status));
        list.appendChild(li);
      });
      var mineText = q('j-mine');
      if (mine.score) {
        mineText.textContent = Live.fmt(L['live.yourAnswer'], [L['live.scale.' + mine.score]]);
        var radio = document.querySelector('input[name="j-score"][value="' + mine.score + '"]');
        if (radio && !radio.checked) { radio.checked = true; }
      } else if (mine.ranking && mine.ranking.length) {
        mineText.textContent = Live.fmt(L['live.yourAnswer'], [mine.ranking.join(' > ')]);
      } else {
        mineText.textContent = '';
      }
    }

    function buildForm() {
      var r = state.round, box = q('j-poll');
      var key = r ? r.id + ':' + r.status : 'none';
      if (key === formFor) { return; }
      formFor = key;
      Live.clear(box);
      q('j-mine').textContent = '';
      if (!r || !state.poll || r.status !== 'RUNNING') { return; }
      var fs = Live.el('fieldset', { className: 'live-answer' });
      if (state.poll.type === 'scale') {
        // The statement is already the page's question (j-question): the legend asks, and points at it.
        fs.setAttribute('aria-describedby', 'j-question');
        fs.appendChild(Live.el('legend', {}, L['live.agreePrompt']));
        for (var v = 1; v <= 5; v++) {
          var id = 'j-score-' + v;
          var wrap = Live.el('div', { className: 'live-choice' });
          var input = Live.el('input', { type: 'radio', name: 'j-score', value: String(v), id: id });
          wrap.appendChild(input);
          wrap.appendChild(Live.el('label', { 'for': id }, L['live.scale.' + v]));
          fs.appendChild(wrap);
        }
      } else {
        fs.appendChild(Live.el('legend', {}, L['live.rankPrompt']));
        var ol = Live.el('ol', { className: 'live-rank-input', id: 'j-rank' });
        state.poll.ranking.slice().sort(function (a, b) { return a.code < b.code ? -1 : 1; }).forEach(function (o) {
          var li = Live.el('li', { 'data-code': o.code });
          li.appendChild(Live.el('span', {}, o.code + ' · ' + o.title));
          var up = Live.el('button', { type: 'button', className: 'btn btn-small btn-ghost', 'data-move': 'up',
            'aria-label': Live.fmt(L['live.moveUp'], [o.title]) }, '↑');
          var down = Live.el('button', { type: 'button', className: 'btn btn-small btn-ghost', 'data-move': 'down',
            'aria-label': Live.fmt(L['live.moveDown'], [o.title]) }, '↓');
          li.appendChild(up);
          li.appendChild(down);
          ol.appendChild(li);
        });
        ol.addEventListener('click', function (e) {
          var b = e.target.closest('button[data-move]');
          if (!b) { return; }
          var li = b.parentNode;
          if (b.getAttribute('data-move') === 'up' && li.previousElementSibling) {
            ol.insertBefore(li, li.previousElementSibling);
          } else if (b.getAttribute('data-move') === 'down' && li.nextElementSibling) {
            ol.insertBefore(li.nextElementSibling, li);
          }
          b.focus();
        });
        fs.appendChild(ol);
      }
      var send = Live.el('button', { type: 'button', id: 'j-send', className: 'btn btn-primary' }, L['live.send']);
      send.addEventListener('click', sendAnswer);
      fs.appendChild(send);
      box.appendChild(fs);
      loadMine();
    }

    function sendAnswer() {
      var r = state.round, body;
      if (state.poll.type === 'scale') {
        var checked = document.querySelector('input[name="j-score"]:checked');
        if (!checked) { say(L['live.chooseFirst'], true); return; }
        body = { score: Number(checked.value) };
      } else {
        body = { ranking: Array.prototype.map.call(document.querySelectorAll('#j-rank li'), function (li) {
          return li.getAttribute('data-code');
        }) };
      }
      Live.request('POST', '/rounds/' + r.id + '/answers', body).then(function () {
        say(L['live.sent'], false);
        loadMine();
      }).catch(function (e) { say(e.message, true); });
    }

    function render() {
      var r = state.round;
      q('j-round').textContent = r ? Live.fmt(L['live.roundOf'], [r.seq, r.total]) + ' · ' +
        (L['live.kind.' + r.kind] || r.kind) : (state.status === 'ENDED' ? L['live.ended'] : L['live.waiting']);
      q('j-title').textContent = r ? r.title : '';
      q('j-question').textContent = r ? (r.statement || r.question || '') : '';
      Live.renderPoll(q('j-results'), state.poll, L);
      var queue = q('j-queue');
      Live.clear(queue);
      state.queue.forEach(function (item) { queue.appendChild(Live.el('li', {}, item.body)); });
      Live.renderShift(q('j-shift'), state.shift, L);
      root.setAttribute('data-version', state.version);
      buildForm();
      // The juror's own view (hand, answer, table) can change with any push, e.g. when the tables are allocated.
      loadMine();
      tick();
    }

    function tick() {
      if (state) { q('j-timer').textContent = Live.clock(Live.secondsLeft(state)); }
    }

    q('j-ask').addEventListener('click', function () {
      var text = q('j-question-body').value.trim();
      if (!text) { say(L['live.writeQuestion'], true); return; }
      Live.request('POST', '/sessions/' + sessionId + '/questions', { body: text }).then(function () {
        q('j-question-body').value = '';
        say(L['live.questionSent'], false);
        loadMine();
      }).catch(function (e) { say(e.message, true); });
    });
    q('j-hand').addEventListener('click', function () {
      var raise = !(mine && mine.handRaised);
      Live.request('POST', '/sessions/' + sessionId + '/hand', { raised: raise }).then(loadMine)
        .catch(function (e) { say(e.message, true); });
    });

    Live.connect(root.getAttribute('data-key'), function (s) {
      state = s;
      render();
    }, function (st) { q('j-status').textContent = L['live.status.' + st] || st; });
    setInterval(tick, 1000);
    loadMine();
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', init); } else { init(); }
}());
