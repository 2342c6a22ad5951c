/* The projector: draws the board from snapshots and live updates. Read-only: it sends nothing but
   "give me the current state". Card text is only ever set with textContent. */
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("page-state").textContent);
  var board = null; // {version, activity, cards: Map id -> card, counts}
  var drawn = new Set(); // cards already on the wall: only a newcomer animates in
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function sortCards(cards) {
    return cards.sort(function (a, b) { return (b.pinned - a.pinned) || (a.id - b.id); });
  }

  function draw() {
    var activity = board.activity;
    $("title").textContent = activity ? activity.title : "";
    $("prompt").textContent = activity ? activity.prompt : "";
    $("prompt-sw").textContent = activity && activity.prompt_sw ? activity.prompt_sw : "";
    var lanes = $("lanes");
    lanes.textContent = "";
    if (!activity) return;
    lanes.className = "lanes lanes-" + activity.lanes.length;
    var cards = sortCards(Array.from(board.cards.values()));
    activity.lanes.forEach(function (lane) {
      var column = el("section", "lane");
      var head = el("h2", "lane-name", lane.name);
      if (lane.name_sw) head.appendChild(el("span", "sw", lane.name_sw));
      column.appendChild(head);
      var list = el("ul", "cards");
      cards.filter(function (c) { return c.lane === lane.key; }).forEach(function (card) {
        var item = el("li", "card" + (card.pinned ? " pinned" : "") + (card.starred ? " starred" : "") +
          (drawn.has(card.id) ? "" : " arriving"));
        drawn.add(card.id);
        item.appendChild(el("span", "card-text", card.text));
        if (card.paper) item.appendChild(el("span", "paper-tag", "paper"));
        item.setAttribute("data-id", card.id);
        list.appendChild(item);
      });
      column.appendChild(list);
      lanes.appendChild(column);
    });
    drawCounts();
  }

  function drawCounts() {
    var c = board.counts || { received: 0, shown: 0 };
    $("counts").textContent = c.received + " received · " + c.shown + " on the board";
  }

  function load(snapshot) {
    board = {
      version: snapshot.version,
      activity: snapshot.activity,
      cards: new Map(snapshot.cards.map(function (c) { return [c.id, c]; })),
      counts: snapshot.counts
    };
    draw();
  }

  load(page.snapshot);
  if (typeof io !== "function") return;
  var socket = io({ auth: { view: "projector", token: page.token } });

  function sync() {
    socket.emit("projector:sync", {}, function (ack) {
      if (ack && ack.ok) load(ack);
      else if (ack && ack.error === "unknown_projector") $("link-status").textContent = ack.message;
    });
  }
  // After any reconnect the board is replaced by a fresh snapshot: never a stale wall.
  socket.on("connect", function () { $("link-status").textContent = ""; sync(); });
  socket.on("disconnect", function () { $("link-status").textContent = "reconnecting…"; });
  socket.on("connect_error", function () { $("link-status").textContent = "reconnecting…"; });
  socket.on("projector", load);
  socket.on("board", function (update) {
    board.version = Math.max(board.version, update.version);
    if (!board.activity || update.activity_id !== board.activity.id) return;
    if (update.card) board.cards.set(update.card.id, update.card);
    if (update.removed) board.cards.delete(update.removed);
    board.counts = update.counts;
    draw();
  });
})();
