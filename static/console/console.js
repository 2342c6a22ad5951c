/* The facilitator console: agenda controls and the live moderation queue. Every action is a socket
   event the server authorises again; entry text is only ever set with textContent. */
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("page-state").textContent);
  var canRun = page.roles.indexOf("facilitator") >= 0;
  var canModerate = canRun || page.roles.indexOf("moderator") >= 0;
  var state = { version: 0, agenda: [], focus: null, entries: new Map(), current: null, projected: null, counts: null };
  var focusId = null;
  var $ = function (id) { return document.getElementById(id); };
  var socket = io({ auth: { view: "console", event_id: page.event_id } });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function status(text, isError) {
    var line = $("status");
    line.textContent = text;
    line.className = "status-line" + (isError ? " error" : "");
  }
  function call(name, payload, done) {
    socket.timeout(10000).emit(name, payload, function (timedOut, ack) {
      if (timedOut) return status("No answer from the server: check the connection.", true);
      if (!ack.ok) return status(ack.message, true);
      status("Saved.");
      if (done) done(ack);
    });
  }

  // --- agenda --------------------------------------------------------------------------------
  function button(label, handler, className) {
    var b = el("button", className || "small-button", label);
    b.type = "button";
    b.addEventListener("click", handler);
    return b;
  }
  function drawAgenda() {
    var root = $("agenda");
    root.textContent = "";
    state.agenda.forEach(function (session) {
      var block = el("section", "agenda-session");
      block.appendChild(el("h2", "", "Day " + session.day + " · " + (session.starts_at || "") + " " + session.title));
      session.activities.forEach(function (activity) {
        var row = el("div", "agenda-activity" + (activity.id === state.current ? " current" : "") +
          (state.focus && activity.id === state.focus.id ? " focused" : ""));
        var name = button(activity.title, function () { focusId = activity.id; sync(); }, "link activity-name");
        row.appendChild(name);
        var meta = el("span", "activity-meta");
        meta.appendChild(el("span", "kind", activity.kind));
        meta.appendChild(el("span", "state state-" + activity.state, activity.state));
        if (activity.id === (state.projected || state.current)) meta.appendChild(el("span", "on-screen", "on screen"));
        row.appendChild(meta);
        if (canRun) {
          var actions = el("span", "activity-actions");
          if (activity.state !== "open") actions.appendChild(button("Open", function () {
            focusId = activity.id; call("console:open_activity", { activity_id: activity.id });
          }));
          else actions.appendChild(button("Close", function () { call("console:close_activity", { activity_id: activity.id }); }));
          if (activity.id !== state.projected) actions.appendChild(button("Project", function () {
            call("console:project", { activity_id: activity.id });
          }));
          else actions.appendChild(button("Follow open", function () { call("console:project", { activity_id: null }); }));
          row.appendChild(actions);
        }
        block.appendChild(row);
      });
      root.appendChild(block);
    });
  }

  // --- entries -------------------------------------------------------------------------------
  var LISTS = { pending: "queue", approved: "board", hidden: "hidden", held: "held" };
  function laneName(key) {
    var lane = state.focus && state.focus.lanes.find(function (l) { return l.key === key; });
    return lane ? lane.name : key;
  }
  function drawEntry(entry) {
    var item = document.getElementById("entry-template").content.firstElementChild.cloneNode(true);
    item.setAttribute("data-id", entry.id);
    item.classList.add("status-" + entry.status);
    if (entry.pinned) item.classList.add("pinned");
    item.querySelector(".entry-text").textContent = entry.original;
    if (entry.text !== entry.original && entry.status !== "held") {
      item.querySelector(".entry-text").appendChild(el("div", "shown-as", "Shown as: " + entry.text));
    }
    var meta = [laneName(entry.lane)];
    if (entry.paper) meta.push("paper card");
    if (entry.group) meta.push(entry.group + (entry.age_band ? " " + entry.age_band : ""));
    meta.push(new Date(entry.created_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
    item.querySelector(".entry-meta").textContent = meta.join(" · ");
    if (entry.flags.length) {
      var flags = el("div", "flags");
      entry.flags.forEach(function (f) { flags.appendChild(el("span", "flag flag-" + f, f.replace("_", " "))); });
      item.insertBefore(flags, item.querySelector(".entry-actions"));
    }
    var actions = item.querySelector(".entry-actions");
    if (canModerate && entry.status !== "held") {
      var act = function (action) { return function () { call("console:moderate", { response_id: entry.id, action: action }, upsertFromAck); }; };
      if (entry.status !== "approved") actions.appendChild(button("Approve", act("approve"), "small-button approve"));
      if (entry.status !== "hidden") actions.appendChild(button("Hide", act("hide"), "small-button hide"));
      if (entry.status === "approved") {
        actions.appendChild(button(entry.pinned ? "Unpin" : "Pin", act(entry.pinned ? "unpin" : "pin")));
        actions.appendChild(button(entry.starred ? "Unstar" : "Star", act(entry.starred ? "unstar" : "star")));
      }
      actions.appendChild(button("Edit", function () { startEdit(item, entry); }));
      actions.appendChild(button("Safeguarding", function () {
        if (window.confirm("Send this entry to the safeguarding lead? It leaves every board and export at once.")) {
          call("console:escalate", { response_id: entry.id });
        }
      }, "small-button escalate"));
    }
    return item;
  }
  function startEdit(item, entry) {
    var box = item.querySelector(".entry-text");
    box.textContent = "";
    var input = el("textarea", "edit-box");
    input.value = entry.original;
    input.maxLength = 280;
    input.setAttribute("aria-label", "Corrected text");
    box.appendChild(input);
    var actions = item.querySelector(".entry-actions");
    actions.textContent = "";
    actions.appendChild(button("Save", function () {
      call("console:edit", { response_id: entry.id, text: input.value }, upsertFromAck);
    }, "small-button approve"));
    actions.appendChild(button("Cancel", drawEntries));
    input.focus();
  }
  function upsertFromAck(ack) { upsert(ack.entry); }
  function upsert(entry) {
    if (!state.focus || entry.activity_id !== state.focus.id) return;
    // A facilitator hears of a held entry twice: in full (safeguarding room) and withheld (staff room).
    var known = state.entries.get(entry.id);
    if (entry.withheld && known && known.status === "held" && !known.withheld) return;
    state.entries.set(entry.id, entry);
    drawEntries();
  }
  function drawEntries() {
    Object.keys(LISTS).forEach(function (status) {
      var list = $(LISTS[status]);
      if (!list) return;
      list.textContent = "";
      var matching = Array.from(state.entries.values()).filter(function (e) { return e.status === status && !e.withheld; });
      matching.sort(function (a, b) { return status === "approved" ? (b.pinned - a.pinned) || (a.id - b.id) : a.id - b.id; });
      matching.forEach(function (e) { list.appendChild(drawEntry(e)); });
      var badge = $(LISTS[status] + "-count");
      if (badge) badge.textContent = matching.length;
    });
  }
  function drawFocus() {
    var focus = state.focus;
    $("focus-title").textContent = focus ? focus.title + (focus.state !== "open" ? " (" + focus.state + ")" : "") : "No activity open";
    $("focus-prompt").textContent = focus ? focus.prompt : "Open an activity from the agenda.";
    $("counts").textContent = state.counts ? state.counts.received + " received · " + state.counts.shown + " on the board" : "";
    var lane = $("paper-lane");
    if (lane) {
      lane.textContent = "";
      (focus ? focus.lanes : []).forEach(function (l) { var o = el("option", "", l.name); o.value = l.key; lane.appendChild(o); });
    }
  }

  function sync() {
    var payload = focusId ? { activity_id: focusId } : {};
    socket.emit("console:sync", payload, function (ack) {
      if (!ack.ok) return status(ack.message, true);
      state.version = ack.version;
      state.agenda = ack.agenda;
      state.current = ack.current_activity_id;
      state.projected = ack.projector_activity_id;
      state.focus = ack.focus;
      state.counts = ack.counts;
      state.entries = new Map(ack.entries.map(function (e) { return [e.id, e]; }));
      drawAgenda();
      drawFocus();
      drawEntries();
      status("Live.");
    });
  }

  socket.on("connect", sync);
  socket.on("disconnect", function () { status("Connection lost: reconnecting…", true); });
  socket.on("connect_error", function () { status("Cannot reach the server: retrying…", true); });
  socket.on("agenda", function () { focusId = null; sync(); });
  socket.on("entry", function (message) {
    state.version = Math.max(state.version, message.version);
    if (state.focus && message.entry.activity_id === state.focus.id) {
      state.counts = message.counts;
      drawFocus();
    }
    upsert(message.entry);
    if (message.entry.status === "held") status("An entry was held for safeguarding.", true);
  });

  var paper = $("paper-form");
  if (paper) paper.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = $("paper-text").value.trim();
    if (!text || !state.focus) return;
    var key = Array.prototype.map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
    call("console:paper_entry", { activity_id: state.focus.id, lane: $("paper-lane").value, text: text, client_key: key }, function (ack) {
      $("paper-text").value = "";
      upsert(ack.entry);
    });
  });
})();
