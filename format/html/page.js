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
    selectors[doc.id] = function (kind, n) {
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
  // "#doc-1.g5" its sixth entity.
  function fromHash() {
    var m = /^#(doc-\d+)\.([rg])(\d+)$/.exec(location.hash);
    if (m && selectors[m[1]]) { selectors[m[1]](m[2], m[3]); }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { all.forEach(function (c) { c(); }); }
  });
})();
