/* Shared by the live pages (phone, console, projector, safeguarding lead): page state, DOM helpers, the socket
   (status, versions, snapshot `since` the last version on every (re)connect), calls with a timeout, an outbox.
   DESIGN.md §4. Plain ES5, CSP-strict. Every byte counts: the phone loads this (§5, 30 KB). */
(function (window) {
  "use strict";
  var document = window.document;

  function pageState() {
    var node = document.getElementById("page-state");
    return node ? JSON.parse(node.textContent) : {};
  }
  function $(id) { return document.getElementById(id); }
  // Text only through textContent.
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

  // The outbox: kept on this device (localStorage, else memory) by client_key until the server has it.
  // The server treats a key it knows as done, so re-sending is safe.
  function Outbox(name) { this.name = name; this.memory = []; }
  Outbox.prototype.items = function () {
    try { return JSON.parse(window.localStorage.getItem(this.name)) || []; } catch (e) { return this.memory.slice(); }
  };
  Outbox.prototype.write = function (list) {
    this.memory = list.slice();
    try { window.localStorage.setItem(this.name, JSON.stringify(list)); } catch (e) { /* private mode: memory */ }
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

  // connect(auth, options): null without Socket.IO. options: syncEvent, syncPayload(), version (rendered at),
  // onStatus("connecting"|"live"|"offline"|"refused"), onSnapshot(ack), onUnchanged(ack), onSyncError(ack),
  // outbox + resend(item) (each item once after every (re)connect's sync).
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
    function sync(payload, done) {
      payload = payload || {};
      socket.emit(options.syncEvent, payload, function (ack) {
        if (!ack || !ack.ok) { if (options.onSyncError) options.onSyncError(ack || {}); return; }
        if (ack.unchanged) {
          seen(ack.version);
          if (options.onUnchanged) options.onUnchanged(ack);
        } else {
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
    socket.on("disconnect", function () { status("offline"); });
    socket.on("connect_error", function () { status(socket.active ? "offline" : "refused"); });

    return {
      socket: socket,
      // A broadcast's version is remembered before the page sees it.
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

  window.Live = { pageState: pageState, $: $, el: el, newKey: newKey, Outbox: Outbox, connect: connect };
})(window);
