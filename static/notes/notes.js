/* Rapporteur notes: save while typing.
   Every change goes to localStorage first (keyed by the note's client key, with a rising revision), then
   to the server after a short pause, one request per note at a time. A draft leaves localStorage only
   once the server confirms that revision, so a reload, a closed laptop or a dropped connection loses
   nothing: on the next load every draft still on this device is shown and sent again. The server treats
   a re-sent revision as done. Without JavaScript the same forms post and redirect. */
(function () {
  "use strict";
  var root = document.getElementById("notes");
  if (!root || !window.fetch || !window.JSON || !root.dataset.session) return;
  document.documentElement.classList.add("js");

  var SAVE_DELAY = 800;
  var eventId = root.dataset.eventId;
  var sessionId = root.dataset.session;
  var saveUrl = root.dataset.saveUrl;
  var storeKey = "facilitator-notes:" + eventId;
  var connection = document.getElementById("connection");
  var newNotes = document.getElementById("new-notes");
  var another = document.getElementById("another-note");
  var pristine = newNotes.querySelector("form.note").cloneNode(true);
  var states = {};

  function csrfToken() {
    var input = document.querySelector("input[name=csrf_token]");
    return input ? input.value : "";
  }

  function readDrafts() {
    try { return JSON.parse(window.localStorage.getItem(storeKey) || "{}") || {}; } catch (e) { return {}; }
  }
  function writeDraft(key, draft) {
    var drafts = readDrafts();
    if (draft) { drafts[key] = draft; } else { delete drafts[key]; }
    try { window.localStorage.setItem(storeKey, JSON.stringify(drafts)); } catch (e) { /* private mode: server only */ }
  }

  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function field(form, name) { return form.querySelector("[name=" + name + "]"); }

  function fieldsOf(form) {
    return {
      session_id: field(form, "session_id").value,
      client_key: field(form, "client_key").value,
      kind: field(form, "kind").value,
      text: field(form, "text").value,
      action_owner: field(form, "action_owner").value,
      action_due_on: field(form, "action_due_on").value
    };
  }

  function fill(form, draft) {
    field(form, "kind").value = draft.kind || "note";
    field(form, "text").value = draft.text || "";
    field(form, "action_owner").value = draft.action_owner || "";
    field(form, "action_due_on").value = draft.action_due_on || "";
    showKind(form);
  }

  function showKind(form) {
    var kind = field(form, "kind").value;
    form.className = form.className.replace(/\bkind-\S+/, "kind-" + kind);
  }

  function say(state, text, tone) {
    if (!state.form) return;
    var line = state.form.querySelector(".save-state");
    line.textContent = text;
    line.className = "save-state small " + (tone || "");
    state.form.classList.toggle("unsaved", tone === "pending" || tone === "failed");
  }

  function setConnection(text, offline) {
    connection.textContent = text;
    connection.classList.toggle("offline", !!offline);
  }

  function stateFor(key, form) {
    if (!states[key]) {
      states[key] = { key: key, form: form || null, revision: 0, timer: null, inFlight: false, again: false,
                      retry: 0, blocked: false };
    }
    if (form) { states[key].form = form; }
    return states[key];
  }

  function attach(form) {
    var key = form.dataset.key;
    var state = stateFor(key, form);
    state.revision = Math.max(state.revision, parseInt(form.dataset.revision, 10) || 0);
    var changed = function () { showKind(form); edited(state); };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("submit", function (submitEvent) {
      var deleting = submitEvent.submitter && submitEvent.submitter.classList.contains("delete-button");
      if (deleting) {
        if (!window.confirm("Delete this note? The audit log keeps what it said.")) {
          submitEvent.preventDefault();
          return;
        }
        clearTimeout(state.timer);
        writeDraft(key, null);
        return;  // deleting is a plain form post: the page reloads without the note
      }
      submitEvent.preventDefault();
      clearTimeout(state.timer);
      send(state);
    });
    return state;
  }

  function edited(state) {
    if (state.blocked) return;
    state.revision += 1;
    var draft = fieldsOf(state.form);
    draft.revision = state.revision;
    writeDraft(state.key, draft);
    say(state, "Not saved yet", "pending");
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { send(state); }, SAVE_DELAY);
  }

  function send(state) {
    var draft = readDrafts()[state.key];
    if (!draft) return;
    if (state.inFlight) { state.again = true; return; }
    state.inFlight = true;
    fetch(saveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(draft)
    }).then(function (reply) {
      return reply.json().catch(function () { return {}; }).then(function (body) {
        return { status: reply.status, body: body };
      });
    }).then(function (result) {
      state.inFlight = false;
      if (result.status === 200 && result.body.ok) {
        saved(state, draft, result.body.note);
        setConnection("", false);
      } else if (result.status === 409) {
        state.blocked = true;
        say(state, result.body.message || "Changed somewhere else: copy your text, then reload.", "failed");
      } else if (result.status === 400 && result.body.error) {
        say(state, result.body.message, "failed");  // the writer can fix it; the draft stays on this device
      } else {
        retryLater(state, result.status === 400
          ? "Your sign-in has expired: sign in again in another tab. The note is kept on this device."
          : "Not saved: the server said no (" + result.status + "). Kept on this device; trying again.");
      }
    }, function () {
      state.inFlight = false;
      setConnection("Offline: notes are kept on this device and sent when the connection is back.", true);
      retryLater(state, "Kept on this device; will send when online");
    });
  }

  function saved(state, draft, note) {
    var current = readDrafts()[state.key];
    if (current && current.revision <= draft.revision) { writeDraft(state.key, null); }
    state.retry = 0;
    if (state.form && note) {
      state.form.dataset.revision = note.revision;
      field(state.form, "revision").value = note.revision + 1;
      var hint = state.form.querySelector(".redaction");
      hint.hidden = !note.redacted;
      hint.querySelector(".redacted-text").textContent = note.shown_text;
      if (!state.form.querySelector(".delete-button")) { addDelete(state.form); }
      state.form.classList.remove("new-note");
      another.hidden = false;
    }
    var time = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    say(state, note ? "Saved " + time : "", "saved");
    if (state.again || (current && current.revision > draft.revision)) {
      state.again = false;
      send(state);
    }
  }

  function retryLater(state, message) {
    say(state, message, "failed");
    state.retry = Math.min((state.retry || 1) * 2, 30);
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { send(state); }, state.retry * 1000);
  }

  function addDelete(form) {
    var button = document.createElement("button");
    button.type = "submit";
    button.className = "small-button hide delete-button";
    button.textContent = "Delete";
    button.setAttribute("formaction", saveUrl.replace(/save$/, "delete"));
    form.querySelector(".note-actions").appendChild(button);
  }

  function freshForm(key) {
    var form = pristine.cloneNode(true);
    var old = form.dataset.key;
    form.id = "note-" + key;
    form.dataset.key = key;
    form.dataset.revision = "0";
    Array.prototype.forEach.call(form.querySelectorAll("[id], [for]"), function (element) {
      ["id", "for"].forEach(function (name) {
        var value = element.getAttribute(name);
        if (value) { element.setAttribute(name, value.replace(old, key)); }
      });
    });
    field(form, "client_key").value = key;
    field(form, "text").value = "";
    newNotes.appendChild(form);
    return form;
  }

  another.addEventListener("click", function () {
    var form = freshForm(newKey());
    attach(form);
    field(form, "text").focus();
  });

  Array.prototype.forEach.call(document.querySelectorAll("form.note"), attach);

  // Drafts left on this device by an earlier page (a reload, a crash, a dropped connection).
  var drafts = readDrafts();
  Object.keys(drafts).forEach(function (key) {
    var draft = drafts[key];
    var form = document.getElementById("note-" + key);
    if (form) {
      var state = stateFor(key, form);
      if (draft.revision > (parseInt(form.dataset.revision, 10) || 0)) {
        fill(form, draft);
        state.revision = Math.max(state.revision, draft.revision);
        say(state, "Restored from this device; saving…", "pending");
        send(state);
      } else {
        writeDraft(key, null);  // the server already has this or a newer revision
      }
    } else if (String(draft.session_id) === String(sessionId)) {
      var restored = freshForm(key);
      fill(restored, draft);
      var restoredState = attach(restored);
      restoredState.revision = draft.revision;
      say(restoredState, "Restored from this device; saving…", "pending");
      send(restoredState);
    } else {
      send(stateFor(key, null));  // a note of another session: send it in the background
    }
  });

  window.addEventListener("online", function () {
    setConnection("", false);
    Object.keys(states).forEach(function (key) { if (readDrafts()[key]) { send(states[key]); } });
  });
  window.addEventListener("offline", function () {
    setConnection("Offline: notes are kept on this device and sent when the connection is back.", true);
  });
}());
