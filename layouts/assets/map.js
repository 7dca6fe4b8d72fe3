/* Apply a map state (figures/maps.py: map_state) to the figure already in the browser.
   The outlines never travel again: only colours, hatching, hover texts and captions change. */
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  irqMap: {
    /* The page sends the map without its outlines; they come once from /geometry/<fingerprint>.json (kept by
       the browser, and by this page across language changes) and are put back into each outline trace. */
    draw: function (skeleton) {
      if (!skeleton || !skeleton.layout || !skeleton.layout.meta) { return window.dash_clientside.no_update; }
      const meta = skeleton.layout.meta, url = meta.geometry_url;
      const cache = window.irqGeometry = window.irqGeometry || {};
      if (!cache[url]) {
        cache[url] = fetch(url, {credentials: "same-origin"}).then(function (response) {
          if (!response.ok) { delete cache[url]; throw new Error("map outlines: HTTP " + response.status); }
          return response.json();
        });
      }
      return cache[url].then(function (paths) {
        const data = skeleton.data.slice();
        Object.keys(meta.outline_traces).forEach(function (code) {
          const t = meta.outline_traces[code];
          data[t] = Object.assign({}, data[t], {x: paths[code][0], y: paths[code][1]});
        });
        return Object.assign({}, skeleton, {data: data});
      });
    },
    /* Spread the server's one small state over the figure, captions, URL store and controls. Controls are
       only touched when the server corrected them (a value the data does not have), so no loop starts. */
    distribute: function (state, figure, year, drug) {
      const nu = window.dash_clientside.no_update;
      if (!state) { return Array(11).fill(nu); }
      return [
        window.dash_clientside.irqMap.apply(state.map, figure),
        state.title, state.subtitle, state.caption, state.larger, state.query,
        state.years || nu, state.year === year ? nu : state.year,
        state.drugs || nu, state.drug === drug ? nu : state.drug,
        state.drugs ? state.drugs.length < 2 : nu
      ];
    },
    /* Rebuild the ranked bars from the state: order, lengths and texts from state.bars, colours and
       patterns from the map's own fills, so both always show the same thing. */
    bars: function (state, figure) {
      if (!state || !state.bars || !figure || !figure.layout || !figure.layout.meta) {
        return window.dash_clientside.no_update;
      }
      const codes = Object.keys(figure.layout.meta.names).sort();
      const names = figure.layout.meta.names, b = state.bars, m = state.map;
      const ranked = b.order.map(function (i, k) { return {code: codes[i], i: i, x: b.x[k], text: b.text[k]}; });
      const drawn = ranked.filter(function (r) { return r.x !== null; });
      const gaps = ranked.filter(function (r) { return r.x === null; });
      const bars = Object.assign({}, figure.data[0], {
        y: drawn.map(function (r) { return names[r.code]; }),
        x: drawn.map(function (r) { return r.x; }),
        text: drawn.map(function (r) { return r.text; }),
        customdata: drawn.map(function (r) { return r.code; }),
        marker: Object.assign({}, figure.data[0].marker, {
          color: drawn.map(function (r) { return m.fill[r.i]; }),
          pattern: Object.assign({}, figure.data[0].marker.pattern, {shape: drawn.map(function (r) { return m.pattern[r.i]; })})
        })
      });
      const empty = Object.assign({}, figure.data[1], {
        y: gaps.map(function (r) { return names[r.code]; }),
        x: gaps.map(function () { return 0; }),
        text: gaps.map(function (r) { return r.text; })
      });
      const layout = Object.assign({}, figure.layout, {
        // Right to left the bars grow leftwards: the range runs from the top value down to zero.
        xaxis: Object.assign({}, figure.layout.xaxis, {range: figure.layout.xaxis.range[0] > 0 ? [b.top, 0] : [0, b.top]}),
        yaxis: Object.assign({}, figure.layout.yaxis, {categoryorder: "array", categoryarray: ranked.map(function (r) { return names[r.code]; })})
      });
      return Object.assign({}, figure, {data: [bars, empty], layout: layout});
    },
    apply: function (state, figure) {
      if (!state || !figure || !figure.layout || !figure.layout.meta) {
        return window.dash_clientside.no_update;
      }
      const meta = figure.layout.meta;
      const data = figure.data.slice();
      const at = {};
      meta.codes.forEach(function (code, i) { at[code] = i; });
      Object.keys(meta.outline_traces).forEach(function (code) {
        const t = meta.outline_traces[code];
        const i = at[code];
        data[t] = Object.assign({}, data[t], {
          fillcolor: state.fill[i],
          fillpattern: Object.assign({}, data[t].fillpattern, {bgcolor: state.fill[i], shape: state.pattern[i]}),
          text: state.hover[i]
        });
      });
      if (meta.halabja_trace >= 0) {
        const i = at["X-IQ-HAL"];
        const t = meta.halabja_trace;
        data[t] = Object.assign({}, data[t], {text: [state.hover[i]], marker: Object.assign({}, data[t].marker, {color: state.fill[i]})});
      }
      const labels = data[meta.label_trace];
      data[meta.label_trace] = Object.assign({}, labels, {
        hovertext: meta.label_codes.map(function (c) { return state.hover[at[c]]; }),
        text: meta.label_codes.map(function (c) { return state.label[at[c]]; }),
        textfont: Object.assign({}, labels.textfont, {color: meta.label_codes.map(function (c) { return state.ink[at[c]]; })})
      });
      const scale = data[meta.scale_trace];
      const colorbar = Object.assign({}, scale.marker.colorbar, {title: Object.assign({}, scale.marker.colorbar.title, {text: state.scale_title})});
      data[meta.scale_trace] = Object.assign({}, scale, {
        marker: Object.assign({}, scale.marker, {cmin: state.cmin, cmax: state.cmax, color: [state.cmin], colorbar: colorbar})
      });
      return Object.assign({}, figure, {data: data});
    }
  },
  downloads: {
    /* Download links follow the view: the same query, plus the chosen image preset. */
    hrefs: function (query, preset, page) {
      const base = "/download/" + page;
      const q = (query ? query + "&" : "") + "preset=" + (preset || "web");
      return [base + ".png?" + q, base + ".svg?" + q, base + ".csv?" + (query || "")];
    }
  },
  urlState: {
    /* Keep the page's state in the address bar without reloading (so a reload or a shared link restores it). */
    replace: function (query) {
      if (query === undefined || query === null) { return window.dash_clientside.no_update; }
      const url = window.location.pathname + (query ? "?" + query : "");
      if (url !== window.location.pathname + window.location.search) {
        window.history.replaceState(null, "", url);
      }
      return query;
    }
  }
});
