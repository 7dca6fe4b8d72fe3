/* Chart pages: run plotly.js and dcc's graph and dropdown code while the browser waits for the page's layout,
   not one after another once the graph has mounted. app.py lists them in the page's head as preloads, so they
   are already downloading; dcc loads plotly.js only while window.Plotly is undefined, and webpack a chunk only
   if it has not been pushed yet, so nothing runs twice. Started at the layout request, not before it: the
   request goes out first, and the scripts fill the wait for its answer. */
(function () {
  const preloads = Array.from(document.querySelectorAll('link[rel="preload"][as="script"]'));
  if (!preloads.length) { return; }
  const original = window.fetch;
  let started = false;
  function runPreloads() {
    started = true;
    preloads.forEach(function (link) {
      const script = document.createElement("script");
      script.src = link.href;
      script.async = false;  // in the listed order: plotly.js first
      document.head.appendChild(script);
    });
  }
  window.fetch = function (input) {
    const answer = original.apply(this, arguments);
    const url = typeof input === "string" ? input : (input && input.url) || "";
    if (!started && url.indexOf("_dash-layout") !== -1) { runPreloads(); }
    return answer;
  };
})();
