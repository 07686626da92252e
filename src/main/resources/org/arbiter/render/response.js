// The only script the response page runs. Java calls window.arbiter.*; the page calls Java only through
// window.arbiterBridge (link clicks, scroll position). Content is inserted as already-sanitized HTML.
(function () {
  var drawn = document.getElementById('drawn');
  var raw = document.getElementById('raw');
  var notice = document.getElementById('notice');
  var marks = {};
  var focused = -1;
  // A step focused while the pane has no height yet (the window's first draw can come before its first layout):
  // scrolling it "into view" then would scroll it to the top past what is above it (a code block's language label),
  // so it waits for the pane's first size.
  var focusPending = false;
  // The raw view is hidden unless asked for, so it is parsed after the new pair has been painted (or at
  // once when anything needs it): its parse stays off the submit-to-next-pair path.
  var rawPending = null;
  var rawTimer = null;
  // The next response, parsed and laid out while the expert reads this one (arbiter.preload), in a second container
  // beside #drawn: at the same width, zero height, clipped to nothing. A switch then only swaps
  // the two containers' classes, so neither the HTML parse nor the line breaking of KaTeX-heavy content is on the
  // submit-to-next-pair path. After a swap the container that was shown becomes the hidden one, content and all:
  // its DOM is replaced by the next preload, not torn down on the switch.
  var stage = document.getElementById('stage');
  var pre = null;
  var preReady = false;

  function fillRaw() {
    if (rawTimer !== null) { clearTimeout(rawTimer); rawTimer = null; }
    if (rawPending === null) return;
    raw.innerHTML = rawPending;
    rawPending = null;
    for (var i in marks) applyMark(i);
    if (focused >= 0) {
      var els = raw.querySelectorAll('[data-step="' + focused + '"]');
      for (var k = 0; k < els.length; k++) els[k].classList.add('focused');
    }
  }

  // Only what is shown: the hidden next response has steps with the same numbers.
  function shownAll(selector) {
    return Array.prototype.slice.call(drawn.querySelectorAll(selector)).concat(Array.prototype.slice.call(raw.querySelectorAll(selector)));
  }
  function steps(i) { return shownAll('[data-step="' + i + '"]'); }
  function bridge() { return window.arbiterBridge; }

  function applyMark(i) {
    var m = marks[i];
    var els = steps(i);
    for (var k = 0; k < els.length; k++) {
      var el = els[k];
      var old = el.querySelector(':scope > .mark');
      if (old) old.parentNode.removeChild(old);
      if (!m) { el.removeAttribute('data-rating'); continue; }
      if (m.rating === null || m.rating === undefined) el.removeAttribute('data-rating');
      else el.setAttribute('data-rating', String(m.rating));
      var box = document.createElement('span');
      box.className = 'mark';
      if (m.rating !== null && m.rating !== undefined) {
        var sym = document.createElement('span');
        sym.className = 'sym r' + m.rating;
        sym.textContent = m.rating > 0 ? '\u2713' : m.rating < 0 ? '\u2717' : '\u25CB';
        sym.title = m.rating > 0 ? 'correct' : m.rating < 0 ? 'incorrect' : 'neutral';
        box.appendChild(sym);
      }
      for (var c = 0; c < m.categories.length; c++) {
        var chip = document.createElement('span');
        chip.className = 'chip';
        chip.textContent = m.categories[c];
        box.appendChild(chip);
      }
      if (m.note) {
        var note = document.createElement('span');
        note.className = 'note';
        note.textContent = '\u270E';
        note.title = 'has a note';
        box.appendChild(note);
      }
      el.appendChild(box);
    }
  }

  function visibleStep(i) {
    var els = steps(i);
    var inRaw = document.body.classList.contains('raw-mode') || document.body.classList.contains('fallback');
    for (var k = 0; k < els.length; k++) {
      if (inRaw === !!(els[k].closest && els[k].closest('#raw'))) return els[k];
    }
    return els.length ? els[0] : null;
  }

  window.arbiter = {
    preload: function (html) {
      if (pre === null) {
        pre = document.createElement('div');
        pre.className = 'pre';
        stage.appendChild(pre);
      }
      pre.innerHTML = html;
      preReady = true;
      // Lay it out now, at the width it will be shown at, while the expert reads.
      return pre.offsetHeight;
    },
    // Shows what preload laid out; false when there is none (the page was reloaded since): then call show.
    showPreloaded: function (rawHtml) {
      if (!preReady) return false;
      var shown = pre;
      pre = drawn;
      pre.removeAttribute('id');
      pre.className = 'pre';
      shown.className = '';
      shown.id = 'drawn';
      drawn = shown;
      preReady = false;
      window.arbiter.show(null, rawHtml, null, false);
      return true;
    },
    show: function (drawnHtml, rawHtml, noticeText, fallback) {
      if (drawnHtml !== null) drawn.innerHTML = drawnHtml;
      marks = {};
      focused = -1;
      focusPending = false;
      if (fallback || document.body.classList.contains('raw-mode')) {
        rawPending = null;
        raw.innerHTML = rawHtml;
      } else {
        raw.textContent = '';
        rawPending = rawHtml;
        if (rawTimer !== null) clearTimeout(rawTimer);
        rawTimer = setTimeout(fillRaw, 100);
      }
      notice.textContent = noticeText || '';
      notice.style.display = noticeText ? 'block' : 'none';
      document.body.classList.toggle('fallback', !!fallback);
      window.scrollTo(0, 0);
    },
    setRaw: function (on) {
      if (!!on === document.body.classList.contains('raw-mode')) return;
      fillRaw();
      var ratio = window.arbiter.scrollRatio();
      document.body.classList.toggle('raw-mode', !!on);
      if (focused >= 0) window.arbiter.focusStep(focused);
      else window.arbiter.scrollTo(ratio);
    },
    focusStep: function (i) {
      var old = shownAll('.focused');
      for (var k = 0; k < old.length; k++) old[k].classList.remove('focused');
      focused = i;
      var els = steps(i);
      for (var k = 0; k < els.length; k++) els[k].classList.add('focused');
      var v = visibleStep(i);
      focusPending = false;
      if (v && window.innerHeight > 0) v.scrollIntoView({block: 'nearest'});
      else if (v) focusPending = true;
      return els.length > 0;
    },
    markStep: function (i, rating, categories, note) {
      fillRaw();
      marks[i] = {rating: rating, categories: categories || [], note: !!note};
      applyMark(i);
    },
    clearMark: function (i) {
      fillRaw();
      delete marks[i];
      applyMark(i);
    },
    setDark: function (on) {
      document.documentElement.classList.toggle('dark', !!on);
      document.body.classList.toggle('dark', !!on);
    },
    setFitted: function (on) { document.body.classList.toggle('fitted', !!on); },
    contentHeight: function () {
      // CSS pixels of the whole page, padding included: the height at which it needs no scroll bar.
      return Math.ceil(document.body.getBoundingClientRect().height);
    },
    scrollRatio: function () {
      var max = document.documentElement.scrollHeight - window.innerHeight;
      return max > 0 ? Math.min(1, Math.max(0, window.pageYOffset / max)) : 0;
    },
    scrollTo: function (ratio) {
      var max = document.documentElement.scrollHeight - window.innerHeight;
      window.scrollTo(0, Math.round(Math.max(0, max) * ratio));
    }
  };

  document.addEventListener('click', function (e) {
    var t = e.target;
    var a = t && t.closest ? t.closest('[data-href]') : null;
    if (a || (t && t.closest && t.closest('a'))) e.preventDefault();
    if (a && bridge()) bridge().linkClicked(a.getAttribute('data-href'));
  }, true);
  document.addEventListener('submit', function (e) { e.preventDefault(); }, true);
  window.addEventListener('resize', function () {
    if (!focusPending || window.innerHeight <= 0) return;
    focusPending = false;
    var v = focused >= 0 ? visibleStep(focused) : null;
    if (v) v.scrollIntoView({block: 'nearest'});
  });
  window.addEventListener('scroll', function () {
    if (bridge()) bridge().scrolled(window.arbiter.scrollRatio());
  });
})();
