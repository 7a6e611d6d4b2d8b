/* congtt – "Tương phản cao" (high contrast) toggle. The choice is kept in localStorage on this browser;
   without JavaScript the button stays hidden and the prefers-contrast media query still applies. */
(function () {
  "use strict";
  var KEY = "congtt-contrast";
  var root = document.documentElement;
  function stored() {
    try { return window.localStorage.getItem(KEY) === "more"; } catch (e) { return false; }
  }
  function apply(on) {
    root.classList.toggle("high-contrast", on);
    var buttons = document.querySelectorAll(".contrast-toggle");
    for (var i = 0; i < buttons.length; i++) { buttons[i].setAttribute("aria-pressed", on ? "true" : "false"); }
  }
  apply(stored());
  function init() {
    var buttons = document.querySelectorAll(".contrast-toggle");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener("click", function () {
        var on = !root.classList.contains("high-contrast");
        try { window.localStorage.setItem(KEY, on ? "more" : "normal"); } catch (e) { /* private mode */ }
        apply(on);
      });
    }
    apply(stored());
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
