(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("frontlines-data").textContent);
  var events = data.events;
  var colors = data.colors;
  var el = function (tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  };
  var isWeb = function (url) { return /^https?:\/\//i.test(url || ""); };

  document.getElementById("attribution").textContent = data.attribution;

  // -- filters ----------------------------------------------------------------------
  var from = document.getElementById("date-from");
  var to = document.getElementById("date-to");
  var undated = document.getElementById("undated");
  var dates = events.map(function (e) { return e.event_date; }).filter(Boolean).sort();
  if (dates.length) {
    from.min = to.min = from.value = dates[0];
    from.max = to.max = to.value = dates[dates.length - 1];
  }
  var shownTypes = {};
  var legend = document.getElementById("legend");
  data.types.forEach(function (type) {
    shownTypes[type] = true;
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.type = type;
    box.addEventListener("change", function () { shownTypes[type] = box.checked; refresh(); });
    var swatch = el("span", null, "swatch");
    swatch.style.background = colors[type] || data.other_color;
    label.appendChild(box);
    label.appendChild(swatch);
    label.appendChild(document.createTextNode(type || "(no type)"));
    li.appendChild(label);
    legend.appendChild(li);
  });

  function visible(e) {
    if (!shownTypes[e.event_type]) return false;
    if (!e.event_date) return undated.checked;
    if (from.value && e.event_date < from.value) return false;
    if (to.value && e.event_date > to.value) return false;
    return true;
  }

  function features(list) {
    return {
      type: "FeatureCollection",
      features: list.filter(function (e) { return e.longitude !== null && e.latitude !== null; })
        .map(function (e) {
          return { type: "Feature", geometry: { type: "Point", coordinates: [e.longitude, e.latitude] },
                   properties: { i: e.i, event_type: e.event_type } };
        })
    };
  }

  var countNode = document.getElementById("count");
  var styleReady = false;
  function refresh() {
    var shown = events.filter(visible);
    var placed = features(shown).features.length;
    var text = shown.length + " of " + events.length + " events shown";
    if (placed < shown.length) text += " (" + (shown.length - placed) + " without coordinates)";
    countNode.textContent = text;
    window.frontlinesShown = shown.length;
    if (styleReady) map.getSource("events").setData(features(shown));
  }
  [from, to, undated].forEach(function (n) { n.addEventListener("change", refresh); n.addEventListener("input", refresh); });

  // -- the popup ----------------------------------------------------------------------
  function row(dl, term, value) {
    if (value === undefined || value === null || value === "") return;
    dl.appendChild(el("dt", term));
    dl.appendChild(el("dd", value));
  }
  function sourceNode(e) {
    var url = e.source_url || "";
    var name = e.source || url || "(unknown)";
    if (isWeb(url)) {
      var a = el("a", name);
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      return a;
    }
    return el("span", url && url !== name ? name + " (" + url + ")" : name);
  }
  function popupContent(e) {
    var root = el("div", null, "fl-popup");
    var dl = el("dl");
    row(dl, "date", e.event_date || "unknown");
    row(dl, "type", e.event_type + (e.sub_event_type ? " / " + e.sub_event_type : ""));
    var actors = [e.actor1, e.assoc_actor_1, e.actor2, e.assoc_actor_2].filter(Boolean).join("; ");
    row(dl, "actors", actors);
    row(dl, "location", (e.location || "?") + " (geo precision " + e.geo_precision + ")");
    row(dl, "fatalities", e.fatalities_known ? e.fatalities : "unknown");
    row(dl, "page", e.document_title);
    row(dl, "credibility", e.credibility + (e.source_part === "comment" ? " (reader comment)" : ""));
    root.appendChild(dl);
    root.appendChild(el("blockquote", e.evidence.text, "evidence"));
    var src = el("div", "source: ");
    src.appendChild(sourceNode(e));
    root.appendChild(src);
    return root;
  }
  function openPopup(i) {
    var e = events[i];
    if (!e || e.longitude === null || e.latitude === null) return null;
    return new maplibregl.Popup({ maxWidth: "320px" })
      .setLngLat([e.longitude, e.latitude]).setDOMContent(popupContent(e)).addTo(map);
  }

  // -- the map ------------------------------------------------------------------------
  function boundsPadding() {
    var panel = document.getElementById("panel").getBoundingClientRect();
    if (window.innerWidth - panel.right < 300) return 40;
    return { top: 50, bottom: 50, left: panel.right + 40, right: 70 };
  }
  var match = ["match", ["get", "event_type"]];
  Object.keys(colors).forEach(function (type) { match.push(type, colors[type]); });
  match.push(data.other_color);
  var map = new maplibregl.Map({
    container: "map",
    attributionControl: false,
    style: {
      version: 8,
      sources: {
        countries: { type: "geojson", data: data.countries },
        events: { type: "geojson", data: features(events) }
      },
      layers: [
        { id: "sea", type: "background", paint: { "background-color": "#a9cce3" } },
        { id: "countries-fill", type: "fill", source: "countries", paint: { "fill-color": "#f2efe6" } },
        { id: "countries-outline", type: "line", source: "countries",
          paint: { "line-color": "#8a8170", "line-width": 0.7 } },
        { id: "events", type: "circle", source: "events",
          paint: { "circle-color": Object.keys(colors).length ? match : data.other_color,
                   "circle-radius": 7, "circle-stroke-color": "#222", "circle-stroke-width": 1 } }
      ]
    },
    bounds: data.bounds,
    fitBoundsOptions: { padding: boundsPadding(), maxZoom: 8 }
  });
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
  map.on("click", "events", function (ev) {
    if (ev.features && ev.features.length) openPopup(ev.features[0].properties.i);
  });
  map.on("mouseenter", "events", function () { map.getCanvas().style.cursor = "pointer"; });
  map.on("mouseleave", "events", function () { map.getCanvas().style.cursor = ""; });
  map.on("load", function () { styleReady = true; refresh(); });
  map.once("idle", function () { window.frontlinesReady = true; });
  window.frontlinesMap = map;
  window.frontlinesEvents = events;
  window.frontlinesOpenPopup = openPopup;
  refresh();
})();
