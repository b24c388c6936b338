/*
 * CivicLoop live sessions: one WebSocket per screen, reconnecting by itself.
 * - On every (re)connect the server sends the full current state; the client also fetches it over REST, so a
 *   screen that was offline catches up at once.
 * - Reconnects with exponential backoff (0.5 s doubling to 10 s, with jitter) after a drop.
 * - Heartbeat: sends "ping" every 15 s; if nothing arrives for 35 s the socket is considered dead and replaced.
 * - States carry a version; an older state arriving late never overwrites a newer one.
 */
(function (global) {
  'use strict';

  function apiBase() {
    var el = document.querySelector('[data-context]');
    return (el ? el.getAttribute('data-context') : '') + '/api/v1/live';
  }

  function wsUrl(key) {
    var el = document.querySelector('[data-context]');
    var ctx = el ? el.getAttribute('data-context') : '';
    return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + ctx + '/live/socket/' +
      encodeURIComponent(key);
  }

  function request(method, path, body) {
    var opts = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (method !== 'GET') {
      opts.headers['X-CivicLoop-Request'] = '1';
      opts.headers['Content-Type'] = 'application/json';
      opts.body = JSON.stringify(body || {});
    }
    return fetch(apiBase() + path, opts).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        if (!r.ok) {
          var err = new Error((data && (data.detail || data.title)) || ('HTTP ' + r.status));
          err.status = r.status;
          throw err;
        }
        return data;
      });
    });
  }

  /** Connects to a session's live channel; onState(state) is called with every newer state. */
  function connect(key, onState, onStatus) {
    var ws = null, attempt = 0, lastVersion = -1, lastSeen = 0, timer = null, heartbeat = null, closed = false;
    var status = onStatus || function () {};

    function accept(state) {
      if (!state || typeof state.version !== 'number' || state.version <= lastVersion) { return; }
      lastVersion = state.version;
      state.clockOffset = Date.now() - state.serverTime;
      onState(state);
    }

    function fetchState() {
      return request('GET', '/screens/' + encodeURIComponent(key)).then(accept).catch(function () {});
    }

    function schedule() {
      if (closed) { return; }
      var delay = Math.min(10000, 500 * Math.pow(2, attempt++));
      delay = delay / 2 + Math.random() * delay / 2;
      status('reconnecting');
      clearTimeout(timer);
      timer = setTimeout(open, delay);
    }

    function open() {
      if (closed) { return; }
      try {
        ws = new WebSocket(wsUrl(key));
      } catch (e) {
        schedule();
        return;
      }
      ws.onopen = function () {
        attempt = 0;
        lastSeen = Date.now();
        status('live');
        fetchState();
      };
      ws.onmessage = function (ev) {
        lastSeen = Date.now();
        if (ev.data === 'pong') { return; }
        try { accept(JSON.parse(ev.data)); } catch (e) { /* ignore a malformed frame */ }
      };
      ws.onclose = function () { ws = null; schedule(); };
      ws.onerror = function () { try { ws.close(); } catch (e) { /* closing anyway */ } };
    }

    heartbeat = setInterval(function () {
      if (ws && ws.readyState === 1) {
        if (Date.now() - lastSeen > 35000) {
          try { ws.close(); } catch (e) { /* replaced below */ }
          return;
        }
        try { ws.send('ping'); } catch (e) { /* onclose reconnects */ }
      }
    }, 15000);
    window.addEventListener('online', function () {
      if (!ws) { clearTimeout(timer); attempt = 0; open(); }
    });

    open();
    return {
      refresh: fetchState,
      close: function () { closed = true; clearInterval(heartbeat); clearTimeout(timer); if (ws) { ws.close(); } }
    };
  }

  function labels() {
    var el = document.getElementById('live-labels');
    try { return el ? JSON.parse(el.getAttribute('data-labels')) : {}; } catch (e) { return {}; }
  }

  function fmt(template, args) {
    return String(template || '').replace(/\{(\d+)\}/g, function (m, i) {
      return args[Number(i)] !== undefined ? args[Number(i)] : m;
    });
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'className') { e.className = attrs[k]; } else { e.setAttribute(k, attrs[k]); }
    });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function clear(node) {
    while (node.firstChild) { node.removeChild(node.firstChild); }
  }

  /** Seconds left on the round's timer (null when it has none). */
  function secondsLeft(state) {
    var r = state.round;
    if (!r) { return null; }
    if (r.status === 'PAUSED') { return r.remainingSeconds; }
    if (r.status !== 'RUNNING' || !r.endsAt) { return null; }
    return Math.max(0, Math.round((r.endsAt - (Date.now() - (state.clockOffset || 0))) / 1000));
  }

  function clock(seconds) {
    if (seconds === null || seconds === undefined) { return ''; }
    var m = Math.floor(seconds / 60), s = seconds % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }

  /** Renders a poll's bars (statement) or running ranking (options) into node. */
  function renderPoll(node, poll, L) {
    clear(node);
    if (!poll) { return; }
    node.appendChild(el('p', { className: 'live-respondents' },
      fmt(L['live.respondents'], [poll.respondents, poll.jurors])));
    if (poll.type === 'scale') {
      var max = 1;
      poll.bars.forEach(function (b) { max = Math.max(max, b.count); });
      var list = el('ul', { className: 'live-bars', 'aria-label': L['live.results'] || '' });
      poll.bars.forEach(function (b) {
        var li = el('li', { className: 'live-bar', 'data-key': b.key });
        li.appendChild(el('span', { className: 'live-bar-label' }, L['live.scale.' + b.key] || b.key));
        var track = el('span', { className: 'live-bar-track' });
        var fill = el('span', { className: 'live-bar-fill' });
        fill.style.width = (100 * b.count / max) + '%';
        track.appendChild(fill);
        li.appendChild(track);
        li.appendChild(el('span', { className: 'live-bar-count' }, b.count));
        list.appendChild(li);
      });
      node.appendChild(list);
    } else {
      var ol = el('ol', { className: 'live-ranking' });
      poll.ranking.forEach(function (r) {
        var li = el('li', { className: 'live-ranked', 'data-code': r.code });
        li.appendChild(el('span', { className: 'live-ranked-title' }, r.code + ' · ' + r.title));
        li.appendChild(el('span', { className: 'live-ranked-points' },
          fmt(L['live.points'], [r.points, r.firstChoices])));
        ol.appendChild(li);
      });
      node.appendChild(ol);
    }
  }

  function renderShift(node, shift, L) {
    clear(node);
    if (!shift) { return; }
    // Averages as the page's language writes them (3.50 / 3,50), the change signed (+0.50), like the server's pages.
    var lang = document.documentElement.lang || 'en';
    var mean = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    var change = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2,
      signDisplay: 'exceptZero' });
    node.appendChild(el('h2', {}, L['live.shift']));
    [['statements', L['live.shift.statements']], ['options', L['live.shift.options']]].forEach(function (part) {
      var lines = shift[part[0]] || [];
      if (!lines.length) { return; }
      var table = el('table', { className: 'live-shift' });
      var cap = el('caption', {}, part[1]);
      table.appendChild(cap);
      var head = el('tr');
      ['live.shift.item', 'live.shift.before', 'live.shift.after', 'live.shift.change', 'live.shift.changed']
        .forEach(function (k) { head.appendChild(el('th', { scope: 'col' }, L[k])); });
      table.appendChild(head);
      lines.forEach(function (l) {
        var tr = el('tr');
        tr.appendChild(el('th', { scope: 'row' }, l.label));
        if (!l.respondents) {
          // Nobody answered both times: say so rather than show zeros.
          tr.appendChild(el('td', { colspan: '4', className: 'live-shift-empty' }, L['live.shift.noAnswers']));
          table.appendChild(tr);
          return;
        }
        tr.appendChild(el('td', {}, mean.format(l.meanBefore)));
        tr.appendChild(el('td', {}, mean.format(l.meanAfter)));
        // For options the figure is a rank (1 = first choice): a negative change moved the option up.
        var moved = part[0] === 'options' && l.meanShift < 0 ? ' (' + L['live.shift.movedUp'] + ')'
          : part[0] === 'options' && l.meanShift > 0 ? ' (' + L['live.shift.movedDown'] + ')' : '';
        tr.appendChild(el('td', {}, change.format(l.meanShift) + moved));
        tr.appendChild(el('td', {}, fmt(L['live.shift.changedOf'], [l.changed, l.respondents])));
        table.appendChild(tr);
      });
      // On a narrow screen the table scrolls sideways inside its own region (named by its caption), not the page.
      var region = el('div', { className: 'live-shift-scroll', role: 'region', tabindex: '0', 'aria-label': part[1] });
      region.appendChild(table);
      node.appendChild(region);
    });
  }

  global.CivicLoopLive = {
    connect: connect, request: request, labels: labels, fmt: fmt, el: el, clear: clear,
    secondsLeft: secondsLeft, clock: clock, renderPoll: renderPoll, renderShift: renderShift
  };
}(window));
