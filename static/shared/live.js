/* Live pages' shared code (DESIGN.md §4): page state, DOM helpers, the socket with its status and version (a
   sync `since` it on every connect), calls with a timeout, the outbox. ES5, CSP-strict; the phone loads it (§5). */
(function (window) {
  "use strict";
  var document = window.document;

  function pageState() {
    var node = document.getElementById("page-state");
    return node ? JSON.parse(node.textContent) : {};
  }
  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== "") node.textContent = text;
    return node;
  }
  function newKey() {
    var bytes = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // Kept on the device by client_key until the server has it; a re-sent key is a no-op there.
  function Outbox(name) { this.name = name; this.memory = []; }
  Outbox.prototype.items = function () {
    try { return JSON.parse(window.localStorage.getItem(this.name)) || []; } catch (e) { return this.memory.slice(); }
  };
  Outbox.prototype.write = function (list) {
    this.memory = list.slice();
    try { window.localStorage.setItem(this.name, JSON.stringify(list)); } catch (e) { }
  };
  Outbox.prototype.add = function (item) {
    if (!item.client_key) item.client_key = newKey();
    var list = this.items();
    list.push(item);
    this.write(list);
    return item;
  };
  Outbox.prototype.drop = function (key) {
    this.write(this.items().filter(function (o) { return o.client_key !== key; }));
  };

  // options: syncEvent, syncPayload(), version, onStatus(state), onSnapshot, onUnchanged, onSyncError, outbox + resend
  function connect(auth, options) {
    options = options || {};
    if (typeof window.io !== "function") return null;
    var socket = window.io({ auth: auth });
    var lastVersion = typeof options.version === "number" ? options.version : null;
    var status = options.onStatus || function () {};

    function seen(version) {
      if (typeof version === "number" && (lastVersion === null || version > lastVersion)) lastVersion = version;
    }
    function emitWithTimeout(event, data, ms, callback) {
      socket.timeout(ms).emit(event, data, function (timedOut, ack) {
        if (callback) callback(!!timedOut || !ack, ack || { ok: false, error: "timeout" });
      });
    }
    // A snapshot is read while other handlers (or other processes) commit: one read just before a change can reach
    // the page after that change's broadcast, older than what the page has already drawn (a hidden card would come
    // back on the wall). Such a snapshot is not drawn: a full one is asked for again, and the last of
    // STALE_RETRIES is drawn whatever its version.
    var STALE_RETRIES = 3;
    function sync(payload, done, retries) {
      payload = payload || {};
      retries = retries || 0;
      socket.emit(options.syncEvent, payload, function (ack) {
        if (!ack || !ack.ok) { if (options.onSyncError) options.onSyncError(ack || {}); return; }
        if (ack.unchanged) {
          seen(ack.version);
          if (options.onUnchanged) options.onUnchanged(ack);
        } else {
          var stale = typeof ack.version === "number" && lastVersion !== null && ack.version < lastVersion;
          if (stale && retries < STALE_RETRIES) {
            var fresh = {};
            Object.keys(payload).forEach(function (key) { if (key !== "since") fresh[key] = payload[key]; });
            return sync(fresh, done, retries + 1);
          }
          if (typeof ack.version === "number") lastVersion = ack.version;
          if (options.onSnapshot) options.onSnapshot(ack);
        }
        if (done) done(ack);
      });
    }
    function flush() {
      if (!options.outbox || !options.resend) return;
      options.outbox.items().forEach(options.resend);
    }

    status("connecting");
    socket.on("connect", function () {
      status("live");
      if (!options.syncEvent) return flush();
      var payload = options.syncPayload ? options.syncPayload() : {};
      if (lastVersion !== null) payload.since = lastVersion;
      sync(payload, flush);
    });
    // The server's message queue had a gap (Redis restarted): broadcasts may be missing, and a later version may
    // already have been seen, so ask for a full snapshot (no since). Spread out: a hall of phones hears it at once.
    socket.on("resync", function () {
      if (!options.syncEvent) return;
      setTimeout(function () {
        if (socket.connected) sync(options.syncPayload ? options.syncPayload() : {});
      }, Math.random() * 1500);
    });
    socket.on("disconnect", function () { status("offline"); });
    socket.on("connect_error", function () { status(socket.active ? "unreachable" : "refused"); });

    return {
      socket: socket,
      on: function (event, handler) {
        socket.on(event, function (message) {
          if (message) seen(message.version);
          handler(message);
        });
      },
      emit: emitWithTimeout,
      sync: sync,
      version: function () { return lastVersion; },
      seen: seen,
      connected: function () { return socket.connected; }
    };
  }

  // The server's card order: sort_key lists, ascending.
  function bySortKey(a, b) {
    for (var i = 0, x = a.sort_key, y = b.sort_key; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  }

  window.Live = { bySortKey: bySortKey, pageState: pageState, $: $, el: el, newKey: newKey, Outbox: Outbox, connect: connect };
})(window);
