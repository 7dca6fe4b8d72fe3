/* The page's language, kept in step with the address.
   - A click on a language in the navigation bar switches in place: the address gets the new `lang` (every other
     parameter kept, including those the page rewrote since it loaded) and Dash renders the page again, without
     a reload, so what the browser already holds (the map's outlines) is not fetched again.
   - page.apply (a clientside callback in app.py) sets <html lang dir>, the left-to-right or right-to-left
     Bootstrap stylesheet and the fault message, from the marker every page renders (layouts/_common.py). */
(function () {
  function withLang(lang) {
    const params = new URLSearchParams(window.location.search);
    params.set("lang", lang);
    return window.location.pathname + "?" + params.toString().replace(/%2C/g, ",");
  }
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a.lang-link");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) { return; }
    event.preventDefault();
    window.history.pushState({}, "", withLang(link.dataset.lang));
    window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
  });
  /* Opened in a new tab or copied, a language link also carries the page's current parameters. */
  ["focusin", "pointerover"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      const link = event.target.closest && event.target.closest("a.lang-link");
      if (link) { link.setAttribute("href", withLang(link.dataset.lang)); }
    });
  });
})();

window.dash_clientside = Object.assign({}, window.dash_clientside, {
  page: {
    apply: function (marker) {
      if (!marker) { return window.dash_clientside.no_update; }
      const html = document.documentElement;
      html.setAttribute("lang", marker.lang);
      html.setAttribute("dir", marker.dir);
      document.querySelectorAll("link[data-bootstrap]").forEach(function (link) {
        const wanted = link.dataset[marker.dir];
        if (wanted && link.getAttribute("href") !== wanted) { link.setAttribute("href", wanted); }
      });
      window.irqPage = marker;
      // Dash's page router sets the registered (English) title when a page renders; this one follows it.
      if (marker.title) { window.setTimeout(function () { document.title = marker.title; }, 50); }
      return marker.lang;
    }
  }
});
