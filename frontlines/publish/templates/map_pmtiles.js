// PMTiles archives for MapLibre (the pmtiles protocol, npm pmtiles, inlined before this).
// An archive is fetched with HTTP range requests (a server) or read from the page itself:
// base64 in a script element of type application/octet-stream, decoding only the bytes
// asked for. window.FrontlinesPMTiles.embedded(id) and .remote(url) give the
// "pmtiles://" URL of a vector source; one protocol serves every archive of the page.
(function () {
  "use strict";

  function EmbeddedSource(id) {
    this.id = id;
    this.text = null;
  }
  EmbeddedSource.prototype.getKey = function () { return this.id; };
  EmbeddedSource.prototype.getBytes = function (offset, length) {
    if (this.text === null) this.text = document.getElementById(this.id).textContent.trim();
    var end = Math.min(offset + length, Math.floor(this.text.length / 4) * 3);
    var first = Math.floor(offset / 3);
    var binary = atob(this.text.slice(first * 4, Math.ceil(end / 3) * 4));
    var skip = offset - first * 3;
    var out = new Uint8Array(end - offset);
    for (var i = 0; i < out.length; i++) out[i] = binary.charCodeAt(i + skip);
    return Promise.resolve({ data: out.buffer });
  };

  var protocol = null;
  function add(source) {
    if (protocol === null) {
      protocol = new pmtiles.Protocol();
      maplibregl.addProtocol("pmtiles", protocol.tile);
    }
    protocol.add(new pmtiles.PMTiles(source));
    return "pmtiles://" + source.getKey();
  }
  window.FrontlinesPMTiles = {
    embedded: function (id) { return add(new EmbeddedSource(id)); },
    remote: function (url) { return add(new pmtiles.FetchSource(new URL(url, window.location.href).href)); }
  };
})();
