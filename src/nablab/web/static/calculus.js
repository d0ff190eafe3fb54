// ∇lab's calculus cards (issue 16): the two-variable limit, mixed partials, Taylor
// polynomials, implicit differentiation and the chain rule. app.js owns the page (its state,
// the API, the URL, the language); it calls window.nablabCalculus(page) once with the helpers
// these cards share, and gets back their run and show functions. No bundler: a plain script
// loaded (deferred) before app.js.
"use strict";

window.nablabCalculus = function (page) {
  const { state, t, $, el, clear, math, fmt, vec, table, paragraphs, apiBoth, formulaBody,
    section, fullPoint, showPlots, contourTrace, PLOT_CONFIG } = page;

  // ---------------------------------------------------------------- limits in two variables
  // The limit in two variables (no wrt, the whole point): along paths, in polar form.
  function runLimit2(opts) {
    return section("limit", $("limit-out"), async () => {
      const names = state.parsed ? state.parsed.variables : [];
      const at = $("limit-at").value.trim();
      if (!fullPoint(at, names)) throw Object.assign(new Error(), { info: { message: t("web.limit.needs_point") } });
      const answer = await apiBoth("/api/view/limit", formulaBody({ at: at }));
      return { answer: answer, render: showLimit2 };
    }, Object.assign({ mode: "limit2" }, opts));
  }

  function showLimit2(out, data) {
    out.appendChild(math(data.latex, true));
    if (data.continuous) out.appendChild(el("p", data.continuous));
    out.appendChild(el("h3", data.paths_heading));
    const paths = table(data.columns, data.rows);
    paths.id = "limit2-paths";
    out.appendChild(paths);
    out.appendChild(el("p", data.paths_note, "muted"));
    paragraphs(out, data.polar_heading, data.polar);
    out.appendChild(el("h3", data.result_heading));
    const verdict = el("p", data.conclusion);
    verdict.id = "limit2-conclusion";
    out.appendChild(verdict);
    drawLimit2(data.picture);
  }

  // The paths in the plane over f's contours, and f along each path against t, each path in
  // one colour in both: two paths heading to different heights at t = 0 prove there is no
  // limit. t = 0 (the point) is never a sample: where f is undefined there, the point and each
  // path's limit are open circles (holes), as on a blackboard.
  const PATH_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
    "#17becf"];
  function drawLimit2(picture) {
    const plane = $("limit-plane"), along = $("limit-along");
    if (!picture) { hideLimitPlots(); return; }
    showPlots("limit-plane", true);
    const hole = picture.defined ? "circle" : "circle-open";
    const [a, b] = picture.at, names = picture.variables;
    // the legend at the figure's foot, under the axis title, whatever the plot's height
    const legend = { orientation: "h", x: 0, xanchor: "left", yref: "container", y: 0, yanchor: "bottom" };
    const margin = { l: 50, r: 10, b: 130, t: 40 };
    const inPlane = [contourTrace(picture, false)];
    const onT = [];
    picture.paths.forEach((path, i) => {
      const colour = PATH_COLOURS[i % PATH_COLOURS.length];
      inPlane.push({ type: "scatter", mode: "lines", x: path.x, y: path.y, name: path.name,
        legendgroup: path.name, line: { color: colour, width: 2.5 }, hoverinfo: "name" });
      onT.push({ type: "scatter", mode: "lines", x: path.t, y: path.f, name: path.name,
        legendgroup: path.name, line: { color: colour, width: 2 } });
      if (path.limit !== null) {
        onT.push({ type: "scatter", mode: "markers", x: [0], y: [path.limit], showlegend: false,
          legendgroup: path.name, name: path.name + ": " + fmt(path.limit, 4),
          marker: { symbol: hole, size: 11, color: colour, line: { color: colour, width: 2 } } });
      }
    });
    inPlane.push({ type: "scatter", mode: "markers", x: [a], y: [b],
      name: t(picture.defined ? "web.limit.point" : "web.limit.hole", { point: vec(picture.at) }),
      marker: { symbol: hole, size: 13, color: "black", line: { color: "black", width: 2 } } });
    const shapes = [{ type: "line", xref: "x", yref: "paper", x0: 0, x1: 0, y0: 0, y1: 1,
      line: { color: "#999", width: 1 } }];
    if (picture.value !== null) {
      shapes.push({ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: picture.value,
        y1: picture.value, line: { color: "black", width: 1.5, dash: "dash" } });
    }
    Promise.all([
      Plotly.react(plane, inPlane, { title: { text: picture.plane }, margin: margin,
        xaxis: { title: { text: names[0] }, range: picture.window[0].slice(), constrain: "domain" },
        yaxis: { title: { text: names[1] }, range: picture.window[1].slice(), constrain: "domain",
          scaleanchor: "x" },
        legend: legend }, PLOT_CONFIG),
      Plotly.react(along, onT, { title: { text: picture.along }, margin: margin,
        xaxis: { title: { text: picture.t }, range: [-1.05, 1.05] }, yaxis: { title: { text: "f" } },
        shapes: shapes, legend: legend }, PLOT_CONFIG),
    ]).then(() => { plane.dataset.ready = "1"; along.dataset.ready = "1"; });
  }

  function hideLimitPlots() {
    for (const id of ["limit-plane", "limit-along"]) {
      if (window.Plotly) Plotly.purge($(id));
      delete $(id).dataset.ready;
    }
    showPlots("limit-plane", false);
  }

  // The two-variable limit's button: for a function of two variables, once the point is whole.
  function updateLimit2() {
    const names = state.parsed ? state.parsed.variables : [];
    const button = $("limit2-run");
    button.hidden = names.length !== 2;
    button.disabled = !fullPoint($("limit-at").value, names);
    button.textContent = t("web.limit.two", { names: (names.length === 2 ? names : ["x", "y"]).join(", ") });
  }

  // ---------------------------------------------------------------- mixed partials
  // f_x, f_xy, … on the way; every order of the same variables and Clairaut's statement; the
  // values at the point (from the limit definition where the formulas are undefined).
  function showMixed(out, data) {
    out.appendChild(math(data.function, true));
    out.appendChild(el("h3", data.heading));
    out.appendChild(mathList("mixed-steps", data.steps));
    if (data.orderings.length > 1) {
      out.appendChild(el("h3", data.orderings_heading));
      out.appendChild(mathList("mixed-orderings", data.orderings));
      out.appendChild(el("p", data.agree, "line"));
    }
    if (!data.at_heading) return;
    out.appendChild(el("h3", data.at_heading));
    if (data.limit_definition) out.appendChild(el("p", data.limit_definition, "muted"));
    out.appendChild(mathList("mixed-values", data.values));
    const verdict = el("div");
    verdict.id = "mixed-verdict";
    for (const line of data.verdict) verdict.appendChild(el("p", line, "line"));
    out.appendChild(verdict);
  }

  function mathList(id, lines) {
    const list = el("div", null, "partials");
    list.id = id;
    for (const line of lines) list.appendChild(math(line, true));
    return list;
  }

  // ---------------------------------------------------------------- Taylor polynomials
  function runTaylor(opts) {
    return section("taylor", $("taylor-out"), async () => {
      const at = $("taylor-at").value.trim();
      if (!at) throw Object.assign(new Error(), { info: { message: t("web.taylor.needs_at") } });
      const order = Math.max(0, Math.min(10, parseInt($("taylor-order").value, 10) || 0));
      const answer = await apiBoth("/api/view/taylor", formulaBody({ at: at, order: order }));
      return { answer: answer, render: showTaylor };
    }, opts);
  }

  function hideTaylorPlot() {
    const plot = $("taylor-plot");
    if (window.Plotly) Plotly.purge(plot);
    clear(plot);
    delete plot.dataset.ready;
    plot.hidden = true;
  }

  // T_n, each term with its name, ∇f(a) and H f(a), the error table, then the picture.
  function showTaylor(out, data) {
    const result = data.result, n = result.order;
    const names = result.variables;
    const centre = (names.length === 1 ? names[0] : "(" + names.join(", ") + ")") + " = " +
      vec(Object.values(result.at));
    out.appendChild(el("h3", t("taylor.heading", { order: n, point: centre })));
    out.appendChild(math("T_{" + n + "}(" + names.join(", ") + ") = " + data.latex.polynomial, true));
    out.appendChild(el("h3", t("web.taylor.terms")));
    const rows = result.terms.map((term, i) => [data.names[i], math(data.latex.terms[i])]);
    const terms = table(["", ""], rows);
    terms.id = "taylor-terms";
    terms.deleteTHead();
    out.appendChild(terms);
    out.appendChild(el("h3", data.errors_heading));
    const sub = "T" + String(n).split("").map((d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]).join("");
    const errors = table(["h", "f", sub, "|f − " + sub + "|", t("taylor.order")],
      result.errors.map((e) => [fmt(e.h), fmt(e.f, 8), fmt(e.taylor, 8), fmt(e.error, 3),
        e.order === null ? "" : e.order.toFixed(2)]));
    errors.id = "taylor-errors";
    out.appendChild(errors);
    out.appendChild(el("p", data.error_note, "muted"));
    drawTaylor(data.picture);
  }

  const TAYLOR_COLOURS = ["#d62728", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"];
  function drawTaylor(picture) {
    const plot = $("taylor-plot");
    plot.hidden = false;
    if (!picture) {
      Plotly.purge(plot); clear(plot); delete plot.dataset.ready;
      plot.appendChild(el("p", t("web.taylor.no_picture"), "muted"));
      return;
    }
    clear(plot);
    const layout = { margin: { l: 50, r: 10, b: 40, t: 40 },
      legend: { orientation: "h", x: 0, y: -0.08, yanchor: "top" } };
    let traces;
    if (picture.kind === "curves") {
      traces = [{ type: "scatter", mode: "lines", x: picture.x, y: picture.f, name: "f",
        line: { color: "#1f77b4", width: 3 } }];
      picture.curves.forEach((c, i) => traces.push({ type: "scatter", mode: "lines", x: picture.x, y: c.y,
        name: t("web.taylor.model", { order: c.order }),
        line: { color: TAYLOR_COLOURS[i % TAYLOR_COLOURS.length], width: 2, dash: "dash" } }));
      traces.push({ type: "scatter", mode: "markers", x: [picture.at[0]], y: [picture.value], name: t("web.taylor.centre"),
        marker: { size: 10, color: "black" } });
      Object.assign(layout, { title: { text: t("web.taylor.curves") },
        xaxis: { range: picture.window[0].slice() }, yaxis: { range: picture.ylim.slice() } });
      layout.legend.y = -0.1;
    } else {
      const levels = picture.levels;
      const contours = { start: levels[0], end: levels[levels.length - 1],
        size: (levels[levels.length - 1] - levels[0]) / Math.max(1, levels.length - 1), coloring: "lines" };
      traces = [
        { type: "contour", x: picture.x, y: picture.y, z: picture.f, name: "f", showscale: false,
          autocontour: false, contours: contours, colorscale: "Viridis", line: { width: 1.5 },
          showlegend: true, hoverinfo: "x+y+z" },
        { type: "contour", x: picture.x, y: picture.y, z: picture.taylor, showscale: false,
          name: t("web.taylor.model", { order: picture.order }), autocontour: false, contours: contours,
          colorscale: [[0, "#000"], [1, "#000"]], line: { width: 1.2, dash: "dash" }, showlegend: true,
          hoverinfo: "x+y+z" },
        { type: "scatter", mode: "markers", x: [picture.at[0]], y: [picture.at[1]], name: t("web.taylor.centre"),
          marker: { size: 10, color: "#d62728", line: { color: "black", width: 1 } } }];
      Object.assign(layout, { title: { text: t("web.taylor.contours", { order: picture.order }) },
        xaxis: { range: picture.window[0].slice(), constrain: "domain" },
        yaxis: { range: picture.window[1].slice(), constrain: "domain", scaleanchor: "x" } });
    }
    Plotly.purge(plot);
    Promise.resolve(Plotly.react(plot, traces, layout, PLOT_CONFIG)).then(() => { plot.dataset.ready = "1"; });
  }

  // ---------------------------------------------------------------- implicit differentiation
  function runImplicit(opts) {
    return section("implicit", $("implicit-out"), async () => {
      const equation = $("implicit-equation").value.trim();
      if (!equation) throw Object.assign(new Error(), { info: { message: t("web.implicit.needs_equation") } });
      const answer = await apiBoth("/api/view/implicit", { expression: equation, at: $("implicit-at").value.trim() || undefined });
      return { answer: answer, render: showImplicit };
    }, opts);
  }

  function hidePlot(id) {
    const plot = $(id);
    if (window.Plotly) Plotly.purge(plot);
    clear(plot);
    delete plot.dataset.ready;
    plot.hidden = true;
  }

  // dy/dx in KaTeX, then the command's lines (its headings as headings), then the picture.
  function showImplicit(out, data) {
    for (const line of data.latex.derivatives) out.appendChild(math(line, true));
    for (const [line, heading] of data.lines) out.appendChild(el(heading ? "h3" : "p", line, heading ? null : "line"));
    drawImplicit(data.picture, data.result);
  }

  function drawImplicit(picture, result) {
    const plot = $("implicit-plot");
    plot.hidden = false;
    clear(plot);
    if (!picture) {
      Plotly.purge(plot); delete plot.dataset.ready;
      plot.appendChild(el("p", t("web.implicit.no_picture"), "muted"));
      return;
    }
    if (picture.kind === "surface") { drawLevelSurface(plot, picture, result); return; }
    const traces = [{ type: "contour", x: picture.x, y: picture.y, z: picture.z, name: t("web.implicit.curve"),
      autocontour: false, contours: { start: 0, end: 0, size: 1, coloring: "lines" }, showscale: false,
      colorscale: [[0, "#1f77b4"], [1, "#1f77b4"]], line: { width: 2.5 }, showlegend: true, hoverinfo: "skip" }];
    const annotations = [];
    const h = picture.window[0][1];
    if (result.point && result.gradient) {
      const a = Object.values(result.point), g = result.gradient, norm = Math.hypot(g[0], g[1]);
      if (norm > 0) {
        const n = [g[0] / norm, g[1] / norm], d = [n[1], -n[0]], s = 2 * h;
        traces.push({ type: "scatter", mode: "lines", name: t("web.implicit.tangent"),
          x: [a[0] - s * d[0], a[0] + s * d[0]], y: [a[1] - s * d[1], a[1] + s * d[1]], line: { color: "#d62728", width: 2 } });
        traces.push({ type: "scatter", mode: "lines", name: t("web.implicit.normal"),
          x: [a[0] - s * n[0], a[0] + s * n[0]], y: [a[1] - s * n[1], a[1] + s * n[1]], line: { color: "#2ca02c", width: 2, dash: "dash" } });
        const tip = [a[0] + n[0] * h / 3, a[1] + n[1] * h / 3];
        annotations.push({ x: tip[0], y: tip[1], ax: a[0], ay: a[1], xref: "x", yref: "y", axref: "x", ayref: "y",
          showarrow: true, arrowhead: 2, arrowwidth: 2.5, arrowcolor: "#ff7f0e", text: "" });
        annotations.push({ x: tip[0], y: tip[1], xref: "x", yref: "y", showarrow: false, text: t("web.implicit.gradient"),
          font: { color: "#ff7f0e", size: 14 }, xshift: 14 * n[0], yshift: 14 * n[1] });
      }
      traces.push({ type: "scatter", mode: "markers", x: [a[0]], y: [a[1]], name: t("web.implicit.point"),
        marker: { size: 10, color: "black" } });
    }
    Plotly.purge(plot);
    Promise.resolve(Plotly.react(plot, traces, {
      title: { text: t("web.implicit.plot") }, margin: { l: 50, r: 10, b: 90, t: 40 },
      xaxis: { range: picture.window[0].slice(), constrain: "domain", title: { text: result.variables[0] } },
      yaxis: { range: picture.window[1].slice(), constrain: "domain", scaleanchor: "x", title: { text: result.variables[1] } },
      annotations: annotations, legend: { orientation: "h", x: 0, y: -0.22, yanchor: "top" },
    }, PLOT_CONFIG)).then(() => { plot.dataset.ready = "1"; });
  }

  // F(x, y, z) = c: the level surface F − c = 0 (plotly's isosurface of the server's samples),
  // and at the point the tangent plane (⟂ ∇F) and ∇F as an arrow (a shaft and a cone).
  function drawLevelSurface(plot, picture, result) {
    const axis = picture.axis, n = axis.length, names = result.variables;
    const x = [], y = [], z = [];
    for (let k = 0; k < n; k += 1) {
      for (let j = 0; j < n; j += 1) {
        for (let i = 0; i < n; i += 1) { x.push(axis[i]); y.push(axis[j]); z.push(axis[k]); }
      }
    }
    const traces = [{ type: "isosurface", x: x, y: y, z: z, value: picture.values, isomin: 0, isomax: 0,
      surface: { count: 1 }, caps: { x: { show: false }, y: { show: false }, z: { show: false } },
      colorscale: [[0, "#1f77b4"], [1, "#1f77b4"]], showscale: false, opacity: 0.55,
      name: t("web.implicit.surface"), showlegend: true, hoverinfo: "x+y+z" }];
    if (picture.plane) {
      const [px, py, pz] = picture.plane;
      traces.push({ type: "surface", x: px, y: py, z: pz, name: t("web.implicit.plane"), showlegend: true,
        colorscale: [[0, "#d62728"], [1, "#d62728"]], showscale: false, opacity: 0.6, hoverinfo: "name" });
    }
    if (picture.arrow) {
      const a = picture.arrow.at, g = picture.arrow.vector, tip = a.map((v, i) => v + g[i]);
      traces.push({ type: "scatter3d", mode: "lines", x: [a[0], tip[0]], y: [a[1], tip[1]], z: [a[2], tip[2]],
        name: t("web.implicit.gradient"), line: { color: "#ff7f0e", width: 6 }, showlegend: true });
      traces.push({ type: "cone", x: [tip[0]], y: [tip[1]], z: [tip[2]], u: [g[0]], v: [g[1]], w: [g[2]],
        anchor: "tip", sizemode: "absolute", sizeref: Math.hypot(...g) / 3, showscale: false,
        colorscale: [[0, "#ff7f0e"], [1, "#ff7f0e"]], name: t("web.implicit.gradient"), hoverinfo: "name" });
      traces.push({ type: "scatter3d", mode: "markers", x: [a[0]], y: [a[1]], z: [a[2]],
        name: t("web.implicit.point"), marker: { size: 5, color: "black" } });
    }
    const range = (i) => ({ title: { text: names[i] }, range: picture.window[i].slice() });
    const scene = { xaxis: range(0), yaxis: range(1), zaxis: range(2), aspectmode: "cube" };
    if (picture.arrow) scene.camera = { eye: sideView(picture.arrow.vector) };
    Plotly.purge(plot);
    Promise.resolve(Plotly.react(plot, traces, {
      title: { text: t("web.implicit.surface_plot") }, margin: { l: 0, r: 0, b: 0, t: 40 },
      scene: scene, legend: { orientation: "h", x: 0, y: 0, yanchor: "top" },
    }, PLOT_CONFIG)).then(() => { plot.dataset.ready = "1"; });
  }

  // A camera from the side of ∇F, a little above: the plane seen edgewise enough to read as a
  // plane, and the arrow across the view (plotly's default eye may look straight down ∇F).
  function sideView(g) {
    const unit = (v) => { const n = Math.hypot(...v) || 1; return v.map((c) => c / n); };
    const cross = (p, q) => [p[1] * q[2] - p[2] * q[1], p[2] * q[0] - p[0] * q[2], p[0] * q[1] - p[1] * q[0]];
    const n = unit(g);
    let side = cross(n, [0, 0, 1]);
    if (Math.hypot(...side) < 0.3) side = cross(n, [1, 0, 0]);
    side = unit(side);
    return { x: 1.7 * side[0] + 0.9 * n[0], y: 1.7 * side[1] + 0.9 * n[1], z: 1.7 * side[2] + 0.9 * n[2] + 0.6 };
  }

  // ---------------------------------------------------------------- the chain rule
  function runChain(opts) {
    return section("chain", $("chain-out"), async () => {
      const expression = $("chain-function").value.trim(), sub = $("chain-sub").value.trim();
      if (!expression || !sub) throw Object.assign(new Error(), { info: { message: t("web.chain.needs_input") } });
      const body = { expression: expression, sub: sub };
      if ($("chain-wrt").value.trim()) body.wrt = $("chain-wrt").value.trim();
      const answer = await apiBoth("/api/view/chain", body);
      return { answer: answer, render: showChain };
    }, opts);
  }

  // The tree as nested lists (each edge's partial beside its variable), then the command's
  // lines: each path's product, their sum, the result, the check; each result in KaTeX.
  function showChain(out, data) {
    for (const line of data.head) out.appendChild(el("p", line, "line"));
    out.appendChild(el("h3", data.tree_heading));
    const list = treeList(data.tree);
    list.id = "chain-tree";
    out.appendChild(list);
    for (const [line, heading] of data.lines) out.appendChild(el(heading ? "h3" : "p", line, heading ? null : "line"));
    out.appendChild(el("h3", t("web.chain.result")));
    data.result.derivatives.forEach((d, i) => {
      const lhs = "\\frac{\\partial " + data.result.output + "}{\\partial " + d.wrt + "}";
      out.appendChild(math(lhs + " = " + data.latex[i], true));
    });
  }

  function treeList(items) {
    const list = el("ul", null, "tree");
    for (const item of items) {
      const li = el("li");
      li.appendChild(el("strong", item.name));
      if (item.edge) li.appendChild(el("span", "   " + item.edge, "muted"));
      if (item.children.length) li.appendChild(treeList(item.children));
      list.appendChild(li);
    }
    return list;
  }

  // ---------------------------------------------------------------- check my work (issue 17)
  // The card's own task (never the page's f), the learner's answer (one line) or derivation
  // (several lines), and practice problems: "New problem" draws a seed (kept in the URL, so a
  // reload shows the same problem) and fills the task with the problem's text.
  function practiceBody() {
    return { topic: $("check-topic").value, seed: parseInt($("check-seed").value, 10) || 0 };
  }

  function runPractice(opts) {
    if (!(opts && opts.restoring) || !$("check-seed").value) {
      $("check-seed").value = String(1 + Math.floor(Math.random() * 999999));
    }
    return section("check", $("check-out"), async () => {
      const problem = await apiBoth("/api/practice", practiceBody());
      $("check-task").value = problem.en.task;
      if (!(opts && opts.restoring)) $("check-answer").value = "";
      return { answer: { en: { problem: problem.en }, ko: { problem: problem.ko } }, render: showCheck };
    }, Object.assign({ mode: "practice" }, opts));
  }

  function runCheck(opts) {
    return section("check", $("check-out"), async () => {
      const task = $("check-task").value.trim();
      const typed = $("check-answer").value.split("\n").map((l) => l.trim()).filter(Boolean);
      if (!task) throw Object.assign(new Error(), { info: { message: t("web.check.needs_task") } });
      if (!typed.length) throw Object.assign(new Error(), { info: { message: t("web.check.needs_answer") } });
      const body = { expression: task };
      if (typed.length > 1) body.derivation = typed.join("\n"); else body.answer = typed[0];
      const seeded = $("check-seed").value !== "";
      const [checked, problem] = await Promise.all([apiBoth("/api/view/check", body),
        seeded ? apiBoth("/api/practice", practiceBody()) : Promise.resolve(null)]);
      const answer = {};
      for (const lang of Object.keys(checked)) {
        answer[lang] = { check: checked[lang], problem: problem && problem.en.task === task ? problem[lang] : null };
      }
      return { answer: answer, render: showCheck };
    }, Object.assign({ mode: "check" }, opts));
  }

  const VERDICT_MARK = { correct: "✓", incorrect: "✗", invalid: "?" };
  // The practice problem's question above the task and answer boxes (where it is read
  // first), the verdict and why below the Check button.
  function showCheck(out, data) {
    const box = $("check-problem");
    clear(box);
    if (data.problem) {
      box.appendChild(el("p", t("web.check.problem", { seed: data.problem.seed,
        topic: t("practice.topic." + data.problem.topic) }), "muted"));
      const prompt = el("p", data.problem.prompt, "check-prompt");
      prompt.id = "check-prompt-text";
      box.appendChild(prompt);
    }
    if (!data.check) { out.appendChild(el("p", t("web.check.needs_answer"), "muted")); return; }
    const result = data.check.result;
    const verdict = el("p", VERDICT_MARK[result.verdict] + " " + data.check.verdict, "verdict " + result.verdict);
    verdict.id = "check-verdict";
    verdict.dataset.verdict = result.verdict;
    out.appendChild(verdict);
    if (result.message) out.appendChild(el("p", result.message, "line"));
    if (result.counterexample) {
      const point = Object.entries(result.counterexample).map(([k, v]) => k + " = " + fmt(v)).join(", ");
      const ce = el("p", t("web.check.counterexample", { point: point }), "line");
      ce.id = "check-counterexample";
      out.appendChild(ce);
    }
    if (result.mistake) {
      out.appendChild(el("h3", t("web.check.slip")));
      const slip = el("p", result.mistake.message, "line slip");
      slip.id = "check-slip";
      out.appendChild(slip);
    }
    if (result.lines.length) {
      out.appendChild(el("h3", t("web.check.lines")));
      out.appendChild(derivationList(result));
    }
    for (const note of result.notes) out.appendChild(el("p", note, "muted"));
    out.appendChild(el("h3", t("web.check.expected")));
    const expected = math(data.check.latex.expected, true);
    expected.id = "check-expected";
    out.appendChild(expected);
  }

  // Each line with ✓ (equal to the right answer), ✗ (the first wrong line, or not equal to
  // the line before), → (after the slip, following from the line before), as the CLI marks them.
  function derivationList(result) {
    const list = el("ol", null, "derivation");
    list.id = "check-lines";
    for (const line of result.lines) {
      const follows = !line.ok && line.follows && result.first_wrong !== null && line.line > result.first_wrong;
      const kind = line.ok ? "ok" : follows ? "follows" : line.line === result.first_wrong ? "wrong" : "bad";
      const li = el("li", null, "line-" + kind);
      li.dataset.mark = kind;
      li.appendChild(el("span", line.ok ? "✓" : follows ? "→" : "✗", "mark"));
      li.appendChild(el("code", line.text.trim()));
      li.appendChild(el("span", t("web.check.line_" + kind), "muted why"));
      list.appendChild(li);
    }
    return list;
  }

  return { runLimit2, showLimit2, hideLimitPlots, updateLimit2, showMixed, runTaylor, hideTaylorPlot, runImplicit, hidePlot,
    runChain, runCheck, runPractice };
};
