// ∇lab's network card (issue 19): a small network with hidden layers trained on a built-in data
// set, and the boundary watched epoch by epoch. The server trains it (nablab train --layers) and
// sends at most 60 frames (ŷ on a small grid, the data in the hidden units' coordinates, the
// weights); this script only draws them. app.js owns the page and calls
// window.nablabNetwork(page) once with the helpers the cards share. No bundler: a plain script
// loaded (deferred) before app.js.
"use strict";

window.nablabNetwork = function (page) {
  const { state, t, $, el, clear, math, fmt, table, apiBoth, section, PLOT_CONFIG } = page;
  const SVG = "http://www.w3.org/2000/svg";
  const CLASS = [["#1f77b4", 0], ["#d62728", 1]];
  const POSITIVE = "#d62728", NEGATIVE = "#1f77b4";
  // Each data set's network and η that learn it at the defaults (1000 epochs, seed 1).
  const SUGGESTED = { "example:xor": ["2,2,1", "0.1"], "example:circles": ["2,4,1", "0.5"],
    "example:sine": ["1,8,1", "0.1"] };
  // η per optimizer for these small networks (Adam's 0.001 would barely move in 1000 epochs).
  const NETWORK_LR = { gd: 0.1, momentum: 0.05, nesterov: 0.05, adagrad: 0.1, rmsprop: 0.01, adam: 0.01 };
  const SUBSCRIPT = "₀₁₂₃₄₅₆₇₈₉", SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
  const player = { frame: 0, timer: null, data: null };

  function digits(n, table) { return String(n).split("").map((d) => table[Number(d)]).join(""); }
  function sub(n) { return digits(n, SUBSCRIPT); }
  function sup(n) { return "⁽" + digits(n, SUPERSCRIPT) + "⁾"; }

  function runNetwork(opts) {
    return section("network", $("network-out"), async () => {
      const body = { data: $("network-data").value, layers: $("network-layers").value.trim(),
        activation: $("network-activation").value, optimizer: $("network-optimizer").value };
      const lr = parseFloat($("network-lr").value);
      if (Number.isFinite(lr)) body.lr = lr;
      const epochs = parseInt($("network-epochs").value, 10);
      if (Number.isFinite(epochs)) body.epochs = epochs;
      const seed = parseInt($("network-seed").value, 10);
      if (Number.isFinite(seed)) body.seed = seed;
      stop();
      const answer = await apiBoth("/api/view/train", body);
      player.frame = -1; // a new run starts at its last frame
      return { answer: answer, render: showNetwork };
    }, opts);
  }

  // The summary, the player and its pictures, then the formulas in matrix form.
  function showNetwork(out, data) {
    const result = data.result, frames = data.frames;
    player.data = data;
    const count = frames.epochs.length;
    if (player.frame < 0 || player.frame >= count) player.frame = count - 1;
    const summary = el("p", summaryText(result), "verdict");
    summary.id = "network-summary";
    out.appendChild(summary);
    out.appendChild(el("p", result.message, "muted"));
    out.appendChild(playerRow(count));
    const plots = el("div", null, "plots");
    for (const id of ["network-boundary", "network-hidden", "network-loss"]) {
      if (id === "network-hidden" && !frames.hidden) continue;
      const plot = el("div", null, "plot");
      plot.id = id;
      plots.appendChild(plot);
    }
    out.appendChild(plots);
    const graph = el("figure", null, "network-graph");
    graph.id = "network-graph";
    out.appendChild(graph);
    showFormulas(out, result);
    drawFrame();
  }

  function summaryText(result) {
    const loss = fmt(result.final_loss, 4);
    if (result.accuracy === null || result.accuracy === undefined) {
      return t("web.network.summary_regression", { epochs: result.epochs, loss: loss });
    }
    return t("web.network.summary", { epochs: result.epochs, loss: loss,
      correct: Math.round(result.accuracy * result.rows), rows: result.rows,
      percent: fmt(Math.round(1000 * result.accuracy) / 10) });
  }

  function playerRow(count) {
    const row = el("div", null, "row network-player");
    const play = el("button", t(player.timer ? "web.network.pause" : "web.network.play"), "link");
    play.type = "button";
    play.id = "network-play";
    play.addEventListener("click", toggle);
    row.appendChild(play);
    const label = el("label", null, "network-slider");
    label.appendChild(el("span", t("web.network.epoch")));
    const slider = el("input");
    slider.type = "range"; slider.id = "network-epoch"; slider.min = "0"; slider.max = String(count - 1);
    slider.step = "1"; slider.value = String(player.frame);
    slider.addEventListener("input", () => { stop(); player.frame = Number(slider.value); drawFrame(); });
    label.appendChild(slider);
    row.appendChild(label);
    const caption = el("span", "", "muted");
    caption.id = "network-frame";
    row.appendChild(caption);
    return row;
  }

  function toggle() {
    if (player.timer) { stop(); return; }
    const count = player.data.frames.epochs.length;
    if (player.frame >= count - 1) player.frame = 0;
    $("network-play").textContent = t("web.network.pause");
    player.timer = setInterval(() => {
      if (!player.data || player.frame >= player.data.frames.epochs.length - 1) { stop(); return; }
      player.frame += 1;
      drawFrame();
    }, 180);
    drawFrame();
  }

  function stop() {
    if (player.timer) clearInterval(player.timer);
    player.timer = null;
    if ($("network-play")) $("network-play").textContent = t("web.network.play");
  }

  // Everything the slider moves: the caption, the boundary (or ŷ(x)), the hidden
  // coordinates, the loss's marker and the network's weights.
  function drawFrame() {
    const data = player.data;
    if (!data || !$("network-boundary")) return;
    const frames = data.frames, k = player.frame, epoch = frames.epochs[k];
    $("network-epoch").value = String(k);
    const accuracy = frames.accuracy ? frames.accuracy[k] : null;
    $("network-frame").textContent = t(accuracy === null ? "web.network.frame_regression" : "web.network.frame",
      { epoch: epoch, epochs: data.result.epochs, loss: fmt(frames.loss[k], 4),
        percent: accuracy === null ? "" : fmt(Math.round(1000 * accuracy) / 10) });
    const done = [drawBoundary(frames, k), drawLoss(data.result, frames, k)];
    if (frames.hidden) done.push(drawHidden(frames, k));
    drawGraph(data.result, frames.weights ? frames.weights[k] : data.result.weights);
    Promise.all(done).then(() => { $("network-boundary").dataset.ready = "1"; });
  }

  function dataTraces(xs, ys, labels) {
    return CLASS.map(([colour, label]) => {
      const keep = labels.map((y) => (y >= 0.5) === (label === 1));
      return { type: "scatter", mode: "markers", name: t("web.network.class", { label: label }),
        x: xs.filter((_, i) => keep[i]), y: ys.filter((_, i) => keep[i]),
        marker: { color: colour, size: 8, line: { color: "black", width: 1 } } };
    });
  }

  // the legend at the figure's foot, under the axis title, whatever the plot's height
  const LEGEND = { orientation: "h", x: 0, xanchor: "left", yref: "container", y: 0, yanchor: "bottom" };
  const MARGIN = { l: 50, r: 10, b: 110, t: 50 };

  function drawBoundary(frames, k) {
    const target = $("network-boundary"), points = frames.data;
    if (frames.curve) {
      return Plotly.react(target, [
        { type: "scatter", mode: "markers", x: points.x[0], y: points.y, name: "y",
          marker: { color: "black", size: 6 } },
        { type: "scatter", mode: "lines", x: frames.curve.x, y: frames.curve.y[k], name: "ŷ(x)",
          line: { color: POSITIVE, width: 2.5 } }],
      { title: { text: t("web.network.curve") }, margin: MARGIN, legend: LEGEND,
        xaxis: { title: { text: "x" } }, yaxis: { title: { text: "y" } } }, PLOT_CONFIG);
    }
    if (!frames.boundary) {
      target.hidden = true;
      return Promise.resolve();
    }
    target.hidden = false;
    const grid = frames.boundary, z = grid.z[k];
    const traces = [
      { type: "heatmap", x: grid.x, y: grid.y, z: z, zmin: 0, zmax: 100, showscale: false,
        colorscale: [[0, "#9ecae1"], [0.5, "#ffffff"], [1, "#fcae91"]], opacity: 0.8,
        hovertemplate: "ŷ = %{z}%<extra></extra>", name: "ŷ" },
      { type: "contour", x: grid.x, y: grid.y, z: z, showscale: false, hoverinfo: "skip",
        contours: { start: 50, end: 50, size: 1, coloring: "none" }, line: { color: "black", width: 2.5 },
        name: t("web.network.boundary_line"), showlegend: true },
      ...dataTraces(points.x[0], points.x[1], points.y)];
    const [x0, x1] = [grid.x[0], grid.x[grid.x.length - 1]], [y0, y1] = [grid.y[0], grid.y[grid.y.length - 1]];
    return Plotly.react(target, traces, { title: { text: t("web.network.boundary") }, margin: MARGIN,
      legend: LEGEND, xaxis: { title: { text: "x₁" }, range: [x0, x1], constrain: "domain" },
      yaxis: { title: { text: "x₂" }, range: [y0, y1], scaleanchor: "x", constrain: "domain" } }, PLOT_CONFIG);
  }

  function drawHidden(frames, k) {
    const hidden = frames.hidden, layer = hidden.layer;
    const [a, b] = hidden.points[k];
    const traces = dataTraces(a, b, frames.data.y);
    const line = hidden.lines[k];
    if (line) {
      traces.push({ type: "scatter", mode: "lines", x: [line[0], line[2]], y: [line[1], line[3]],
        name: t("web.network.output_line"), line: { color: "black", width: 2.5 } });
    }
    const axis = (i) => "a" + sup(layer) + sub(i);
    const title = t(hidden.units === 2 ? "web.network.hidden" : "web.network.hidden_first_two",
      { layer: layer, count: hidden.units });
    return Plotly.react($("network-hidden"), traces, { title: { text: title }, margin: MARGIN, legend: LEGEND,
      xaxis: { title: { text: axis(1) }, range: hidden.box[0] },
      yaxis: { title: { text: axis(2) }, range: hidden.box[1] } }, PLOT_CONFIG);
  }

  function drawLoss(result, frames, k) {
    const epochs = result.loss.map((_, i) => i);
    const traces = [{ type: "scatter", mode: "lines", x: epochs, y: result.loss, name: "L(θ)",
      line: { color: "#333", width: 2 } },
    { type: "scatter", mode: "markers", x: [frames.epochs[k]], y: [frames.loss[k]], showlegend: false,
      name: t("web.network.epoch"), marker: { color: POSITIVE, size: 10 } }];
    const layout = { title: { text: t(result.accuracy_per_epoch ? "web.network.loss" : "web.network.loss_only") },
      margin: Object.assign({}, MARGIN, { r: 50 }), legend: LEGEND,
      xaxis: { title: { text: t("web.network.epoch") } }, yaxis: { title: { text: "L(θ)" }, type: "log" } };
    if (result.accuracy_per_epoch) {
      traces.push({ type: "scatter", mode: "lines", x: epochs, yaxis: "y2",
        y: result.accuracy_per_epoch.map((a) => 100 * a), name: t("web.network.accuracy"),
        line: { color: "#2ca02c", width: 1.5, dash: "dash" } });
      layout.yaxis2 = { overlaying: "y", side: "right", range: [-5, 105], title: { text: "%" },
        tickmode: "array", tickvals: [0, 25, 50, 75, 100], showgrid: false };
    }
    return Plotly.react($("network-loss"), traces, layout, PLOT_CONFIG);
  }

  // The network as an SVG: one line per weight (as thick as |w|, red w > 0, blue w < 0), the
  // units labelled x₁, h⁽¹⁾₁, ŷ, each bias under its unit, each weight on its line when few.
  function drawGraph(result, weights) {
    const figure = $("network-graph");
    clear(figure);
    const widths = result.layers, depth = widths.length - 1, most = Math.max(...widths);
    const gapX = 190, gapY = most > 8 ? 40 : 90, pad = 40;
    const width = depth * gapX + 2 * pad, height = (most - 1) * gapY + 2 * pad + 20;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", t("web.network.graph"));
    const at = (layer, unit) => [pad + layer * gapX, pad + ((most - 1) / 2 - (widths[layer] - 1) / 2 + unit) * gapY];
    let largest = 0;
    for (let l = 1; l <= depth; l++) for (const row of weights["W" + l]) for (const w of row) largest = Math.max(largest, Math.abs(w));
    const edges = widths.slice(1).reduce((s, n, i) => s + n * widths[i], 0);
    const labels = [];
    for (let l = 1; l <= depth; l++) {
      weights["W" + l].forEach((row, i) => row.forEach((w, j) => {
        const [x0, y0] = at(l - 1, j), [x1, y1] = at(l, i);
        const line = document.createElementNS(SVG, "line");
        for (const [k, v] of [["x1", x0], ["y1", y0], ["x2", x1], ["y2", y1]]) line.setAttribute(k, v);
        line.setAttribute("stroke", w >= 0 ? POSITIVE : NEGATIVE);
        line.setAttribute("stroke-width", (0.5 + 7.5 * (largest > 0 ? Math.abs(w) / largest : 0)).toFixed(2));
        line.setAttribute("stroke-opacity", "0.8");
        line.setAttribute("stroke-linecap", "round");
        line.dataset.weight = "W" + l + "[" + (i + 1) + "," + (j + 1) + "]";
        const tip = document.createElementNS(SVG, "title");
        tip.textContent = "W" + sup(l) + sub(i + 1) + sub(j + 1) + " = " + fmt(w, 4);
        line.appendChild(tip);
        svg.appendChild(line);
        if (edges <= 24) labels.push([x0 + 0.38 * (x1 - x0), y0 + 0.38 * (y1 - y0), fixed(w)]);
      }));
    }
    for (const [x, y, text] of labels) svg.appendChild(svgText(x, y, text, "weight"));
    widths.forEach((n, layer) => {
      for (let unit = 0; unit < n; unit++) {
        const [x, y] = at(layer, unit);
        const circle = document.createElementNS(SVG, "circle");
        circle.setAttribute("cx", x); circle.setAttribute("cy", y);
        circle.setAttribute("r", most > 8 ? 12 : 18);
        circle.setAttribute("class", layer === 0 ? "input" : layer === depth ? "output" : "hidden");
        svg.appendChild(circle);
        if (most > 12) continue;
        const name = layer === 0 ? "x" + sub(unit + 1) : layer === depth ? "ŷ" : "h" + sup(layer) + sub(unit + 1);
        svg.appendChild(svgText(x, y, name, "unit"));
        if (layer > 0) svg.appendChild(svgText(x, y + (most > 8 ? 22 : 30), "b = " + fixed(weights["b" + layer][unit][0]), "bias"));
      }
    });
    figure.appendChild(svg);
    figure.appendChild(el("figcaption", t("web.network.graph"), "muted"));
  }

  // A weight as printed on its line: two decimals, a real minus sign.
  function fixed(w) { return (Math.abs(w) < 0.005 ? 0 : w).toFixed(2).replace("-", "−"); }

  function svgText(x, y, text, cls) {
    const node = document.createElementNS(SVG, "text");
    node.setAttribute("x", x); node.setAttribute("y", y);
    node.setAttribute("class", cls);
    node.setAttribute("text-anchor", "middle");
    node.setAttribute("dominant-baseline", "central");
    node.textContent = text;
    return node;
  }

  // The model, the forward and the backward pass, each line with its shape.
  function showFormulas(out, result) {
    const formulas = result.formulas;
    out.appendChild(el("h3", t("web.network.formulas")));
    out.appendChild(math(formulas.model_latex, true));
    for (const [heading, lines] of [["web.network.forward", formulas.forward], ["web.network.backward", formulas.backward]]) {
      out.appendChild(el("h3", t(heading)));
      const rows = lines.map((line) => [math(line.latex), line.shape, line.factors]);
      const shapes = table(["", t("web.network.shape"), t("web.network.factors")], rows);
      shapes.className = "network-formulas";
      out.appendChild(shapes);
    }
  }

  // A new data set brings the network and η that learn it; an optimizer its own η.
  function wire() {
    $("network-data").addEventListener("change", () => {
      const [layers, lr] = SUGGESTED[$("network-data").value] || SUGGESTED["example:xor"];
      $("network-layers").value = layers;
      $("network-lr").value = String(NETWORK_LR[$("network-optimizer").value] === 0.1 ? lr : NETWORK_LR[$("network-optimizer").value]);
    });
    $("network-optimizer").addEventListener("change", () => {
      const rate = NETWORK_LR[$("network-optimizer").value];
      if (rate !== undefined) $("network-lr").value = String(rate);
    });
  }

  function hideNetwork() { stop(); player.data = null; }

  return { runNetwork, wireNetwork: wire, hideNetwork };
};
