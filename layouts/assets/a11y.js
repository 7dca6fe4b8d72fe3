/* Accessibility repairs for Dash's own components, checked by axe-core in tests/browser:
   - Dash 4 dropdowns take keyboard focus on a hidden, readonly input marked aria-hidden, so a keyboard user
     lands on an element screen readers are told to ignore: un-hide it and name it by the field's label and
     current value (the visible button it stands for is not focusable). */
(function () {
  function nameDropdowns(root) {
    root.querySelectorAll(".dash-dropdown-focus-target[aria-hidden='true']").forEach(function (input) {
      const button = input.parentElement && input.parentElement.querySelector("button.dash-dropdown");
      if (!button || !button.id) { return; }
      const label = document.querySelector("label[for='" + button.id + "']");
      const ids = [];
      if (label) {
        if (!label.id) { label.id = button.id + "-label"; }
        ids.push(label.id);
      }
      if (document.getElementById(button.id + "-value")) { ids.push(button.id + "-value"); }
      input.removeAttribute("aria-hidden");
      if (ids.length) { input.setAttribute("aria-labelledby", ids.join(" ")); }
      else { input.setAttribute("aria-label", button.getAttribute("aria-label") || "Choose a value"); }
    });
  }
  let queued = false;
  function repair() {
    queued = false;
    nameDropdowns(document);
  }
  new MutationObserver(function () {
    if (!queued) { queued = true; window.requestAnimationFrame(repair); }
  }).observe(document.documentElement, {childList: true, subtree: true});
})();
