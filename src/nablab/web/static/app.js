// ∇lab's page. Every text comes from the message catalogue (the #messages JSON); every
// number and formula comes from the JSON API. User text is only ever set as textContent,
// and LaTeX goes through KaTeX with trust off and expansion and size limits.
"use strict";

(function () {
  const MESSAGES = JSON.parse(document.getElementById("messages").textContent);
  const KATEX_OPTIONS = {
    throwOnError: false, trust: false, strict: "ignore", maxExpand: 1000, maxSize: 20,
    displayMode: false, output: "htmlAndMathml",
  };
  const MAX_LATEX = 20000;
  const RACERS = ["gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "newton", "damped_newton"];
  const COLOURS = ["#d62728", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"];
  // Each optimizer's own η (nablab.optimize.optimizers), the race's boxes before anything is typed.
  // Newton's η is its damping factor: 1 is the full step θ − H⁻¹∇f.
  const RACER_LR = { gd: 0.1, momentum: 0.001, nesterov: 0.001, adagrad: 0.01, rmsprop: 0.01, adam: 0.001,
    newton: 1, damped_newton: 1 };
  // The first page: the notes' example, and each card's options one click from theirs.
  const FIRST_PAGE = { formula: "x^2 + y^2", "limit-at": "x=1,y=2", "descent-start": "3,4" };
  // The inputs each card reads (they go in the URL with the card).
  const CARD_INPUTS = {
    diff: ["diff-at", "diff-mixed"], limit: ["limit-wrt", "limit-at"], critical: ["critical-domain"],
    surface: ["surface-range"], lagrange: ["lagrange-constraints"], taylor: ["taylor-at", "taylor-order"],
    implicit: ["implicit-equation", "implicit-at"], chain: ["chain-function", "chain-sub", "chain-wrt"],
    descent: ["descent-start", "descent-optimizer", "descent-lr", "descent-steps"],
    check: ["check-topic", "check-seed", "check-task", "check-answer"],
    network: ["network-data", "network-layers", "network-activation", "network-optimizer", "network-lr",
      "network-epochs", "network-seed"],
  };
  const CARD_OUT = { diff: "diff-out", limit: "limit-out", critical: "critical-out",
    surface: "surface-out", descent: "descent-out", lagrange: "lagrange-out", taylor: "taylor-out",
    implicit: "implicit-out", chain: "chain-out", check: "check-out", network: "network-out" };
  // Cards with their own formula: a new f leaves them as they are.
  const OWN_FORMULA = new Set(["implicit", "chain", "check", "network"]);
  // topojsonURL: geo maps (never drawn here) would otherwise fetch their outlines from a CDN.
  const PLOT_CONFIG = { displaylogo: false, responsive: true, topojsonURL: "/vendor/topojson/" };
  const state = {
    lang: document.documentElement.lang || "en",
    parsed: null, // the preview of the current formula
    parsedBoth: null, // that preview in every language ({en, ko})
    formulaError: null, // the formula's error in every language, while there is one
    cards: {}, // per card: what its result belongs to and the answer in every language
    seq: {}, // latest request number per section (older answers are dropped)
    pending: {}, // per card: the formula of its request under way
    surface: null, // the last surface samples (the descent's contour)
    start: null, // the descent's start point
    runs: null, // the last descent or race, for replays
    timer: null,
  };
  // The calculus cards (static/calculus.js), given the helpers they share with the others.
  const { runLimit2, hideLimitPlots, updateLimit2, showMixed, runTaylor, hideTaylorPlot, runImplicit, hidePlot,
    runChain, runCheck, runPractice } = window.nablabCalculus({ state, t, $, el, clear, math, fmt, vec, table, paragraphs, apiBoth,
    formulaBody, section, fullPoint, showPlots, contourTrace, PLOT_CONFIG });
  // The network card (static/network.js).
  const { runNetwork, wireNetwork, hideNetwork } = window.nablabNetwork({ state, t, $, el, clear, math, fmt, table,
    apiBoth, section, PLOT_CONFIG });

  // ---------------------------------------------------------------- text and elements
  function t(key, params) {
    const table = MESSAGES[state.lang] || MESSAGES.en;
    let text = key in table ? table[key] : key;
    for (const [name, value] of Object.entries(params || {})) {
      text = text.split("{" + name + "}").join(String(value));
    }
    return text;
  }

  function $(id) { return document.getElementById(id); }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function math(latex, display) {
    const span = el(display ? "div" : "span", null, display ? "math display" : "math");
    if (typeof latex !== "string" || latex.length > MAX_LATEX || !window.katex) {
      span.textContent = String(latex);
      return span;
    }
    window.katex.render(latex, span, Object.assign({}, KATEX_OPTIONS, { displayMode: !!display }));
    return span;
  }

  function fmt(value, digits) {
    if (value === null || value === undefined) return "—";
    if (typeof value !== "number") return String(value);
    if (value === 0) return "0";
    const text = Number.isInteger(value) && Math.abs(value) < 1e9
      ? String(value) : String(Number(value.toPrecision(digits || 6)));
    return text.replace(/-/g, "−");
  }

  function vec(values, digits) {
    const items = values.map((v) => fmt(v, digits));
    return items.length === 1 ? items[0] : "(" + items.join(", ") + ")";
  }

  function table(headers, rows) {
    const node = el("table");
    const head = node.createTHead().insertRow();
    for (const h of headers) head.appendChild(el("th", h));
    const body = node.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const cell of row) {
        const td = tr.insertCell();
        if (cell instanceof Node) td.appendChild(cell); else td.textContent = String(cell);
      }
    }
    return node;
  }

  function paragraphs(target, heading, lines) {
    if (!lines || !lines.length) return;
    if (heading) target.appendChild(el("h3", heading));
    for (const line of lines) target.appendChild(el("p", line));
  }

  // ---------------------------------------------------------------- the API
  async function api(path, body) {
    const response = await fetch(path, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(Object.assign({ lang: state.lang }, body)),
    });
    let data = null;
    try { data = await response.json(); } catch (err) { data = null; }
    if (!response.ok) {
      const error = (data && data.error) || { kind: "http", message: String(response.status) };
      throw Object.assign(new Error(error.message), { info: error, infos: data && data.errors });
    }
    return data;
  }

  // One computation, its answer in every language ({en, ko}): the language toggle only
  // re-renders (/api/both/… on the server). "/api/plot" has no text: the same for both.
  async function apiBoth(path, body) {
    if (path === "/api/plot") {
      const data = await api(path, body);
      return { en: data, ko: data };
    }
    return api("/api/both" + path.slice(4), body);
  }

  // An error in every language, from what apiBoth threw.
  function errorsOf(err) {
    if (err.infos) return err.infos;
    const info = err.info || { message: String(err) };
    return { en: info, ko: info };
  }

  function inLanguage(both) { return both ? (both[state.lang] || both.en) : null; }

  function formulaBody(extra) {
    const body = { expression: $("formula").value };
    const vars = $("vars").value.trim();
    if (vars) body.vars = vars;
    for (const [key, value] of Object.entries(extra || {})) {
      if (value !== "" && value !== null && value !== undefined) body[key] = value;
    }
    return body;
  }

  // ---------------------------------------------------------------- one state per card
  // A card's result belongs to one function and one set of options; it is kept in every
  // language, so the language toggle re-renders it, and the page says whom it belongs to.

  // The function as the preview shows it; the text as typed while the preview still shows an
  // earlier formula (a run clicked before the preview caught up: never the other function).
  function functionText() {
    const parsed = state.parsed;
    if (!parsed || state.parsedFor !== formulaKey()) return $("formula").value.trim();
    return parsed.name + "(" + parsed.variables.join(", ") + ") = " + (parsed.typed || parsed.unicode);
  }

  function optionsText(name, mode) {
    const ids = (CARD_INPUTS[name] || []).filter((id) => (name !== "limit" ||
      (mode === "steps" ? id !== "limit-at" : mode !== "limit2" || id !== "limit-wrt")) &&
      (name !== "check" || id === "check-task"));  // the check's stamp: its task
    // a textarea's lines (the constraints) are separate items, not one run-on line
    const parts = ids.flatMap((id) => $(id).value.split("\n").map((v) => v.trim())).filter(Boolean);
    if (name === "descent" && mode === "race") {
      parts.splice(1, 3);
      for (const racer of checkedRacers()) parts.push(racer + " η=" + racerRate(racer));
    }
    return parts.join("; ");
  }

  // Runs one card's request: "computing…", drops stale answers, keeps the answer in both
  // languages with what it belongs to, renders it (or its error), and records it in the URL.
  async function section(name, out, work, opts) {
    const seq = (state.seq[name] || 0) + 1;
    state.seq[name] = seq;
    const mode = (opts && opts.mode) || name;
    const own = OWN_FORMULA.has(name);
    const card = { mode: mode, formula: own ? null : formulaKey(), func: own ? null : functionText(),
      options: optionsText(name, mode),
      note: (opts && opts.note) || null, render: null, answer: null, errors: null };
    const busy = el("p", t("web.working"), "muted working");
    out.appendChild(busy);
    state.pending[name] = card.formula;
    try {
      const made = await work();
      if (state.seq[name] !== seq) return;
      card.answer = made.answer;
      card.render = made.render;
    } catch (err) {
      if (state.seq[name] !== seq) return;
      card.errors = errorsOf(err);
    }
    delete state.pending[name];
    if (!own && state.parsedFor === card.formula) card.func = functionText();  // the preview caught up
    state.cards[name] = card;
    renderCard(name);
    if (opts && opts.push) updateURL(true);
    else if (!(opts && opts.restoring)) updateURL(false);
  }

  function renderCard(name) {
    const card = state.cards[name], out = $(CARD_OUT[name]);
    clear(out);
    if (!card) return;
    if (card.stale) {
      out.appendChild(el("p", t("web.card.stale", { function: card.func }), "muted stale"));
      return;
    }
    const stamp = el("p", card.func === null ? card.options : t("web.card.for", { function: card.func }) +
      (card.options ? " · " + card.options : ""), "muted card-for");
    out.appendChild(stamp);
    if (card.note) out.appendChild(el("p", t(card.note.key, card.note.params), "muted"));
    // the paths' picture belongs to the two-variable limit only
    if (name === "limit" && (card.errors || card.mode !== "limit2")) hideLimitPlots();
    if (card.errors) {
      showError(out, inLanguage(card.errors));
      if (name === "taylor") hideTaylorPlot();  // no picture of an earlier answer
      if (name === "implicit") hidePlot("implicit-plot");
    } else card.render(out, inLanguage(card.answer));
    keyboardScrollable(out);
  }

  // A new formula: cards whose options still fit are computed again, the others say they
  // are out of date (never an old result under the new function, never an error about an
  // option the user did not touch).
  function formulaChanged() {
    const names = state.parsed ? state.parsed.variables : [];
    for (const [name, card] of Object.entries(state.cards)) {
      // a run already under way for this formula (clicked before the preview caught up)
      if (card && state.pending[name] === formulaKey()) continue;
      if (card && card.formula === formulaKey() && card.func !== functionText()) {
        card.func = functionText();  // its stamp as the preview now reads the formula
        renderCard(name);
        continue;
      }
      if (!card || card.stale || card.formula === formulaKey() || OWN_FORMULA.has(name)) continue;
      if (name === "diff" || name === "surface") continue;  // autoRun computes them
      if (name === "taylor" && fullPoint($("taylor-at").value, names)) {
        runTaylor();
        continue;
      }
      if (name === "limit" && card.mode === "limit2") {
        if (names.length === 2 && fullPoint($("limit-at").value, names)) { runLimit2(); continue; }
      } else if (name === "limit" && fits($("limit-at").value, names) && names.includes($("limit-wrt").value)) {
        if (card.mode === "steps") runSteps(); else runLimit();
        continue;
      }
      card.stale = true;
      if (name === "descent") { state.runs = null; state.models = []; $("descent-replay").disabled = true; $("descent-frame").textContent = ""; }
      if (name === "lagrange") hideLagrangePlots();
      if (name === "taylor") hideTaylorPlot();
      if (name === "limit") hideLimitPlots();
      renderCard(name);
    }
  }

  // Whether a typed point ("x=1,y=2" or "1,2") fits the variables.
  function fits(text, names) {
    const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
    if (!parts.length) return true;
    if (parts.every((p) => p.includes("="))) return parts.every((p) => names.includes(p.split("=")[0].trim()));
    return parts.length === names.length;
  }

  // Whether a typed point gives every variable a value (a Taylor centre, a limit point).
  function fullPoint(text, names) {
    const parts = text.split(",").map((p) => p.trim()).filter(Boolean);
    if (!parts.length || !fits(text, names)) return false;
    if (parts.every((p) => p.includes("="))) return names.every((n) => parts.some((p) => p.split("=")[0].trim() === n));
    return parts.length === names.length;
  }

  // A region that scrolls sideways (a wide table or formula) takes the keyboard focus, so
  // arrow keys can scroll it (WCAG 2.1.1); one that fits stays out of the Tab order.
  const SCROLLERS = ".out, .math.display, pre.caret";
  function keyboardScrollable(root) {
    const nodes = [...root.querySelectorAll(SCROLLERS)];
    if (root.matches && root.matches(SCROLLERS)) nodes.push(root);
    for (const node of nodes) {
      if (node.scrollWidth > node.clientWidth + 1) node.tabIndex = 0;
      else node.removeAttribute("tabindex");
    }
  }

  let scrollTimer = null;
  function onResize() {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => keyboardScrollable(document.body), 150);
  }

  function showError(target, info) {
    const box = el("div", null, "error");
    box.setAttribute("role", "alert");
    box.appendChild(el("strong", t("web.error.label") + ": "));
    box.appendChild(el("span", info.message));
    if (info.column) box.appendChild(el("span", " (" + t("web.error.at_column", { column: info.column }) + ")"));
    if (info.hint) box.appendChild(el("p", t("web.error.hint") + ": " + info.hint, "hint"));
    target.appendChild(box);
    return box;
  }

  // ---------------------------------------------------------------- formula preview
  let previewTimer = null;
  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 200);
  }

  async function preview(auto) {
    const text = $("formula").value;
    const seq = (state.seq.preview || 0) + 1;
    state.seq.preview = seq;
    const target = $("preview"), error = $("formula-error");
    if (!text.trim()) {
      clear(target);
      target.appendChild(el("span", t("web.preview.empty"), "muted"));
      error.hidden = true;
      state.parsed = state.parsedBoth = state.formulaError = null;
      return;
    }
    try {
      const both = await apiBoth("/api/parse", formulaBody());
      if (state.seq.preview !== seq) return;
      state.parsedBoth = both;
      state.parsedFor = formulaKey();
      state.parsed = inLanguage(both);
      state.formulaError = null;
      renderPreview();
      keyboardScrollable($("preview"));
      fillVariables(state.parsed.variables);
      formulaChanged();
      updateURL(false);
      if (auto !== false) autoRun();
    } catch (err) {
      if (state.seq.preview !== seq) return;
      state.parsed = state.parsedBoth = null;
      state.formulaError = { text: text, errors: errorsOf(err) };
      showFormulaError(text, inLanguage(state.formulaError.errors));
    }
  }

  function renderPreview() {
    const target = $("preview"), error = $("formula-error");
    if (state.formulaError) {
      showFormulaError(state.formulaError.text, inLanguage(state.formulaError.errors));
      return;
    }
    if (!state.parsedBoth) return;
    const parsed = state.parsed = inLanguage(state.parsedBoth);
    error.hidden = true;
    clear(target);
    const head = parsed.name + "(" + parsed.variables.join(", ") + ")";
    target.appendChild(math(head + " = " + parsed.latex, true));
    // how the reading policy read the text ("read as e^(−2x)"), under the formula
    for (const reading of parsed.reading || []) target.appendChild(el("p", reading.message, "reading"));
    target.appendChild(el("span", t("web.preview.variables", { names: parsed.variables.join(", ") }), "muted"));
  }

  // The error under the formula: the message, then the input with a caret at the column.
  function showFormulaError(text, info) {
    const box = $("formula-error");
    clear(box);
    box.hidden = false;
    box.appendChild(el("strong", t("web.error.label") + ": "));
    box.appendChild(el("span", info.message, "message"));
    if (info.column) {
      box.appendChild(el("span", " (" + t("web.error.at_column", { column: info.column }) + ")"));
      const shown = text.length <= 200 ? text : text.slice(0, 200);
      const caret = " ".repeat(Math.max(0, info.column - 1)) + "^";
      box.appendChild(el("pre", shown + "\n" + caret, "caret"));
    }
    if (info.hint) box.appendChild(el("p", t("web.error.hint") + ": " + info.hint, "hint"));
    keyboardScrollable(box);
  }

  function fillVariables(names) {
    const select = $("limit-wrt");
    const previous = select.value;
    clear(select);
    for (const name of names.length ? names : ["x"]) {
      const option = el("option", name);
      option.value = name;
      select.appendChild(option);
    }
    if (names.includes(previous)) select.value = previous;
    updateLimit2();
  }

  let autoTimer = null;
  function autoRun() {
    clearTimeout(autoTimer);
    autoTimer = setTimeout(() => {
      // typed on since this preview: the newer preview runs them (never with these variables)
      if (state.parsedFor !== formulaKey()) return;
      runDiff();
      if (state.parsed && state.parsed.variables.length === 2) runSurface();
      else noSurface();
    }, 150);
  }

  // ---------------------------------------------------------------- derivatives
  // The derivatives; a point typed for another function is left out (and said so).
  function runDiff(opts) {
    const names = state.parsed ? state.parsed.variables : null;
    let at = $("diff-at").value.trim(), note = null;
    if (at && names && !(opts && opts.push) && !fits(at, names)) {
      note = { key: "web.card.point_dropped", params: { at: at } };
      at = "";
    }
    // a mixed partial in variables another function had: the derivatives without it
    let mixed = $("diff-mixed").value.trim();
    const order = mixed.split(",").map((v) => v.trim()).filter(Boolean);
    if (mixed && names && !(opts && opts.push) && !order.every((v) => names.includes(v))) {
      note = { key: "web.card.mixed_dropped", params: { mixed: mixed } };
      mixed = "";
    }
    return section("diff", $("diff-out"), async () => {
      const answer = await apiBoth("/api/view/diff", formulaBody({ at: at, mixed: mixed }));
      return { answer: answer, render: showDiff };
    }, Object.assign({ note: note }, opts));
  }

  function showDiff(out, data) {
    if (data.orderings) { showMixed(out, data); return; }  // diff --mixed (calculus.js)
    const latex = data.latex, result = data.result;
    const one = result.variables.length <= 1;
    if (latex.asked) {   // a typed d/dx (…): that derivative, and its value at the point
      out.appendChild(math(latex.asked, true));
      if (result.at && result.derivative_at !== null) {
        out.appendChild(el("h3", t("web.derivatives.at_point") + " " +
                              vec(Object.values(result.at.point))));
        out.appendChild(el("p", "= " + fmt(result.derivative_at)));
      }
      return;
    }
    out.appendChild(math(latex.function, true));
    out.appendChild(el("h3", t(one ? "web.derivatives.derivative" : "web.derivatives.partials")));
    const list = el("div", null, "partials");
    list.id = "partials";
    for (const line of latex.partials) list.appendChild(math(line, true));
    if (one || latex.second.length !== result.variables.length) {
      for (const line of latex.second) list.appendChild(math(line, true));
    }
    if (result.constant) list.appendChild(el("p", t("diff.constant")));
    out.appendChild(list);
    if (!one && latex.second.length === result.variables.length) {
      out.appendChild(el("h3", t("web.derivatives.gradient")));
      out.appendChild(math(latex.gradient, true));
      out.appendChild(el("h3", t("web.derivatives.hessian")));
      out.appendChild(math(latex.hessian, true));
    }
    if (result.at) {
      const point = Object.values(result.at.point);
      out.appendChild(el("h3", t("web.derivatives.at_point") + " " + vec(point)));
      out.appendChild(el("p", "f = " + fmt(result.at.value)));
      out.appendChild(el("p", (one ? "f′" : "∇f") + " = " + vec(result.at.gradient)));
    }
  }

  // ---------------------------------------------------------------- limit and steps
  function runLimit(opts) {
    return section("limit", $("limit-out"), async () => {
      const answer = await apiBoth("/api/limit", formulaBody({
        wrt: $("limit-wrt").value, at: $("limit-at").value.trim() }));
      return { answer: answer, render: showLimit };
    }, Object.assign({ mode: "limit" }, opts));
  }


  function showLimit(out, data) {
    for (const step of data.steps) {
      const item = el("div", null, "step");
      item.appendChild(math(step.latex, true));
      item.appendChild(el("p", step.text, "muted"));
      out.appendChild(item);
    }
    if (data.numeric && data.numeric.length) {
      out.appendChild(el("h3", t("web.limit.table")));
      const rows = data.numeric.map((r) => [fmt(r.h, 2), fmt(r.forward, 12), fmt(r.forward_error, 2),
        fmt(r.central, 12), fmt(r.central_error, 2)]);
      out.appendChild(table([t("web.limit.h"), t("web.limit.forward"), t("web.limit.error"),
        t("web.limit.central"), t("web.limit.error")], rows));
    }
  }

  function runSteps(opts) {
    return section("limit", $("limit-out"), async () => {
      const answer = await apiBoth("/api/steps", formulaBody({ wrt: $("limit-wrt").value }));
      return { answer: answer, render: showSteps };
    }, Object.assign({ mode: "steps" }, opts));
  }

  function showSteps(out, data) {
    data.steps.forEach((step, i) => {
      const item = el("div", null, "step");
      item.appendChild(el("span", (i + 1) + ".", "number"));
      item.appendChild(math(step.latex, true));
      item.appendChild(el("p", step.text, "muted"));
      out.appendChild(item);
    });
  }

  // ---------------------------------------------------------------- critical points
  // One minus sign on the page: the server's exact forms are written with ASCII "-".
  function minus(text) { return String(text).replace(/-/g, "−"); }

  function pointText(point) {
    if (point.exact) return minus("(" + Object.values(point.exact).join(", ") + ")");
    return vec(Object.values(point.point));
  }

  function runCritical(opts) {
    return section("critical", $("critical-out"), async () => {
      const answer = await apiBoth("/api/critical", formulaBody({ domain: $("critical-domain").value.trim() }));
      return { answer: answer, render: showCritical };
    }, opts);
  }

  function showCritical(out, data) {
    out.appendChild(el("p", t(data.complete ? "critical.complete" : "critical.incomplete"), "muted"));
    if (!data.points.length) out.appendChild(el("p", t("web.critical.none")));
    else {
      const rows = data.points.map((p) => [pointText(p), p.value_exact ? minus(p.value_exact) : fmt(p.value),
        p.differentiable === false ? "—" : p.eigenvalues.map((v) => fmt(v, 4)).join(", "),
        t("critical.kind." + p.kind)]);
      out.appendChild(table([t("critical.column.point"), t("critical.column.value"),
        t("critical.column.eigenvalues"), t("critical.column.kind")], rows));
    }
    for (const line of data.explanation) out.appendChild(el("p", line));
  }

  // ---------------------------------------------------------------- surface and contour
  function runSurface(opts) {
    return section("surface", $("surface-out"), async () => {
      const answer = await apiBoth("/api/plot", formulaBody({ range: $("surface-range").value.trim() }));
      return { answer: answer, render: showSurface };
    }, opts);
  }

  function showSurface(out, data) {
    const fresh = state.surface !== data;
    state.surface = data;
    showPlots("surface-3d", true);
    // the same samples again (a language switch): a fresh plot, as react() would not recalc
    if (!fresh) for (const id of ["surface-3d", "surface-contour"]) Plotly.purge($(id));
    drawSurface(data);
    if (!fresh) return;  // a language switch: the descent card re-renders itself
    if (state.runs && state.runsFor === formulaKey()) animate(state.runs, state.models);
    else drawDescentBackground();
  }

  // No surface: a function without two variables, or one whose surface was not asked for
  // (a link that ran other cards); no contour, no stale picture, and the sentence that is true.
  function noSurface() {
    state.seq.surface = (state.seq.surface || 0) + 1;
    state.surface = null;
    for (const id of ["surface-3d", "surface-contour", "descent-plot"]) {
      if (window.Plotly) Plotly.purge($(id));
      delete $(id).dataset.ready;
    }
    showPlots("surface-3d", false);
    $("descent-plot").hidden = true;
    delete state.cards.surface;
    const out = $("surface-out");
    clear(out);
    if (!state.parsed) return;
    const two = state.parsed.variables.length === 2;
    out.appendChild(el("p", t(two ? "web.surface.not_run" : "web.surface.needs_two"), "muted"));
  }

  // Shows or hides the plot boxes of a card (no empty boxes).
  function showPlots(id, shown) {
    const box = $(id).closest(".plots") || $(id);
    box.hidden = !shown;
  }

  function drawSurface(data) {
    const names = data.variables;
    Plotly.react($("surface-3d"), [{
      type: "surface", x: data.x, y: data.y, z: data.z, colorscale: "Viridis", showscale: false,
      contours: { z: { show: true, project: { z: true }, usecolormap: true } },
      name: t("web.surface.surface"),
    }], {
      title: { text: surfaceTitle("web.surface.surface") }, margin: { l: 0, r: 0, b: 0, t: 40 },
      scene: { xaxis: { title: { text: names[0] } }, yaxis: { title: { text: names[1] } },
        zaxis: { title: { text: "f" } } },
    }, PLOT_CONFIG);
    Plotly.react($("surface-contour"), [contourTrace(data, true)], {
      title: { text: surfaceTitle("web.surface.contour") }, margin: { l: 50, r: 10, b: 40, t: 40 },
      xaxis: { title: { text: names[0] } }, yaxis: sameScale(data, { title: { text: names[1] } }),
    }, PLOT_CONFIG);
  }

  // One scale on both axes when the server says the ranges are comparable (equal_scale).
  function sameScale(data, axis) {
    return (!data || data.equal_scale !== false) ? Object.assign(axis, { scaleanchor: "x" }) : axis;
  }

  // A figure's title with the function as typed (the preview's Unicode), as the CLI's figures.
  function surfaceTitle(key) {
    const parsed = state.parsed;
    if (!parsed || !parsed.typed) return t(key);
    return t(key) + ": " + parsed.name + "(" + parsed.variables.join(", ") + ") = " + parsed.typed;
  }

  function contourTrace(data, filled) {
    if (data.levels && data.levels.length > 1) return levelledContour(data, filled);
    return { type: "contour", x: data.x, y: data.y, z: data.z, colorscale: "Viridis",
      ncontours: 20, showscale: filled, hoverinfo: "x+y+z",
      contours: { coloring: filled ? "fill" : "lines" }, line: { width: 1 } };
  }

  // The server's levels may be uneven (geometric in a narrow valley), and plotly only draws
  // even ones: z is mapped piecewise linearly so that level i becomes i, and the lines fall
  // exactly on the server's levels; hover and colour bar show f itself.
  function levelIndex(levels, z) {
    if (z === null || z === undefined) return null;
    const last = levels.length - 1;
    let i = 0;
    while (i < last - 1 && z > levels[i + 1]) i += 1;
    return i + (z - levels[i]) / (levels[i + 1] - levels[i]);
  }

  function levelledContour(data, filled) {
    const levels = data.levels, n = levels.length;
    const z = data.z.map((row) => row.map((v) => levelIndex(levels, v)));
    const text = data.z.map((row) => row.map((v) => fmt(v, 4)));
    const ticks = levels.map((_, i) => i).filter((i) => i % Math.ceil(n / 8) === 0);
    return { type: "contour", x: data.x, y: data.y, z: z, text: text, colorscale: "Viridis",
      autocontour: false, contours: { start: 0, end: n - 1, size: 1, coloring: filled ? "fill" : "lines" },
      showscale: filled, line: { width: 1 }, zmin: 0, zmax: n - 1,
      colorbar: { tickvals: ticks, ticktext: ticks.map((i) => fmt(levels[i], 3)) },
      hovertemplate: "(%{x:.3g}, %{y:.3g})<br>f = %{text}<extra></extra>" };
  }

  // ---------------------------------------------------------------- gradient descent
  // The function's window fills the plot area, so every click lands inside it.
  function descentLayout() {
    const names = state.surface ? state.surface.variables : ["x", "y"];
    const window_ = state.surface ? state.surface.window : [[-5, 5], [-5, 5]];
    // the legend in a row under the plot: with one scale on both axes the plot area shrinks,
    // and a legend anchored to the figure's corner would float at the page's edge
    // pinned to the figure's foot, under the axis title: Newton's models add rows on a phone
    const models = (state.models || []).some((list) => list.length);
    return { margin: { l: 50, r: 10, b: models ? 120 : 90, t: 10 }, showlegend: true,
      legend: { orientation: "h", x: 0.5, xanchor: "center", yref: "container", y: 0, yanchor: "bottom" },
      xaxis: { title: { text: names[0] }, range: window_[0].slice(), constrain: "domain" },
      yaxis: sameScale(state.surface, { title: { text: names[1] }, range: window_[1].slice(), constrain: "domain" }) };
  }

  // Plotly.react keeps a scale-anchored plot's old ranges (it writes the constrained range
  // back into the layout), so a new window starts from a fresh plot.
  function windowReact(plot, traces, layout) {
    const old = plot.layout && plot.layout.yaxis && plot.dataset.window;
    const window_ = JSON.stringify([layout.xaxis.range, layout.yaxis.range]);
    if (old && old !== window_) Plotly.purge(plot);
    plot.dataset.window = window_;
    return Plotly.react(plot, traces, layout, PLOT_CONFIG);
  }

  function formulaKey() { return $("formula").value + "\u0000" + $("vars").value; }

  // θ₀ as the start box has it (a click writes it there): the run and the marker agree.
  function startPoint() {
    const typed = $("descent-start").value.split(",").map((v) => v.trim() === "" ? NaN : Number(v));
    return typed.length === 2 && typed.every(Number.isFinite) ? typed : null;
  }

  function startTrace() {
    const start = startPoint();
    return { type: "scatter", mode: "markers", x: start ? [start[0]] : [],
      y: start ? [start[1]] : [], name: "θ₀",
      marker: { size: 12, color: "white", line: { color: "black", width: 2 } } };
  }

  function drawDescentBackground() {
    if (!state.surface) return;
    const plot = $("descent-plot");
    plot.hidden = false;
    clearInterval(state.timer);
    windowReact(plot, [contourTrace(state.surface, false), startTrace()], descentLayout());
    plot.dataset.ready = "1";
  }

  // A click on the contour plot sets θ₀: pixel → data through plotly's own axes.
  function onDescentClick(event) {
    const plot = $("descent-plot");
    const layout = plot._fullLayout;
    const area = plot.querySelector(".nsewdrag");
    if (!layout || !area) return;
    const box = area.getBoundingClientRect();
    const x = layout.xaxis.p2c(event.clientX - box.left);
    const y = layout.yaxis.p2c(event.clientY - box.top);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    state.start = [Number(x.toPrecision(4)), Number(y.toPrecision(4))];
    $("descent-start").value = state.start.join(",");
    Plotly.restyle(plot, { x: [[state.start[0]]], y: [[state.start[1]]] }, [1]);
  }

  function descentOptions() {
    const start = $("descent-start").value.trim();
    if (!start) throw Object.assign(new Error(), { info: { message: t("web.descent.needs_start") } });
    const steps = Math.max(1, Math.min(10000, parseInt($("descent-steps").value, 10) || 500));
    return { start: start, steps: steps };
  }

  function runDescent(opts) {
    return section("descent", $("descent-out"), async () => {
      const options = descentOptions();
      const answer = await apiBoth("/api/view/descend", formulaBody(Object.assign(options, {
        optimizer: $("descent-optimizer").value, lr: parseFloat($("descent-lr").value) || null })));
      return { answer: answer, render: showDescent };
    }, Object.assign({ mode: "descent" }, opts));
  }

  // data: the descent's JSON (result) and its Newton steps' quadratic models (models).
  function showDescent(out, view) {
    const data = view.result;
    animate([data], view.models);
    out.appendChild(el("p", data.message));
    out.appendChild(el("p", "θ = " + vec(Object.values(data.final.point)) + "   f = " +
      fmt(data.final.value) + "   |∇f| = " + fmt(data.final.grad_norm, 3)));
    modelNote(out, view.models);
  }

  function checkedRacers() { return RACERS.filter((n) => $("racer-" + n) && $("racer-" + n).checked); }

  // The η typed beside a racer (its own default when the box is empty or not a number).
  function racerRate(name) {
    const box = $("racer-lr-" + name);
    const value = box ? parseFloat(box.value) : NaN;
    return Number.isFinite(value) && value > 0 ? value : RACER_LR[name];
  }

  // Every racer runs with the η typed for it.
  function runRace(opts) {
    return section("descent", $("descent-out"), async () => {
      const options = descentOptions();
      const names = checkedRacers();
      const answer = await apiBoth("/api/view/race", formulaBody(Object.assign(options, {
        optimizers: names.join(","), lr: names.map(racerRate).join(",") })));
      return { answer: answer, render: showRace };
    }, Object.assign({ mode: "race" }, opts));
  }

  function showRace(out, view) {
    const data = view.result;
    animate(data.results, view.models);
    const rows = data.results.map((r) => [t("optimize.name." + r.optimizer), fmt(r.learning_rate),
      t("optimize.status_word." + r.status), r.steps, fmt(r.final.value),
      vec(Object.values(r.final.point))]);
    out.appendChild(table([t("web.descent.column.optimizer"), "η", t("web.descent.column.status"),
      t("web.descent.column.steps"), "f(θ)", t("web.descent.column.final")], rows));
    out.appendChild(el("p", t("web.descent.ranking", { ranking: data.ranking.join(" > ") })));
    modelNote(out, view.models);
  }

  // The paths grow over about two seconds; the plot's dataset says how far (tests read it).
  function animate(runs, models) {
    state.runs = runs;
    state.models = models || [];
    state.runsFor = formulaKey();
    $("descent-replay").disabled = false;
    if (!state.surface) return;
    const plot = $("descent-plot");
    plot.hidden = false;
    clearInterval(state.timer);
    // a fresh plot: react() with the same samples skips plotly's recalc (and trips on it)
    Plotly.purge(plot);
    const traces = runs.map((run, i) => ({ type: "scatter", mode: "lines+markers", x: [], y: [],
      name: t("optimize.name." + run.optimizer),
      line: { color: COLOURS[i % COLOURS.length], width: 2 }, marker: { size: 4 } }));
    windowReact(plot, [contourTrace(state.surface, false), startTrace(), ...traces,
      ...modelTraces(runs, state.models)], descentLayout());
    const total = Math.max(...runs.map((r) => r.path.length));
    const frames = Math.min(total, 60);
    let frame = 0;
    plot.dataset.animation = "running";
    const tick = () => {
      frame += 1;
      const k = Math.ceil((frame / frames) * total);
      const update = { x: runs.map((r) => r.path.slice(0, k).map((p) => p[0])),
        y: runs.map((r) => r.path.slice(0, k).map((p) => p.length > 1 ? p[1] : 0)) };
      Plotly.restyle(plot, update, runs.map((_, i) => i + 2));
      $("descent-frame").textContent = t("web.descent.frame", { k: Math.min(k, total) - 1, total: total - 1 });
      plot.dataset.frame = String(Math.min(k, total));
      if (frame >= frames) {
        clearInterval(state.timer);
        plot.dataset.animation = "done";
      }
    };
    state.timer = setInterval(tick, 33);
  }

  function modelNote(out, models) {
    if ((models || []).some((list) => list.length)) out.appendChild(el("p", t("web.descent.model_note"), "muted"));
  }

  // Each Newton step's quadratic model T₂ (computed by the server from the step's ∇f and H):
  // dashed, its level curve through θ_k; ×, its minimiser θ_k − H⁻¹∇f (where η = 1 lands).
  function modelTraces(runs, models) {
    const traces = [];
    (models || []).forEach((list, i) => {
      if (!list.length) return;
      const colour = COLOURS[i % COLOURS.length], first = !traces.length;
      const x = [], y = [];
      for (const m of list) { x.push(...m.x, null); y.push(...m.y, null); }
      traces.push({ type: "scatter", mode: "lines", x: x, y: y, name: t("web.descent.model"),
        legendgroup: "model", showlegend: first, hoverinfo: "skip",
        line: { color: colour, width: 1.2, dash: "dash" } });
      traces.push({ type: "scatter", mode: "markers", name: t("web.descent.model_minimum"),
        x: list.map((m) => m.centre[0]), y: list.map((m) => m.centre[1]),
        legendgroup: "model_min", showlegend: first,
        hovertemplate: "%{text}<br>(%{x:.4g}, %{y:.4g})<extra></extra>",
        text: list.map((m) => t("web.descent.model_step", { k: m.step })),
        marker: { symbol: "x-thin", size: 10, line: { color: colour, width: 2 } } });
    });
    return traces;
  }

  // ---------------------------------------------------------------- Lagrange
  function runLagrange(opts) {
    return section("lagrange", $("lagrange-out"), async () => {
      const constraints = $("lagrange-constraints").value.split("\n").map((s) => s.trim()).filter(Boolean);
      const answer = await apiBoth("/api/view/lagrange", formulaBody({ constraint: constraints }));
      return { answer: answer, render: showLagrange };
    }, opts);
  }

  function hideLagrangePlots() {
    for (const id of ["lagrange-plane", "lagrange-hike"]) {
      if (window.Plotly) Plotly.purge($(id));
      clear($(id));
      delete $(id).dataset.ready;
    }
    showPlots("lagrange-plane", false);
  }

  function showLagrange(out, data) {
    const latex = data.latex, text = data.text;
    out.appendChild(math(latex.function, true));
    for (const c of latex.constraints) out.appendChild(math(c, true));
    out.appendChild(el("h3", t("lagrange.heading.lagrangian")));
    out.appendChild(math(latex.lagrangian, true));
    out.appendChild(el("h3", t("lagrange.heading.system")));
    out.appendChild(math(latex.vector_form, true));
    for (const line of latex.system) out.appendChild(math(line, true));
    out.appendChild(el("h3", t("lagrange.heading.candidates") + " — " +
      t(text.complete ? "lagrange.complete" : "lagrange.incomplete")));
    const rows = text.rows.map((r) => [r.point, r.multipliers, r.value, r.kind, r.extreme]);
    const candidates = table([t("lagrange.column.point"), t("lagrange.column.multipliers"),
      t("lagrange.column.value"), t("lagrange.column.kind"), ""], rows);
    candidates.id = "lagrange-candidates";
    out.appendChild(candidates);
    paragraphs(out, "", text.method);
    for (const name of ["global", "picture", "kkt", "second", "lambda", "check"]) {
      paragraphs(out, t("lagrange.heading." + name), text[name]);
    }
    drawLagrange(data.picture, data.result);
  }

  function drawLagrange(picture, result) {
    const plane = $("lagrange-plane"), hike = $("lagrange-hike");
    showPlots("lagrange-plane", true);
    // the hike exists for one path only: otherwise its box is hidden and the plane takes the row
    hike.hidden = !picture || picture.kind === "interval" || picture.kind === "region";
    if (!picture) {
      Plotly.purge(plane); Plotly.purge(hike);
      clear(plane); plane.appendChild(el("p", t("web.lagrange.no_picture"), "muted"));
      return;
    }
    if (hike.hidden) {
      Plotly.purge(hike); clear(hike); delete hike.dataset.ready;
      return picture.kind === "interval" ? drawInterval(plane, picture) : drawRegion(plane, picture);
    }
    const traces = [{ type: "contour", x: picture.x, y: picture.y, z: picture.z, ncontours: 16,
      colorscale: "Viridis", showscale: false, contours: { coloring: "lines", showlabels: true },
      name: "f", hoverinfo: "x+y+z" }];
    picture.paths.forEach((path, i) => traces.push({ type: "scatter", mode: "lines",
      x: path.map((p) => p[0]), y: path.map((p) => p[1]), line: { color: "black", width: 3 },
      name: t("web.lagrange.path"), showlegend: i === 0 }));
    traces.push(...levelTraces(picture.level));
    for (const c of result.candidates) {
      traces.push({ type: "scatter", mode: "markers", x: [c.point[Object.keys(c.point)[0]]],
        y: [c.point[Object.keys(c.point)[1]]], name: t("lagrange.kind." + c.kind),
        marker: { size: 12, symbol: c.extreme === "maximum" ? "triangle-up" : "circle",
          color: c.extreme === "maximum" ? "#d62728" : "#2ca02c", line: { color: "black", width: 1 } } });
    }
    windowReact(plane, traces, {
      title: { text: t("web.lagrange.plane") }, margin: { l: 50, r: 10, b: 40, t: 40 },
      xaxis: { range: picture.window[0].slice(), constrain: "domain" },
      yaxis: sameScale(picture, { range: picture.window[1].slice(), constrain: "domain" }),
      annotations: arrows(picture.arrows),
      legend: { orientation: "h", x: 0, y: -0.06, yanchor: "top", bgcolor: "rgba(255,255,255,0.8)" },
    });
    drawHike(hike, picture.hike);
  }

  // The solver's points: the proven highest and lowest named, the other candidates grey.
  const MARK_STYLE = { maximum: ["triangle-up", "#d62728", "web.lagrange.highest"],
    minimum: ["triangle-down", "#2ca02c", "web.lagrange.lowest"],
    both: ["diamond", "#9467bd", "web.lagrange.both"] };
  function markTraces(marks, oneVariable) {
    const seen = new Set();
    return marks.map((m) => {
      const [symbol, colour, key] = MARK_STYLE[m.extreme] || ["circle", "#777777", "web.lagrange.candidate"];
      const first = !seen.has(key);
      seen.add(key);
      const at = oneVariable ? [m.point[0], m.value] : m.point;
      return { type: "scatter", mode: "markers", x: [at[0]], y: [at[1]], name: t(key),
        legendgroup: key, showlegend: first, hovertemplate: "(" + m.point.map((v) => fmt(v, 4)).join(", ") +
          "): f = " + fmt(m.value, 6) + "<extra></extra>",
        marker: { size: m.extreme ? 14 : 10, symbol: symbol, color: colour, line: { color: "black", width: 1 } } };
    });
  }

  // One variable: f solid on the set, faint outside, every candidate marked.
  function drawInterval(plane, picture) {
    const on = picture.y.map((v, i) => (picture.inside[i] ? v : null));
    const traces = [
      { type: "scatter", mode: "lines", x: picture.x, y: picture.y, name: t("web.lagrange.outside"),
        line: { color: "#1f77b4", width: 1, dash: "dash" }, opacity: 0.5, hoverinfo: "skip" },
      { type: "scatter", mode: "lines", x: picture.x, y: on, name: t("web.lagrange.set"),
        line: { color: "#1f77b4", width: 3 } },
      ...markTraces(picture.marks, true)];
    const values = on.filter((v) => v !== null);
    const low = Math.min(...values), high = Math.max(...values);
    const pad = high > low ? 0.12 * (high - low) : 1;
    windowReact(plane, traces, {
      title: { text: t("web.lagrange.interval") }, margin: { l: 50, r: 10, b: 40, t: 40 },
      xaxis: { range: picture.window[0].slice() },
      yaxis: { range: values.length ? [low - pad, high + pad] : undefined },
      legend: { orientation: "h", x: 0, y: -0.12, yanchor: "top" },
    });
  }

  // Two variables, several constraints: the set shaded over the level curves of f.
  function drawRegion(plane, picture) {
    const traces = [{ type: "contour", x: picture.x, y: picture.y, z: picture.z, ncontours: 16,
      colorscale: "Viridis", showscale: false, contours: { coloring: "lines", showlabels: true },
      name: "f", hoverinfo: "x+y+z" },
    { type: "heatmap", x: picture.x, y: picture.y, z: picture.inside, showscale: false,
      colorscale: [[0, "rgba(0,0,0,0)"], [1, "rgba(31,119,180,0.18)"]], hoverinfo: "skip",
      name: t("web.lagrange.set") }];
    picture.paths.forEach((path, i) => traces.push({ type: "scatter", mode: "lines",
      x: path.map((p) => p[0]), y: path.map((p) => p[1]), line: { color: "black", width: 2 },
      name: t("web.lagrange.boundary"), showlegend: i === 0, legendgroup: "boundary", hoverinfo: "skip" }));
    traces.push(...markTraces(picture.marks, false));
    windowReact(plane, traces, {
      title: { text: t("web.lagrange.region") }, margin: { l: 50, r: 10, b: 40, t: 40 },
      xaxis: { range: picture.window[0].slice(), constrain: "domain" },
      yaxis: sameScale(picture, { range: picture.window[1].slice(), constrain: "domain" }),
      legend: { orientation: "h", x: 0, y: -0.06, yanchor: "top", bgcolor: "rgba(255,255,255,0.8)" },
    });
  }

  // The level curve f = f* through the optimum: the one that touches the path (dashed).
  function levelTraces(level) {
    if (!level) return [];
    const name = t("web.lagrange.level", { value: fmt(level.value, 4) });
    return level.paths.map((path, i) => ({ type: "scatter", mode: "lines", name: name,
      x: path.map((p) => p[0]), y: path.map((p) => p[1]), showlegend: i === 0, hoverinfo: "name",
      line: { color: "#9467bd", width: 2.5, dash: "dash" } }));
  }

  // Each arrow, then its label just past the tip, away from the optimum's marker.
  function arrows(data) {
    if (!data) return [];
    const out = [];
    for (const [key, colour] of [["grad_f", "#d62728"], ["grad_g", "#1f77b4"]]) {
      if (!data[key]) continue;
      out.push({ x: data[key][0], y: data[key][1], ax: data.at[0], ay: data.at[1],
        xref: "x", yref: "y", axref: "x", ayref: "y", showarrow: true, arrowhead: 2,
        arrowwidth: 2.5, arrowcolor: colour, text: "" });
      // ∇f's label past its tip; ∇g's beside its tip, since ∇g may lie along ∇f's shaft.
      const dx = data[key][0] - data.at[0], dy = data[key][1] - data.at[1];
      const norm = Math.hypot(dx, dy) || 1;
      const [sx, sy] = key === "grad_f" ? [dx / norm, dy / norm] : [-dy / norm, dx / norm];
      out.push({ x: data[key][0], y: data[key][1], xref: "x", yref: "y", showarrow: false,
        text: t("web.lagrange." + key), font: { color: colour, size: 14 },
        xshift: 16 * sx, yshift: 16 * sy, name: key });
    }
    return out;
  }

  function drawHike(target, hike) {
    if (!hike) { Plotly.purge(target); return; }
    const traces = [{ type: "scatter", mode: "lines", x: hike.distance, y: hike.height,
      line: { color: "#8c564b", width: 2 }, name: t("web.lagrange.height") }];
    for (const [key, symbol, colour, label] of [["top", "triangle-up", "#d62728", "web.lagrange.top"],
      ["bottom", "triangle-down", "#2ca02c", "web.lagrange.bottom"]]) {
      const mark = hike[key];
      if (!mark) continue;
      traces.push({ type: "scatter", mode: "markers", x: [mark.distance], y: [mark.height],
        marker: { size: 14, symbol: symbol, color: colour, line: { color: "black", width: 1 } },
        name: t(label) + " f = " + fmt(mark.height) });
    }
    Plotly.react(target, traces, { title: { text: t("web.lagrange.hike") }, margin: { l: 50, r: 10, b: 110, t: 40 },
      xaxis: { title: { text: t("web.lagrange.distance") } }, yaxis: { title: { text: t("web.lagrange.height") } },
      // The legend goes under the plot: inside, some corner may hold a marker (a lowest point
      // near the start of the walk hid under it).
      legend: { orientation: "h", x: 0, xanchor: "left", yref: "container", y: 0, yanchor: "bottom" },
    }, PLOT_CONFIG);
    target.dataset.ready = "1";
  }

  async function hikingExample() {
    $("formula").value = "4 - x^2 - 2y^2";
    $("vars").value = "";
    $("lagrange-constraints").value = "2(x-1)^2 - 10y + 6 = 0";
    await preview();
    runLagrange({ push: true });
  }


  // ---------------------------------------------------------------- language
  // The other language re-renders the answers the page keeps: nothing is computed again.
  function applyLanguage(lang) {
    state.lang = lang;
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]")) node.placeholder = t(node.dataset.i18nPlaceholder);
    for (const node of document.querySelectorAll("[data-i18n-title]")) node.title = t(node.dataset.i18nTitle);
    const other = lang === "en" ? "ko" : "en";
    const toggle = $("lang-toggle");
    toggle.dataset.lang = other;
    toggle.lang = other; // its name is in the other language (WCAG 3.1.2, language of parts)
    toggle.textContent = (MESSAGES[other] || {})["web.language_name"] || other;
    buildRacers();
    renderPreview();
    updateLimit2();
    for (const name of Object.keys(CARD_OUT)) if (state.cards[name]) renderCard(name);
    // the surface's sentence in the new language (its own answer or error re-rendered above)
    if (!state.surface && state.parsed && !state.cards.surface) noSurface();
    updateURL(false);
  }

  function buildRacers() {
    const box = $("racers");
    const checked = new Set(RACERS.filter((n) => $("racer-" + n) ? $("racer-" + n).checked : ["gd", "momentum", "adam"].includes(n)));
    const rates = {};
    for (const n of RACERS) rates[n] = $("racer-lr-" + n) ? $("racer-lr-" + n).value : String(RACER_LR[n]);
    clear(box);
    for (const name of RACERS) {
      const label = el("label", null, "racer");
      const input = el("input");
      input.type = "checkbox"; input.id = "racer-" + name; input.checked = checked.has(name);
      label.appendChild(input);
      const shown = t("optimize.name." + name).split(" (")[0];
      label.appendChild(el("span", shown));
      const rate = el("input", null, "racer-lr");
      rate.type = "text"; rate.id = "racer-lr-" + name; rate.size = 5; rate.maxLength = 40;
      rate.value = rates[name]; rate.inputMode = "decimal";
      rate.setAttribute("aria-label", t("web.descent.racer_lr", { name: shown }));
      rate.title = rate.getAttribute("aria-label");
      label.appendChild(rate);
      box.appendChild(label);
    }
  }

  // ---------------------------------------------------------------- the URL
  // The formula, the options and the cards that ran live in the URL: a link recomputes the
  // same results, and back and forward restore them.
  const RUNNERS = { diff: () => runDiff, limit: () => runLimit, limit2: () => runLimit2, steps: () => runSteps,
    critical: () => runCritical, surface: () => runSurface, descent: () => runDescent,
    race: () => runRace, lagrange: () => runLagrange, taylor: () => runTaylor,
    implicit: () => runImplicit, chain: () => runChain, check: () => runCheck, practice: () => runPractice,
    network: () => runNetwork };

  function allInputs() { return [].concat(...Object.values(CARD_INPUTS)); }

  function currentURL() {
    const url = new URL(window.location.href);
    url.search = "";
    url.searchParams.set("lang", state.lang);
    url.searchParams.set("f", $("formula").value);
    if ($("vars").value.trim()) url.searchParams.set("vars", $("vars").value.trim());
    // only what differs from the first page (a short link)
    for (const id of allInputs()) if ($(id).value !== defaultValue(id)) url.searchParams.set(id, $(id).value);
    const racers = checkedRacers().map((n) => n + ":" + racerRate(n)).join(",");
    if (racers !== DEFAULT_RACERS) url.searchParams.set("racers", racers);
    const ran = Object.entries(state.cards).filter(([, c]) => c && !c.stale).map(([, c]) => c.mode);
    if (ran.length) url.searchParams.set("run", ran.join(","));
    return url.pathname + url.search;
  }

  // Records the page in the URL: a run the user asked for is a new history entry; typing
  // a new formula after a run is one too (then typing only updates it).
  function updateURL(push) {
    if (state.restoring) return;
    const target = currentURL();
    const here = window.location.pathname + window.location.search;
    if (target === here) return;
    const entry = window.history.state || {};
    const formulaMoved = new URL(target, window.location.href).searchParams.get("f") !==
      new URL(window.location.href).searchParams.get("f");
    if (push || (formulaMoved && !entry.typing)) {
      window.history.pushState({ typing: !push }, "", target);
    } else {
      window.history.replaceState(Object.assign({}, entry), "", target);
    }
  }

  // Sets the inputs from the URL (the first page's defaults where it says nothing) and
  // recomputes the cards it lists.
  // Back and forward keep the language shown; a link's language is the server's page.
  async function restoreFromURL() {
    const params = new URLSearchParams(window.location.search);
    const first = !params.has("f");
    state.restoring = true;
    try {
      $("formula").value = first ? FIRST_PAGE.formula : params.get("f");
      $("vars").value = params.get("vars") || "";
      for (const id of allInputs()) {
        if (id === "limit-wrt") continue;  // filled in with the variables
        $(id).value = params.has(id) ? params.get(id) : defaultValue(id);
        if ($(id).tagName === "SELECT" && !$(id).value) $(id).value = defaultValue(id);
      }
      const racers = new Map((params.get("racers") || DEFAULT_RACERS).split(",").filter(Boolean)
        .map((p) => p.split(":")));
      for (const n of RACERS) {
        $("racer-" + n).checked = racers.has(n);
        $("racer-lr-" + n).value = racers.get(n) || String(RACER_LR[n]);
      }
      clearCards();
      if (!$("formula").value.trim()) { await preview(false); return; }
      await preview(false);
      if (params.get("limit-wrt") && state.parsed && state.parsed.variables.includes(params.get("limit-wrt"))) {
        $("limit-wrt").value = params.get("limit-wrt");
      }
      const ran = first ? ["diff", "surface"] : (params.get("run") || "").split(",").filter((m) => m in RUNNERS);
      const runs = ran.filter((m) => m !== "surface" || (state.parsed && state.parsed.variables.length === 2));
      if (state.parsed && !runs.includes("surface")) noSurface();
      if (first && !state.parsed) return;
      await Promise.all(runs.map((mode) => RUNNERS[mode]()({ restoring: true })));
    } finally {
      state.restoring = false;
    }
    updateURL(false);
  }

  // An input's value on the first page.
  function defaultValue(id) {
    const node = $(id);
    if (id in FIRST_PAGE) return FIRST_PAGE[id];
    if (node.tagName === "SELECT") return node.options.length ? node.options[0].value : "";
    return node.defaultValue || "";
  }
  const DEFAULT_RACERS = ["gd", "momentum", "adam"].map((n) => n + ":" + RACER_LR[n]).join(",");

  function clearCards() {
    for (const name of Object.keys(CARD_OUT)) {
      state.seq[name] = (state.seq[name] || 0) + 1;
      delete state.cards[name];
      clear($(CARD_OUT[name]));
    }
    state.runs = null;
    state.models = [];
    $("descent-replay").disabled = true;
    $("descent-frame").textContent = "";
    hideLagrangePlots();
    hideTaylorPlot();
    hideLimitPlots();
    hidePlot("implicit-plot");
    hideNetwork();
    clear($("check-problem"));
  }

  // ---------------------------------------------------------------- wiring
  function init() {
    buildRacers();
    fillVariables([]);
    showPlots("surface-3d", false);
    showPlots("lagrange-plane", false);
    showPlots("limit-plane", false);
    $("descent-plot").hidden = true;
    $("taylor-plot").hidden = true;
    $("implicit-plot").hidden = true;
    $("formula").addEventListener("input", schedulePreview);
    $("vars").addEventListener("input", schedulePreview);
    $("limit-at").addEventListener("input", updateLimit2);
    $("formula").addEventListener("keydown", (e) => { if (e.key === "Enter") preview(); });
    const clicks = { "diff-run": runDiff, "limit-run": runLimit, "steps-run": runSteps,
      "critical-run": runCritical, "surface-run": runSurface, "descent-run": runDescent,
      "race-run": runRace, "lagrange-run": runLagrange, "taylor-run": runTaylor, "limit2-run": runLimit2,
      "implicit-run": runImplicit, "chain-run": runChain, "check-run": runCheck, "check-new": runPractice,
      "network-run": runNetwork };
    for (const [id, run] of Object.entries(clicks)) $(id).addEventListener("click", () => run({ push: true }));
    $("descent-replay").addEventListener("click", () => state.runs && animate(state.runs, state.models));
    // choosing an optimizer puts in its own default η (Newton's 1 is not gd's 0.1)
    $("descent-optimizer").addEventListener("change", () => {
      const rate = RACER_LR[$("descent-optimizer").value];
      if (rate !== undefined) $("descent-lr").value = String(rate);
    });
    $("descent-plot").addEventListener("click", onDescentClick);
    $("lagrange-example").addEventListener("click", hikingExample);
    wireNetwork();
    $("lang-toggle").addEventListener("click", () => applyLanguage($("lang-toggle").dataset.lang));
    window.addEventListener("resize", onResize);
    window.addEventListener("popstate", () => { restoreFromURL(); });
    restoreFromURL().finally(() => { document.body.dataset.ready = "1"; });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
