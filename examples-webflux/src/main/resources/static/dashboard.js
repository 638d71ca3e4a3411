// The deepmail probe dashboard: plain JavaScript, no build step. Every value from the server is
// written with textContent, never as HTML.
(function () {
  'use strict';

  function cell(row, text, className) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined ? '' : String(text);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function body(id) {
    var tbody = document.querySelector('#' + id + ' tbody');
    tbody.textContent = '';
    return tbody;
  }

  function count(map, key) {
    map[key] = (map[key] || 0) + 1;
  }

  function renderMix(id, counts) {
    var tbody = body(id);
    var keys = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; });
    var max = keys.length ? counts[keys[0]] : 1;
    keys.forEach(function (key) {
      var row = document.createElement('tr');
      row.setAttribute('data-key', key);
      cell(row, key);
      cell(row, counts[key]);
      var bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = Math.round(120 * counts[key] / max) + 'px';
      cell(row, '').appendChild(bar);
      tbody.appendChild(row);
    });
  }

  function render(reports) {
    var probes = body('probes');
    var levels = {};
    var ciphers = {};
    document.getElementById('probes-empty').hidden = reports.length > 0;
    reports.forEach(function (report) {
      var row = document.createElement('tr');
      cell(row, report.domain);
      cell(row, report.verdict, report.verdict);
      cell(row, report.endpoints.length);
      cell(row, report.endpoints.filter(function (e) { return e.verdict === 'SECURE'; }).length);
      cell(row, report.durationMillis + ' ms');
      probes.appendChild(row);
      report.endpoints.forEach(function (e) {
        count(levels, e.level === null || e.level === undefined ? 'no session' : 'level ' + e.level);
        count(ciphers, e.cipher || 'no TLS session');
      });
    });
    renderMix('levels', levels);
    renderMix('ciphers', ciphers);

    var endpoints = body('endpoints');
    if (reports.length) {
      reports[0].endpoints.forEach(function (e) {
        var row = document.createElement('tr');
        [e.protocol, e.host, e.port, e.mode, e.tlsVersion, e.cipher, e.identity, e.dane, e.level,
          e.latencyMillis].forEach(function (v) { cell(row, v); });
        cell(row, e.verdict, e.verdict);
        cell(row, e.error ? e.error.kind + ': ' + e.error.message : '');
        endpoints.appendChild(row);
      });
    }
    document.body.setAttribute('data-state', 'rendered');
  }

  function load() {
    return fetch('/probes/recent')
      .then(function (response) { return response.json(); })
      .then(render)
      .catch(function (error) {
        document.body.setAttribute('data-state', 'error');
        document.getElementById('probe-status').textContent = 'Could not load probes: ' + error;
      });
  }

  document.getElementById('probe-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var domain = document.getElementById('probe-domain').value.trim();
    var status = document.getElementById('probe-status');
    status.textContent = 'Probing ' + domain + '…';
    fetch('/probe/' + encodeURIComponent(domain))
      .then(function (response) { return response.json(); })
      .then(function (report) {
        status.textContent = report.error ? report.error : domain + ': ' + report.verdict;
        return load();
      })
      .catch(function (error) { status.textContent = 'Probe failed: ' + error; });
  });

  load();
}());
