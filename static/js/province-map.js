// The map of provinces (templates/initiatives/fragment_province_map.html): the counts of the
// province under the pointer or the keyboard's focus, and the layer switch (initiatives, events,
// members) in place. Without this script the page works the same, a reload at a time.
(function () {
  "use strict";

  function setShade(element, level) {
    var classes = (element.getAttribute("class") || "").replace(/\bmap-shade-\d\b/, "").trim();
    element.setAttribute("class", classes + " map-shade-" + level);
  }

  function setup(root) {
    var info = root.querySelector("[data-map-info]");
    var switches = Array.prototype.slice.call(root.querySelectorAll("[data-layer-switch]"));
    var provinces = Array.prototype.slice.call(root.querySelectorAll(".map-province"));
    var labels = {};
    switches.forEach(function (link) {
      labels[link.getAttribute("data-layer-switch")] = link.textContent.trim();
    });

    function count(area, key) {
      return area.getAttribute("data-" + key + "-count");
    }

    function show(area) {
      var parts = Object.keys(labels).map(function (key) {
        return labels[key] + ": " + count(area, key);
      });
      info.textContent = area.getAttribute("data-name") + " — " + parts.join(" · ");
      info.hidden = false;
      provinces.forEach(function (other) {
        other.classList.toggle("is-active", other === area);
      });
    }

    function switchTo(key) {
      root.setAttribute("data-layer", key);
      provinces.forEach(function (area) {
        setShade(area, area.getAttribute("data-" + key + "-level"));
        area.setAttribute("href", area.getAttribute("data-" + key + "-href"));
        area.querySelector("title").textContent =
          area.getAttribute("data-name") + " — " + labels[key] + ": " + count(area, key);
      });
      root.querySelectorAll(".map-archipelago").forEach(function (group) {
        setShade(group, group.getAttribute("data-" + key + "-level"));
      });
      root.querySelectorAll("[data-legend]").forEach(function (legend) {
        legend.hidden = legend.getAttribute("data-legend") !== key;
      });
      switches.forEach(function (link) {
        if (link.getAttribute("data-layer-switch") === key) {
          link.setAttribute("aria-current", "true");
        } else {
          link.removeAttribute("aria-current");
        }
      });
    }

    switches.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        switchTo(link.getAttribute("data-layer-switch"));
        // On the map's own page the address keeps the layer, for a reload or a shared link.
        if (!root.classList.contains("province-map-embedded") && window.history.replaceState) {
          window.history.replaceState(null, "", link.href);
        }
      });
    });
    provinces.forEach(function (area) {
      area.addEventListener("mouseenter", function () { show(area); });
      area.addEventListener("focus", function () { show(area); });
    });
  }

  document.querySelectorAll("[data-province-map]").forEach(setup);
})();
