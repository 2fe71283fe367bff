/* Progressive enhancement for generated pages. Without JavaScript every event is visible and term
   links keep their native title tooltips. */
(function () {
  "use strict";

  /* Term tooltips, mounted on first hover or focus instead of at load. Material's content.tooltips
     mounts a tooltip (a dozen observables and timers) for every [title] in the article when the page
     starts: with 60 term links that was a quarter of its start-up work on the timeline. Moving the
     definitions out of `title` before Material's DOMContentLoaded handler (this script runs first)
     keeps them out of that pass; the tooltip below reuses Material's markup and CSS (md-tooltip2,
     9.8) so it looks the same. Other [title] elements keep Material's tooltips. */
  var TERM = "a.primer-term[data-primer-title]";
  var tip = null;
  var host = null;
  var hideTimer = 0;

  function moveTermTitles() {
    document.querySelectorAll("article a.primer-term[title]").forEach(function (link) {
      link.setAttribute("data-primer-title", link.getAttribute("title"));
      link.removeAttribute("title");
    });
  }

  function place() {
    var rect = host.getBoundingClientRect();
    var inner = tip.firstChild;
    tip.style.setProperty("--md-tooltip-host-x", rect.left + window.scrollX + "px");
    tip.style.setProperty("--md-tooltip-host-y", rect.top + window.scrollY + "px");
    tip.style.setProperty("--md-tooltip-x", rect.width / 2 + "px");
    tip.style.setProperty("--md-tooltip-y", 8 + rect.height + "px");
    tip.style.setProperty("--md-tooltip-width", inner.offsetWidth + "px");
    tip.style.setProperty("--md-tooltip-tail", "0px");
  }

  function showTip(link) {
    window.clearTimeout(hideTimer);
    if (host !== link) {
      removeTip();
      host = link;
      tip = document.createElement("div");
      tip.className = "md-tooltip2 md-tooltip2--bottom";
      tip.setAttribute("role", "tooltip");
      tip.id = "__primer_tooltip";
      var inner = document.createElement("div");
      inner.className = "md-tooltip2__inner md-typeset";
      inner.textContent = link.getAttribute("data-primer-title");
      tip.appendChild(inner);
      document.body.appendChild(tip);
      place();
    }
    link.setAttribute("aria-describedby", tip.id);
    /* Next frame, as Material does: added with the class, it would appear without its transition. */
    var shown = tip;
    window.requestAnimationFrame(function () { shown.classList.add("md-tooltip2--active"); });
  }

  function removeTip() {
    if (!tip) return;
    host.removeAttribute("aria-describedby");
    tip.remove();
    tip = host = null;
  }

  function hideTip(delay) {
    window.clearTimeout(hideTimer);
    if (!tip) return;
    hideTimer = window.setTimeout(function () {
      tip.classList.remove("md-tooltip2--active");
      host.removeAttribute("aria-describedby");
      hideTimer = window.setTimeout(removeTip, 250);  /* Material's fade-out */
    }, delay);
  }

  function setupTermTooltips() {
    /* The pointer may move from the link onto the tooltip (long definitions scroll) and back. */
    document.addEventListener("mouseover", function (event) {
      var link = event.target.closest && event.target.closest(TERM);
      if (link) showTip(link);
      else if (tip && tip.contains(event.target)) showTip(host);
    });
    document.addEventListener("mouseout", function (event) {
      var to = event.relatedTarget;
      if (tip && (host.contains(event.target) || tip.contains(event.target)) &&
          !(to && (host.contains(to) || tip.contains(to)))) hideTip(100);
    });
    document.addEventListener("focusin", function (event) {
      var link = event.target.closest && event.target.closest(TERM);
      if (link) showTip(link);
    });
    document.addEventListener("focusout", function (event) {
      if (tip && event.target === host) hideTip(0);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hideTip(0);
    });
    window.addEventListener("scroll", function () { if (tip) place(); }, {passive: true, capture: true});
    window.addEventListener("resize", function () { if (tip) place(); });
  }

  function setupTimelineFilter() {
    var tools = document.querySelector("[data-primer-filter]");
    if (!tools || tools.dataset.ready) return;
    tools.dataset.ready = "true";
    var events = Array.prototype.slice.call(document.querySelectorAll(".primer-event"));
    var eras = Array.prototype.slice.call(document.querySelectorAll(".primer-era"));
    var buttons = Array.prototype.slice.call(tools.querySelectorAll("button[data-tag]"));
    var count = tools.querySelector(".primer-timeline-tools__count");

    function apply(tag) {
      var shown = 0;
      events.forEach(function (event) {
        var match = !tag || event.getAttribute("data-tags").split(" ").indexOf(tag) >= 0;
        event.hidden = !match;
        if (match) shown += 1;
      });
      eras.forEach(function (era) {
        era.classList.toggle("primer-era--empty", !era.querySelector(".primer-event:not([hidden])"));
      });
      buttons.forEach(function (button) {
        button.setAttribute("aria-pressed", String(button.getAttribute("data-tag") === tag));
      });
      count.textContent = count.getAttribute("data-template")
        .replace("{shown}", String(shown)).replace("{total}", count.getAttribute("data-total"));
    }

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var tag = button.getAttribute("data-tag");
        apply(tag);
        if (window.history && window.history.replaceState && location.protocol !== "file:") {
          var url = new URL(location.href);
          if (tag) url.searchParams.set("tag", tag); else url.searchParams.delete("tag");
          window.history.replaceState(null, "", url.toString());
        }
      });
    });
    tools.hidden = false;
    var initial = new URLSearchParams(location.search).get("tag") || "";
    apply(buttons.some(function (b) { return b.getAttribute("data-tag") === initial; }) ? initial : "");
  }

  /* Anchor ids are the same in both languages: carry the current one across a language switch. */
  function setupLanguageSwitch() {
    document.querySelectorAll("a.primer-lang-link").forEach(function (link) {
      link.addEventListener("click", function () {
        if (location.hash) {
          link.setAttribute("href", link.getAttribute("href").split("#")[0] + location.hash);
        }
      });
    });
  }

  function setup() {
    setupTimelineFilter();
    setupLanguageSwitch();
  }

  moveTermTitles();
  setupTermTooltips();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    setup();
  }
})();
