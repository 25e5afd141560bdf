/* The console's few behaviours, kept out of the pages (CSP: no inline script of ours). */
var C24 = (function () {
  'use strict';
  var sessionTimer = null;
  var DOWNLOAD_COOKIE = 'c24download';

  function base() {
    return document.body.getAttribute('data-context-path') || '';
  }

  /** Sign out just before the server would end the session, so no page is left half-alive. */
  function armSessionTimeout() {
    var seconds = parseInt(document.body.getAttribute('data-session-timeout') || '0', 10);
    if (!seconds || seconds <= 0) {
      return;
    }
    if (sessionTimer) {
      clearTimeout(sessionTimer);
    }
    sessionTimer = setTimeout(function () {
      window.location.assign(base() + '/signout?reason=timeout');
    }, Math.max(seconds - 30, 5) * 1000);
  }

  function randomToken() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  function hasCookie(name, value) {
    return document.cookie.split(';').some(function (c) {
      return c.trim() === name + '=' + value;
    });
  }

  /** After the criteria passed the server's check: fetch the CSV from the export API. */
  function startDownload(args) {
    if (!args || args.validationFailed || !args.downloadUrl) {
      return;
    }
    var status = document.getElementById('download-status');
    var token = randomToken();
    var started = Date.now();
    status.textContent = 'Preparing the download…';
    status.classList.add('busy');
    window.location.assign(args.downloadUrl + '&download_token=' + token);
    var poll = setInterval(function () {
      if (hasCookie(DOWNLOAD_COOKIE, token)) {
        clearInterval(poll);
        status.classList.remove('busy');
        status.textContent = 'Download started.';
      } else if (Date.now() - started > 120000) {
        clearInterval(poll);
        status.classList.remove('busy');
        status.textContent = 'The download did not start. Please try again.';
      }
    }, 250);
  }

  /** The browser's time zone is the default, when the server offers it. */
  function defaultZone() {
    if (!window.PrimeFaces || !window.Intl) {
      return;
    }
    var menu = PrimeFaces.widgets && PrimeFaces.widgets.tzMenu;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!menu || !zone || menu.getSelectedValue() !== 'UTC' || zone === 'UTC') {
      return;
    }
    var offered = menu.input.find('option').filter(function () {
      return this.value === zone;
    });
    if (offered.length) {
      menu.selectValue(zone);
    }
  }

  /** Times printed in UTC also show in the reader's own zone. */
  function localizeTimes() {
    var times = document.querySelectorAll('.transcript time[datetime], .transcript-facts time[datetime]');
    Array.prototype.forEach.call(times, function (t) {
      var d = new Date(t.getAttribute('datetime'));
      if (!isNaN(d.getTime())) {
        t.title = t.textContent;
        t.textContent = d.toLocaleString();
      }
    });
  }

  function bindCopy() {
    document.addEventListener('click', function (e) {
      var button = e.target.closest ? e.target.closest('button[data-copy]') : null;
      if (!button) {
        return;
      }
      var input = document.getElementById(button.getAttribute('data-copy'));
      input.select();
      var done = function () {
        button.textContent = 'Copied';
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, function () {
          document.execCommand('copy');
          done();
        });
      } else {
        document.execCommand('copy');
        done();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    armSessionTimeout();
    if (window.jQuery) {
      window.jQuery(document).on('pfAjaxComplete', armSessionTimeout);
    }
    // After PrimeFaces has built its widgets (they are created in jQuery's ready queue).
    if (window.jQuery) {
      window.jQuery(defaultZone);
    }
    localizeTimes();
    bindCopy();
  });

  return { startDownload: startDownload };
})();
