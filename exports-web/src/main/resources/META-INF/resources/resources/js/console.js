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

  /**
   * After a request that re-rendered the control that sent it: the focus would drop to the page's
   * body, so it goes to the first field in error within {@code scope}, or else to {@code id}.
   */
  function focusAfter(args, id, scope) {
    var invalid = args && args.validationFailed
      ? document.querySelector(scope + ' .ui-state-error, ' + scope + ' [aria-invalid="true"]')
      : null;
    var target = invalid || document.getElementById(id);
    if (target && target.focus) {
      target.focus();
    }
  }

  /** After the criteria passed the server's check: fetch the CSV from the export API. */
  function startDownload(args) {
    focusAfter(args, 'exports:download', '.criteria-panel');
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

  /** After Preview: the rows are current, and the focus goes to the preview's heading. */
  function previewShown(args) {
    if (!args || args.validationFailed) {
      var invalid = document.querySelector('.criteria-panel .ui-state-error, .criteria-panel [aria-invalid="true"]');
      if (invalid && invalid.focus) {
        invalid.focus();
      }
      return;
    }
    var title = document.getElementById('preview-title');
    if (title) {
      title.focus();
    }
  }

  /**
   * After a report was chosen the whole form is new: the focus would drop to the page's body, so
   * it goes back to the chosen report's link, and the keyboard goes on from there.
   */
  function reportChosen() {
    var chosen = document.querySelector('.report.selected .report-link');
    if (chosen) {
      chosen.focus();
    }
  }

  /** A change to the criteria after Preview leaves the rows of the old ones: say so. */
  function markStale() {
    var panel = document.getElementById('exports:preview-panel');
    var note = document.getElementById('stale-note');
    if (panel && note && note.hidden) {
      panel.classList.add('stale');
      note.hidden = false;
    }
  }

  function bindStale() {
    if (!window.jQuery) {
      return;
    }
    // PrimeFaces' menus signal a pick with jQuery's change on their hidden inputs; typed dates
    // with the input's own change.
    window.jQuery(document).on('change input', '[id="exports:criteria-panel"] :input', markStale);
  }

  /** The Columns picker's summary follows the boxes ticked: "All columns", "2 of 36 columns". */
  function bindColumnsSummary() {
    document.addEventListener('change', function (e) {
      var box = e.target;
      if (!box.closest || !box.closest('.columns-picker')) {
        return;
      }
      var picker = box.closest('.columns-picker');
      var summary = picker.querySelector('#columns-summary');
      var ticked = picker.querySelectorAll('input[type=checkbox]:checked').length;
      summary.textContent = ticked === 0
        ? summary.getAttribute('data-all')
        : ticked + ' of ' + summary.getAttribute('data-of') + ' columns';
    });
    // Closed like the menus beside it: by a click elsewhere, or Escape (the focus back on it).
    document.addEventListener('click', function (e) {
      Array.prototype.forEach.call(document.querySelectorAll('.columns-picker[open]'), function (picker) {
        if (!picker.contains(e.target)) {
          picker.open = false;
        }
      });
    });
    document.addEventListener('keydown', function (e) {
      var picker = e.key === 'Escape' && e.target.closest ? e.target.closest('.columns-picker[open]') : null;
      if (picker) {
        picker.open = false;
        picker.querySelector('summary').focus();
      }
    });
  }

  /** The definition of a preview column: one click on the "?" beside its title. */
  function bindColumnInfo() {
    var box = null;
    var opener = null;
    function close() {
      if (box && !box.hidden) {
        box.hidden = true;
        if (opener) {
          opener.setAttribute('aria-expanded', 'false');
          opener.focus();
        }
      }
    }
    document.addEventListener('click', function (e) {
      var button = e.target.closest ? e.target.closest('button.column-info') : null;
      box = document.getElementById('column-definition');
      if (!box) {
        return;
      }
      if (button) {
        e.preventDefault();
        e.stopPropagation();
        opener = button;
        document.getElementById('column-definition-title').textContent = button.getAttribute('data-title');
        document.getElementById('column-definition-name').textContent = button.getAttribute('data-column');
        document.getElementById('column-definition-text').textContent = button.getAttribute('data-definition');
        var r = button.getBoundingClientRect();
        box.hidden = false;
        var width = box.offsetWidth;
        box.style.top = (window.scrollY + r.bottom + 6) + 'px';
        box.style.left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + window.innerWidth - width - 8)) + 'px';
        button.setAttribute('aria-expanded', 'true');
        box.querySelector('.column-definition-close').focus();
      } else if (!box.hidden && (!e.target.closest('#column-definition') || e.target.closest('.column-definition-close'))) {
        close();
      }
    }, true);
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        close();
      }
    });
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
      // Tell the server too, so that what depends on the zone (the range's days) follows.
      if (menu.triggerChange) {
        menu.triggerChange();
      }
    }
  }

  /**
   * Transcript times: printed in UTC by the server (kept as the tooltip), shown in the reader's
   * zone as 2026-10-23 12:15:02 Europe/Amsterdam.
   */
  function localizeTimes() {
    if (!window.Intl) {
      return;
    }
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === 'UTC') {
      return;
    }
    var format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false
    });
    var times = document.querySelectorAll('.transcript time[datetime], .transcript-facts time[datetime]');
    Array.prototype.forEach.call(times, function (t) {
      var d = new Date(t.getAttribute('datetime'));
      if (!isNaN(d.getTime())) {
        t.title = t.textContent;
        t.textContent = format.format(d).replace('T', ' ') + ' ' + zone;
      }
    });
  }

  /** "Back" returns to the console page the reader came from, as it was, when there is one. */
  function bindBack() {
    document.addEventListener('click', function (e) {
      var link = e.target.closest ? e.target.closest('a[data-back]') : null;
      if (!link || !document.referrer || window.history.length < 2) {
        return;
      }
      var from = new URL(document.referrer);
      if (from.origin === window.location.origin && from.pathname.indexOf(base() + '/') === 0) {
        e.preventDefault();
        window.history.back();
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
    bindBack();
    bindCopy();
    bindStale();
    bindColumnInfo();
    bindColumnsSummary();
  });

  return {
    startDownload: startDownload, previewShown: previewShown, reportChosen: reportChosen,
    focusAfter: focusAfter
  };
})();
