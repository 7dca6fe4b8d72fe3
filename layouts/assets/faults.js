/* Faults told on the page: when the server answers a callback with 5xx (it failed, or its data is
   unreadable), say so in a banner instead of leaving a chart silently stale. */
(function () {
  const original = window.fetch;
  function banner(status) {
    if (document.getElementById("server-fault")) { return; }
    const box = document.createElement("div");
    box.id = "server-fault";
    box.className = "alert alert-danger position-fixed bottom-0 start-0 end-0 m-2 mb-3 shadow";
    box.setAttribute("role", "alert");
    // The message in the page's language (layouts/_common.py: page_frame); English before any page rendered.
    const page = window.irqPage || {};
    const text = page.fault || "The server could not compute this view (error {status}). " +
      "The fault has been logged; please try again in a moment.";
    box.textContent = text.replace("{status}", String(status));
    const close = document.createElement("button");
    close.type = "button";
    close.className = "btn-close float-end";
    close.setAttribute("aria-label", page.close || "Close");
    close.addEventListener("click", function () { box.remove(); });
    box.prepend(close);
    document.body.appendChild(box);
  }
  window.fetch = function (input) {
    const url = typeof input === "string" ? input : (input && input.url) || "";
    return original.apply(this, arguments).then(function (response) {
      if (url.indexOf("_dash-update-component") !== -1 && response.status >= 500) { banner(response.status); }
      return response;
    });
  };
})();
