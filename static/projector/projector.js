/* The projector: draws the activity on show from snapshots and live updates: cards in lanes, a word
   cloud, poll bars, a scale's distribution, a ranked list, Q&A by votes. Read-only: it only ever asks
   for the current state. Text is only ever set with textContent; sizes through the CSSOM (CSP-safe). */
(function () {
  "use strict";
  var Live = window.Live;
  var page = Live.pageState();
  var board = null; // {activity, cards: Map id -> card, counts, results}
  var drawn = new Set(); // cards already on the wall: only a newcomer animates in
  // For the performance bench (read over the DevTools protocol): entry id -> when its node was first in the
  // DOM, after the frame that drew it (performance.timeOrigin + performance.now(), ms since the epoch). A card
  // on a later page is in the DOM too, hidden until its page shows.
  window.facilitatorDrawn = {};
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
        wall = null; // the borders change the cards' heights
        if (board) scheduleDraw();
      }
      // J: the big join screen over the activity (again: back), for latecomers; it shows by itself when nothing is on.
      if (event.key === "j" || event.key === "J") { joinAsked = !joinAsked; wall = null; if (board) scheduleDraw(); }
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

  // Grouped by the facilitator's themes, largest first, with counts; ungrouped cards last. A theme of more
  // than THEME_PART cards comes in parts ("2/3"), so no block is taller than a page; the blocks page like a lane.
  var THEME_PART = 9; // three rows of three
  function drawThemes(stage, activity) {
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
    var blocks = stage.appendChild(pageable(el("div", "theme-list")));
    groups.concat(other.cards.length ? [other] : []).forEach(function (group) {
      var parts = Math.max(1, Math.ceil(group.cards.length / THEME_PART));
      for (var part = 0; part < parts; part++) {
        var block = el("section", "theme-block");
        var head = bilingual("h2", "theme-name", group.name, group.name_sw);
        head.appendChild(el("span", "theme-count", String(group.cards.length)));
        if (parts > 1) head.appendChild(el("span", "theme-part", (part + 1) + "/" + parts));
        block.appendChild(head);
        var list = el("ul", "theme-cards");
        group.cards.slice(part * THEME_PART, (part + 1) * THEME_PART).forEach(function (card) {
          var item = el("li", "card", card.text);
          item.setAttribute("data-id", card.id);
          justDrawn.push(card.id);
          list.appendChild(item);
        });
        block.appendChild(list);
        blocks.appendChild(block);
      }
    });
  }

  function grouped(activity) {
    return activity.group_by_theme && board.results && board.results.themes;
  }
  // A board's lanes stay on the wall from draw to draw (a burst brings a few cards a frame to a board of
  // thousands): `wall` keeps each card's node by entry id, with what it shows; a draw makes only the new and
  // changed cards' nodes and puts them in their lane at their place. Anything else on show draws afresh.
  var wall = null; // {key, lists: [ul], nodes: Map id -> {node, shows}, heights: WeakMap node -> px, arrived: [node]}
  function wallKey(activity) {
    return activity.id + " " + JSON.stringify(activity.lanes);
  }
  function drawCards(stage, activity) {
    if (grouped(activity)) return drawThemes(stage, activity);
    stage.className = "stage lanes lanes-" + activity.lanes.length;
    if (!wall) {
      wall = { key: wallKey(activity), lists: [], byLane: {}, nodes: new Map(), heights: new WeakMap(), arrived: [] };
      activity.lanes.forEach(function (lane) {
        var column = el("section", "lane");
        column.appendChild(bilingual("h2", "lane-name", lane.name, lane.name_sw));
        var list = pageable(el("ul", "cards"));
        wall.lists.push(list);
        wall.byLane[lane.key] = list;
        column.appendChild(list);
        stage.appendChild(column);
      });
    }
    // The last draw's newcomers have had their entrance: a node moved later must not replay it.
    wall.arrived.forEach(function (node) { node.classList.remove("arriving"); });
    wall.arrived = [];
    var upvotes = (board.results && board.results.upvotes) || {};
    var inLane = {};
    activity.lanes.forEach(function (lane) { inLane[lane.key] = []; });
    pinnedFirst(inOrder(Array.from(board.cards.values()), board.results && board.results.order)).forEach(function (card) {
      if (inLane[card.lane]) inLane[card.lane].push(card);
    });
    // Gone, hidden, moved to a lane not on show, or showing something else: the node goes.
    wall.nodes.forEach(function (kept, id) {
      var card = board.cards.get(id);
      if (!card || !inLane[card.lane] || kept.shows !== cardShows(card, upvotes)) {
        kept.node.remove();
        wall.nodes.delete(id);
      }
    });
    // Each lane's nodes in order: a kept node in its place stays; a new or moved one goes in before the cursor.
    activity.lanes.forEach(function (lane) {
      var list = wall.byLane[lane.key];
      var cursor = list.firstChild;
      inLane[lane.key].forEach(function (card) {
        var kept = wall.nodes.get(card.id);
        if (!kept) {
          kept = { node: cardNode(card, upvotes), shows: cardShows(card, upvotes) };
          wall.nodes.set(card.id, kept);
          justDrawn.push(card.id);
        }
        if (kept.node === cursor) cursor = cursor.nextSibling;
        else list.insertBefore(kept.node, cursor);
      });
    });
  }
  // What a card's node shows: a card whose text, marks, lane or votes changed gets a new node.
  function cardShows(card, upvotes) {
    return [card.lane, card.pinned, card.starred, card.paper, card.sms, upvotes[card.id] || 0, card.text].join("\u0001");
  }
  function cardNode(card, upvotes) {
    var item = el("li", "card" + (card.pinned ? " pinned" : "") + (card.starred ? " starred" : "") +
      (drawn.has(card.id) ? "" : " arriving"));
    if (!drawn.has(card.id)) wall.arrived.push(item);
    item.setAttribute("data-id", card.id);
    drawn.add(card.id);
    item.appendChild(el("span", "card-text", card.text));
    if (upvotes[card.id]) item.appendChild(el("span", "votes", "▲ " + upvotes[card.id]));
    if (card.paper) item.appendChild(el("span", "paper-tag", T.paper));
    if (card.sms) item.appendChild(el("span", "paper-tag sms-tag", T.sms));
    return item;
  }

  // Pinned cards lead every lane (and stay in view on every page), whatever the order of the rest.
  function pinnedFirst(cards) {
    return cards.filter(function (c) { return c.pinned; }).concat(cards.filter(function (c) { return !c.pinned; }));
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
    var list = pageable(el("ul", "bars"));
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
      // Each end on its own, number first ("1 = Not at all", its Kiswahili below): never one run-together line.
      var ends = el("div", "scale-ends");
      [[results.min, results.min_label, results.min_label_sw, "scale-low"],
        [results.max, results.max_label, results.max_label_sw, "scale-high"]].forEach(function (end) {
        var label = bilingual("div", "scale-end " + end[3], end[1] ? end[0] + " = " + end[1] : String(end[0]),
          end[2] ? end[0] + " = " + end[2] : null);
        ends.appendChild(label);
      });
      head.appendChild(ends);
      stage.appendChild(head);
      drawBars(stage, results.distribution.map(function (d) {
        return { label: String(d.value), face: results.faces ? d.value : null, count: d.count };
      }), results.count);
      stage.appendChild(twice("p", "totals", "answered_count", { n: results.count }, "total"));
    } else if (activity.kind === "ranking") {
      var ranked = pageable(el("ol", "ranked"));
      results.items.forEach(function (item) {
        var row = bilingual("li", "", item.text, item.text_sw);
        if (item.average_rank !== null) row.appendChild(el("span", "rank-score", fill(T.average_place, { n: item.average_rank })));
        ranked.appendChild(row);
      });
      stage.appendChild(ranked);
      stage.appendChild(twice("p", "totals", "ranked", { n: results.rankers }, "total"));
    } else if (activity.kind === "wordcloud") {
      var cloud = fitted(el("div", "cloud"));
      var max = results.words.length ? results.words[0].count : 1;
      results.words.forEach(function (word, i) {
        var span = el("span", "word word-" + (i % 5), word.word);
        span.style.fontSize = "max(var(--floor), calc(" + (2.2 + 6.5 * word.count / max).toFixed(2) + "vmin * var(--fit, 1)))";
        cloud.appendChild(span);
      });
      stage.appendChild(cloud);
    } else if (activity.kind === "qna") {
      var list = pageable(el("ol", "questions"));
      results.questions.forEach(function (q) {
        var row = el("li", "question" + (q.answered ? " answered" : "") + (q.pinned && !q.answered ? " pinned" : ""));
        row.setAttribute("data-id", q.id);
        justDrawn.push(q.id);
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
    var list = pageable(el("div", "answers answers-" + Math.min(results.answers.length, 3)));
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
        // The bar carries the numbers only (a thin share has no room for words); the legend below wraps.
        var bar = el("div", "rating-bar");
        var legend = el("div", "rating-legend");
        ["satisfied", "not_sure", "not_satisfied"].forEach(function (key) {
          if (!r[key]) return;
          var part = el("span", "rating rating-" + key, String(r[key]));
          part.style.flexGrow = String(r[key]);
          bar.appendChild(part);
          var entry = el("span", "legend-item");
          entry.appendChild(el("span", "legend-key rating-" + key));
          entry.appendChild(document.createTextNode(r[key] + " " + T[key] + (T2[key] ? " / " + T2[key] : "")));
          legend.appendChild(entry);
        });
        card.appendChild(bar);
        card.appendChild(legend);
      }
      list.appendChild(card);
    });
    if (!results.answers.length) list.appendChild(twice("p", "hidden-note", "waiting_answers"));
    stage.appendChild(list);
  }

  function draw() {
    var activity = board.activity;
    // Nothing on show: the event's own title above the join card.
    var title = activity ? sides(activity.title, activity.title_sw) : sides(page.event_title[0], page.event_title[1]);
    var prompt = activity ? sides(activity.prompt, activity.prompt_sw) : sides("", "");
    $("title").textContent = title[0];
    $("title-other").textContent = title[1];
    $("prompt").textContent = prompt[0];
    $("prompt-sw").textContent = prompt[1];
    var stage = $("lanes");
    var keepWall = wall && activity && activity.kind === "board" && !grouped(activity) && wall.key === wallKey(activity);
    if (!keepWall) {
      wall = null;
      stage.textContent = "";
      lists = [];
    }
    fitOnly = [];
    justDrawn = [];
    $("timer").hidden = !(activity && activity.timer_ends_at);
    document.body.classList.toggle("join-screen", !activity || joinAsked);
    if (!activity) stage.className = "stage";
    else if (activity.kind === "board") drawCards(stage, activity);
    else if (activity.kind === "response") drawResponse(stage, board.results);
    else if (!activity.results_on_projector || !board.results) {
      stage.className = "stage hidden-results";
      stage.appendChild(twice("p", "hidden-note", "results_later"));
    } else drawResults(stage, activity, board.results);
    drawCounts();
    fitAndPage(stage);
    var at = performance.timeOrigin + performance.now();
    justDrawn.forEach(function (id) { if (!(id in window.facilitatorDrawn)) window.facilitatorDrawn[id] = at; });
  }

  // --- Fitting any board on any screen --------------------------------------------------------------
  // Type shrinks as a board fills (the stage's --fit, 1 down to FIT_FLOOR), never below the readable floor
  // (--floor in projector.css: 22 px on a 1080-pixel-high screen, scaled with the screen's shorter side);
  // what still does not fit is split into pages shown in turn, every PAGE_SECONDS, "page 2 of 5" in the
  // footer. Pinned items lead their list on every page. Each draw (at most one a frame, however many cards
  // arrived) reads the layout once, or twice when the type size changes, never once per card. A board's lanes
  // (the wall) keep each card's height while the type size holds: a draw measures only its new cards (the
  // rest are mostly off their page, out of the layout) and pages from the sums.
  var FIT_FLOOR = 0.6; // the cards' 3.4vmin × 0.6 is the floor; smaller would change nothing
  var PAGE_SECONDS = (function () {
    var asked = /[?&]page_seconds=(\d+(?:\.\d+)?)\b/.exec(window.location.search);
    return asked ? Math.min(120, Math.max(0.25, Number(asked[1]))) : 8;
  })();
  var lists = []; // the pageable lists of the current draw
  var fitOnly = []; // boxes whose content shrinks to fit but never pages
  var justDrawn = []; // entry ids whose nodes the current draw put in the DOM
  var fitScale = 1, fitFor = null; // carried from draw to draw of one activity: one layout read when it holds
  var pageCount = 1, pageIndex = 0;
  var joinAsked = false;

  function pageable(list) {
    list.classList.add("pageable");
    lists.push(list);
    return list;
  }
  // A word cloud is never paged: its words shrink to fit, down to the floor.
  function fitted(box) {
    fitOnly.push(box);
    return box;
  }
  function overflow() {
    var worst = 0;
    lists.concat(fitOnly).forEach(function (list) {
      if (list.clientHeight > 0) worst = Math.max(worst, contentHeight(list) / list.clientHeight);
    });
    return worst;
  }
  function onWall(list) {
    return wall !== null && wall.lists.indexOf(list) >= 0;
  }
  function contentHeight(list) {
    if (!onWall(list)) return list.scrollHeight;
    var boxes = stackedBoxes(list);
    return boxes.length ? boxes[boxes.length - 1].top + boxes[boxes.length - 1].height : 0;
  }
  // A wall list's items stand one under the other (a flex column, no margins): their boxes from their heights
  // and the gap. A height not known yet is read from the layout (the item is on show: new, or all shown again).
  function stackedBoxes(list) {
    var gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    var top = 0;
    return Array.prototype.map.call(list.children, function (item) {
      var height = wall.heights.get(item);
      if (height === undefined) {
        height = item.getBoundingClientRect().height;
        wall.heights.set(item, height);
      }
      var box = { top: top, height: height };
      top += height + gap;
      return box;
    });
  }
  // The type size or the room the cards have changed: every height is read again, with every card on show.
  function forgetHeights() {
    if (!wall) return;
    wall.heights = new WeakMap();
    wall.lists.forEach(function (list) {
      Array.prototype.forEach.call(list.children, function (item) { item.classList.remove("off-page"); });
    });
  }
  function fitAndPage(stage) {
    var activityId = board.activity ? board.activity.id : null;
    if (fitFor !== activityId) {
      fitFor = activityId;
      fitScale = 1;
      pageIndex = 0;
      document.body.classList.remove("full-board");
    }
    stage.style.setProperty("--fit", String(fitScale));
    // The join screen hides the stage: nothing to fit, and no pages to count.
    if ((!lists.length && !fitOnly.length) || document.body.classList.contains("join-screen")) return showPages(1);
    var ratio = overflow(); // the one layout read of a draw whose size holds
    if (ratio > 1.001 && !document.body.classList.contains("full-board")) {
      document.body.classList.add("full-board"); // once an activity: the compact header gives the cards room
      forgetHeights();
      ratio = overflow();
    }
    // Text area grows with the square of its size: scale by the square root of the overflow, a little under.
    var wanted = ratio > 1.001 ? fitScale / Math.sqrt(ratio) * 0.97 : ratio < 0.7 ? fitScale / Math.sqrt(ratio) * 0.9 : fitScale;
    wanted = Math.min(1, Math.max(FIT_FLOOR, wanted));
    if (Math.abs(wanted - fitScale) > 0.01) {
      fitScale = wanted;
      stage.style.setProperty("--fit", String(fitScale));
      forgetHeights();
    }
    var pages = 1;
    var plans = lists.map(function (list) { var plan = planPages(list); pages = Math.max(pages, plan.pages); return plan; });
    plans.forEach(function (plan) {
      plan.items.forEach(function (item, i) {
        var on = String(plan.pageOf[i]);
        if (item.getAttribute("data-page") !== on) item.setAttribute("data-page", on);
      });
      plan.list.setAttribute("data-pages", String(plan.pages));
    });
    showPages(pages);
  }
  // Pages of one list, from one read of its items' boxes: pinned items first (those that fit in half the
  // list) stay on every page (page -1); the rest fill the height left, in order.
  function planPages(list) {
    var items = Array.prototype.slice.call(list.children);
    var boxes = onWall(list) ? stackedBoxes(list)
      : items.map(function (item) { return { top: item.offsetTop, height: item.offsetHeight }; });
    var height = list.clientHeight;
    var gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    var pageOf = [], kept = 0, i = 0;
    for (; i < items.length && items[i].classList.contains("pinned"); i++) {
      if (kept + boxes[i].height > height / 2) break;
      kept += boxes[i].height + gap;
      pageOf.push(-1);
    }
    // A pixel spare: offsets are rounded, the list's clip is not.
    var room = height - kept - 1, page = 0, start = i < items.length ? boxes[i].top : 0;
    for (var first = i; i < items.length; i++) {
      if (i > first && boxes[i].top + boxes[i].height - start > room && boxes[i].top > start) {
        page += 1;
        start = boxes[i].top;
      }
      pageOf.push(page);
    }
    return { list: list, items: items, pageOf: pageOf, pages: page + 1 };
  }
  function showPages(pages) {
    pageCount = pages;
    if (pageIndex >= pageCount) pageIndex = 0;
    lists.forEach(function (list) {
      var own = Number(list.getAttribute("data-pages")) || 1;
      var shown = String(pageIndex % own); // a list with fewer pages starts again: every item shows each cycle
      Array.prototype.forEach.call(list.children, function (item) {
        var on = item.getAttribute("data-page");
        var off = on !== "-1" && on !== shown;
        if (item.classList.contains("off-page") !== off) item.classList.toggle("off-page", off);
      });
    });
    var values = { n: pageIndex + 1, total: pageCount };
    $("page-of").textContent = pageCount > 1 ? fill(T.page_of, values) : "";
    $("page-of-other").textContent = pageCount > 1 && T2.page_of ? fill(T2.page_of, values) : "";
    $("page-of").parentNode.hidden = pageCount < 2;
  }
  setInterval(function () {
    if (pageCount < 2) return;
    pageIndex = (pageIndex + 1) % pageCount;
    showPages(pageCount);
  }, PAGE_SECONDS * 1000);
  // The screen resized (another projector, a window moved): the fit and the pages follow.
  window.addEventListener("resize", function () { wall = null; if (board) scheduleDraw(); });

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
    wall = null; // a fresh snapshot: a fresh wall
    // Closed joining: the join card says so instead of inviting more phones (those already in keep their place).
    document.body.classList.toggle("joining-closed", snapshot.joining_open === false);
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
