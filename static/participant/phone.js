/* Upgrades the phone page (it works without this, by form posts): live updates, an outbox for entries written
   offline, the activity re-fetched as the server renders it. Socket text only ever goes in via textContent. */
(function () {
  "use strict";
  var Live = window.Live;
  var state = Live.pageState();
  var T = state.text;
  var outbox = new Live.Outbox("facilitator.outbox." + state.code);
  var $ = Live.$, el = Live.el;
  var live = null;

  function announce(text) { $("announce").textContent = text; }
  // The server writes every refusal in the phone's language (ack.message); a timeout has no message.
  function errorText(ack, timedOut) {
    return timedOut ? T.offline : (ack && ack.message) || T.failed;
  }
  function showError(text) {
    var box = $("error");
    box.textContent = text || "";
    box.hidden = !text;
  }
  function currentActivityId() { return Number($("activity").getAttribute("data-activity-id")) || null; }

  // Own entries shown, by key: a re-render fetched before an entry was stored must not make it vanish.
  var shown = {};
  function renderEntry(entry) {
    shown[entry.client_key] = entry;
    var list = $("entries");
    if (!list) return;
    var item = list.querySelector('li[data-key="' + entry.client_key + '"]');
    if (!item) {
      item = el("li");
      item.setAttribute("data-key", entry.client_key);
      item.appendChild(el("span", "text"));
      item.appendChild(document.createTextNode(" "));
      item.appendChild(el("span"));
      list.insertBefore(item, list.firstChild);
    }
    item.querySelector(".text").textContent = entry.text;
    var badge = item.lastChild;
    badge.className = "state state-" + entry.state;
    badge.textContent = T[entry.state] || T.waiting;
    $("my-entries").hidden = false;
  }
  function showOutbox() {
    outbox.items().forEach(function (item) {
      if (!shown[item.client_key]) shown[item.client_key] = { client_key: item.client_key, activity_id: item.activity_id, text: item.text, state: "sending" };
    });
    Object.keys(shown).forEach(function (key) {
      if (shown[key].activity_id === currentActivityId() && !$("entries").querySelector('li[data-key="' + key + '"]')) renderEntry(shown[key]);
    });
  }

  function wireLaneForm(form) {
    var textarea = form.querySelector("textarea, input[name=text]");
    var counter = form.querySelector(".counter");
    var limit = Number(textarea.getAttribute("maxlength"));
    var update = function () {
      counter.textContent = T.left.replace("{n}", limit - textarea.value.length);
      counter.className = "counter" + (limit - textarea.value.length < 20 ? " low" : "");
    };
    textarea.addEventListener("input", update);
    update();
    form.addEventListener("submit", function (e) {
      if (!live) return;
      e.preventDefault();
      var text = textarea.value.trim();
      if (!text) { textarea.focus(); return; }
      var item = outbox.add({ activity_id: Number(form.elements.activity_id.value), lane: form.elements.lane.value,
        text: text });
      renderEntry({ client_key: item.client_key, activity_id: item.activity_id, text: item.text, state: "sending" });
      textarea.value = "";
      update();
      showError("");
      announce(live.connected() ? T.sending : T.offline);
      send(item);
    });
  }

  function votePayload(form) {
    var payload = { activity_id: Number(form.elements.activity_id.value) };
    var kind = form.getAttribute("data-kind");
    if (kind === "poll") {
      payload.choices = Array.prototype.filter.call(form.querySelectorAll("input[name=choice]"), function (i) { return i.checked; })
        .map(function (i) { return Number(i.value); });
    } else if (kind === "scale") {
      var picked = form.querySelector("input[name=value]:checked");
      payload.value = picked ? Number(picked.value) : null;
    } else {
      payload.ranking = form.querySelector(".rank-option") ? tapped.order.slice() : placesOf(form);
    }
    return payload;
  }

  function wireVoteForm(form) {
    form.addEventListener("submit", function (e) {
      if (!live || !live.connected()) return; // the plain form post works offline-first too
      e.preventDefault();
      live.emit("participant:vote", votePayload(form), 15000, function (timedOut, ack) {
        if (timedOut) { form.submit(); return; }
        if (!ack.ok) { showError(errorText(ack)); return; }
        showError("");
        announce(T.voted);
      });
    });
  }

  function wireUpvote(form) {
    form.addEventListener("submit", function (e) {
      if (!live || !live.connected()) return;
      e.preventDefault();
      var id = Number(form.elements.response_id.value);
      live.emit("participant:upvote", { response_id: id }, 15000, function (timedOut, ack) {
        if (timedOut || !ack.ok) { showError(errorText(ack, timedOut)); return; }
        var button = form.querySelector("button");
        var on = ack.votes.upvoted.indexOf(id) >= 0;
        button.classList.toggle("on", on);
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
    });
  }

  function wireRating(form) {
    form.addEventListener("submit", function (e) {
      if (!live || !live.connected() || !e.submitter) return;
      e.preventDefault();
      var rating = e.submitter.value;
      live.emit("participant:rate", { answer_id: Number(form.elements.answer_id.value), rating: rating }, 15000,
        function (timedOut, ack) {
          if (timedOut || !ack.ok) { showError(errorText(ack, timedOut)); return; }
          Array.prototype.forEach.call(form.querySelectorAll("button"), function (b) {
            b.classList.toggle("on", b.value === rating);
            b.setAttribute("aria-pressed", b.value === rating ? "true" : "false");
          });
          announce(T.voted);
        });
    });
  }

  var synth = window.speechSynthesis;
  var canSpeak = !!(synth && window.SpeechSynthesisUtterance);
  if (canSpeak && synth.getVoices) synth.getVoices(); // some phones load their voices on first ask
  function voiceFor(language) {
    var voices = synth.getVoices ? synth.getVoices() : [];
    var near = null;
    for (var i = 0; i < voices.length; i++) {
      var tag = String(voices[i].lang || "").replace("_", "-").toLowerCase();
      if (language === "sw" && tag === "sw-ke") return voices[i];
      if (!near && (tag === language || tag.indexOf(language + "-") === 0)) near = voices[i];
    }
    return near;
  }
  function textIn(block, language) {
    return Array.prototype.filter.call(block.querySelectorAll("[data-say]"), function (node) {
      return node.getAttribute("lang") === language;
    }).map(function (node) {
      var text = node.textContent.replace(/\s+/g, " ").replace(/^\s+|\s+$/g, "");
      return /[.!?:;]$/.test(text) ? text : text + ".";
    }).join(" ");
  }
  function readAloud(button) {
    if (synth.speaking || synth.pending) {
      synth.cancel();
      button.setAttribute("aria-pressed", "false");
      return;
    }
    var block = button.parentNode;
    var language = state.language;
    var voice = voiceFor(language);
    var known = synth.getVoices && synth.getVoices().length > 0;
    // No Kiswahili voice on this phone: read the English beside it with an English voice instead.
    if (!voice && known && language !== "en" && textIn(block, "en")) { language = "en"; voice = voiceFor("en"); }
    var text = textIn(block, language);
    if (!text) return;
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = voice ? voice.lang : (language === "sw" ? "sw-KE" : "en-GB");
    if (voice) utterance.voice = voice;
    utterance.onend = utterance.onerror = function () { button.setAttribute("aria-pressed", "false"); };
    button.setAttribute("aria-pressed", "true");
    synth.speak(utterance);
  }
  function wireReadAloud(button) {
    if (!canSpeak) return;
    button.hidden = false;
    button.addEventListener("click", function () { readAloud(button); });
  }

  // Ranking by taps, most important first; a tap on a placed option takes it back. It cannot tie. The plain
  // form's drop-downs stay, hidden and kept in step, so a re-render keeps a half-made ranking.
  var tapped = { activity: null, order: [] };
  function placesOf(form) {
    return Array.prototype.map.call(form.querySelectorAll(".ranking select"), function (s, option) {
      return { option: option, place: Number(s.value) };
    }).sort(function (a, b) { return a.place - b.place; }).map(function (p) { return p.option; });
  }
  function wireRanking(form) {
    var selects = form.querySelectorAll(".ranking select");
    var send = form.querySelector("[type=submit]");
    var reset = form.querySelector(".rank-reset");
    var buttons = form.querySelectorAll(".rank-option");
    var activity = Number(form.elements.activity_id.value);
    if (tapped.activity !== activity) tapped = { activity: activity, order: form.hasAttribute("data-ranked") ? placesOf(form) : [] };
    function draw() {
      Array.prototype.forEach.call(buttons, function (button, option) {
        var place = tapped.order.indexOf(option) + 1;
        button.firstChild.textContent = place || "";
        button.setAttribute("aria-pressed", place ? "true" : "false");
      });
      tapped.order.forEach(function (option, index) { selects[option].value = index + 1; });
      send.disabled = tapped.order.length !== buttons.length;
      reset.hidden = !tapped.order.length;
    }
    Array.prototype.forEach.call(buttons, function (button, option) {
      button.addEventListener("click", function () {
        var at = tapped.order.indexOf(option);
        if (at < 0) tapped.order.push(option); else tapped.order.splice(at, 1);
        draw();
      });
    });
    reset.addEventListener("click", function () { tapped.order = []; draw(); });
    form.className += " tapping"; // the buttons instead of the drop-downs (phone.css)
    draw();
  }
  function wire(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".read-aloud"), wireReadAloud);
    Array.prototype.forEach.call(root.querySelectorAll(".rate-form"), wireRating);
    Array.prototype.forEach.call(root.querySelectorAll(".lane-form"), wireLaneForm);
    Array.prototype.forEach.call(root.querySelectorAll(".vote-form"), wireVoteForm);
    Array.prototype.forEach.call(root.querySelectorAll('.vote-form[data-kind="ranking"]'), wireRanking);
    Array.prototype.forEach.call(root.querySelectorAll(".upvote-form"), wireUpvote);
    startTimer();
  }

  var timerHandle = null;
  function startTimer() {
    clearInterval(timerHandle);
    var timer = document.querySelector(".timer");
    if (!timer) return;
    var ends = Date.parse(timer.getAttribute("data-ends"));
    var tick = function () {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      timer.textContent = left ? T.time_left.replace("{t}", Math.floor(left / 60) + ":" + ("0" + left % 60).slice(-2)) : T.time_up;
      if (!left) clearInterval(timerHandle);
    };
    tick();
    timerHandle = setInterval(tick, 1000);
  }

  function keepInputs() {
    return Array.prototype.map.call($("live").querySelectorAll("textarea, input[name=text], input[type=radio], input[type=checkbox], select"),
      function (input) { return { input: input, value: input.value, checked: input.checked }; });
  }
  function restoreInputs(typed) {
    typed.forEach(function (old) {
      var form = old.input.form;
      if (!form) return;
      var selector = old.input.type === "radio" || old.input.type === "checkbox"
        ? 'input[name="' + old.input.name + '"][value="' + old.input.value + '"]' : '[name="' + old.input.name + '"]';
      var same = $("live").querySelector((form.getAttribute("data-lane") ? '.lane-form[data-lane="' + form.getAttribute("data-lane") + '"] ' : ".vote-form ") + selector);
      if (!same) return;
      if (old.input.type === "radio" || old.input.type === "checkbox") same.checked = old.checked;
      else if (old.value) same.value = old.value;
    });
  }
  var fetching = null;
  var newestFetch = 0;
  function reloadActivity(spreadMs) {
    // Thousands of phones get the same message at once: spread their requests over a moment.
    clearTimeout(fetching);
    fetching = setTimeout(function () {
      var mine = ++newestFetch;
      var request = new XMLHttpRequest();
      request.open("GET", "/e/" + state.code + "/activity");
      request.onload = function () {
        if (request.status !== 200 || mine !== newestFetch) return;
        var before = currentActivityId();
        var typed = keepInputs();
        if (canSpeak) synth.cancel(); // the facilitator moved on: stop reading the old prompt
        $("live").innerHTML = request.responseText; // server-rendered and escaped, like the page itself
        if (currentActivityId() === before) restoreInputs(typed); // a settings change must not eat a half-made choice
        else movedOn();
        wire($("live"));
        showOutbox();
      };
      request.send();
    }, Math.floor(Math.random() * (spreadMs || 0)));
  }

  // A new activity: what was said about the last one goes, and the helpline box; the notice folds.
  function movedOn() {
    announce("");
    showError("");
    foldNotice();
    $("support").hidden = true;
  }
  function foldNotice() {
    var notice = $("first-notice");
    if (notice) notice.open = false;
  }

  function updateResults(message) {
    if (message.activity_id !== currentActivityId()) return;
    var results = message.results;
    var box = $("phone-results");
    if (!box) { if (results.kind === "response") reloadActivity(3000); return; }
    if (results.kind === "poll" || results.kind === "scale") {
      var total = results.kind === "poll" ? results.voters : results.count;
      var rows = results.kind === "poll" ? results.options : results.distribution;
      rows.forEach(function (row, index) {
        var key = results.kind === "poll" ? index : row.value;
        var li = box.querySelector('li[data-option="' + key + '"]');
        if (!li) return;
        li.querySelector("meter").max = Math.max(total, 1);
        li.querySelector("meter").value = row.count;
        li.querySelector(".bar-count").textContent = row.count;
      });
      var average = box.querySelector(".average");
      if (average && results.average !== null) average.textContent = results.average;
      var answered = box.querySelector(".answer-count");
      if (answered) answered.textContent = results.count;
      if (!box.querySelector("li") && total) reloadActivity(3000);
    } else if (["qna", "board", "wordcloud", "ranking", "response"].indexOf(results.kind) >= 0) {
      // New questions or cards need their upvote forms: the server renders them (spread out).
      reloadActivity(3000);
    }
  }

  var DRAFTS = "facilitator.drafts." + state.code;
  function keepDrafts() {
    var drafts = {};
    Array.prototype.forEach.call(document.querySelectorAll(".lane-form"), function (form) {
      var box = form.querySelector("textarea, input[name=text]");
      if (box && box.value) drafts[form.getAttribute("data-lane")] = box.value;
    });
    try { sessionStorage.setItem(DRAFTS, JSON.stringify(drafts)); } catch (e) { }
  }
  function restoreDrafts() {
    var drafts = null;
    try { drafts = JSON.parse(sessionStorage.getItem(DRAFTS)); sessionStorage.removeItem(DRAFTS); } catch (e) { return; }
    if (!drafts) return;
    Array.prototype.forEach.call(document.querySelectorAll(".lane-form"), function (form) {
      var box = form.querySelector("textarea, input[name=text]");
      var text = drafts[form.getAttribute("data-lane")];
      if (box && text && !box.value) {
        box.value = text;
        if (box.dispatchEvent && typeof Event === "function") box.dispatchEvent(new Event("input"));
      }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll(".lang-switch"), function (form) {
    form.addEventListener("submit", keepDrafts);
  });

  function send(item) {
    if (!live.connected()) return; // kept in the outbox: re-sent after the next connect
    live.emit("participant:submit", item, 15000, function (timedOut, ack) {
      if (timedOut) return;
      if (ack.ok || ack.error === "invalid_client_key") outbox.drop(item.client_key);
      if (ack.ok) {
        renderEntry(ack.entry);
        announce(T.sent);
        foldNotice();
        if (ack.support) {
          var support = $("support");
          support.hidden = false;
          support.focus();
        }
      } else if (ack.error === "rate_limited" || ack.error === "internal" || ack.error === "busy" || ack.error === "unavailable") {
        showError(errorText(ack));
        // Spread over a few seconds: a busy server is not helped by the whole room retrying at once.
        setTimeout(function () { send(item); }, 3000 + Math.random() * 4000);
      } else {
        // Refused for good (too long, activity closed…): give the text back so nothing is lost.
        outbox.drop(item.client_key);
        delete shown[item.client_key];
        var li = $("entries") && $("entries").querySelector('li[data-key="' + item.client_key + '"]');
        if (li) li.parentNode.removeChild(li);
        var form = document.querySelector('.lane-form[data-lane="' + item.lane + '"]');
        var box = form && form.querySelector("textarea, input[name=text]");
        if (box && !box.value) box.value = item.text;
        showError(errorText(ack));
        announce("");
      }
    });
  }

  document.querySelector(".support-close").addEventListener("submit", function (e) {
    e.preventDefault();
    $("support").hidden = true;
  });

  live = Live.connect({ view: "participant" }, {
    syncEvent: "participant:sync",
    version: state.version,
    onStatus: function (now) {
      if (now === "connecting") return;
      $("connection").textContent = now === "live" ? "" : "…";
      $("connection").setAttribute("data-state", now === "live" ? "live" : "offline");
    },
    onSnapshot: function (ack) {
      // Missed something: the server renders the activity again; own entries come with the snapshot.
      reloadActivity(0);
      ack.entries.forEach(function (entry) { if (entry.activity_id === currentActivityId()) renderEntry(entry); });
    },
    outbox: outbox,
    resend: function (item) { send(item); }
  });
  if (!live) { wire(document); restoreDrafts(); return; }

  var helpForm = $("help-form");
  if (helpForm) helpForm.addEventListener("submit", function (e) {
    if (!live.connected()) return;
    e.preventDefault();
    live.emit("participant:help", { where: helpForm.elements.where.value }, 15000, function (timedOut, ack) {
      if (timedOut) { helpForm.submit(); return; }
      if (!ack.ok) { showError(errorText(ack)); return; }
      helpForm.elements.where.value = "";
      $("help-sent").hidden = false;
    });
  });

  live.on("activity", function (message) { reloadActivity(message.spread_ms); });
  live.on("own_entry", function (message) {
    if (message.entry.activity_id === currentActivityId()) renderEntry(message.entry);
  });
  live.on("results", updateResults);

  wire(document);
  restoreDrafts();
  showOutbox();
})();
