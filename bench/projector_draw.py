"""The projector page's own drawing, in Chromium, without a server: a board already holding --start cards in two
lanes (a few pinned) takes --rate new cards a second, in batches every --every ms (as the server's writer sends
them), for --seconds. The page is static/projector/projector.js and .css as served, with a stand-in for the socket
(Live.connect) that hands it the batches; nothing else differs.

Prints, for the frames that drew news: the frame's script time (performance.now() around the requestAnimationFrame
callback, layout reads included) and the time to the end of the next frame (style, layout and paint included),
and per card: batch handed to the page -> its node in the DOM (window.facilitatorDrawn). p50/p95/p99/max.

    .venv/bin/python -m bench.projector_draw [--start 2000 --rate 200 --every 50 --seconds 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from bench._browser import CHROMIUM, CHROMIUM_ARGS

PINNED = 3  # the first cards are pinned
ROOT = Path(__file__).resolve().parent.parent
STATIC = ROOT / "static"

WORDS = (
    "strangers add me on games and ask where I live apps should explain privacy settings in Kiswahili my friends "
    "share passwords teachers should learn about the apps we use reporting a fake account takes too long"
).split()

# The socket's stand-in: Live.connect returns an object whose `on` keeps the page's handlers; the bench calls them.
STUB = """
(function () {
  var handlers = {};
  window.benchHandlers = handlers;
  window.Live.connect = function () {
    return { on: function (name, fn) { handlers[name] = fn; } };
  };
  // The frame's script time, and when the frame after it has been drawn (its rendering included).
  var raf = window.requestAnimationFrame.bind(window);
  window.benchFrames = [];
  window.requestAnimationFrame = function (callback) {
    return raf(function (t) {
      var start = performance.now();
      callback(t);
      var script = performance.now() - start;
      raf(function () { window.benchFrames.push({ script: script, frame: performance.now() - start }); });
    });
  };
})();
"""

FEED = """([rate, every, seconds, firstId, lanes]) => new Promise((done) => {
  const perBatch = Math.max(1, Math.round(rate * every / 1000));
  const batches = Math.round(seconds * 1000 / every);
  let next = firstId, sent = 0;
  window.benchSent = {};
  window.benchFrames = [];
  const timer = setInterval(() => {
    const cards = [];
    for (let i = 0; i < perBatch; i++, next++) {
      cards.push({ id: next, text: window.benchText(next), lane: lanes[next % lanes.length], sort_key: [1, next],
                   pinned: false, starred: false, paper: false, sms: false, theme_id: null });
    }
    const at = performance.timeOrigin + performance.now();
    cards.forEach((c) => { window.benchSent[c.id] = at; });
    window.benchHandlers.board({ activity_id: 1, cards: cards, removed: [], counts: { received: next, shown: next } });
    if (++sent === batches) { clearInterval(timer); setTimeout(done, 1500); }
  }, every);
})"""


# Each lane's cards as drawn: ids in DOM order, and whether each has its page.
LANES = """Array.from(document.querySelectorAll('.cards')).map((list) => Array.from(list.children).map(
  (item) => [Number(item.dataset.id), item.dataset.page !== undefined]))"""


def check(lanes: list[list[list]], total: int) -> str:
    """The drawn board against the server's order: every card once, pinned first then by arrival, each paged."""
    drawn = [card_id for lane in lanes for card_id, _ in lane]
    if sorted(drawn) != list(range(total)):
        return f"WRONG: {len(drawn)} cards drawn, {len(set(drawn))} distinct, {total} expected"
    for lane in lanes:
        ids = [card_id for card_id, _ in lane]
        if ids != sorted(ids, key=lambda n: (n >= PINNED, n)):
            return "WRONG: a lane out of order"
        if not all(paged for _, paged in lane):
            return "WRONG: a card without its page"
    return "every card once, in order, paged"


def card(n: int, lanes: list[str], pinned: bool = False) -> dict:
    return {
        "id": n,
        "text": text(n),
        "lane": lanes[n % len(lanes)],
        "sort_key": [0 if pinned else 1, n],  # the server's: pinned first, then order of arrival
        "pinned": pinned,
        "starred": n % 17 == 0,
        "paper": n % 41 == 0,
        "sms": False,
        "theme_id": None,
    }


def text(n: int) -> str:
    length = 4 + (n * 7) % 22
    return " ".join(WORDS[(n + i * 3) % len(WORDS)] for i in range(length)) + f" ({n})"


def page_html(start: int) -> str:
    lanes = [
        {"key": "problems", "name": "Problems", "name_sw": "Matatizo"},
        {"key": "ideas", "name": "Ideas", "name_sw": "Mawazo"},
    ]
    keys = [lane["key"] for lane in lanes]
    cards = [card(n, keys, pinned=n < PINNED) for n in range(start)]
    activity = {
        "id": 1,
        "kind": "board",
        "title": "Ideas for tomorrow",
        "title_sw": "Mawazo ya kesho",
        "prompt": "What should change?",
        "prompt_sw": "Nini kibadilike?",
        "lanes": lanes,
        "group_by_theme": False,
        "timer_ends_at": None,
        "results_on_projector": True,
    }
    texts = {
        "counts": "{received} received · {shown} on the board",
        "page_of": "page {n} of {total}",
        "paper": "paper",
        "sms": "SMS",
        "reconnecting": "reconnecting…",
    }
    state = {
        "token": "bench",
        "lang": "en",
        "event_title": ["Bench", ""],
        "text": texts,
        "text_other": {},
        "faces": {},
        "snapshot": {
            "activity": activity,
            "cards": cards,
            "counts": {"received": start, "shown": start},
            "results": None,
            "version": 1,
            "joining_open": True,
        },
    }
    state_json = json.dumps(state).replace("</", "<\\/")
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<link rel="stylesheet" href="{(STATIC / "projector/projector.css").as_uri()}"></head>
<body class="projector"><header class="proj-head"><div class="prompt-block"><h1 id="title"></h1>
<p id="title-other" class="title-other other"></p>
<p id="prompt" class="prompt"></p><p id="prompt-sw" class="prompt other"></p>
</div><div class="join"><div class="qr"><svg viewBox="0 0 10 10"></svg></div><div class="join-text">
<div class="join-label">Join at</div><div class="join-host"><strong>10.0.0.1:5000</strong></div>
<div class="join-code">KEJ7</div></div></div></header>
<main id="lanes" class="stage" aria-live="off"></main>
<footer class="proj-foot"><span class="counts"><span id="counts"></span>
<span id="counts-other" class="other"></span></span>
<span class="page-of" hidden><span id="page-of"></span> <span id="page-of-other" class="other"></span></span>
<span id="timer" class="timer" hidden></span><span id="link-status" class="link-status"></span></footer>
<script type="application/json" id="page-state">{state_json}</script>
<script src="{(STATIC / "shared/live.js").as_uri()}"></script>
<script src="stub.js"></script>
<script>window.benchText = function (n) {{ var w = {json.dumps(WORDS)}; var out = [];
  for (var i = 0; i < 4 + (n * 7) % 22; i++) out.push(w[(n + i * 3) % w.length]);
  return out.join(" ") + " (" + n + ")"; }};</script>
<script src="{(STATIC / "projector/projector.js").as_uri()}"></script>
</body></html>"""


def percentiles(values: list[float]) -> str:
    if not values:
        return "none"
    values = sorted(values)

    def at(q: float) -> float:
        return values[min(len(values) - 1, int(q * len(values)))]

    return (
        f"p50 {at(0.5):7.1f}  p95 {at(0.95):7.1f}  p99 {at(0.99):7.1f}  max {values[-1]:7.1f} ms"
        f"  (n={len(values)}, mean {statistics.fmean(values):.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--start", type=int, default=2000, help="cards on the board before the burst")
    parser.add_argument("--rate", type=int, default=200, help="new cards a second")
    parser.add_argument("--every", type=int, default=50, help="ms between batches")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=720)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        Path(folder, "stub.js").write_text(STUB)
        Path(folder, "board.html").write_text(page_html(args.start))
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": args.width, "height": args.height})
        page.goto(Path(folder, "board.html").as_uri(), wait_until="load")
        page.wait_for_function("!!(window.benchHandlers && window.benchHandlers.board)")
        page.wait_for_timeout(1000)
        page.evaluate(FEED, [args.rate, args.every, args.seconds, args.start, ["problems", "ideas"]])
        frames = page.evaluate("window.benchFrames")
        latency = page.evaluate(
            "Object.keys(window.benchSent).map((id) => (window.facilitatorDrawn[id] || NaN) - window.benchSent[id])"
        )
        pages = page.evaluate("document.getElementById('page-of').textContent")
        lanes = page.evaluate(LANES)
        browser.close()
    undrawn = sum(1 for v in latency if v != v)
    print(
        f"board of {args.start} cards, {args.rate} new/s in batches every {args.every} ms for {args.seconds} s,"
        f" {args.width}x{args.height}; at the end: {pages or 'one page'}"
    )
    print(f"  frame script:      {percentiles([f['script'] for f in frames])}")
    print(f"  frame to painted:  {percentiles([f['frame'] for f in frames])}")
    print(f"  board at the end: {check(lanes, args.start + round(args.rate * args.seconds))}")
    print(f"  batch -> drawn:    {percentiles([v for v in latency if v == v])}  not drawn: {undrawn}")


if __name__ == "__main__":
    main()
