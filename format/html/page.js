// statecraft HTML view: selecting relations and entities, hiding types.
(function () {
  "use strict";
  function nums(s) { return s ? s.trim().split(/\s+/).map(Number) : []; }
  var all = [];
  var selectors = {}; // "doc-1" -> function (kind, n)
  document.querySelectorAll("article.doc").forEach(function (doc) {
    var segs = Array.prototype.slice.call(doc.querySelectorAll(".seg"));
    var marks = {};
    doc.querySelectorAll("mark.ent").forEach(function (m) { marks[m.dataset.m] = m; });
    var buttons = Array.prototype.slice.call(doc.querySelectorAll("button.rel, button.entbtn"));
    function clear() {
      doc.querySelectorAll(".ev, .trig, .arg, .hl").forEach(function (e) {
        e.classList.remove("ev", "trig", "arg", "hl");
      });
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", "false"); });
    }
    all.push(clear);
    function spanClass(r, cls) {
      if (r.length !== 2 || r[1] <= r[0]) { return null; }
      var first = null;
      segs.forEach(function (s) {
        var a = +s.dataset.s, b = +s.dataset.e;
        if (a >= r[0] && b <= r[1] && b > a) { s.classList.add(cls); first = first || s; }
      });
      return first;
    }
    function select(b, instant) {
      var was = b.getAttribute("aria-pressed") === "true";
      clear();
      if (was) { return; }
      b.setAttribute("aria-pressed", "true");
      var target = null;
      if (b.classList.contains("rel")) {
        target = spanClass(nums(b.dataset.ev), "ev");
        spanClass(nums(b.dataset.tr), "trig");
        nums(b.dataset.args).forEach(function (i) {
          var m = marks[i];
          if (m) { m.classList.add("arg"); target = target || m; }
        });
      } else {
        nums(b.dataset.ms).forEach(function (i) {
          var m = marks[i];
          if (m) { m.classList.add("hl"); target = target || m; }
        });
      }
      if (!target || !target.scrollIntoView) { return; }
      if (instant) {
        // Opened with a selection in the URL: scroll once the page is laid out.
        window.addEventListener("load", function () { target.scrollIntoView({ block: "center" }); });
      } else {
        target.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    }
    buttons.forEach(function (b) { b.addEventListener("click", function () { select(b); }); });
    // The parse view: clicking the plain text of a parsed sentence draws
    // its dependency arcs above the text; clicking it again hides them.
    var parses = doc.dataset.parses ? JSON.parse(doc.dataset.parses) : [];
    var fig = doc.querySelector("figure.parse");
    var shown = -1;
    var text = doc.querySelector(".text");
    function esc(v) {
      return String(v).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
    }
    // el returns the markup of an SVG element; the HTML parser puts it in
    // the SVG namespace.
    function el(name, attrs, content) {
      var a = Object.keys(attrs).map(function (k) { return " " + k + '="' + esc(attrs[k]) + '"'; }).join("");
      return "<" + name + a + ">" + (content === undefined ? "" : esc(content)) + "</" + name + ">";
    }
    function hideParse() {
      shown = -1;
      if (fig) { fig.hidden = true; fig.textContent = ""; }
      doc.querySelectorAll(".seg.sent").forEach(function (e) { e.classList.remove("sent"); });
    }
    all.push(hideParse);
    function drawParse(k) {
      var p = parses[k];
      // Token texts from the page's own segments, which hold the text;
      // offsets are UTF-8 bytes, so each segment is cut as bytes.
      var enc = new TextEncoder(), dec = new TextDecoder();
      var words = p.t.map(function (t) {
        var w = "";
        segs.forEach(function (s) {
          var a = +s.dataset.s, b = +s.dataset.e;
          if (b > t[0] && a < t[1]) {
            w += dec.decode(enc.encode(s.textContent).slice(Math.max(t[0], a) - a, Math.min(t[1], b) - a));
          }
        });
        return w;
      });
      var xs = [], x = 10;
      words.forEach(function (w, i) {
        var width = Math.max(w.length, p.t[i][2].length) * 8 + 24;
        xs.push(x + width / 2);
        x += width;
      });
      var levels = p.t.map(function (t, i) { return t[3] < 0 ? 0 : Math.abs(t[3] - i); });
      var top = Math.max.apply(null, levels.concat([1]));
      var unit = 18, h = Math.min(top, 12) * unit + 40;
      var parts = [];
      p.t.forEach(function (t, i) {
        parts.push(el("text", { x: xs[i], y: h + 14, "text-anchor": "middle", "class": "w" }, words[i]));
        parts.push(el("text", { x: xs[i], y: h + 30, "text-anchor": "middle", "class": "tag" }, t[2]));
        if (t[3] < 0) {
          parts.push(el("text", { x: xs[i], y: 12, "text-anchor": "middle", "class": "lab" }, t[4]));
          parts.push(el("path", { d: "M" + xs[i] + ",16 L" + xs[i] + "," + (h - 2), "class": "arc" }));
          return;
        }
        var from = xs[t[3]], to = xs[i], lv = Math.min(levels[i], 12);
        var y = h - lv * unit - 8, dir = to > from ? 1 : -1;
        var x1 = from + dir * 4, x2 = to - dir * 4;
        parts.push(el("path", { d: "M" + x1 + "," + (h - 2) + " C" + x1 + "," + y + " " + x2 + "," + y + " " + x2 + "," + (h - 2), "class": "arc" }));
        parts.push(el("path", { d: "M" + x2 + "," + h + " l-4,-8 h8 z", "class": "arrow" }));
        parts.push(el("text", { x: (x1 + x2) / 2, y: y + lv * 2 - 2, "text-anchor": "middle", "class": "lab" }, t[4]));
      });
      fig.innerHTML = '<svg width="' + (x + 10) + '" height="' + (h + 40) + '" role="img">' + parts.join("") + "</svg>";
      fig.hidden = false;
      segs.forEach(function (s) {
        if (+s.dataset.s >= p.s && +s.dataset.e <= p.e) { s.classList.add("sent"); }
      });
    }
    var showParse = null;
    if (fig && parses.length) {
      showParse = function (k) {
        hideParse();
        if (k >= 0 && k < parses.length) { shown = k; drawParse(k); }
      };
      text.addEventListener("click", function (e) {
        var s = e.target.closest(".seg");
        if (!s || s.closest("mark.ent:not(.off)")) { return; }
        var at = +s.dataset.s, k = -1;
        parses.forEach(function (p, i) { if (at >= p.s && at < p.e) { k = i; } });
        var was = shown;
        hideParse();
        if (k < 0 || k === was) { return; }
        shown = k;
        drawParse(k);
      });
    }
    selectors[doc.id] = function (kind, n) {
      if (kind === "s") {
        if (showParse) { showParse(+n); }
        return;
      }
      var b = kind === "r" ? doc.querySelector('button.rel[data-r="' + n + '"]') : doc.querySelector('button.entbtn[data-g="' + n + '"]');
      if (b) { select(b, true); }
    };
    Object.keys(marks).forEach(function (k) {
      marks[k].addEventListener("click", function () {
        var g = marks[k].dataset.g;
        var b = doc.querySelector('button.entbtn[data-g="' + g + '"]');
        if (b) { select(b); b.scrollIntoView({ block: "nearest" }); }
      });
    });
  });
  document.querySelectorAll(".legend button").forEach(function (b) {
    b.addEventListener("click", function () {
      var on = b.getAttribute("aria-pressed") !== "true";
      b.setAttribute("aria-pressed", on ? "true" : "false");
      document.querySelectorAll("mark.ent").forEach(function (m) {
        if (m.dataset.type === b.dataset.legend) { m.classList.toggle("off", !on); }
      });
    });
  });
  // A link to "#doc-1.r3" selects relation 3 of the first document,
  // "#doc-1.g5" its sixth entity, "#doc-1.s0" shows its first parsed
  // sentence's parse.
  function fromHash() {
    var m = /^#(doc-\d+)\.([rgs])(\d+)$/.exec(location.hash);
    if (m && selectors[m[1]]) { selectors[m[1]](m[2], m[3]); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { all.forEach(function (c) { c(); }); }
  });
})();
