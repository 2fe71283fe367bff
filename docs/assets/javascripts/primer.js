/* Progressive enhancement for generated pages. Without JavaScript every event is visible. */
(function () {
  "use strict";

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

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else {
    setup();
  }
})();
