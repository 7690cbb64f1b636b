// Follows report runs while they build: polls each run's status and updates its progress bar.
// The page works without this script (it refreshes itself); with it, no reload is needed
// until a run finishes, when the page reloads once to show the download links.
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".run-progress[data-status-url]"));
  var pending = boxes.filter(function (box) { return box.dataset.finished !== "1"; });
  if (!pending.length) { return; }

  function update(box, data) {
    var bar = box.querySelector("progress");
    bar.value = data.progress;
    bar.textContent = data.progress + "%";
    box.querySelector(".run-percent").textContent = data.progress + "%";
    var label = box.querySelector(".run-status");
    label.textContent = data.status_label.charAt(0).toUpperCase() + data.status_label.slice(1);
    label.className = "run-status run-status-" + data.status;
    var note = box.querySelector(".run-note");
    if (!note) {
      note = document.createElement("span");
      note.className = "run-note";
      box.appendChild(note);
    }
    note.textContent = data.finished ? "" : data.note;
    var queue = box.querySelector(".run-queue-note");
    if (data.queue_note && !queue) {
      queue = document.createElement("span");
      queue.className = "run-queue-note";
      queue.setAttribute("role", "alert");
      box.appendChild(queue);
    }
    if (queue) { queue.textContent = data.queue_note; }
  }

  function poll() {
    var requests = pending.map(function (box) {
      return fetch(box.dataset.statusUrl, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) { return false; }
          update(box, data);
          return data.finished;
        })
        .catch(function () { return false; });
    });
    Promise.all(requests).then(function (finished) {
      if (finished.some(Boolean)) {
        window.setTimeout(function () { window.location.reload(); }, 600);
      } else {
        window.setTimeout(poll, 1500);
      }
    });
  }
  window.setTimeout(poll, 800);
}());
