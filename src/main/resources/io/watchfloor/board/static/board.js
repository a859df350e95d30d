// Live updates without a build step: poll the board's stamp; when it changes, fetch the page again and swap its
// main part in (forms being typed into are left alone).
(function () {
  'use strict';
  if (document.body.dataset.live !== 'true') {
    return;
  }
  var stamp = document.body.dataset.stamp;
  function typing() {
    var a = document.activeElement;
    return a && (a.tagName === 'INPUT' || a.tagName === 'TEXTAREA');
  }
  function refresh() {
    fetch(window.location.href, {credentials: 'same-origin'}).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html === null) {
        return;
      }
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var fresh = doc.getElementById('main');
      if (fresh) {
        document.getElementById('main').replaceWith(document.importNode(fresh, true));
        document.body.dataset.stamp = doc.body.dataset.stamp;
        stamp = doc.body.dataset.stamp;
      }
    }).catch(function () { });
  }
  function poll() {
    fetch('/api/stamp', {credentials: 'same-origin'}).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (s) {
      if (s && s.stamp !== stamp && !typing()) {
        refresh();
      }
    }).catch(function () { }).finally(function () {
      window.setTimeout(poll, 3000);
    });
  }
  window.setTimeout(poll, 3000);
}());
