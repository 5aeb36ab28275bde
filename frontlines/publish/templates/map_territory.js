(function () {
  "use strict";
  // Control areas, front lines, base map, labels, event symbols and place history.
  // Reads window.frontlinesApp (map.js); every text is put in with textContent.
  var app = window.frontlinesApp;
  if (!app) return;
  var map = app.map, data = app.data, el = app.el;
  var control = data.control, periods = control.periods, holders = control.holders;
  var T = data.territory, B = data.basemap;
  var cols = data.columns, coded = data.coded;
  var holderIndex = periods.map(function (p) { return holders.indexOf(p.holder); });
  // cells and edges: GeoJSON in the page, or layers of a tiles archive (T.tiled: the page's
  // own archive in T.tiled.element, else the events' archive) whose features carry k (cell)
  // and e (edge) as ids; T.edges is then [edge id, a, b] rows
  var tiled = T && T.tiled && (T.tiled.element || app.tiles) ? T.tiled : null;
  if (T && T.tiled) T.edges = { features: T.edges.map(function (r) { return { id: r[0], properties: { a: r[1], b: r[2] } }; }) };
  var CELLS = tiled ? { source: "control-tiles", sourceLayer: tiled.cells } : { source: "territory" };
  var FRONTS = tiled ? { source: "control-tiles", sourceLayer: tiled.edges } : { source: "fronts" };
  var areasOn = false;  // the areas' sources are in the map
  function target(base, id) { return { source: base.source, sourceLayer: base.sourceLayer, id: id }; }
  var cellState = T ? new Int32Array(T.seeds.length).fill(-2) : null;
  var edgeState = T ? new Int8Array(T.edges.features.length).fill(-1) : null;
  var seedKeys = [];
  var loaded = false;

  // -- holders on a date ---------------------------------------------------------------
  function seedHolders(k, date) {
    var found = [];
    T.seeds[k].forEach(function (i) {
      var p = periods[i];
      if (p.since <= date && (!p.until || date < p.until) && found.indexOf(holderIndex[i]) < 0) found.push(holderIndex[i]);
    });
    return found.sort(function (a, b) { return a - b; });
  }
  function disjoint(a, b) {
    if (!a.length || !b.length) return false;
    for (var i = 0; i < a.length; i++) if (b.indexOf(a[i]) >= 0) return false;
    return true;
  }
  var areaCounts = {};
  function refreshTerritory() {
    if (!T || !loaded || !areasOn) return;
    var date = app.isoDay(Number(app.slider.value));
    areaCounts = {};
    for (var k = 0; k < T.seeds.length; k++) {
      var hs = seedHolders(k, date);
      seedKeys[k] = hs;
      var code = hs.length === 0 ? -1 : hs.length === 1 ? hs[0] : 10000 + hs[0] * 100 + hs[hs.length - 1];
      if (hs.length) areaCounts[hs.length > 1 ? "contested" : holders[hs[0]]] = (areaCounts[hs.length > 1 ? "contested" : holders[hs[0]]] || 0) + 1;
      if (cellState[k] === code) continue;
      cellState[k] = code;
      map.setFeatureState(target(CELLS, k),
        { h: hs.length ? hs[0] : -1, g: hs.length > 1 ? hs[hs.length - 1] : -1, x: hs.length > 1 ? 1 : 0 });
    }
    var fronts = 0;
    T.edges.features.forEach(function (f, e) {
      var on = disjoint(seedKeys[f.properties.a], seedKeys[f.properties.b]) ? 1 : 0;
      fronts += on;
      if (edgeState[e] === on) return;
      edgeState[e] = on;
      map.setFeatureState(target(FRONTS, f.id), { on: on });
    });
    window.frontlinesAreas = { date: date, holders: areaCounts, fronts: fronts };
  }
  app.hooks.push(refreshTerritory);

  // -- event emphasis: recent events stronger, within the slider's window ---------------
  function refreshEvents(hi, span) {
    if (!loaded || !map.getLayer("event-icons")) return;  // a tiled page styles its own
    var reach = span > 0 ? span : 90;
    map.setPaintProperty("events", "circle-opacity",
      ["interpolate", ["linear"], ["get", "d"], hi - reach, 0.35, hi, 1]);
    map.setPaintProperty("event-icons", "icon-opacity",
      ["interpolate", ["linear"], ["get", "d"], hi - reach, 0.45, hi, 1]);
  }
  app.hooks.push(refreshEvents);

  // -- icons per ACLED event type, drawn on a canvas (no sprite to fetch) ----------------
  var SHAPES = {
    "Battles": "cross", "Explosions/Remote violence": "burst", "Violence against civilians": "triangle",
    "Protests": "ring", "Riots": "bolt", "Strategic developments": "square"
  };
  function drawShape(ctx, shape, s) {
    var c = s / 2;
    ctx.fillStyle = "#fff"; ctx.strokeStyle = "#fff"; ctx.lineWidth = s * 0.16; ctx.lineCap = "round";
    ctx.beginPath();
    if (shape === "cross") { ctx.moveTo(s * .25, s * .25); ctx.lineTo(s * .75, s * .75); ctx.moveTo(s * .75, s * .25); ctx.lineTo(s * .25, s * .75); ctx.stroke(); return; }
    if (shape === "burst") {
      for (var i = 0; i < 16; i++) { var r = i % 2 ? s * .16 : s * .36, a = i * Math.PI / 8; ctx.lineTo(c + r * Math.cos(a), c + r * Math.sin(a)); }
      ctx.closePath(); ctx.fill(); return;
    }
    if (shape === "triangle") { ctx.moveTo(c, s * .24); ctx.lineTo(s * .78, s * .74); ctx.lineTo(s * .22, s * .74); ctx.closePath(); ctx.fill(); return; }
    if (shape === "ring") { ctx.lineWidth = s * .12; ctx.arc(c, c, s * .22, 0, 2 * Math.PI); ctx.stroke(); return; }
    if (shape === "bolt") { ctx.moveTo(s * .56, s * .2); ctx.lineTo(s * .3, s * .55); ctx.lineTo(s * .5, s * .55); ctx.lineTo(s * .42, s * .82); ctx.lineTo(s * .72, s * .43); ctx.lineTo(s * .52, s * .43); ctx.closePath(); ctx.fill(); return; }
    if (shape === "square") { ctx.fillRect(s * .3, s * .3, s * .4, s * .4); return; }
    ctx.arc(c, c, s * .12, 0, 2 * Math.PI); ctx.fill();
  }
  function iconCanvas(type, colour, size) {
    var canvas = document.createElement("canvas");
    canvas.width = canvas.height = size;
    var ctx = canvas.getContext("2d");
    if (colour) { ctx.fillStyle = colour; ctx.beginPath(); ctx.arc(size / 2, size / 2, size / 2 - 1, 0, 2 * Math.PI); ctx.fill(); }
    drawShape(ctx, SHAPES[type] || "dot", size);
    return canvas;
  }
  function legendIcons() {
    document.querySelectorAll("#legend input[data-type]").forEach(function (box) {
      var type = box.getAttribute("data-type");
      var swatch = box.parentNode.querySelector(".swatch");
      var canvas = iconCanvas(type, data.colors[type] || data.other_color, 16);
      canvas.className = "type-icon";
      if (swatch) swatch.replaceWith(canvas);
    });
    var note = el("li", "size: fatalities · faded: older than the window", "legend-note");
    document.getElementById("legend").appendChild(note);
    if (!T) return;
    var list = document.querySelector("#control-legend ul");
    [["front", "front line"], ["hatch", "contested area"]].forEach(function (item) {
      var li = el("li");
      li.appendChild(el("span", null, "swatch " + item[0]));
      li.appendChild(document.createTextNode(item[1]));
      list.appendChild(li);
    });
    list.appendChild(el("li", "areas: land nearest each held place, at most " + T.max_km + " km", "legend-note"));
  }

  // -- layers ---------------------------------------------------------------------------
  function colourMatch(property, fallback) {
    var expr = ["match", ["coalesce", ["feature-state", property], -1]];
    holders.forEach(function (h, i) { expr.push(i, control.colors[h]); });
    expr.push(fallback);
    return holders.length ? expr : fallback;
  }
  function hatchImage() {
    var size = 8, px = new Uint8Array(size * size * 4);
    for (var y = 0; y < size; y++) for (var x = 0; x < size; x++) {
      var o = (y * size + x) * 4, on = (x + y) % size < 2;
      px[o] = 40; px[o + 1] = 40; px[o + 2] = 40; px[o + 3] = on ? 200 : 0;
    }
    return { width: size, height: size, data: px };
  }
  // the layer the base map and the areas go under: the events' (clusters inline, the tiles'
  // first layer in a tiled page); on top when neither is there
  function under() {
    var ids = ["clusters", "fl-tiles-overview", "fl-tiles-events"];
    for (var i = 0; i < ids.length; i++) if (map.getLayer(ids[i])) return ids[i];
    return undefined;
  }
  function addBaseLayers() {
    if (!B) return;
    map.addSource("lakes", { type: "geojson", data: B.lakes, maxzoom: 8, buffer: 4 });
    map.addSource("rivers", { type: "geojson", data: B.rivers, maxzoom: 8, buffer: 4 });
    map.addSource("provinces", { type: "geojson", data: B.provinces, maxzoom: 8, buffer: 4 });
    map.addLayer({ id: "lakes", type: "fill", source: "lakes", paint: { "fill-color": "#a9cce3" } }, "countries-outline");
    map.addLayer({ id: "provinces", type: "line", source: "provinces",
                   paint: { "line-color": "#7b6f8f", "line-width": 0.9, "line-dasharray": [3, 2], "line-opacity": 0.8 } }, under());
    map.addLayer({ id: "rivers", type: "line", source: "rivers",
                   paint: { "line-color": "#4a90c8", "line-width": ["interpolate", ["linear"], ["zoom"], 4, 0.8, 9, 2.2] } }, under());
  }
  function addTerritorySources() {
    if (tiled) {
      var url = tiled.element ? window.FrontlinesPMTiles.embedded(tiled.element) : app.tiles.url();
      map.addSource("control-tiles", { type: "vector", url: url, minzoom: tiled.minzoom || 0, maxzoom: tiled.maxzoom,
                                       promoteId: (function (ids) { ids[tiled.cells] = "k"; ids[tiled.edges] = "e"; return ids; })({}) });
      return;
    }
    // few tile levels and a small buffer keep the worker's share of the first render small
    map.addSource("territory", { type: "geojson", data: T.cells, tolerance: 0.4, maxzoom: 9, buffer: 4 });
    map.addSource("fronts", { type: "geojson", data: T.edges, maxzoom: 9, buffer: 4 });
  }
  function from(base) {  // a layer's source (and source layer for the tiles)
    return base.sourceLayer ? { source: base.source, "source-layer": base.sourceLayer } : { source: base.source };
  }
  function addTerritoryLayers() {
    if (!T) return;
    map.addImage("hatch", hatchImage());
    addTerritorySources();
    map.addLayer(Object.assign({ id: "territory-fill", type: "fill",
                   paint: { "fill-color": colourMatch("h", "rgba(0,0,0,0)"), "fill-antialias": false,
                            "fill-opacity": ["case", [">=", ["coalesce", ["feature-state", "h"], -1], 0], 0.42, 0] } },
                 from(CELLS)), "lakes");
    map.addLayer(Object.assign({ id: "territory-contested", type: "fill",
                   paint: { "fill-pattern": "hatch",
                            "fill-opacity": ["case", ["==", ["coalesce", ["feature-state", "x"], 0], 1], 1, 0] } },
                 from(CELLS)), "lakes");
    map.addLayer(Object.assign({ id: "fronts-halo", type: "line",
                   layout: { "line-cap": "round", "line-join": "round" },
                   paint: { "line-color": "#ffffff", "line-width": 4.5,
                            "line-opacity": ["case", ["==", ["coalesce", ["feature-state", "on"], 0], 1], 0.8, 0] } },
                 from(FRONTS)), under());
    map.addLayer(Object.assign({ id: "fronts", type: "line",
                   layout: { "line-cap": "round", "line-join": "round" },
                   paint: { "line-color": "#8b0000", "line-width": 2.4,
                            "line-opacity": ["case", ["==", ["coalesce", ["feature-state", "on"], 0], 1], 1, 0] } },
                 from(FRONTS)), under());
    areasOn = true;
    ["control-squares", "control-rings"].forEach(function (id) {  // the areas say it at low zoom
      if (map.getLayer(id)) map.setLayerZoomRange(id, 8.5, 24);
    });
    map.on("click", "territory-fill", function (ev) {
      var f = ev.features && ev.features[0];
      if (f && f.state && f.state.h >= 0) openPlaceHistory(f.properties.k, ev.lngLat);
      else if (f && f.state && f.state.x === 1) openPlaceHistory(f.properties.k, ev.lngLat);
    });
  }
  function addEventIcons() {
    if (!map.getLayer("events") || !map.getSource("events")) return;  // a tiled page draws its own
    data.types.forEach(function (type) {
      var code = coded.event_type.values.indexOf(type);
      var canvas = iconCanvas(type, null, 32);
      var image = canvas.getContext("2d").getImageData(0, 0, 32, 32);
      map.addImage("ev-" + code, { width: 32, height: 32, data: new Uint8Array(image.data.buffer) }, { pixelRatio: 2 });
    });
    map.setPaintProperty("events", "circle-radius",
      ["interpolate", ["linear"], ["max", ["get", "f"], 0], 0, 8, 1, 9, 10, 13, 100, 19]);
    map.addLayer({ id: "event-icons", type: "symbol", source: "events", filter: ["!", ["has", "point_count"]],
                   layout: { "icon-image": ["concat", "ev-", ["to-string", ["get", "t"]]],
                             "icon-allow-overlap": true, "icon-ignore-placement": true,
                             "icon-size": ["interpolate", ["linear"], ["max", ["get", "f"], 0], 0, 0.9, 10, 1.2, 100, 1.6] } });
  }

  // -- labels: HTML markers chosen per zoom, never overlapping ---------------------------
  var pool = {};
  function marker(key, text, cls, lngLat, anchor) {
    var m = pool[key];
    if (!m) {
      var node = el("div", null, "fl-label " + cls);
      if (cls === "fl-town") node.appendChild(el("i"));
      node.appendChild(el("span", text));
      m = pool[key] = new maplibregl.Marker({ element: node, anchor: anchor, offset: cls === "fl-town" ? [-3, 0] : [0, 0] });
      m.setLngLat(lngLat);
    }
    return m;
  }
  function fits(taken, box) {
    for (var i = 0; i < taken.length; i++) {
      var o = taken[i];
      if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) return false;
    }
    return true;
  }
  function refreshLabels() {
    if (!B) return;
    var z = map.getZoom(), bounds = map.getBounds(), canvas = map.getCanvas();
    var width = canvas.clientWidth, height = canvas.clientHeight;
    var minScore = z < 4.5 ? 5.6 : z < 5.5 ? 5.0 : z < 6.5 ? 4.3 : z < 7.5 ? 3.5 : z < 8.5 ? 2.4 : z < 9.5 ? 1 : -1;
    var taken = [], shown = {};
    function place(key, text, cls, lon, lat, anchor, charW, h) {
      if (!bounds.contains([lon, lat])) return false;
      var p = map.project([lon, lat]);
      var w = text.length * charW + 10;
      var box = anchor === "left" ? [p.x - 4, p.y - h / 2, p.x + w, p.y + h / 2] : [p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2];
      if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height || !fits(taken, box)) return false;
      taken.push(box);
      shown[key] = true;
      marker(key, text, cls, [lon, lat], anchor).addTo(map);
      return true;
    }
    if (z < 7.5) B.countries.forEach(function (c, i) { place("c" + i, c[0].toUpperCase(), "fl-country", c[1], c[2], "center", 10, 18); });
    var count = 0, i = 0;
    function towns(floor) {  // towns ranked by population and by the events naming them
      for (; i < B.towns.length && count < 160; i++) {
        var t = B.towns[i];
        if (t[3] < floor) break;
        if (place("t" + i, t[0], t[3] >= 5 ? "fl-town fl-city" : "fl-town", t[1], t[2], "left", 6.4, 14)) count++;
      }
    }
    towns(Math.max(minScore, 5));  // cities first, then the provinces' names, then the rest
    if (z >= 5 && z < 10) B.provinces.features.forEach(function (f, n) {
      var l = f.properties.label;
      place("p" + n, f.properties.name.toUpperCase(), "fl-province", l[0], l[1], "center", 7.5, 14);
    });
    towns(minScore);
    Object.keys(pool).forEach(function (key) { if (!shown[key]) pool[key].remove(); });
    window.frontlinesLabels = Object.keys(shown).length;
  }

  // -- a place's history, and an analyst's correction ------------------------------------
  function evidenceList(p) {
    var ul = el("ul", null, "fl-evidence");
    (p.evidence || []).forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("span", ev[0] + (ev[4] ? " (" + Number(ev[4]).toFixed(2) + ")" : "") + ": ", "fl-kind"));
      if (ev[1]) li.appendChild(el("q", ev[1]));
      var src = ev[2] || "";
      if (app.isWeb(ev[3])) {
        var a = el("a", " " + (src || ev[3]));
        a.href = ev[3]; a.target = "_blank"; a.rel = "noopener noreferrer";
        li.appendChild(a);
      } else if (src) li.appendChild(el("span", " " + src));
      ul.appendChild(li);
    });
    return ul;
  }
  function eventsNear(lon, lat) {
    var found = [];
    for (var i = 0; i < data.n && found.length < 8; i++) {
      if (cols.lon[i] === null) continue;
      if (Math.abs(cols.lon[i] - lon) < 0.02 && Math.abs(cols.lat[i] - lat) < 0.02) found.push(i);
    }
    return found;
  }
  function reviewForm(p) {
    var form = el("form", null, "fl-review");
    form.appendChild(el("strong", "correct the holder"));
    var holder = el("input"); holder.name = "holder"; holder.required = true; holder.placeholder = "holder"; holder.value = p.holder;
    var since = el("input"); since.name = "since"; since.type = "date"; since.required = true; since.value = p.since;
    var until = el("input"); until.name = "until"; until.type = "date"; until.value = p.until || "";
    var note = el("input"); note.name = "note"; note.placeholder = "note (source, reason)";
    var token = el("input"); token.name = "token"; token.type = "password"; token.placeholder = "analyst token";
    var status = el("div", null, "fl-review-status");
    [holder, since, until, note, token].forEach(function (node) { form.appendChild(node); });
    var send = el("button", "save correction"); send.type = "submit";
    form.appendChild(send);
    form.appendChild(status);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      fetch("/api/control/places/" + encodeURIComponent(p.place_id) + "/review", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token.value },
        body: JSON.stringify({ holder: holder.value, since: since.value, until: until.value, note: note.value })
      }).then(function (r) { return r.json().then(function (body) { return [r.status, body]; }); })
        .then(function (res) { status.textContent = res[0] === 201 ? "saved: reload to see it applied" : (res[1].message || "refused"); })
        .catch(function (err) { status.textContent = String(err); });
    });
    return form;
  }
  function openPlaceHistory(k, lngLat) {
    var rows = T.seeds[k].map(function (i) { return periods[i]; })
      .sort(function (a, b) { return a.since < b.since ? -1 : a.since > b.since ? 1 : 0; });
    var root = el("div", null, "fl-popup fl-history");
    var names = rows.map(function (p) { return p.place_name; }).filter(function (n, i, all) { return all.indexOf(n) === i; });
    root.appendChild(el("h3", names.join(" / ") || "place"));
    var table = el("table");
    var head = el("tr");
    ["holder", "from", "until", "conf."].forEach(function (h) { head.appendChild(el("th", h)); });
    table.appendChild(head);
    rows.forEach(function (p) {
      var tr = el("tr");
      tr.appendChild(el("td", p.holder + (p.contested ? " (contested)" : "")));
      tr.appendChild(el("td", p.since));
      tr.appendChild(el("td", p.until || "open"));
      tr.appendChild(el("td", Number(p.confidence).toFixed(2)));
      table.appendChild(tr);
      var ev = el("tr"), td = el("td");
      td.colSpan = 4;
      td.appendChild(evidenceList(p));
      ev.appendChild(td);
      table.appendChild(ev);
    });
    root.appendChild(table);
    var point = T.points[k];
    var near = eventsNear(point[0], point[1]);
    if (near.length) {
      root.appendChild(el("strong", "events here"));
      var ul = el("ul", null, "fl-events-here");
      near.forEach(function (i) {
        var li = el("li", (app.days[i] < 0 ? "undated" : app.isoDay(app.days[i])) + " " + app.value("sub_event_type", i) + ": " + cols.evidence[i]);
        ul.appendChild(li);
      });
      root.appendChild(ul);
    }
    if (data.api && rows.length) root.appendChild(reviewForm(rows[rows.length - 1]));
    return new maplibregl.Popup({ maxWidth: "380px" }).setLngLat(lngLat).setDOMContent(root).addTo(map);
  }
  window.frontlinesPlaceHistory = function (k) { return openPlaceHistory(k, T.points[k]); };

  app.whenStyle(function () {  // before the first frame (see map.js)
    addBaseLayers();
    if (tiled && !tiled.element) app.tiles.whenArchive(function () { addTerritoryLayers(); refreshTerritory(); });
    else addTerritoryLayers();
    addEventIcons();
    legendIcons();
    map.addControl(new maplibregl.ScaleControl({ unit: "metric", maxWidth: 120 }), "bottom-left");
    if (B) document.getElementById("attribution").textContent = data.attribution + " · " + B.attribution;
    loaded = true;
    refreshTerritory();
    refreshEvents(Number(app.slider.value), Number(document.getElementById("window").value));
    refreshLabels();
    map.on("moveend", refreshLabels);
  });
})();
