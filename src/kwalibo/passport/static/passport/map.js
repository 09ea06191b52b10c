// Map of sites and soil flows: Leaflet (vendored) on PDOK's BRT background tiles (EPSG:3857).
// Works without the tiles: sites and flows come from our own API, and a notice says that the
// background is missing. The element gets data-loaded="<features>" when the data is drawn.
(function () {
  "use strict";
  var element = document.getElementById("soil-map");
  var notice = document.getElementById("map-notice");
  if (!element) { return; }
  function showNotice() { if (notice) { notice.hidden = false; } }
  if (typeof window.L === "undefined") { showNotice(); element.dataset.loaded = "0"; return; }
  var L = window.L;
  var map = L.map(element, { center: [52.2, 5.4], zoom: 7, minZoom: 6, maxZoom: 19 });
  var tiles = L.tileLayer(element.dataset.tiles, {
    attribution: element.dataset.attribution, maxZoom: 19, minZoom: 6, crossOrigin: true
  });
  var failed = false;
  tiles.on("tileerror", function () { if (!failed) { failed = true; showNotice(); } });
  tiles.addTo(map);
  var colours = { excavation: "#8a4b08", storage: "#b58900", processing: "#6c71c4", application: "#2e7d32" };
  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }
  fetch(element.dataset.features, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
    .then(function (collection) {
      var layer = L.geoJSON(collection, {
        pointToLayer: function (feature, latlng) {
          return L.circleMarker(latlng, {
            radius: 8, weight: 2, color: "#fff", fillOpacity: 0.9,
            fillColor: colours[feature.properties.site_kind] || "#555"
          });
        },
        style: function (feature) {
          if (feature.geometry.type !== "LineString") { return {}; }
          var quantity = parseFloat(feature.properties.quantity_m3) || 0;
          return { color: "#1565c0", opacity: 0.7, weight: Math.min(10, 2 + Math.log10(1 + quantity)) };
        },
        onEachFeature: function (feature, item) {
          var p = feature.properties;
          var html = p.kind === "site"
            ? "<strong>" + escapeHtml(p.name) + "</strong><br>" + escapeHtml(p.site_kind_label) + ", " +
              escapeHtml(p.municipality) + "<br>RD " + Math.round(p.x_rd) + ", " + Math.round(p.y_rd) +
              (p.batches.length ? "<br>" + escapeHtml(p.batches.join(", ")) : "")
            : escapeHtml(p.from) + " → " + escapeHtml(p.to) + "<br>" + escapeHtml(p.quantity_m3) + " m³ (" + p.consignments + ")";
          item.bindPopup(html);
        }
      }).addTo(map);
      var bounds = layer.getBounds();
      // Without animation: the view is settled when data-loaded is set (and a click lands where it aims).
      if (bounds.isValid()) { map.fitBounds(bounds, { padding: [30, 30], maxZoom: 14, animate: false }); }
      element.dataset.loaded = String(collection.features.length);
    })
    .catch(function () { element.dataset.loaded = "error"; showNotice(); });
}());
