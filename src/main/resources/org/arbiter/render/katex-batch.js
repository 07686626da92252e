// Draws a batch of formulas handed over as JSON [{t, d}] and answers {us, r: [{ok, h | e}]}: us is the time
// for the whole batch, because performance.now() in WebKit is coarsened to 1 ms and cannot time one formula.
// Options: errors are thrown (so failures are counted), no \href/\url trust, bounded macro expansion.
window.arbiterKatexBatch = function (json) {
  var reqs = JSON.parse(json);
  var out = new Array(reqs.length);
  var t0 = performance.now();
  for (var i = 0; i < reqs.length; i++) {
    var r = reqs[i];
    try {
      out[i] = {ok: true, h: katex.renderToString(r.t, {displayMode: r.d, throwOnError: true, trust: false,
        maxExpand: 1000, maxSize: 20, strict: "ignore", output: "html"})};
    } catch (e) {
      out[i] = {ok: false, e: String(e && e.message ? e.message : e)};
    }
  }
  return JSON.stringify({us: Math.round((performance.now() - t0) * 1000), r: out});
};
