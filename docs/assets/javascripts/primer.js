/* Progressive enhancement for generated pages. Without JavaScript every event is visible and term
   links keep their native title tooltips. */
(function () {
  "use strict";

  /* Term help: a term's definition shown in place, from the page itself (no fetch: it works offline
     and from file://). The definitions arrive in each link's `title`; moving them out before
     Material's DOMContentLoaded handler (this script runs first) keeps Material from mounting a
     tooltip for each of them at start-up (a quarter of its start-up work on the timeline) and
     keeps the native tooltip from doubling ours. Other [title] elements keep Material's tooltips.
     - mouse: hovering shows the definition; a click follows the link to the glossary;
     - touch: the first tap shows the definition (with a link onward to the glossary entry), a
       second tap on the term follows it; tapping elsewhere closes it;
     - keyboard: focusing the term shows it (aria-describedby), Enter follows the link, Escape
       closes it and leaves focus on the term.
     The popover is appended to <body>: inside glossary entries and timeline events (which have
     content-visibility, hence paint containment) a fixed box would be clipped. Its onward link is
     for pointers (tabindex -1): from the keyboard the term itself is that link. */
  var TERM = "a.primer-term[data-primer-title]";
  var POPOVER_ID = "__primer_popover";
  var TEXT_ID = "__primer_popover_text";
  var tip = null;
  var host = null;
  var pinned = false;       /* opened by a tap: the next tap on the same term navigates */
  var pointerType = "";     /* of the last pointerdown: "touch" taps behave differently */
  var hideTimer = 0;

  function moveTermTitles() {
    document.querySelectorAll("article a.primer-term[title]").forEach(function (link) {
      link.setAttribute("data-primer-title", link.getAttribute("title"));
      link.removeAttribute("title");
    });
    /* On the glossary, links to entries of the same page carry no title: the entry's own
       definition is the text. */
    document.querySelectorAll("article a.primer-term:not([data-primer-title])").forEach(function (link) {
      var entry = document.querySelector('[data-term-entry="' + link.getAttribute("data-term") + '"] .primer-entry__definition');
      if (entry) link.setAttribute("data-primer-title", entry.textContent.replace(/\s+/g, " ").trim());
    });
  }

  function glossaryLabel() {  /* the interface words of the page's language (templates/strings.yml) */
    var meta = document.querySelector('meta[name="primer-term-help"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function place() {
    var rect = host.getBoundingClientRect();
    var width = tip.offsetWidth;
    var margin = 8;
    var left = Math.min(Math.max(margin, rect.left), window.innerWidth - width - margin);
    var below = rect.bottom + 6;
    var top = below + tip.offsetHeight > window.innerHeight && rect.top - tip.offsetHeight - 6 > 0
      ? rect.top - tip.offsetHeight - 6 : below;
    tip.style.left = Math.max(margin, left) + "px";
    tip.style.top = top + "px";
  }

  function buildTip(link) {
    var box = document.createElement("span");
    box.className = "primer-popover";
    box.id = POPOVER_ID;
    box.setAttribute("role", "tooltip");
    var text = document.createElement("span");
    text.className = "primer-popover__text";
    text.id = TEXT_ID;
    text.textContent = link.getAttribute("data-primer-title");
    var onward = document.createElement("a");
    onward.className = "primer-popover__link";
    onward.href = link.getAttribute("href");
    onward.tabIndex = -1;
    onward.textContent = glossaryLabel() + " \u2192";
    box.appendChild(text);
    box.appendChild(onward);
    return box;
  }

  function showTip(link) {
    window.clearTimeout(hideTimer);
    if (host === link) return;
    removeTip();
    host = link;
    tip = buildTip(link);
    document.body.appendChild(tip);
    link.setAttribute("aria-describedby", TEXT_ID);
    place();
  }

  function removeTip() {
    window.clearTimeout(hideTimer);
    if (!tip) return;
    host.removeAttribute("aria-describedby");
    tip.remove();
    tip = host = null;
    pinned = false;
  }

  function hideTip(delay) {
    window.clearTimeout(hideTimer);
    if (tip && !pinned) hideTimer = window.setTimeout(removeTip, delay);
  }

  function inside(node) {
    return !!node && !!tip && (host.contains(node) || tip.contains(node));
  }

  function onTermClick(event) {
    var link = event.target.closest && event.target.closest(TERM);
    if (!link || event.detail === 0 || pointerType !== "touch") return;  /* keyboard, mouse: follow */
    if (host === link && pinned) return;  /* second tap: follow the link */
    event.preventDefault();
    showTip(link);
    pinned = true;
  }

  function setupTermHelp() {
    document.addEventListener("pointerdown", function (event) {
      pointerType = event.pointerType;
      if (tip && !inside(event.target)) removeTip();
    }, true);
    document.addEventListener("click", onTermClick);
    /* Hover with a mouse only: touch browsers send emulated mouse events before the click. */
    document.addEventListener("pointerover", function (event) {
      if (event.pointerType !== "mouse") return;
      var link = event.target.closest && event.target.closest(TERM);
      if (link) showTip(link);
      else if (inside(event.target)) window.clearTimeout(hideTimer);
    });
    document.addEventListener("pointerout", function (event) {
      if (event.pointerType === "mouse" && inside(event.target) && !inside(event.relatedTarget)) hideTip(300);
    });
    document.addEventListener("focusin", function (event) {
      var link = event.target.closest && event.target.closest(TERM);
      if (link) showTip(link);
    });
    document.addEventListener("focusout", function (event) {
      if (inside(event.target) && !inside(event.relatedTarget)) hideTip(0);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !tip) return;
      var term = host;
      var focused = inside(document.activeElement);
      removeTip();
      if (focused && document.activeElement !== term) {
        term.focus({preventScroll: true});
        removeTip();  /* focusing the term showed it again: Escape means closed */
      }
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
  setupTermHelp();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    setup();
  }
})();
