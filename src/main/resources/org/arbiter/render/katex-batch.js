// Draws a batch of formulas handed over as JSON [{t, d}] and answers JSON [{ok, h | e, us}].
// Options: errors are thrown (so failures are counted), no \href/\url trust, bounded macro expansion.
window.arbiterKatexBatch = function (json) {
  var reqs = JSON.parse(json);
  var out = new Array(reqs.length);
  for (var i = 0; i < reqs.length; i++) {
    var r = reqs[i];
    var t0 = performance.now();
    try {
      var h = katex.renderToString(r.t, {displayMode: r.d, throwOnError: true, trust: false, maxExpand: 1000,
        maxSize: 20, strict: "ignore", output: "html"});
      out[i] = {ok: true, h: h, us: Math.round((performance.now() - t0) * 1000)};
    } catch (e) {
      out[i] = {ok: false, e: String(e && e.message ? e.message : e), us: Math.round((performance.now() - t0) * 1000)};
    }
  }
  return JSON.stringify(out);
};
