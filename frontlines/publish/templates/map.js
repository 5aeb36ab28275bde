(function () {
  "use strict";
  performance.mark("fl-start");
  var data = JSON.parse(document.getElementById("frontlines-data").textContent);
  performance.mark("fl-parsed");
  var cols = data.columns;
  var coded = data.coded;
  var n = data.n;
  var tiles = data.tiles ? window.FrontlinesTiles(data, maplibregl) : null;  // map_tiles.js
  var DAY_MS = 86400000;
  var day0 = Date.parse(data.first_day + "T00:00:00Z");
  var $ = function (id) { return document.getElementById(id); };
  var el = function (tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };
  var isWeb = function (url) { return /^https?:\/\//i.test(url || ""); };
  var isoDay = function (d) { return new Date(day0 + d * DAY_MS).toISOString().slice(0, 10); };
  var value = function (name, i) {
    var c = coded[name];
    return c ? c.values[c.codes[i]] : cols[name][i];
  };

  $("attribution").textContent = data.attribution;

  // -- events as prebuilt features (built once; filtering only picks from this array) ----
  var days = Int32Array.from(cols.day);
  var typeCodes = coded.event_type.codes;
  var credCodes = coded.credibility.codes;
  var typeColor = coded.event_type.values.map(function (t) { return data.colors[t] || data.other_color; });
  var feats = new Array(tiles ? 0 : n);
  for (var k = 0; k < feats.length; k++) {
    if (cols.lon[k] === null || cols.lat[k] === null) { feats[k] = null; continue; }
    feats[k] = { type: "Feature", geometry: { type: "Point", coordinates: [cols.lon[k], cols.lat[k]] },
                 properties: { i: k, c: typeColor[typeCodes[k]], t: typeCodes[k], f: cols.fatalities[k], d: days[k] } };
  }

  performance.mark("fl-features");

  // -- controls ---------------------------------------------------------------------------
  var slider = $("slider");
  var windowSel = $("window");
  var undated = $("undated");
  var actorBox = $("actor");
  var playBtn = $("play");
  slider.max = String(data.days);
  slider.value = String(data.days);

  function checkbox(attr, val, label, swatch, onChange) {
    var li = el("li");
    var lab = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute(attr, val);
    box.addEventListener("change", onChange);
    lab.appendChild(box);
    if (swatch) lab.appendChild(swatch);
    lab.appendChild(document.createTextNode(label));
    li.appendChild(lab);
    return { li: li, box: box };
  }
  var typeOk = coded.event_type.values.map(function () { return true; });
  data.types.forEach(function (type) {
    var code = coded.event_type.values.indexOf(type);
    var sw = el("span", null, "swatch");
    sw.style.background = data.colors[type] || data.other_color;
    var item = checkbox("data-type", type, type || "(no type)", sw, function () {
      typeOk[code] = item.box.checked; refresh();
    });
    $("legend").appendChild(item.li);
  });
  var credOk = coded.credibility.values.map(function () { return true; });
  ["high", "medium", "low"].concat(coded.credibility.values).forEach(function (cred, pos, all) {
    var code = coded.credibility.values.indexOf(cred);
    if (code < 0 || all.indexOf(cred) !== pos) return;
    var item = checkbox("data-cred", cred, cred, null, function () {
      credOk[code] = item.box.checked; refresh();
    });
    $("credibility").appendChild(item.li.firstChild);
  });

  var ACTORS = ["actor1", "assoc_actor_1", "actor2", "assoc_actor_2"];
  function actorMatches(query) {  // per actor column: does each distinct value match?
    return ACTORS.map(function (name) {
      return Uint8Array.from(coded[name].values, function (v) { return v.toLowerCase().indexOf(query) >= 0 ? 1 : 0; });
    });
  }
  function actorOk(ok, i) {
    for (var a = 0; a < ACTORS.length; a++) if (ok[a][coded[ACTORS[a]].codes[i]]) return true;
    return false;
  }

  // -- filtering ----------------------------------------------------------------------------
  var countNode = $("count");
  var styleReady = false;
  var shownFeatures = [];
  function refresh() {
    var hi = Number(slider.value);
    var span = Number(windowSel.value);
    var lo = span > 0 ? hi - span + 1 : -Infinity;
    var query = actorBox.value.trim().toLowerCase();
    var ok = query ? actorMatches(query) : null;
    var withUndated = undated.checked;
    var shown = 0;
    var placed = [];
    if (tiles) {
      var state = { hi: hi, lo: lo, undated: withUndated, query: query,
                    types: coded.event_type.values.filter(function (v, c) { return typeOk[c]; }),
                    creds: coded.credibility.values.filter(function (v, c) { return credOk[c]; }) };
      var counted = tiles.count(state);
      tiles.apply(styleReady ? map : null, state);
      shown = counted.shown;
      placed.length = counted.placed;
    }
    for (var i = 0; i < (tiles ? 0 : n); i++) {
      if (!typeOk[typeCodes[i]] || !credOk[credCodes[i]]) continue;
      var d = days[i];
      if (d < 0 ? !withUndated : (d > hi || d < lo)) continue;
      if (ok && !actorOk(ok, i)) continue;
      shown++;
      if (feats[i]) placed.push(feats[i]);
    }
    var text = shown + " of " + n + " events shown";
    if (placed.length < shown) text += " (" + (shown - placed.length) + " without coordinates)";
    if (tiles && query) text = "actor filter on: " + text.replace(" events shown", " events before it");
    countNode.textContent = text;
    $("slider-date").textContent = data.days >= 0 && n ? (span > 0 ? isoDay(Math.max(lo, 0)) + " to " : "up to ") + isoDay(hi) : "";
    window.frontlinesShown = shown;
    shownFeatures = placed;
    if (styleReady && !tiles) map.getSource("events").setData({ type: "FeatureCollection", features: placed });
    refreshControl();
    hooks.forEach(function (fn) { fn(hi, span); });
  }
  var hooks = [];  // extensions (map_territory.js) follow the slider through these
  slider.addEventListener("input", refresh);
  [windowSel, undated].forEach(function (node) { node.addEventListener("change", refresh); });
  actorBox.addEventListener("input", refresh);

  // -- play ---------------------------------------------------------------------------------
  var timer = null;
  var step = Math.max(1, Math.ceil(data.days / 120));
  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    playBtn.textContent = "\u25b6 play";
    playBtn.setAttribute("aria-pressed", "false");
  }
  function tick() {
    slider.value = String(Math.min(data.days, Number(slider.value) + step));
    refresh();
    if (Number(slider.value) >= data.days) stop();
  }
  playBtn.addEventListener("click", function () {
    if (timer !== null) { stop(); return; }
    if (Number(slider.value) >= data.days) { slider.value = "0"; refresh(); }
    timer = setInterval(tick, 400);
    playBtn.textContent = "\u275a\u275a pause";
    playBtn.setAttribute("aria-pressed", "true");
  });

  // -- control layer ------------------------------------------------------------------------
  var control = data.control;
  var periods = control.periods;
  var controlShown = 0;
  function controlFilter(date) {
    return ["all", ["<=", ["get", "s"], date], [">", ["get", "u"], date]];
  }
  function refreshControl() {
    if (!periods.length) return;
    var date = isoDay(Number(slider.value));
    controlShown = 0;
    periods.forEach(function (p) { if (p.since <= date && (!p.until || date < p.until)) controlShown++; });
    $("control-count").textContent = "on " + date + ": " + controlShown + " place" + (controlShown === 1 ? "" : "s");
    window.frontlinesControlShown = controlShown;
    if (!styleReady || !map.getLayer("control-squares")) return;
    map.setFilter("control-squares", controlFilter(date));
    map.setFilter("control-rings", ["all", ["==", ["get", "x"], 1], controlFilter(date)]);
  }
  function squareImage(hex) {
    var size = 14, px = new Uint8Array(size * size * 4);
    var rgb = [1, 3, 5].map(function (o) { return parseInt(hex.slice(o, o + 2), 16); });
    for (var y = 0; y < size; y++) for (var x = 0; x < size; x++) {
      var edge = x < 2 || y < 2 || x >= size - 2 || y >= size - 2;
      var o = (y * size + x) * 4;
      px[o] = edge ? 34 : rgb[0]; px[o + 1] = edge ? 34 : rgb[1]; px[o + 2] = edge ? 34 : rgb[2]; px[o + 3] = 255;
    }
    return { width: size, height: size, data: px };
  }
  var eventsBelow = tiles ? tiles.before : "clusters";
  // With control areas the squares show from SQUARES_ZOOM only (map_territory.js): their
  // source goes in when the view first comes near it, so the first view does not wait for
  // the worker to index thousands of points it does not draw.
  var SQUARES_ZOOM = 8.5, squaresAdded = false;
  function addControlLayers() {
    if (!periods.length || squaresAdded) return;
    if (data.territory && map.getZoom() < SQUARES_ZOOM - 1) {
      map.once("zoomend", addControlLayers);
      return;
    }
    squaresAdded = true;
    control.holders.forEach(function (h, idx) { map.addImage("holder-" + idx, squareImage(control.colors[h])); });
    map.addSource("control", { type: "geojson", data: { type: "FeatureCollection", features: periods.map(function (p, idx) {
      return { type: "Feature", geometry: { type: "Point", coordinates: [p.lon, p.lat] },
               properties: { k: idx, h: control.holders.indexOf(p.holder), s: p.since, u: p.until || "9999-12-31",
                             x: p.contested ? 1 : 0, o: 0.45 + 0.55 * Math.min(1, Math.max(0, p.confidence)) } };
    }) } });
    map.addLayer({ id: "control-rings", type: "circle", source: "control",
                   paint: { "circle-radius": 12, "circle-color": "rgba(0,0,0,0)",
                            "circle-stroke-color": "#c0392b", "circle-stroke-width": 2.5 } }, eventsBelow);
    map.addLayer({ id: "control-squares", type: "symbol", source: "control",
                   layout: { "icon-image": ["concat", "holder-", ["to-string", ["get", "h"]]],
                             "icon-allow-overlap": true, "icon-ignore-placement": true },
                   paint: { "icon-opacity": ["get", "o"] } }, eventsBelow);
    if (data.territory) ["control-rings", "control-squares"].forEach(function (id) { map.setLayerZoomRange(id, SQUARES_ZOOM, 24); });
    map.on("click", "control-squares", function (ev) {
      if (ev.features && ev.features.length) openControlPopup(ev.features[0].properties.k);
    });
    refreshControl();
  }
  function controlLegend() {
    if (!periods.length) return;
    var list = $("control-legend").querySelector("ul");
    control.holders.forEach(function (h) {
      var li = el("li");
      var sw = el("span", null, "swatch square");
      sw.style.background = control.colors[h];
      li.appendChild(sw);
      li.appendChild(document.createTextNode(h));
      list.appendChild(li);
    });
    var li = el("li");
    li.appendChild(el("span", null, "swatch ring"));
    li.appendChild(document.createTextNode("contested"));
    list.appendChild(li);
    $("control-legend").hidden = false;
  }

  // -- popups -------------------------------------------------------------------------------
  function row(dl, term, val) {
    if (val === undefined || val === null || val === "") return;
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", val));
  }
  function sourceNode(i) {
    var url = value("source_url", i) || "";
    var name = value("source", i) || url || "(unknown)";
    if (isWeb(url)) {
      var a = el("a", name);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      return a;
    }
    return el("span", url && url !== name ? name + " (" + url + ")" : name);
  }
  function popupContent(i) {
    var root = el("div", null, "fl-popup");
    var dl = el("dl");
    var sub = value("sub_event_type", i);
    var fatalities = cols.fatalities[i];
    row(dl, "date", days[i] < 0 ? "unknown" : isoDay(days[i]));
    row(dl, "type", value("event_type", i) + (sub ? " / " + sub : ""));
    row(dl, "actors", ACTORS.map(function (a) { return value(a, i); }).filter(Boolean).join("; "));
    row(dl, "location", (value("location", i) || "?") + " (geo precision " + cols.geo_precision[i] + ")");
    row(dl, "fatalities", fatalities < 0 ? "unknown" : fatalities);
    row(dl, "page", value("document_title", i));
    row(dl, "credibility", value("credibility", i) + (value("source_part", i) === "comment" ? " (reader comment)" : ""));
    row(dl, "event id", cols.event_id[i]);
    root.appendChild(dl);
    root.appendChild(el("blockquote", cols.evidence[i], "evidence"));
    var src = el("div", "source: ");
    src.appendChild(sourceNode(i));
    root.appendChild(src);
    return root;
  }
  function openPopup(i) {
    if (!(i >= 0 && i < n) || !feats[i]) return null;
    return new maplibregl.Popup({ maxWidth: "320px" })
      .setLngLat(feats[i].geometry.coordinates).setDOMContent(popupContent(i)).addTo(map);
  }
  function openControlPopup(idx) {
    var p = periods[idx];
    var root = el("div", null, "fl-popup");
    var dl = el("dl");
    row(dl, "place", p.place_name);
    row(dl, "holder", p.holder + (p.contested ? " (contested)" : ""));
    row(dl, "from", p.since);
    row(dl, "until", p.until || "open");
    row(dl, "confidence", p.confidence.toFixed(2));
    root.appendChild(dl);
    return new maplibregl.Popup({ maxWidth: "280px" }).setLngLat([p.lon, p.lat]).setDOMContent(root).addTo(map);
  }

  // -- the map ------------------------------------------------------------------------------
  // The first view is drawn once, when every tile it shows is in (map.loaded()), instead of
  // once per arriving tile: on software WebGL each frame costs 50-350 ms of rasterising
  // (measured: 9 frames before the first idle, 5 of them the bare background). Until then
  // MapLibre runs its frames as usual (tiles are requested, placement done) but its painter
  // draws nothing; the #map element's background is the sea's colour meanwhile. After
  // HOLD_MS at most, or once anything was drawn, every frame is drawn as before. Uses
  // MapLibre's painter (not public API, MapLibre 5): without one the page draws as before.
  var HOLD_MS = 3000;
  function holdFirstFrame(m) {
    var painter = m.painter;
    if (!painter || typeof painter.render !== "function") return;
    var draw = painter.render, until = performance.now() + HOLD_MS, held = true;
    painter.render = function (style) {
      if (held && !m.loaded() && performance.now() < until) {
        this.style = style;  // tiles arriving meanwhile read their layers from it
        return undefined;
      }
      held = false;
      painter.render = draw;
      return draw.apply(this, arguments);
    };
  }
  function boundsPadding() {
    var panel = $("panel").getBoundingClientRect();
    if (window.innerWidth - panel.right < 300) return 40;
    return { top: 50, bottom: 50, left: panel.right + 40, right: 70 };
  }
  refresh();
  var countries = data.base.countries;
  var map = new maplibregl.Map({
    container: "map",
    attributionControl: false,
    fadeDuration: 0,
    style: {
      version: 8,
      sources: Object.assign({
        // prebuilt vector tiles in the page (map_pmtiles.js): the worker decodes the first
        // view's few tiles instead of tiling the world's outlines (see publish/map_base.py)
        countries: { type: "vector", url: window.FrontlinesPMTiles.embedded(countries.element),
                     minzoom: 0, maxzoom: countries.maxzoom }
      }, tiles ? tiles.sources() : {
        events: { type: "geojson", data: { type: "FeatureCollection", features: shownFeatures },
                  cluster: true, clusterRadius: 40, clusterMaxZoom: 8, buffer: 32 }
      }),
      layers: [
        { id: "sea", type: "background", paint: { "background-color": "#a9cce3" } },
        { id: "countries-fill", type: "fill", source: "countries", "source-layer": countries.layer,
          paint: { "fill-color": "#f2efe6", "fill-antialias": false } },  // the outline draws the edges
        { id: "countries-outline", type: "line", source: "countries", "source-layer": countries.layer,
          paint: { "line-color": "#8a8170", "line-width": 0.7 } }
      ].concat(tiles ? tiles.layers() : [
        { id: "clusters", type: "circle", source: "events", filter: ["has", "point_count"],
          paint: { "circle-color": ["step", ["get", "point_count"], "#5b8db8", 100, "#3a6a99", 1000, "#24466e"],
                   "circle-radius": ["step", ["get", "point_count"], 12, 10, 15, 100, 19, 1000, 24, 10000, 30],
                   "circle-stroke-color": "#fff", "circle-stroke-width": 1.5, "circle-opacity": 0.9 } },
        { id: "events", type: "circle", source: "events", filter: ["!", ["has", "point_count"]],
          paint: { "circle-color": ["get", "c"], "circle-radius": 7,
                   "circle-stroke-color": "#222", "circle-stroke-width": 1 } }
      ])
    },
    bounds: data.bounds,
    fitBoundsOptions: { padding: boundsPadding(), maxZoom: 8 }
  });
  holdFirstFrame(map);
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  map.on("click", "events", function (ev) {
    if (ev.features && ev.features.length) openPopup(ev.features[0].properties.i);
  });
  map.on("click", "clusters", function (ev) {
    var f = ev.features && ev.features[0];
    if (!f) return;
    map.getSource("events").getClusterExpansionZoom(f.properties.cluster_id).then(function (zoom) {
      map.easeTo({ center: f.geometry.coordinates, zoom: zoom });
    });
  });
  ["events", "clusters", "control-squares"].forEach(function (layer) {
    map.on("mouseenter", layer, function () { map.getCanvas().style.cursor = "pointer"; });
    map.on("mouseleave", layer, function () { map.getCanvas().style.cursor = ""; });
  });

  // Cluster counts as a few HTML labels (no glyphs to fetch), refreshed when the map settles.
  var labels = {};
  function shortCount(c) { return c >= 10000 ? Math.round(c / 1000) + "k" : c >= 1000 ? (c / 1000).toFixed(1) + "k" : String(c); }
  function refreshLabels() {
    if (tiles) return;
    var seen = {};
    map.queryRenderedFeatures({ layers: ["clusters"] }).slice(0, 500).forEach(function (f) {
      var id = f.properties.cluster_id;
      if (seen[id]) return;
      seen[id] = true;
      var text = shortCount(f.properties.point_count);
      if (!labels[id]) labels[id] = new maplibregl.Marker({ element: el("div", text, "cluster-label") });
      labels[id].getElement().textContent = text;
      labels[id].setLngLat(f.geometry.coordinates).addTo(map);
    });
    Object.keys(labels).forEach(function (id) { if (!seen[id]) { labels[id].remove(); delete labels[id]; } });
  }
  map.on("idle", refreshLabels);
  performance.mark("fl-map-created");
  // Every source and layer goes in when the style is there, before the first frame, so the
  // worker tiles them all in one go; map_territory.js adds its own through whenStyle.
  var styleHooks = [];
  function whenStyle(fn) { if (styleReady) fn(); else styleHooks.push(fn); }
  map.once("style.load", function () {
    performance.mark("fl-style");
    styleReady = true;
    addControlLayers();
    controlLegend();
    refreshControl();
    if (tiles) { tiles.bind(map); refresh(); }
    styleHooks.splice(0).forEach(function (fn) { fn(); });
  });
  // Ready: the first view drawn with every source it shows (MapLibre's load: all sources
  // loaded), and idle; the events' tiles are waited for when the first view is at their zooms.
  map.on("load", function () {
    performance.mark("fl-load");
    (tiles ? tiles.whenShown : function (m, fn) { fn(); })(map, function () {
      map.once("idle", function () {
        window.frontlinesReadyAt = performance.now();
        window.frontlinesReady = true;
      });
    });
  });
  window.frontlinesApp = { map: map, data: data, el: el, row: row, isoDay: isoDay, isWeb: isWeb,
                           hooks: hooks, slider: slider, value: value, days: days, tiles: tiles,
                           whenStyle: whenStyle };
  window.frontlinesMap = map;
  window.frontlinesOpenPopup = openPopup;
  window.frontlinesEvent = function (i) { return value("event_id", i); };
  // the features drawn in a layer; -1 while MapLibre is swapping the source's data (a query
  // then may fail with "feature index out of bounds"), so that a caller simply asks again
  window.frontlinesRendered = function (layer) {
    try { return map.queryRenderedFeatures({ layers: [layer] }).length; } catch (e) { return -1; }
  };
})();
