// The map's events as vector tiles (PMTiles through the pmtiles protocol for MapLibre).
// map.js calls window.FrontlinesTiles(data) when data.tiles is set; this file knows the
// tile properties (see frontlines/publish/tiles.py) and builds the sources, layers,
// filters (MapLibre expressions), counts and popups. The archive (map_pmtiles.js) is either
// fetched with HTTP range requests (data.tiles.url, the server) or read from the page
// itself (<script id="frontlines-tiles"> at the end of the page, the offline file). The first view draws the sample (below the tiles' zoom) while
// the page is still being read; the tiles source is added once the archive is there.
(function () {
  "use strict";

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  window.FrontlinesTiles = function (data, maplibregl) {
    var t = data.tiles;
    var archiveUrl = t.url ? window.FrontlinesPMTiles.remote(t.url)  // map_pmtiles.js
                           : window.FrontlinesPMTiles.embedded("frontlines-tiles");
    var epochFirst = t.epoch_first;  // slider day 0 as days since 1970-01-01
    var LAYERS = ["fl-tiles-overview", "fl-tiles-events"];
    var lastFilter = null;

    // The sample goes to MapLibre's worker with the properties its filters read (t, d, c,
    // a1, a2) and its index i; the popup reads the rest here. The worker then copies, tiles
    // and encodes a fraction of the text (the evidence, source and URL stay in the page).
    var SLIM = ["t", "d", "c", "a1", "a2"];
    var overviewProps = t.overview.features.map(function (f) { return f.properties; });
    function sources() {
      var slim = t.overview.features.map(function (f, i) {
        var props = { i: i };
        SLIM.forEach(function (k) { if (k in f.properties) props[k] = f.properties[k]; });
        return { type: "Feature", geometry: f.geometry, properties: props };
      });
      return { "fl-overview": { type: "geojson", data: { type: "FeatureCollection", features: slim }, buffer: 16 } };
    }
    function addTiles(map) {  // once the archive is in the page (at once for a server)
      map.addSource("fl-tiles", { type: "vector", url: archiveUrl,
                                  minzoom: t.zoom, maxzoom: t.maxzoom });
      map.addLayer({ id: LAYERS[1], type: "circle", source: "fl-tiles", "source-layer": t.layer,
                     minzoom: t.zoom, paint: paint(), filter: lastFilter || ["all"] }, LAYERS[0]);
      listen(map, LAYERS[1]);
    }
    function paint() {
      return { "circle-color": ["match", ["get", "t"]].concat(
                 Object.keys(data.colors).reduce(function (acc, k) { return acc.concat([k, data.colors[k]]); }, []),
                 [data.other_color]),
               "circle-radius": ["interpolate", ["linear"], ["zoom"], 2, 2.5, 8, 4.5, 12, 7],
               "circle-stroke-color": "#222", "circle-stroke-width": 0.6 };
    }
    function layers() {
      // with the filter of the first refresh (map.js calls it before the map), so the
      // sample's tiles are not made twice
      var first = { id: LAYERS[0], type: "circle", source: "fl-overview", maxzoom: t.zoom, paint: paint() };
      if (lastFilter) first.filter = lastFilter;
      return [first];
    }
    // state: hi/lo (slider days), undated, query (lower case), types and creds (allowed values)
    function filter(state) {
      var day = ["get", "d"];
      var when = ["case", ["<", day, 0], state.undated,
                  ["all", ["<=", day, state.hi + epochFirst],
                          [">=", day, (state.lo === -Infinity ? -1e9 : state.lo + epochFirst)]]];
      var parts = ["all", ["in", ["get", "t"], ["literal", state.types]],
                   ["in", ["get", "c"], ["literal", state.creds]], when];
      if (state.query) {
        parts.push(["any", ["in", state.query, ["downcase", ["get", "a1"]]],
                           ["in", state.query, ["downcase", ["get", "a2"]]]]);
      }
      return parts;
    }
    function count(state) {  // from the per type, credibility and day counts (actors not counted)
      var shown = 0, placed = 0;
      var typeOk = {}, credOk = {};
      state.types.forEach(function (v) { typeOk[v] = true; });
      state.creds.forEach(function (v) { credOk[v] = true; });
      t.counts.forEach(function (row) {
        if (!typeOk[t.types[row[0]]] || !credOk[t.creds[row[1]]]) return;
        var d = row[2];
        if (d < 0 ? !state.undated : (d > state.hi || d < state.lo)) return;
        shown += row[3];
        placed += row[4];
      });
      return { shown: shown, placed: placed };
    }
    function apply(map, state) {
      lastFilter = filter(state);
      if (!map) return;
      LAYERS.forEach(function (id) { if (map.getLayer(id)) map.setFilter(id, lastFilter); });
    }
    function popup(props) {
      var root = el("div");
      root.className = "fl-popup";
      var dl = el("dl");
      function row(term, val) {
        if (val === undefined || val === null || val === "") return;
        dl.appendChild(el("dt", term));
        dl.appendChild(el("dd", val));
      }
      var day = Number(props.d);
      row("date", day < 0 ? "unknown" : new Date(day * 86400000).toISOString().slice(0, 10));
      row("type", props.t + (props.s ? " / " + props.s : ""));
      row("actors", [props.a1, props.a2].filter(Boolean).join("; "));
      if (props.loc !== undefined) row("location", (props.loc || "?") + " (geo precision " + props.gp + ")");
      if (props.f !== undefined) row("fatalities", Number(props.f) < 0 ? "unknown" : props.f);
      row("credibility", props.c + (props.p === "comment" ? " (reader comment)" : ""));
      row("event id", props.id);
      root.appendChild(dl);
      if (props.ev === undefined) {
        root.appendChild(el("div", t.url ? "loading the evidence..." :
          "evidence and source: not in this map (too many events); see `frontlines serve` or an export"));
        if (t.url) details(root, props.id);
        return root;
      }
      evidence(root, props.ev, props.src, props.url);
      return root;
    }
    function details(root, id) {  // the server's /api/events/{id}
      fetch("/api/events/" + encodeURIComponent(id)).then(function (r) { return r.json(); })
        .then(function (feature) {
          var p = feature.properties || {};
          var ev = p.evidence && typeof p.evidence === "object" ? p.evidence.text : p.evidence;
          root.removeChild(root.lastChild);
          evidence(root, ev, p.source || p.source_url, p.source_url);
        })
        .catch(function () { root.lastChild.textContent = "evidence: could not be loaded"; });
    }
    function evidence(root, text, source, link) {
      var quote = el("blockquote", text);
      quote.className = "evidence";
      root.appendChild(quote);
      var src = el("div", "source: ");
      var url = link || "";
      var name = source || url || "(unknown)";
      if (/^https?:\/\//i.test(url)) {
        var a = el("a", name);
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        src.appendChild(a);
      } else {
        src.appendChild(el("span", url && url !== name ? name + " (" + url + ")" : name));
      }
      root.appendChild(src);
    }
    function listen(map, id) {
        map.on("click", id, function (ev) {
          var f = ev.features && ev.features[0];
          if (!f) return;
          var props = id === LAYERS[0] ? overviewProps[f.properties.i] || f.properties : f.properties;
          new maplibregl.Popup({ maxWidth: "320px" }).setLngLat(f.geometry.coordinates)
            .setDOMContent(popup(props)).addTo(map);
        });
        map.on("mouseenter", id, function () { map.getCanvas().style.cursor = "pointer"; });
        map.on("mouseleave", id, function () { map.getCanvas().style.cursor = ""; });
    }
    function whenArchive(fn) {  // the archive is readable: at once for a server, else once parsed
      if (t.url || document.readyState !== "loading") fn();
      else document.addEventListener("DOMContentLoaded", fn);
    }
    // The tiles' source goes in when the archive is readable and the view comes near their
    // zooms (at once for a server): below them the sample draws the events, and an offline
    // page need not wait for the end of its archive to show its first view.
    var added = false, waiting = [];
    function near(map) { return t.url || map.getZoom() >= t.zoom - 1; }
    function bind(map) {
      listen(map, LAYERS[0]);
      if (lastFilter) map.setFilter(LAYERS[0], lastFilter);
      whenArchive(function () {
        function check() {
          if (added || !near(map)) return;
          added = true;
          map.off("zoom", check);
          addTiles(map);
          waiting.splice(0).forEach(function (fn) { fn(); });
        }
        map.on("zoom", check);
        check();
      });
    }
    // fn() once the first view has all it shows: at once when it is below the tiles' zooms
    function whenShown(map, fn) {
      if (added || map.getZoom() < t.zoom) fn();
      else waiting.push(fn);
    }
    return { sources: sources, layers: layers, apply: apply, count: count, bind: bind, whenShown: whenShown,
             before: LAYERS[0], layerIds: LAYERS, zoom: t.zoom, whenArchive: whenArchive,
             url: function () { return archiveUrl; } };
  };
})();
