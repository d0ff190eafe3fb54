// ∇lab's charts, light and legible: every Plotly call of the page goes through here, because
// window.Plotly is wrapped once, before app.js runs.
// - 2-D charts come from plotly.js's cartesian bundle, loaded without holding up the page (the
//   forms work while it is parsed; a chart asked for meanwhile is drawn once it is in); 3-D
//   charts from the gl3d bundle, fetched the first time a 3-D chart comes near the screen (a
//   separate Plotly that draws only the divs it owns).
// - Every chart uses the page's font stack, with the bundled Hangul face (no □□ in Korean), and
//   a chart with Hangul is drawn once that face is loaded, so its text is measured right.
// - The title sits in a band under the toolbar (the modebar), never beneath its buttons.
"use strict";

(function () {
  const CARTESIAN = "/static/vendor/plotly/plotly-cartesian.min.js";
  const FONT = getComputedStyle(document.documentElement).getPropertyValue("--chart-font").trim() ||
    '"NablabHangul", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  const HANGUL_FACE = '16px "NablabHangul"';
  const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/g;
  const GL3D = "/static/vendor/plotly/plotly-gl3d.min.js";
  const THREE_D = new Set(["surface", "scatter3d", "mesh3d", "cone", "streamtube", "isosurface", "volume"]);
  const TOOLBAR = 28; // px: the modebar's height; the title starts below it
  const owner = new WeakMap(); // div → the Plotly that drew it
  const queue = new WeakMap(); // div → its pending draw (later calls on that div wait for it)
  let base = null; // the cartesian bundle's Plotly, once loaded
  let gl3d = null; // the gl3d bundle's Plotly, once loaded
  let captured = null; // what a bundle just assigned to window.Plotly (the setter below)
  let loading3d = null;

  // A bundle as a script; it ends with window.Plotly = …, which the setter below captures
  // (a script's load event follows its execution at once, so nothing runs in between).
  function bundle(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = () => { delete window.moduleName; resolve(captured); };
      script.onerror = () => reject(new Error(src));
      document.head.appendChild(script);
    });
  }

  const cartesian = bundle(CARTESIAN).then((plotly) => {
    base = plotly;
    performance.mark("nablab-charts"); // bench/web.py and the tests read when charts could draw
    return plotly;
  });

  function load3d() {
    if (!loading3d) {
      loading3d = bundle(GL3D).then((plotly) => { gl3d = plotly; return plotly; },
        (err) => { loading3d = null; throw err; });
    }
    return loading3d;
  }

  // Resolves when the div is within half a screen of the viewport.
  function nearScreen(gd) {
    return new Promise((resolve) => {
      if (!("IntersectionObserver" in window)) { resolve(); return; }
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((entry) => entry.isIntersecting)) { observer.disconnect(); resolve(); }
      }, { rootMargin: "50% 0px" });
      observer.observe(gd);
    });
  }

  // The Hangul a chart will show (titles, names, labels); "" when none.
  function hangulOf(data, layout) {
    const names = (data || []).map((trace) => String(trace.name || "")).join("");
    return ((JSON.stringify(layout) + names).match(HANGUL) || []).join("");
  }

  // A title's font size that fits the chart's width (Hangul is about 1 em wide, Latin ½).
  function titleSize(text, width, size) {
    const ems = [...String(text)].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.56), 0);
    return ems && width ? Math.max(10, Math.min(size, Math.floor((width - 16) / ems))) : size;
  }

  // The layout with the page's fonts, and the title in its band under the toolbar, small
  // enough to fit.
  function styled(layout, width) {
    const out = Object.assign({}, layout);
    out.font = Object.assign({ family: FONT }, layout.font);
    out.hoverlabel = Object.assign({}, layout.hoverlabel);
    out.hoverlabel.font = Object.assign({ family: FONT }, out.hoverlabel.font);
    const title = typeof layout.title === "string" ? { text: layout.title } : layout.title;
    if (title && title.text) {
      const margin = Object.assign({ t: 80 }, layout.margin);
      out.margin = Object.assign({}, margin, { t: Math.max(margin.t, 40) + TOOLBAR });
      const font = Object.assign({}, title.font);
      font.size = titleSize(title.text, width, font.size || 17);
      out.title = Object.assign({ x: 0.5, xanchor: "center" }, title,
        { yref: "container", y: 1, yanchor: "top", pad: { t: TOOLBAR + 6 }, font: font });
    }
    return out;
  }

  function later(gd, work) {
    const next = Promise.resolve(queue.get(gd)).catch(() => {}).then(work);
    queue.set(gd, next);
    const done = () => { if (queue.get(gd) === next) queue.delete(gd); };
    next.then(done, done);
    return next;
  }

  function draw(method, div, data, layout, config) {
    const gd = typeof div === "string" ? document.getElementById(div) : div;
    const is3d = (data || []).some((trace) => THREE_D.has(trace.type));
    const shown = styled(layout || {}, gd.clientWidth);
    const run = () => {
      const plotly = is3d ? gl3d : base;
      const previous = owner.get(gd);
      if (previous && previous !== plotly) previous.purge(gd);
      owner.set(gd, plotly);
      return plotly[method](gd, data, shown, config);
    };
    const needs = [];
    if (is3d && !gl3d) needs.push(() => nearScreen(gd).then(load3d));
    if (!is3d && !base) needs.push(() => cartesian);
    const hangul = hangulOf(data, layout);
    if (hangul && document.fonts && !document.fonts.check(HANGUL_FACE, hangul)) {
      needs.push(() => document.fonts.load(HANGUL_FACE, hangul).catch(() => []));
    }
    if (!needs.length && !queue.has(gd)) return run();
    gd.dataset.pending = "1";
    return later(gd, () => Promise.all(needs.map((need) => need()))
      .then(run).finally(() => { delete gd.dataset.pending; }));
  }

  function call(method, gd, args) {
    const target = typeof gd === "string" ? document.getElementById(gd) : gd;
    const act = () => (owner.get(target) || base)[method](target, ...args);
    return queue.has(target) || !base ? later(target, () => cartesian.then(act)) : act();
  }

  const wrapped = {};
  wrapped.react = (gd, data, layout, config) => draw("react", gd, data, layout, config);
  wrapped.newPlot = (gd, data, layout, config) => draw("newPlot", gd, data, layout, config);
  for (const method of ["restyle", "relayout", "update", "purge", "extendTraces", "addTraces",
    "deleteTraces", "animate"]) {
    wrapped[method] = (gd, ...args) => call(method, gd, args);
  }
  // Chromium can keep text it laid out while a web font was loading in its fallback font (□
  // for Hangul) after the font arrives; a changed font-family makes it lay the page out again.
  if (document.fonts) {
    const relay = () => { document.documentElement.classList.toggle("fonts-relaid"); };
    document.fonts.addEventListener("loadingdone", (event) => {
      if (event.fontfaces.some((face) => face.family.replace(/"/g, "").startsWith("NablabHangul"))) relay();
    });
    document.fonts.ready.then(relay); // faces that loaded before this script ran
  }

  wrapped.nablab = { styled: styled, font: FONT, load3d: load3d, ready: cartesian };
  // anything else (Plotly.Plots, …) is the cartesian bundle's, once loaded
  const api = new Proxy(wrapped, { get: (target, key) => key in target ? target[key] : base && base[key] });
  Object.defineProperty(window, "Plotly", { configurable: true, get: () => api,
    set: (plotly) => { captured = plotly; } });
})();
