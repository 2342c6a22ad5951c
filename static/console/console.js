/* The facilitator console: agenda controls and the live moderation queue. Every action is a socket
   event the server authorises again; entry text is only ever set with textContent. */
(function () {
  "use strict";
  var Live = window.Live;
  var page = Live.pageState();
  var can = page.can; // capabilities from the server: the buttons shown follow them, the server decides
  var state = { agenda: [], focus: null, entries: new Map(), current: null, projected: null, counts: null };
  var focusId = null;
  var $ = Live.$, el = Live.el;
  var STATUS = { offline: "Connection lost: reconnecting…", unreachable: "Cannot reach the server: retrying…",
    refused: "Cannot reach the server: retrying…" };
  var live = Live.connect({ view: "console", event_id: page.event_id }, {
    syncEvent: "console:sync",
    syncPayload: function () { return focusId ? { activity_id: focusId } : {}; },
    onStatus: function (now) { if (STATUS[now]) status(STATUS[now], true); },
    onSnapshot: load,
    onUnchanged: function (ack) {
      // Nothing missed but votes, which the version does not count: the results come along.
      if (ack.results !== undefined) { state.results = ack.results; drawResults(); }
      status("Live.");
    },
    onSyncError: function (ack) { status(ack.message || "No answer from the server: check the connection.", true); }
  });
  var socket = live.socket;

  function status(text, isError) {
    var line = $("status");
    line.textContent = text;
    line.className = "status-line" + (isError ? " error" : "");
  }
  function call(name, payload, done) {
    live.emit(name, payload, 10000, function (timedOut, ack) {
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
        row.setAttribute("data-activity-id", activity.id);
        var name = button(activity.title, function () { focusId = activity.id; sync(); }, "link activity-name");
        row.appendChild(name);
        var meta = el("span", "activity-meta");
        meta.appendChild(el("span", "kind", activity.kind));
        meta.appendChild(el("span", "state state-" + activity.state, activity.state));
        if (activity.id === (state.projected || state.current)) meta.appendChild(el("span", "on-screen", "on screen"));
        row.appendChild(meta);
        if (can.run_agenda) {
          var actions = el("span", "activity-actions");
          if (activity.state !== "open") actions.appendChild(button("Open", function () {
            focusId = activity.id; call("console:open_activity", { activity_id: activity.id });
          }));
          else actions.appendChild(button("Close", function () { call("console:close_activity", { activity_id: activity.id }); }));
          if (activity.id !== state.projected) actions.appendChild(button("Project", function () {
            call("console:project", { activity_id: activity.id });
          }));
          else actions.appendChild(button("Follow open", function () { call("console:project", { activity_id: null }); }));
          actions.appendChild(button("↑", function () { call("console:move_activity", { activity_id: activity.id, direction: "up" }); }, "small-button icon"));
          actions.appendChild(button("↓", function () { call("console:move_activity", { activity_id: activity.id, direction: "down" }); }, "small-button icon"));
          actions.lastChild.setAttribute("aria-label", "Move down");
          actions.lastChild.previousSibling.setAttribute("aria-label", "Move up");
          row.appendChild(actions);
        }
        block.appendChild(row);
      });
      if (can.run_agenda) block.appendChild(button("+ Add activity", function () { openEditor(null, session.id); }, "link add-activity"));
      root.appendChild(block);
    });
  }

  // What the projector shows: the projected activity, else the open one, else the join screen.
  function titleOf(id) {
    for (var i = 0; i < state.agenda.length; i++) {
      var found = state.agenda[i].activities.find(function (a) { return a.id === id; });
      if (found) return found.title;
    }
    return null;
  }
  function drawOnScreen() {
    var shown = state.projected || state.current;
    $("on-screen-title").textContent = "On screen now: " + (shown ? titleOf(shown) : "the join screen (no activity open)") +
      (state.projected && state.projected !== state.current ? " (projected by hand; phones are elsewhere)" : "");
    var follow = $("follow-open");
    if (follow) follow.hidden = !state.projected || state.projected === state.current;
  }
  if ($("follow-open")) $("follow-open").addEventListener("click", function () {
    call("console:project", { activity_id: null });
  });

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
    if (entry.sms) meta.push("SMS");
    if (entry.group) meta.push(entry.group + (entry.age_band ? " " + entry.age_band : ""));
    meta.push(new Date(entry.created_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
    item.querySelector(".entry-meta").textContent = meta.join(" · ");
    if (entry.flags.length) {
      var flags = el("div", "flags");
      entry.flags.forEach(function (f) { flags.appendChild(el("span", "flag flag-" + f, f.replace("_", " "))); });
      item.insertBefore(flags, item.querySelector(".entry-actions"));
    }
    var actions = item.querySelector(".entry-actions");
    if (entry.id === cursorId) item.classList.add("cursor");
    if (can.moderate && (entry.status === "pending" || entry.status === "approved")) {
      var pick = el("input", "select-entry");
      pick.type = "checkbox";
      pick.checked = selected.has(entry.id);
      pick.setAttribute("aria-label", "Select");
      pick.addEventListener("change", function () {
        if (pick.checked) selected.add(entry.id); else selected.delete(entry.id);
        drawSelection();
      });
      item.insertBefore(pick, item.firstChild);
    }
    if (entry.status === "held" && entry.concern === "possible") {
      item.classList.add("possible-concern");
      item.insertBefore(el("p", "concern-marker", "Possible concern: waiting for the safeguarding lead's review."),
        actions);
    }
    if (entry.status === "held" && can.safeguard) {
      actions.appendChild(button("Reviewed: not a concern", function () {
        var note = window.prompt("Released to the moderation queue. A note for the record (why it is not a concern):", "");
        if (note === null) return;
        call("safeguarding:release", { response_id: entry.id, note: note }, upsertFromAck);
      }, "small-button release"));
    }
    if (can.moderate && entry.status !== "held") {
      var act = function (action) { return function () { call("console:moderate", { response_id: entry.id, action: action }, upsertFromAck); }; };
      if (entry.status !== "approved") actions.appendChild(button("Approve (A)", act("approve"), "small-button approve"));
      if (entry.status !== "hidden") actions.appendChild(button("Hide (H)", act("hide"), "small-button hide"));
      if (entry.status === "approved" && state.focus && state.focus.kind === "qna") {
        actions.appendChild(button(entry.answered ? "Not answered yet" : "Answered", function () {
          call("console:mark_answered", { response_id: entry.id, answered: !entry.answered }, upsertFromAck);
        }, "small-button approve"));
      }
      if (entry.status === "approved") {
        actions.appendChild(button(entry.pinned ? "Unpin (P)" : "Pin (P)", act(entry.pinned ? "unpin" : "pin")));
        actions.appendChild(button(entry.starred ? "Unstar" : "Star", act(entry.starred ? "unstar" : "star")));
        if (can.run_agenda) actions.appendChild(button("Make an ask", function () {
          call("console:ask_from_entry", { response_id: entry.id }, function (ack) { status("Ask added: “" + ack.ask.text + "”."); });
        }));
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
    actions.appendChild(button("Cancel", function () { entryNodes.delete(entry.id); drawEntries(); }));
    input.focus();
  }
  function upsertFromAck(ack) { upsert(ack.entry); }
  function upsert(entry) { if (remember(entry)) drawEntries(); }
  function remember(entry) {
    if (!state.focus || entry.activity_id !== state.focus.id) return false;
    // A facilitator hears of a held entry twice: in full (safeguarding room) and withheld (staff room).
    var known = state.entries.get(entry.id);
    if (entry.withheld && known && known.status === "held" && !known.withheld) return false;
    state.entries.set(entry.id, entry);
    return true;
  }
  // A possible concern waits in the moderators' queue, marked, until the safeguarding lead reviews it; a high
  // concern is only in the held list, for those who safeguard.
  function listOf(entry) {
    return entry.status === "held" && entry.concern === "possible" ? "pending" : entry.status;
  }
  function inList(status) {
    var matching = Array.from(state.entries.values()).filter(function (e) { return listOf(e) === status && !e.withheld; });
    return matching.sort(Live.bySortKey);
  }
  // Each entry's node is kept while what it shows holds (the same entry, cursor, selection and activity): a
  // burst of entries makes only their own nodes, not the whole board's again.
  var entryNodes = new Map(); // id -> {node, entry, cursor, picked, focus}
  function entryNode(entry, focus) {
    var kept = entryNodes.get(entry.id);
    var cursor = entry.id === cursorId, picked = selected.has(entry.id);
    if (!kept || kept.entry !== entry || kept.cursor !== cursor || kept.picked !== picked || kept.focus !== focus) {
      if (kept) kept.node.remove();
      kept = { node: drawEntry(entry), entry: entry, cursor: cursor, picked: picked, focus: focus };
      entryNodes.set(entry.id, kept);
    }
    return kept.node;
  }
  // A burst brings a batch every few tens of ms, and each draw lays out and paints the whole queue: drawn at every
  // frame, the console took more CPU in a burst than the server on the laptop running both (bench.load
  // --browser-trace: 4.3 s of CPU in 10 s at 200 entries a second, 61% of it layout and paint). A moderator reads a
  // few entries a second: the lists (and the counts above them) are drawn in the next frame, and at most once every
  // ENTRIES_DRAW_MS.
  var ENTRIES_DRAW_MS = 250;
  var entriesDue = false;
  var entriesDrawnAt = -Infinity;
  function drawEntriesSoon() {
    if (entriesDue) return;
    entriesDue = true;
    var wait = Math.max(0, entriesDrawnAt + ENTRIES_DRAW_MS - performance.now());
    setTimeout(function () {
      (window.requestAnimationFrame || setTimeout)(function () { entriesDue = false; drawCounts(); drawEntries(); });
    }, wait);
  }
  function drawEntries() {
    entriesDrawnAt = performance.now();
    var focus = state.focus ? JSON.stringify([state.focus.id, state.focus.kind, state.focus.lanes]) : "";
    Object.keys(LISTS).forEach(function (status) {
      var list = $(LISTS[status]);
      if (!list) return;
      var matching = inList(status);
      var nodes = matching.map(function (e) { return entryNode(e, focus); });
      if (status === "pending" && state.focus && state.focus.kind === "wordcloud" && can.moderate) {
        list.textContent = "";
        drawWords(list, matching);
        nodes.forEach(function (node) { list.appendChild(node); });
      } else {
        // Nodes no longer in this list go; the list's nodes then stand in order, only the new or moved inserted.
        var wanted = new Set(nodes);
        Array.prototype.slice.call(list.children).forEach(function (node) { if (!wanted.has(node)) node.remove(); });
        var cursor = list.firstChild;
        nodes.forEach(function (node) {
          if (node === cursor) cursor = cursor.nextSibling;
          else list.insertBefore(node, cursor);
        });
      }
      var badge = $(LISTS[status] + "-count");
      if (badge) badge.textContent = matching.length;
    });
    entryNodes.forEach(function (kept, id) { if (!kept.node.isConnected) entryNodes.delete(id); });
    // Entries that left the queue and the board (hidden, held, gone) are no longer selected.
    var listed = new Set(inList("pending").concat(inList("approved")).map(function (e) { return e.id; }));
    selected.forEach(function (id) { if (!listed.has(id)) selected.delete(id); });
    drawSelection();
    var cursor = document.querySelector(".entry.cursor");
    if (cursor && cursor.scrollIntoView) cursor.scrollIntoView({ block: "nearest" });
  }

  // --- moderating many at once ----------------------------------------------------------------
  // Several selected (the boxes, or X), everything waiting, or every entry of one word-cloud word: one call, one
  // commit, one broadcast, at most MAX_BATCH at a time (the server refuses more).
  var MAX_BATCH = 500;
  var selected = new Set();
  var cursorId = null;
  function moderateMany(ids, action) {
    if (!ids.length) return status("Nothing selected.", true);
    var batches = [];
    for (var i = 0; i < ids.length; i += MAX_BATCH) batches.push(ids.slice(i, i + MAX_BATCH));
    (function next(changed, held) {
      var batch = batches.shift();
      if (!batch) {
        return status(changed + (action === "approve" ? " approved" : " hidden") +
          (held ? "; " + held + " held for safeguarding left as they are." : "."));
      }
      live.emit("console:moderate_many", { response_ids: batch, action: action }, 20000, function (timedOut, ack) {
        if (timedOut) return status("No answer from the server: check the connection.", true);
        if (!ack.ok) return status(ack.message, true);
        ack.entries.forEach(remember);
        batch.forEach(function (id) { selected.delete(id); });
        drawEntries();
        next(changed + ack.entries.length, held + ack.held.length);
      });
    })(0, 0);
  }
  function drawSelection() {
    var count = $("selected-count");
    if (count) count.textContent = selected.size ? selected.size + " selected" : "";
  }
  function drawWords(list, waiting) {
    // The same word from many phones: one row with its count, approved or hidden together.
    var words = new Map();
    waiting.forEach(function (e) {
      var key = e.original.trim().toLowerCase();
      if (!words.has(key)) words.set(key, { word: e.original.trim(), ids: [] });
      words.get(key).ids.push(e.id);
    });
    Array.from(words.values()).sort(function (a, b) { return b.ids.length - a.ids.length; }).forEach(function (w) {
      var row = el("li", "word-group");
      row.appendChild(el("span", "word-text", w.word));
      row.appendChild(el("span", "badge", "×" + w.ids.length));
      row.appendChild(button("Approve all " + w.ids.length, function () { moderateMany(w.ids, "approve"); }, "small-button approve"));
      row.appendChild(button("Hide all " + w.ids.length, function () { moderateMany(w.ids, "hide"); }, "small-button hide"));
      list.appendChild(row);
    });
  }
  function queueIds() { return inList("pending").filter(function (e) { return e.status === "pending"; }).map(function (e) { return e.id; }); }
  if ($("approve-selected")) {
    $("approve-selected").addEventListener("click", function () { moderateMany(Array.from(selected), "approve"); });
    $("hide-selected").addEventListener("click", function () { moderateMany(Array.from(selected), "hide"); });
    $("approve-all").addEventListener("click", function () { moderateMany(queueIds(), "approve"); });
    $("select-none").addEventListener("click", function () { selected.clear(); drawEntries(); });
  }

  // Keys, shown on screen: A approve, H hide, P pin, N (or J, ↓) next, K (↑) previous, X select. Approve and
  // hide act on the selection when there is one, else on the entry under the cursor, which then moves on.
  function cursorOrder() {
    return inList("pending").concat(inList("approved")).filter(function (e) { return e.status !== "held"; });
  }
  function moveCursor(step) {
    var order = cursorOrder();
    if (!order.length) { cursorId = null; return drawEntries(); }
    var at = order.findIndex(function (e) { return e.id === cursorId; });
    cursorId = order[at < 0 ? 0 : Math.min(order.length - 1, Math.max(0, at + step))].id;
    drawEntries();
  }
  function actOnCursor(action) {
    var entry = state.entries.get(cursorId);
    if (!entry) return moveCursor(0);
    var order = cursorOrder();
    var at = order.findIndex(function (e) { return e.id === cursorId; });
    var after = order[at + 1] || order[at - 1];
    call("console:moderate", { response_id: entry.id, action: action }, function (ack) {
      if (action === "approve" || action === "hide") cursorId = after && after.id !== entry.id ? after.id : null;
      upsertFromAck(ack);
    });
  }
  document.addEventListener("keydown", function (event) {
    if (!can.moderate || event.altKey || event.ctrlKey || event.metaKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) && target.type !== "checkbox") return;
    if (document.querySelector("dialog[open]")) return;
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    var handled = true;
    if (key === "n" || key === "j" || key === "ArrowDown") moveCursor(cursorId === null ? 0 : 1);
    else if (key === "k" || key === "ArrowUp") moveCursor(-1);
    else if (key === "x") {
      if (cursorId !== null) { if (selected.has(cursorId)) selected.delete(cursorId); else selected.add(cursorId); drawEntries(); }
    } else if (key === "a" || key === "h") {
      var action = key === "a" ? "approve" : "hide";
      if (selected.size) moderateMany(Array.from(selected), action);
      else if (cursorId !== null) actOnCursor(action);
    } else if (key === "p") {
      var entry = state.entries.get(cursorId);
      if (entry && entry.status === "approved") actOnCursor(entry.pinned ? "unpin" : "pin");
    } else handled = false;
    if (handled) event.preventDefault();
  });
  function drawControls() {
    var controls = $("controls");
    if (!controls) return;
    var focus = state.focus;
    controls.hidden = !focus;
    if (!focus) return;
    Array.prototype.forEach.call(controls.querySelectorAll("input[data-control]"), function (box) {
      box.checked = !!focus[box.getAttribute("data-control")];
    });
    $("upvotes-toggle").hidden = !(focus.kind === "board" || focus.kind === "qna");
    $("themes-toggle").hidden = focus.kind !== "board";
    drawTimer();
  }
  function drawTimer() {
    var left = $("timer-left");
    if (!left) return;
    var ends = state.focus && state.focus.timer_ends_at ? Date.parse(state.focus.timer_ends_at) : null;
    var seconds = ends ? Math.max(0, Math.round((ends - Date.now()) / 1000)) : null;
    left.textContent = seconds === null ? "" : (seconds ? Math.floor(seconds / 60) + ":" + ("0" + seconds % 60).slice(-2) + " left" : "time is up");
  }
  setInterval(drawTimer, 1000);

  function bar(label, count, total) {
    var row = el("li", "result-row");
    row.appendChild(el("span", "result-label", label));
    var meter = el("meter");
    meter.min = 0; meter.max = Math.max(total, 1); meter.value = count;
    row.appendChild(meter);
    row.appendChild(el("span", "result-count", String(count)));
    return row;
  }
  function drawResults() {
    var panel = $("results-panel");
    var results = state.results;
    var show = results && ["poll", "scale", "ranking", "wordcloud"].indexOf(results.kind) >= 0;
    panel.hidden = !show;
    if (!show) return;
    var box = $("results");
    box.textContent = "";
    var list = el("ul", "result-list");
    if (results.kind === "poll") {
      results.options.forEach(function (o) { list.appendChild(bar(o.text, o.count, results.voters)); });
      box.appendChild(el("p", "muted", results.voters + " voted"));
    } else if (results.kind === "scale") {
      results.distribution.forEach(function (d) { list.appendChild(bar(String(d.value), d.count, results.count)); });
      box.appendChild(el("p", "muted", "Average " + (results.average === null ? "–" : results.average) + " · " + results.count + " answered"));
    } else if (results.kind === "ranking") {
      list = el("ol", "result-list");
      results.items.forEach(function (item) { list.appendChild(el("li", "", item.text + (item.average_rank ? " (average place " + item.average_rank + ")" : ""))); });
      box.appendChild(el("p", "muted", results.rankers + " ranked"));
    } else {
      results.words.slice(0, 20).forEach(function (w) { list.appendChild(bar(w.word, w.count, results.words[0].count)); });
    }
    box.insertBefore(list, box.firstChild);
  }

  function drawResponse() {
    var panel = $("response-panel");
    var response = state.response;
    panel.hidden = !response;
    if (!response) return;
    var pick = $("ask-pick");
    if (pick) {
      pick.textContent = "";
      state.asks.forEach(function (ask) {
        var option = el("option", "", ask.text);
        option.value = ask.id;
        if (response.ask && response.ask.id === ask.id) option.selected = true;
        pick.appendChild(option);
      });
    }
    $("ask-on-show").textContent = response.ask ? "On show: " + response.ask.text +
      (response.ask.assigned.length ? " (put to " + response.ask.assigned.join(", ") + ")" : "") : "No ask on show yet.";
    var list = $("answers");
    list.textContent = "";
    response.answers.forEach(function (answer) {
      var item = el("li", "entry status-" + (answer.status === "approved" ? "approved" : answer.status));
      item.appendChild(el("div", "entry-text", answer.organisation + " (" + answer.sector_name + "): " + answer.original));
      if (answer.commitment) item.appendChild(el("div", "muted small", "Commitment: " + answer.commitment.what + " — " +
        answer.commitment.owner + (answer.commitment.due_on ? ", by " + answer.commitment.due_on : "")));
      item.appendChild(el("div", "muted small", answer.status + (answer.ratings ? " · " + answer.ratings.count + " ratings" : "")));
      if (can.moderate && answer.status !== "held") {
        var actions = el("div", "entry-actions");
        if (answer.status !== "approved") actions.appendChild(button("Approve", function () {
          call("console:moderate_answer", { answer_id: answer.id, action: "approve" }, sync);
        }, "small-button approve"));
        if (answer.status !== "hidden") actions.appendChild(button("Hide", function () {
          call("console:moderate_answer", { answer_id: answer.id, action: "hide" }, sync);
        }, "small-button hide"));
        item.appendChild(actions);
      }
      list.appendChild(item);
    });
    if (!response.answers.length) list.appendChild(el("li", "muted", "No answers yet for this ask."));
  }

  function drawFocus() {
    drawControls();
    drawResults();
    drawResponse();
    var focus = state.focus;
    $("focus-title").textContent = focus ? focus.title + (focus.state !== "open" ? " (" + focus.state + ")" : "") : "No activity open";
    $("focus-prompt").textContent = focus ? focus.prompt : "Open an activity from the agenda.";
    drawCounts();
    var lane = $("paper-lane");
    if (lane) {
      lane.textContent = "";
      (focus ? focus.lanes : []).forEach(function (l) { var o = el("option", "", l.name); o.value = l.key; lane.appendChild(o); });
    }
  }

  function drawCounts() {
    $("counts").textContent = state.counts ? state.counts.received + " received · " + state.counts.shown + " on the board" : "";
  }

  // A fresh snapshot of the activity in focus: after a change of focus or of the agenda.
  function sync() { live.sync(focusId ? { activity_id: focusId } : {}); }
  function load(ack) {
    state.agenda = ack.agenda;
    state.current = ack.current_activity_id;
    state.projected = ack.projector_activity_id;
    state.focus = ack.focus;
    state.counts = ack.counts;
    state.results = ack.results;
    state.response = ack.response;
    state.asks = ack.asks;
    state.entries = new Map(ack.entries.map(function (e) { return [e.id, e]; }));
    drawAgenda();
    drawOnScreen();
    drawFocus();
    drawEntries();
    status("Live.");
  }

  // "agenda" and "answer" only say that something changed: the snapshot that follows brings the version.
  socket.on("agenda", function () { sync(); });
  live.on("entries", function (message) {
    if (state.focus && message.activity_id === state.focus.id) {
      // Only the counts changed, drawn with the lists: the rest of the focus drawn again would reset the paper
      // entry's lane, many times a second in a burst.
      state.counts = message.counts;
      drawEntriesSoon();
    }
    if (message.entries.filter(remember).length) drawEntriesSoon();
    if (message.entries.some(function (entry) { return entry.status === "held"; })) {
      status("An entry was held for safeguarding.", true);
    }
  });

  socket.on("answer", function () { if (state.focus && state.focus.kind === "response") sync(); });
  if ($("show-ask")) $("show-ask").addEventListener("click", function () {
    call("console:show_ask", { activity_id: state.focus.id, ask_id: Number($("ask-pick").value) });
  });
  socket.on("results", function (message) {
    if (!state.focus || message.activity_id !== state.focus.id) return;
    state.results = message.results;
    drawResults();
  });

  // --- facilitator controls ------------------------------------------------------------------
  var controls = $("controls");
  if (controls) {
    $("next-activity").addEventListener("click", function () { focusId = null; call("console:next_activity", {}); });
    Array.prototype.forEach.call(controls.querySelectorAll("input[data-control]"), function (box) {
      box.addEventListener("change", function () {
        var changes = {};
        changes[box.getAttribute("data-control")] = box.checked;
        call("console:activity_controls", { activity_id: state.focus.id, changes: changes });
      });
    });
    Array.prototype.forEach.call(controls.querySelectorAll("button[data-timer]"), function (b) {
      b.addEventListener("click", function () {
        var seconds = b.getAttribute("data-timer");
        call("console:timer", { activity_id: state.focus.id, seconds: seconds ? Number(seconds) : null });
      });
    });
    $("edit-activity").addEventListener("click", function () { openEditor(state.focus.id, null); });
    $("duplicate-activity").addEventListener("click", function () {
      call("console:duplicate_activity", { activity_id: state.focus.id }, function (ack) { focusId = ack.activity.id; });
    });
    $("reset-activity").addEventListener("click", function () {
      var typed = window.prompt("This removes every vote and entry of “" + state.focus.title +
        "” (entries held for safeguarding stay). Type the activity's title to confirm:");
      if (typed !== null) call("console:reset_activity", { activity_id: state.focus.id, confirm: typed });
    });
  }

  // --- the activity editor -------------------------------------------------------------------
  var editor = $("editor");
  var editing = null; // {activity_id} or {session_id}
  function lines(text) {
    return text.split("\n").map(function (l) { return l.trim(); }).filter(Boolean).map(function (l) {
      var parts = l.split("|");
      return { text: parts[0].trim(), text_sw: (parts[1] || "").trim() || null };
    });
  }
  function unlines(items) {
    return (items || []).map(function (i) { return i.text + (i.text_sw ? " | " + i.text_sw : ""); }).join("\n");
  }
  function showKindFields() {
    var kind = editor.querySelector("[name=kind]").value;
    Array.prototype.forEach.call(editor.querySelectorAll("[data-for]"), function (field) {
      field.hidden = field.getAttribute("data-for").split(" ").indexOf(kind) < 0;
    });
  }
  function openEditor(activityId, sessionId) {
    var form = $("editor-form");
    form.reset();
    $("editor-error").hidden = true;
    editing = activityId ? { activity_id: activityId } : { session_id: sessionId };
    var fill = function (spec) {
      ["kind", "title", "title_sw", "prompt", "prompt_sw", "audience", "moderation"].forEach(function (name) {
        form.elements[name].value = spec[name] || "";
      });
      form.elements.lanes.value = unlines(spec.lanes);
      form.elements.options.value = unlines(spec.options);
      form.elements.multiple.checked = !!spec.multiple;
      form.elements.upvotes.checked = !!spec.upvotes;
      var scale = spec.scale || {};
      form.elements.scale_min.value = scale.min || 1;
      form.elements.scale_max.value = scale.max || 5;
      form.elements.min_label.value = scale.min_label || "";
      form.elements.max_label.value = scale.max_label || "";
      form.elements.faces.checked = !!scale.faces;
      showKindFields();
      editor.showModal();
    };
    if (activityId) live.emit("console:activity_spec", { activity_id: activityId }, 10000, function (timedOut, ack) {
      if (ack.ok) fill(ack.activity); else status(ack.message || "No answer from the server.", true);
    });
    else fill({ kind: "board", audience: "everyone", moderation: "pre", lanes: [{ text: "Ideas" }] });
  }
  if (editor) {
    editor.querySelector("[name=kind]").addEventListener("change", showKindFields);
    $("editor-cancel").addEventListener("click", function () { editor.close(); });
    $("editor-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var form = e.target;
      var spec = {
        kind: form.elements.kind.value, title: form.elements.title.value, title_sw: form.elements.title_sw.value,
        prompt: form.elements.prompt.value, prompt_sw: form.elements.prompt_sw.value,
        audience: form.elements.audience.value, moderation: form.elements.moderation.value,
        lanes: lines(form.elements.lanes.value), options: lines(form.elements.options.value),
        multiple: form.elements.multiple.checked, upvotes: form.elements.upvotes.checked,
        scale: { min: Number(form.elements.scale_min.value), max: Number(form.elements.scale_max.value),
          min_label: form.elements.min_label.value, max_label: form.elements.max_label.value, faces: form.elements.faces.checked }
      };
      var payload = { activity: spec };
      if (editing.activity_id) payload.activity_id = editing.activity_id; else payload.session_id = editing.session_id;
      live.emit("console:save_activity", payload, 10000, function saved(timedOut, ack) {
        // Post-moderation where children write is a deliberate choice: the server asks, the facilitator confirms.
        if (!timedOut && !ack.ok && ack.error === "confirm_post_moderation" && window.confirm(ack.message)) {
          spec.confirm_post_moderation = true;
          return live.emit("console:save_activity", payload, 10000, saved);
        }
        if (timedOut || !ack.ok) {
          $("editor-error").textContent = timedOut ? "No answer from the server." : ack.message;
          $("editor-error").hidden = false;
          return;
        }
        focusId = ack.activity.id;
        editor.close();
        status("Saved.");
      });
    });
  }

  var paper = $("paper-form");
  if (paper) paper.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = $("paper-text").value.trim();
    if (!text || !state.focus) return;
    var key = Live.newKey();
    call("console:paper_entry", { activity_id: state.focus.id, lane: $("paper-lane").value, text: text, client_key: key }, function (ack) {
      $("paper-text").value = "";
      upsert(ack.entry);
    });
  });
})();
