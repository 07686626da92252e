// The lab dashboard: polls a cheap stamp every second and redraws from /dashboard/api/overview when it changes.
// Text goes in with textContent; only the SVG charts, drawn and escaped by the server, go in as markup.
"use strict";
(function () {
  const POLL_MS = 1000;
  const paging = { batch: 0, queue: 0, limit: 50 };
  let stamp = null;
  let last = null;

  const $ = (id) => document.getElementById(id);
  const pct = (v) => v === null || v === undefined ? "–" : (v * 100).toFixed(1) + "%";
  const num = (v, d) => v === null || v === undefined ? "–" : Number(v).toFixed(d);
  const secs = (ms) => ms === null || ms === undefined || ms < 0 ? "–" : (ms / 1000).toFixed(1) + " s";
  const when = (iso) => iso ? iso.replace("T", " ").replace(/\.\d+Z$/, "Z") : "–";

  function row(table, cells, header) {
    const tr = document.createElement("tr");
    for (const c of cells) {
      const td = document.createElement(header ? "th" : "td");
      if (c !== null && typeof c === "object") {
        td.textContent = c.text;
        if (c.flag) td.className = "flag";
        if (c.cls) td.className = c.cls;
        if (c.title) td.title = c.title;
      } else {
        td.textContent = c;
      }
      tr.appendChild(td);
    }
    table.appendChild(tr);
  }

  function table(id, head, rows) {
    const t = $(id);
    t.replaceChildren();
    row(t, head, true);
    rows.forEach((r) => row(t, r, false));
  }

  function svg(id, markup) {
    $(id).innerHTML = markup || "<p class=\"muted\">nothing to plot yet</p>";
  }

  function render(d) {
    last = d;
    $("lead").textContent = d.lead ? "lead: " + d.lead : "";
    $("csrf").value = d.csrf || "";
    $("logout-form").hidden = !d.csrf;
    const r = d.report;
    const cards = $("cards");
    cards.replaceChildren();
    const card = (label, value, id) => {
      const c = document.createElement("div");
      c.className = "card";
      const b = document.createElement("b");
      b.textContent = value;
      if (id) b.id = id;
      const s = document.createElement("span");
      s.className = "muted";
      s.textContent = label;
      c.append(b, s);
      cards.appendChild(c);
    };
    card("judgments (current versions)", String(r.judgments), "judgment-count");
    card("items", String(r.items));
    card("annotators", String(d.annotators.length));
    card("α ordinal", num(r.alpha_ordinal, 3));
    card("α nominal", num(r.alpha_nominal, 3));
    card("Fleiss κ", num(r.fleiss_kappa, 3));
    card("to adjudicate", String(d.adjudication.total), "queue-count");

    svg("imports-chart", d.charts.imports);
    table("imports", ["Import", "Batches", "Items", "Assignments", "Completed", "Created"],
      d.imports.map((p) => [p.source, p.batches, p.items, p.assigned, p.completed, when(p.created_at)]));

    const b = d.batches;
    $("batch-page").textContent = b.total === 0 ? "no batches" : (b.offset + 1) + "–" + Math.min(b.total, b.offset + b.rows.length) + " of " + b.total;
    svg("batches-chart", d.charts.batches);
    table("batches", ["Batch", "Items", "Judged / due", "Complete", "By whom", "Last activity"],
      b.rows.map((x) => [x.name, x.items, x.judged + " / " + x.due, x.completed + " / " + x.assigned,
        { text: x.annotators.map((a) => a.name + " " + a.judged + (a.completed ? " ✓" : "")).join(", "), cls: "text who" },
        when(x.last_activity)]));

    table("annotators", ["Annotator", "Judgments", "Gold accuracy", "α vs others", "Left rate", "p", "Evidence agreement",
      "Median time", "Too fast", "Last activity"],
      d.annotators.map((a) => [a.name, a.judgments,
        pct(a.gold_accuracy) + (a.gold_judgments ? " (" + a.gold_judgments + ")" : ""),
        num(a.alpha_vs_others, 3),
        { text: pct(a.left_rate) + " of " + a.left_judgments + (a.flagged_position_bias ? " ⚑" : ""), flag: a.flagged_position_bias },
        a.left_p === null ? "–" : (a.left_p < 0.001 ? "<0.001" : num(a.left_p, 3)),
        a.evidence_decisive ? pct(a.evidence_agreement) + " of " + a.evidence_decisive : "–",
        secs(a.median_active_ms),
        { text: a.judgments ? pct(a.fast_judgments / a.judgments) + " (" + a.fast_judgments + ")" : "–", flag: a.fast_judgments > 0 },
        when(a.last_activity)]));
    svg("left-rate-chart", d.charts.left_rate);
    $("histograms").innerHTML = d.charts.time_histograms.join("");

    svg("leaderboard-chart", d.charts.leaderboard);
    table("leaderboard", ["Model", "Score", "95% interval", "Judgments"],
      r.leaderboard.map((m) => [m.model, num(m.score, 0), num(m.ci_low, 0) + " – " + num(m.ci_high, 0), m.games]));
    svg("alpha-chart", d.charts.alpha_over_time);

    const q = d.adjudication;
    $("queue-page").textContent = q.total === 0 ? "nothing to adjudicate" : (q.offset + 1) + "–" + Math.min(q.total, q.offset + q.rows.length) + " of " + q.total;
    table("adjudication", ["Item", "Batch", "Why", "Labels"],
      q.rows.map((e) => [e.item_id, { text: e.batch, cls: "text" }, { text: e.reasons.join("; "), cls: "text" },
        { text: e.labels.map((l) => l.annotator + ": " + (l.preference || "no preference")).join(" · "), cls: "text" }]));

    const ex = $("exports");
    if (ex.childElementCount === 0) {
      for (const f of d.export_formats) {
        const li = document.createElement("li");
        for (const labels of ["expert", "consensus"]) {
          const a = document.createElement("a");
          a.href = "/dashboard/download/export?format=" + encodeURIComponent(f) + "&labels=" + labels;
          a.textContent = f + " (" + labels + ")";
          a.setAttribute("download", "");
          a.dataset.format = f;
          li.append(a, document.createTextNode("  "));
        }
        ex.appendChild(li);
      }
    }
    $("status").textContent = "updated " + new Date().toLocaleTimeString() + " · report computed in " + d.report_ms + " ms";
  }

  async function load() {
    const url = "/dashboard/api/overview?batch_offset=" + paging.batch + "&queue_offset=" + paging.queue + "&limit=" + paging.limit;
    const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
    if (res.status === 401) { location.href = "/dashboard/login"; return; }
    if (!res.ok) throw new Error("overview: HTTP " + res.status);
    const d = await res.json();
    stamp = d.stamp;
    render(d);
  }

  async function poll() {
    try {
      const res = await fetch("/dashboard/api/state", { credentials: "same-origin", cache: "no-store" });
      if (res.status === 401) { location.href = "/dashboard/login"; return; }
      const s = await res.json();
      if (s.stamp !== stamp) await load();
    } catch (e) {
      $("status").textContent = "server unreachable, retrying… (" + e.message + ")";
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const p of document.querySelectorAll("[data-pager]")) {
      p.addEventListener("click", (ev) => {
        const step = Number(ev.target.dataset.step || 0);
        if (!step || !last) return;
        const key = p.dataset.pager;
        const total = key === "batch" ? last.batches.total : last.adjudication.total;
        paging[key] = Math.max(0, Math.min(Math.max(0, total - 1), paging[key] + step * paging.limit));
        load();
      });
    }
    load().catch((e) => { $("status").textContent = e.message; }).finally(() => setTimeout(poll, POLL_MS));
  });
})();
