/* The safeguarding lead's live view: every flag with its context, a sound and a banner for new ones,
   and the follow-up record. Text is only ever set with textContent. */
(function () {
  "use strict";
  var Live = window.Live;
  var page = Live.pageState();
  var $ = Live.$, el = Live.el;
  var flags = new Map();
  var STATUS = { offline: "Connection lost: reconnecting…", unreachable: "Cannot reach the server: retrying…",
    refused: "Cannot reach the server: retrying…" };
  var live = Live.connect({ view: "console", event_id: page.event_id }, {
    syncEvent: "safeguarding:sync",
    onStatus: function (now) { if (STATUS[now]) $("status").textContent = STATUS[now]; },
    onSnapshot: function (ack) {
      flags = new Map(ack.flags.map(function (f) { return [f.id, f]; }));
      draw();
      $("status").textContent = "Live.";
    },
    onUnchanged: function () { $("status").textContent = "Live."; },
    onSyncError: function (ack) { $("status").textContent = ack.message || "No answer from the server."; }
  });
  var REASONS = { distress: "distress", disclosure: "disclosure of harm", help_request: "asked to talk privately",
    escalated: "escalated by a moderator" };

  function chime() {
    // A soft two-tone chime made here: no audio file to download, nothing from the internet.
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      var ctx = chime.ctx || (chime.ctx = new Ctx());
      [660, 880].forEach(function (freq, i) {
        var osc = ctx.createOscillator(), gain = ctx.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, ctx.currentTime + i * 0.25);
        gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + i * 0.25 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.25 + 0.4);
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + i * 0.25);
        osc.stop(ctx.currentTime + i * 0.25 + 0.45);
      });
    } catch (e) { /* no sound available: the banner still shows */ }
  }


  // Open flags from newly joined phones, page.burst.flags or more within page.burst.seconds of one another: how one
  // device floods the lead by re-joining, whatever it makes each text say.
  function inBursts(all) {
    var fresh = all.filter(function (f) { return f.state === "open" && f.new_identity; })
      .map(function (f) { return { id: f.id, at: Date.parse(f.created_at) }; })
      .sort(function (a, b) { return a.at - b.at; });
    var span = page.burst.seconds * 1000, burst = new Set(), lo = 0, hi = 0;
    fresh.forEach(function (f) {
      while (fresh[lo].at < f.at - span) lo++;
      while (hi < fresh.length && fresh[hi].at <= f.at + span) hi++;
      if (hi - lo >= page.burst.flags) burst.add(f.id);
    });
    return burst;
  }

  function draw() {
    var list = $("flags");
    list.textContent = "";
    // Open high concerns first, then possible ones to review, then a burst from newly joined phones, then the rest;
    // newest first within each. Open flags with near-identical text collapse into one item with a count, after the
    // distinct ones: a flood of one message, or of many from re-joining phones, never buries a real concern.
    var all = Array.from(flags.values());
    var burst = inBursts(all);
    var rank = function (f) {
      if (f.state !== "open") return 4;
      return (burst.has(f.id) ? 2 : 0) + (f.level === "possible" ? 1 : 0);
    };
    all.sort(function (a, b) { return (rank(a) - rank(b)) || (b.id - a.id); });
    var groups = new Map();
    all.forEach(function (f) {
      var key = f.state === "open" && f.similar_key ? f.similar_key : "flag " + f.id;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(f);
    });
    var shown = Array.from(groups.values()).sort(function (a, b) {
      return (rank(a[0]) - rank(b[0])) || ((a.length > 1) - (b.length > 1)) || (b[0].id - a[0].id);
    });
    shown.forEach(function (group) {
      var flag = group[0];
      var item = $("flag-template").content.firstElementChild.cloneNode(true);
      item.classList.add("state-" + flag.state);
      var tags = item.querySelector(".flags");
      flag.reasons.forEach(function (r) { tags.appendChild(el("span", "flag flag-" + r, REASONS[r] || r)); });
      if (flag.level === "possible") tags.appendChild(el("span", "flag flag-possible", "possible concern: to review"));
      if (group.length > 1) tags.appendChild(el("span", "flag flag-repeated", "×" + group.length + " near-identical"));
      // A single flag from a new phone is just a child who joined late, and is not marked.
      if (group.some(function (f) { return burst.has(f.id); }) ||
          (group.length > 1 && group.some(function (f) { return f.new_identity; }))) {
        tags.appendChild(el("span", "flag flag-new-identity", "from newly joined phones"));
      }
      item.querySelector(".when").textContent = new Date(flag.created_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      var text = flag.entry ? flag.entry.text : (flag.message ? "Where to find them: " + flag.message : "No message: they asked to talk.");
      item.querySelector(".entry-text").textContent = text;
      var context = [];
      if (flag.activity) context.push("in “" + flag.activity + "”");
      if (flag.entry && flag.entry.source === "sms") context.push("SMS");
      if (flag.entry && flag.entry.group) context.push(flag.entry.group + (flag.entry.age_band ? " " + flag.entry.age_band : ""));
      item.querySelector(".context").textContent = context.join(" · ");
      var others = item.querySelector(".others ul");
      flag.other_entries.forEach(function (o) {
        others.appendChild(el("li", "", o.text + " (" + o.activity + ", " + o.status + ")"));
      });
      if (!flag.other_entries.length) item.querySelector(".others").hidden = true;
      var select = item.querySelector("select");
      select.value = flag.state;
      var note = item.querySelector(".note");
      item.querySelector("button").addEventListener("click", function () {
        live.emit("safeguarding:follow_up", { flag_id: flag.id, state: select.value, note: note.value }, 10000,
          function (timedOut, ack) {
            if (timedOut || !ack.ok) { $("status").textContent = timedOut ? "No answer from the server." : ack.message; return; }
            flags.set(ack.flag.id, ack.flag);
            draw();
            $("status").textContent = "Recorded.";
          });
      });
      if (flag.entry && flag.entry.status === "held") {
        var release = el("button", "small-button release", "Reviewed: not a concern (release to moderation)");
        release.type = "button";
        release.addEventListener("click", function () {
          live.emit("safeguarding:release", { response_id: flag.entry.id, note: note.value }, 10000, function (timedOut, ack) {
            $("status").textContent = timedOut ? "No answer from the server." : (ack.ok ? "Released to the moderation queue." : ack.message);
          });
        });
        item.querySelector(".follow-up").appendChild(release);
      }
      var history = [];
      if (flag.handled_by) history.push("Last recorded by " + flag.handled_by + " (" + flag.state.replace(/_/g, " ") + ")");
      if (flag.note) history.push(flag.note);
      item.querySelector(".history").textContent = history.join(" — ");
      list.appendChild(item);
    });
    $("open-count").textContent = all.filter(function (f) { return f.state === "open"; }).length;
  }

  // Alerts arrive in bursts (a flood brings dozens a second): the list is drawn again at most every 100 ms, so the
  // page stays responsive for the lead however many arrive.
  var drawTimer = null;
  function drawSoon() {
    if (drawTimer === null) drawTimer = setTimeout(function () { drawTimer = null; draw(); }, 100);
  }

  live.on("safeguarding_alert", function (message) {
    flags.set(message.flag.id, message.flag);
    drawSoon();
    if (!message.loud) return; // on the list, without a sound or a banner (a possible concern, or a repeat)
    $("alert-text").textContent = (message.flag.reasons.map(function (r) { return REASONS[r] || r; }).join(", "));
    $("alert-banner").hidden = false;
    chime();
  });
  live.on("safeguarding_flag", function (message) { flags.set(message.flag.id, message.flag); drawSoon(); });
  $("alert-dismiss").addEventListener("click", function () { $("alert-banner").hidden = true; });
})();
