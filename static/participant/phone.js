/* Upgrades the phone page: live updates over Socket.IO, and an outbox in localStorage so an entry
   written while the network is down is sent when it comes back. Without this file the page still
   works with plain form posts. Participant text is only ever put in the page with textContent. */
(function () {
  "use strict";
  var state = JSON.parse(document.getElementById("page-state").textContent);
  var T = state.text;
  var OUTBOX = "facilitator.outbox." + state.code;
  var activity = null;
  var known = {}; // every own entry seen while this page is open, by client key
  var version = state.version;
  var $ = function (id) { return document.getElementById(id); };

  function readOutbox() {
    try { return JSON.parse(localStorage.getItem(OUTBOX)) || []; } catch (e) { return []; }
  }
  function writeOutbox(list) {
    try { localStorage.setItem(OUTBOX, JSON.stringify(list)); } catch (e) { /* private mode: keep in memory */ }
  }
  function newKey() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function announce(text) { $("announce").textContent = text; }
  function showError(text) {
    var box = $("error");
    box.textContent = text || "";
    box.hidden = !text;
  }

  // --- own entries ---------------------------------------------------------------------------
  function renderEntry(entry) {
    known[entry.client_key] = entry;
    var list = $("entries");
    var item = list.querySelector('li[data-key="' + entry.client_key + '"]');
    if (!item) {
      item = document.createElement("li");
      item.setAttribute("data-key", entry.client_key);
      item.appendChild(document.createElement("span")).className = "text";
      item.appendChild(document.createTextNode(" "));
      item.appendChild(document.createElement("span"));
      list.insertBefore(item, list.firstChild);
    }
    item.querySelector(".text").textContent = entry.text;
    var badge = item.lastChild;
    badge.className = "state state-" + entry.state;
    badge.textContent = T[entry.state] || T.waiting;
    $("my-entries").hidden = false;
  }
  // Show the current activity's entries: the server's list when given, else those already seen here.
  function renderEntries(list) {
    $("entries").textContent = "";
    var mine = list || Object.keys(known).map(function (k) { return known[k]; });
    mine.filter(function (e) { return activity && e.activity_id === activity.id; })
      .sort(function (a, b) { return (a.id || 0) - (b.id || 0); })
      .forEach(renderEntry);
    readOutbox().forEach(function (item) {
      if (activity && item.activity_id === activity.id) {
        renderEntry({ client_key: item.client_key, activity_id: item.activity_id, text: item.text, state: "sending" });
      }
    });
    $("my-entries").hidden = $("entries").children.length === 0;
  }

  // --- the activity --------------------------------------------------------------------------
  function wireForm(form) {
    var textarea = form.querySelector("textarea");
    var counter = form.querySelector(".counter");
    var update = function () {
      var left = state.max_chars - textarea.value.length;
      counter.textContent = T.left.replace("{n}", left);
      counter.className = "counter" + (left < 20 ? " low" : "");
    };
    textarea.addEventListener("input", update);
    update();
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var text = textarea.value.trim();
      if (!text) { textarea.focus(); return; }
      var item = {
        client_key: newKey(),
        activity_id: Number(form.elements.activity_id.value),
        lane: form.elements.lane.value,
        text: text
      };
      var outbox = readOutbox();
      outbox.push(item);
      writeOutbox(outbox);
      renderEntry({ client_key: item.client_key, activity_id: item.activity_id, text: item.text, state: "sending" });
      textarea.value = "";
      update();
      showError("");
      announce(socket.connected ? T.sending : T.offline);
      send(item);
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function renderActivity(next) {
    var same = activity && next && activity.id === next.id && activity.state === next.state;
    activity = next;
    if (same) return;
    var section = $("activity");
    section.textContent = "";
    section.setAttribute("data-activity-id", next ? next.id : "");
    if (!next) {
      var waiting = el("div", "waiting");
      waiting.appendChild(el("h1", "", T.welcome));
      waiting.appendChild(el("p", "", T.soon));
      section.appendChild(waiting);
      return;
    }
    section.appendChild(el("h1", "prompt-title", next.title));
    if (next.prompt) section.appendChild(el("p", "prompt", next.prompt));
    if (next.prompt_sw) {
      var sw = el("p", "prompt sw", next.prompt_sw);
      sw.lang = "sw";
      section.appendChild(sw);
    }
    if (next.state !== "open") { section.appendChild(el("p", "closed", T.closed)); return; }
    if (next.kind !== "board") { section.appendChild(el("p", "closed", T.look)); return; }
    var lanes = el("div");
    lanes.id = "lanes";
    next.lanes.forEach(function (lane) {
      var form = $("lane-template").content.firstElementChild.cloneNode(true);
      form.setAttribute("data-lane", lane.key);
      form.elements.activity_id.value = next.id;
      form.elements.lane.value = lane.key;
      var label = form.querySelector("label");
      var textarea = form.querySelector("textarea");
      var counter = form.querySelector(".counter");
      label.textContent = lane.name;
      if (lane.name_sw) label.appendChild(el("span", "sw", " / " + lane.name_sw));
      label.htmlFor = textarea.id = "text-" + lane.key;
      counter.id = "count-" + lane.key;
      textarea.setAttribute("aria-describedby", counter.id);
      lanes.appendChild(form);
      wireForm(form);
    });
    section.appendChild(lanes);
  }

  // --- the connection ------------------------------------------------------------------------
  if (typeof io !== "function") return; // the plain-form page keeps working
  var socket = io({ auth: { view: "participant" } });

  function send(item) {
    if (!socket.connected) return;
    socket.timeout(15000).emit("participant:submit", item, function (timedOut, ack) {
      if (timedOut) return; // still in the outbox: re-sent on the next connect
      if (ack.ok || ack.error === "invalid_client_key") {
        writeOutbox(readOutbox().filter(function (o) { return o.client_key !== item.client_key; }));
      }
      if (ack.ok) {
        renderEntry(ack.entry);
        announce(T.sent);
        var notice = $("first-notice");
        if (notice) notice.hidden = true;
        if (ack.support) {
          var support = $("support");
          support.hidden = false;
          support.focus();
        }
      } else if (ack.error === "rate_limited" || ack.error === "internal") {
        showError(ack.message); // kept in the outbox, tried again later
        setTimeout(function () { send(item); }, 5000);
      } else {
        // Refused for good (too long, activity closed…): give the text back so nothing is lost.
        writeOutbox(readOutbox().filter(function (o) { return o.client_key !== item.client_key; }));
        var li = $("entries").querySelector('li[data-key="' + item.client_key + '"]');
        if (li) li.parentNode.removeChild(li);
        var form = document.querySelector('.lane-form[data-lane="' + item.lane + '"]');
        if (form && !form.elements.text.value) form.elements.text.value = item.text;
        showError(ack.message);
        announce("");
      }
    });
  }

  function flushOutbox() { readOutbox().forEach(send); }

  var helpForm = $("help-form");
  if (helpForm) helpForm.addEventListener("submit", function (e) {
    if (!socket.connected) return; // the plain form post still works
    e.preventDefault();
    socket.timeout(15000).emit("participant:help", { where: helpForm.elements.where.value }, function (timedOut, ack) {
      if (timedOut) { helpForm.submit(); return; }
      if (!ack.ok) { showError(ack.message); return; }
      helpForm.elements.where.value = "";
      $("help-sent").hidden = false;
    });
  });

  socket.on("connect", function () {
    $("connection").textContent = "";
    socket.emit("participant:sync", { since: version }, function (ack) {
      if (!ack || !ack.ok) return;
      version = ack.version;
      renderActivity(ack.activity);
      renderEntries(ack.entries);
      flushOutbox();
    });
  });
  socket.on("disconnect", function () { $("connection").textContent = "…"; });
  socket.on("activity", function (message) {
    version = Math.max(version, message.version);
    renderActivity(message.activity);
    renderEntries(null); // no request back: thousands of phones get this message at once
  });
  socket.on("own_entry", function (message) {
    version = Math.max(version, message.version);
    if (activity && message.entry.activity_id === activity.id) renderEntry(message.entry);
  });

  state.entries.forEach(function (entry) { known[entry.client_key] = entry; });
  document.querySelectorAll(".lane-form").forEach(function (form) {
    activity = { id: Number(form.elements.activity_id.value), state: "open" };
    wireForm(form);
  });
})();
