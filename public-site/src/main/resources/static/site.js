// Green Portal public site: small enhancements; every page works without this file.
(function () {
  'use strict';

  // Suggestions as you type: names from the public API, offered through the input's <datalist>
  // (the browser's own, keyboard-accessible list).
  function suggest(input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) { return; }
    var timer = null;
    var last = '';
    var pending = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q === last || q.length < 1 || q.length > 100) { return; }
        last = q;
        if (pending) { pending.abort(); }
        pending = new AbortController();
        fetch('/api/v1/public/suggest?size=8&q=' + encodeURIComponent(q), {
          headers: { Accept: 'application/json' }, signal: pending.signal
        }).then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
          .then(function (data) {
            while (list.firstChild) { list.removeChild(list.firstChild); }
            (data.suggestions || []).forEach(function (s) {
              var option = document.createElement('option');
              option.value = s.text;
              list.appendChild(option);
            });
          })
          .catch(function () { /* no suggestions: the search itself still works */ });
      }, 200);
    });
  }

  // The time left of a publicity period, kept current (the server wrote it when rendering).
  function describe(ms) {
    if (ms <= 0) { return '公示期已结束'; }
    var minutes = Math.floor(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor(minutes / 60) % 24;
    var mins = minutes % 60;
    if (days > 0) { return '剩余 ' + days + ' 天 ' + hours + ' 小时'; }
    if (hours > 0) { return '剩余 ' + hours + ' 小时 ' + mins + ' 分钟'; }
    return '剩余 ' + Math.max(1, mins) + ' 分钟';
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll('[data-ends-at]').forEach(function (el) {
      var end = Date.parse(el.getAttribute('data-ends-at'));
      if (!isNaN(end)) { el.textContent = describe(end - now); }
    });
  }

  // A search form sends only the choices made, so the shared address stays short.
  function compact(form) {
    form.addEventListener('submit', function () {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (el.name && !el.value && (el.tagName === 'SELECT' || el.tagName === 'INPUT')) { el.disabled = true; }
      });
      setTimeout(function () {
        Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
      }, 0);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-suggest]').forEach(suggest);
    document.querySelectorAll('form[data-compact]').forEach(compact);
    if (document.querySelector('[data-ends-at]')) {
      tick();
      setInterval(tick, 30000);
    }
  });
}());
