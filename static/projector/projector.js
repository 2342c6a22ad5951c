/* The projector: draws the activity on show from snapshots and live updates: cards in lanes, a word
   cloud, poll bars, a scale's distribution, a ranked list, Q&A by votes. Read-only: it only ever asks
   for the current state. Text is only ever set with textContent; sizes through the CSSOM (CSP-safe). */
(function () {
  "use strict";
  var Live = window.Live;
  var page = Live.pageState();
  var board = null; // {activity, cards: Map id -> card, counts, results}
  var drawn = new Set(); // cards already on the wall: only a newcomer animates in
  var $ = Live.$, el = Live.el;
  // The room reads both languages: the page's language first (page.text), the other beside it
  // (page.text_other, empty where it says the same). Both are translated on the server.
  var T = page.text, T2 = page.text_other;
  var OTHER = page.lang === "sw" ? "en" : "sw";
  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  // A line of chrome in both languages: <tag class><span class="primary">…</span> <span class="other">…</span>.
  function twice(tag, className, key, values, primaryClass) {
    var node = el(tag, className);
    node.appendChild(el("span", primaryClass || "", fill(T[key], values || {})));
    if (T2[key]) {
      // A note on its own gets the other language on a line of its own; a short line keeps both on one.
      var other = el("span", "other", (className === "hidden-note" ? "" : " · ") + fill(T2[key], values || {}));
      other.lang = OTHER;
      node.appendChild(other);
    }
    return node;
  }
  // High contrast for a washed-out projector: ?contrast=high, or the C key; remembered on this screen.
  var CONTRAST = "facilitator.projector.contrast";
  function setContrast(high) {
    document.body.classList.toggle("contrast-high", high);
    try { localStorage.setItem(CONTRAST, high ? "high" : "normal"); } catch (e) { /* private mode */ }
  }
  (function () {
    var asked = /[?&]contrast=(high|normal)\b/.exec(window.location.search);
    var stored = null;
    try { stored = localStorage.getItem(CONTRAST); } catch (e) { /* private mode */ }
    setContrast((asked ? asked[1] : stored) === "high");
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "c" || event.key === "C" || event.key === "h" || event.key === "H") {
        setContrast(!document.body.classList.contains("contrast-high"));
      }
    });
  })();
  // Faces are the app's own drawings (static/faces/N.svg): no emoji font needed on the projector's laptop.
  function face(value) {
    var img = el("img", "face");
    img.src = page.faces[value];
    img.alt = "";
    return img;
  }

  // Content with a Kiswahili field: the page's language first, the other beside it when both exist.
  function bilingual(tag, className, text, textSw) {
    var first = page.lang === "sw" && textSw ? textSw : text;
    var second = first === text ? textSw : text;
    var node = el(tag, className, first);
    if (second && second !== first) {
      var other = el("span", "sw other", second);
      other.lang = first === text ? "sw" : "en";
      node.appendChild(other);
    }
    return node;
  }

  function drawThemes(stage, activity) {
    // The board grouped by the facilitator's themes, largest first, with counts; ungrouped cards last.
    stage.className = "stage themes";
    var groups = board.results.themes.map(function (t) { return { id: t.id, name: t.name, name_sw: t.name_sw, cards: [] }; });
    var sw = page.lang === "sw";
    var other = { id: null, name: sw ? T2.other_ideas || T.other_ideas : T.other_ideas,
      name_sw: sw ? T.other_ideas : T2.other_ideas, cards: [] };
    var byId = {};
    groups.forEach(function (g) { byId[g.id] = g; });
    Array.from(board.cards.values()).sort(Live.bySortKey).forEach(function (card) {
      (byId[card.theme_id] || other).cards.push(card);
    });
    groups.concat(other.cards.length ? [other] : []).forEach(function (group) {
      var block = el("section", "theme-block");
      var head = bilingual("h2", "theme-name", group.name, group.name_sw);
      head.appendChild(el("span", "theme-count", String(group.cards.length)));
      block.appendChild(head);
      var list = el("ul", "cards");
      group.cards.slice(0, 6).forEach(function (card) { list.appendChild(el("li", "card", card.text)); });
      if (group.cards.length > 6) list.appendChild(twice("li", "more", "more", { n: group.cards.length - 6 }));
      block.appendChild(list);
      stage.appendChild(block);
    });
  }

  function drawCards(stage, activity) {
    if (activity.group_by_theme && board.results && board.results.themes) return drawThemes(stage, activity);
    stage.className = "stage lanes lanes-" + activity.lanes.length;
    var upvotes = (board.results && board.results.upvotes) || {};
    var cards = inOrder(Array.from(board.cards.values()), board.results && board.results.order);
    activity.lanes.forEach(function (lane) {
      var column = el("section", "lane");
      column.appendChild(bilingual("h2", "lane-name", lane.name, lane.name_sw));
      var list = el("ul", "cards");
      cards.filter(function (c) { return c.lane === lane.key; }).forEach(function (card) {
        var item = el("li", "card" + (card.pinned ? " pinned" : "") + (card.starred ? " starred" : "") +
          (drawn.has(card.id) ? "" : " arriving"));
        drawn.add(card.id);
        item.appendChild(el("span", "card-text", card.text));
        if (upvotes[card.id]) item.appendChild(el("span", "votes", "▲ " + upvotes[card.id]));
        if (card.paper) item.appendChild(el("span", "paper-tag", T.paper));
        list.appendChild(item);
      });
      column.appendChild(list);
      stage.appendChild(column);
    });
  }

  // The server's order: an upvoted board's results say it (`order`, card ids); else each card's sort_key.
  // A card newer than the last results follows the ordered ones, by its sort_key.
  function inOrder(cards, order) {
    var place = {};
    (order || []).forEach(function (id, i) { place[id] = i + 1; });
    return cards.sort(function (a, b) {
      var pa = place[a.id] || Infinity, pb = place[b.id] || Infinity;
      return pa !== pb ? (pa < pb ? -1 : 1) : Live.bySortKey(a, b);
    });
  }

  function drawBars(stage, rows, total) {
    var list = el("ul", "bars");
    rows.forEach(function (row) {
      var item = el("li", "bar-row");
      var label = bilingual("div", "bar-label", row.label, row.label_sw);
      if (row.face) label.insertBefore(face(row.face), label.firstChild);
      item.appendChild(label);
      var track = el("div", "bar-track");
      var fill = el("div", "bar-fill");
      fill.style.width = (total ? Math.round(100 * row.count / total) : 0) + "%";
      track.appendChild(fill);
      item.appendChild(track);
      item.appendChild(el("div", "bar-count", String(row.count)));
      list.appendChild(item);
    });
    stage.appendChild(list);
  }

  function drawResults(stage, activity, results) {
    stage.className = "stage results results-" + activity.kind;
    if (activity.kind === "poll") {
      drawBars(stage, results.options.map(function (o) { return { label: o.text, label_sw: o.text_sw, count: o.count }; }),
        results.voters);
      stage.appendChild(twice("p", "totals", "voted", { n: results.voters }, "total"));
    } else if (activity.kind === "scale") {
      var head = el("div", "scale-head");
      head.appendChild(el("div", "average", results.average === null ? "–" : String(results.average)));
      var low = bilingual("span", "", results.min_label || String(results.min), results.min_label_sw);
      var high = bilingual("span", "", results.max_label || String(results.max), results.max_label_sw);
      var ends = el("div", "scale-ends");
      ends.appendChild(low);
      ends.appendChild(document.createTextNode("  →  "));
      ends.appendChild(high);
      head.appendChild(ends);
      stage.appendChild(head);
      drawBars(stage, results.distribution.map(function (d) {
        return { label: String(d.value), face: results.faces ? d.value : null, count: d.count };
      }), results.count);
      stage.appendChild(twice("p", "totals", "answered_count", { n: results.count }, "total"));
    } else if (activity.kind === "ranking") {
      var ranked = el("ol", "ranked");
      results.items.forEach(function (item) {
        var row = bilingual("li", "", item.text, item.text_sw);
        if (item.average_rank !== null) row.appendChild(el("span", "rank-score", fill(T.average_place, { n: item.average_rank })));
        ranked.appendChild(row);
      });
      stage.appendChild(ranked);
      stage.appendChild(twice("p", "totals", "ranked", { n: results.rankers }, "total"));
    } else if (activity.kind === "wordcloud") {
      var cloud = el("div", "cloud");
      var max = results.words.length ? results.words[0].count : 1;
      results.words.forEach(function (word, i) {
        var span = el("span", "word word-" + (i % 5), word.word);
        span.style.fontSize = (2.2 + 6.5 * word.count / max).toFixed(2) + "vmin";
        cloud.appendChild(span);
      });
      stage.appendChild(cloud);
    } else if (activity.kind === "qna") {
      var list = el("ol", "questions");
      results.questions.forEach(function (q) {
        var row = el("li", "question" + (q.answered ? " answered" : "") + (q.pinned ? " pinned" : ""));
        row.appendChild(el("span", "votes", "▲ " + q.votes));
        row.appendChild(el("span", "q-text", q.text));
        if (q.answered) row.appendChild(twice("span", "answered-tag", "answered"));
        list.appendChild(row);
      });
      stage.appendChild(list);
    }
  }

  function drawResponse(stage, results) {
    stage.className = "stage response";
    if (!results || !results.ask) {
      stage.appendChild(twice("p", "hidden-note", "first_ask"));
      return;
    }
    stage.appendChild(bilingual("div", "ask-banner", results.ask.text, results.ask.text_sw));
    var list = el("div", "answers answers-" + Math.min(results.answers.length, 3));
    results.answers.forEach(function (answer) {
      var card = el("article", "answer" + (drawn.has("a" + answer.id) ? "" : " arriving"));
      drawn.add("a" + answer.id);
      var head = el("h2", "org", answer.organisation);
      head.appendChild(el("span", "sector sector-" + answer.sector, answer.sector_name));
      card.appendChild(head);
      card.appendChild(el("p", "answer-text", answer.text));
      if (answer.commitment) {
        var c = el("p", "commitment");
        c.appendChild(el("strong", "", T.commitment + " "));
        c.appendChild(document.createTextNode(answer.commitment.what + " — " + answer.commitment.owner +
          (answer.commitment.due_on ? ", " + fill(T.by, { date: answer.commitment.due_on }) : "")));
        card.appendChild(c);
      }
      var r = answer.ratings;
      if (r && r.count) {
        var bar = el("div", "rating-bar");
        ["satisfied", "not_sure", "not_satisfied"].forEach(function (key) {
          if (!r[key]) return;
          var part = el("span", "rating rating-" + key, r[key] + " " + T[key] + (T2[key] ? " / " + T2[key] : ""));
          part.style.flexGrow = String(r[key]);
          bar.appendChild(part);
        });
        card.appendChild(bar);
      }
      list.appendChild(card);
    });
    if (!results.answers.length) list.appendChild(twice("p", "hidden-note", "waiting_answers"));
    stage.appendChild(list);
  }

  function draw() {
    var activity = board.activity;
    var title = activity ? sides(activity.title, activity.title_sw) : sides("", "");
    var prompt = activity ? sides(activity.prompt, activity.prompt_sw) : sides("", "");
    $("title").textContent = title[0];
    $("title-other").textContent = title[1];
    $("prompt").textContent = prompt[0];
    $("prompt-sw").textContent = prompt[1];
    var stage = $("lanes");
    stage.textContent = "";
    $("timer").hidden = !(activity && activity.timer_ends_at);
    if (!activity) { stage.className = "stage"; return drawCounts(); }
    if (activity.kind === "board") drawCards(stage, activity);
    else if (activity.kind === "response") drawResponse(stage, board.results);
    else if (!activity.results_on_projector || !board.results) {
      stage.className = "stage hidden-results";
      stage.appendChild(twice("p", "hidden-note", "results_later"));
    } else drawResults(stage, activity, board.results);
    drawCounts();
  }

  function sides(text, textSw) {
    var first = page.lang === "sw" && textSw ? textSw : (text || "");
    var second = first === text ? textSw : text;
    return [first, second && second !== first ? second : ""];
  }

  function drawCounts() {
    var activity = board.activity;
    var c = board.counts || { received: 0, shown: 0 };
    var shown = activity && (activity.kind === "board" || activity.kind === "wordcloud" || activity.kind === "qna");
    var values = { received: c.received, shown: c.shown };
    $("counts").textContent = shown ? fill(T.counts, values) : "";
    $("counts-other").textContent = shown && T2.counts ? fill(T2.counts, values) : "";
  }

  var pending = false;
  function scheduleDraw() {
    if (pending) return;
    pending = true;
    (window.requestAnimationFrame || setTimeout)(function () { pending = false; draw(); });
  }

  function load(snapshot) {
    board = {
      activity: snapshot.activity,
      cards: new Map(snapshot.cards.map(function (c) { return [c.id, c]; })),
      counts: snapshot.counts,
      results: snapshot.results
    };
    draw();
  }

  setInterval(function () {
    var activity = board && board.activity;
    if (!activity || !activity.timer_ends_at) return;
    var left = Math.max(0, Math.round((Date.parse(activity.timer_ends_at) - Date.now()) / 1000));
    $("timer").textContent = left ? Math.floor(left / 60) + ":" + ("0" + left % 60).slice(-2)
      : T.time_up + (T2.time_up ? " · " + T2.time_up : "");
  }, 500);

  load(page.snapshot);
  var RECONNECTING = T.reconnecting + (T2.reconnecting ? " · " + T2.reconnecting : "");
  // After any reconnect the server says whether the wall missed anything (`since` its version); if it did,
  // the board is replaced by a fresh snapshot: never a stale wall.
  var live = Live.connect({ view: "projector", token: page.token }, {
    syncEvent: "projector:sync",
    version: page.snapshot.version,
    onStatus: function (now) { $("link-status").textContent = now === "live" || now === "connecting" ? "" : RECONNECTING; },
    onSnapshot: load,
    onUnchanged: function (ack) {
      // Votes do not raise the version: the results come along.
      if (ack.results !== undefined) { board.results = ack.results; scheduleDraw(); }
    },
    onSyncError: function (ack) {
      if (ack.error === "unknown_projector") $("link-status").textContent = ack.message; // for staff: English
    }
  });
  if (!live) return;
  live.on("projector", load);
  live.on("board", function (update) {
    if (!board.activity || update.activity_id !== board.activity.id) return;
    update.cards.forEach(function (card) { board.cards.set(card.id, card); });
    update.removed.forEach(function (id) { board.cards.delete(id); });
    board.counts = update.counts;
    scheduleDraw();
  });
  live.on("results", function (message) {
    if (!board.activity || message.activity_id !== board.activity.id) return;
    board.results = message.results;
    scheduleDraw();
  });
})();
