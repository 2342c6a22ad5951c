"""The bench's real browser: a headless Chromium (Debian's, driven by Playwright) with the projector page and a
console page open on the same machine during the burst, the way the room's laptop runs them.

The projector page records when each card's node first stood in its DOM (``window.facilitatorDrawn``: entry id
-> ``performance.timeOrigin + performance.now()`` in ms, static/projector/projector.js). Both that and the bench's
``time.time()`` are the wall clock; the offset between them is measured with a few round trips through
``page.evaluate``, keeping the sample with the smallest round trip, and the bench converts the marks to its own
``time.monotonic()`` to compare them with the phones' send times.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from tests.browser import CHROMIUM
from tests.browser import CHROMIUM_ARGS as TEST_CHROMIUM_ARGS

# The tests' Chromium and its flags (no calls to Google's services), and three more: a page that is not in front
# (headless, two pages) must not have its frames and timers throttled, as a projector is always in front.
CHROMIUM_ARGS = [
    *TEST_CHROMIUM_ARGS,
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
NOW_JS = "performance.timeOrigin + performance.now()"
# What bench.load prints of each page's main thread, by DevTools' name (Performance.getMetrics)
PAGE_METRICS = {
    "main thread CPU": "ThreadTime",  # CPU time; the durations below are wall time, a wait for a CPU included
    "tasks": "TaskDuration",
    "script": "ScriptDuration",
    "style": "RecalcStyleDuration",
    "layout": "LayoutDuration",
    "other": "TaskOtherDuration",
    "DevTools": "DevToolsCommandDuration",  # the bench's own reads of the page
}


class BrowserViews:
    """A projector page and a console page in one headless Chromium."""

    def __init__(self) -> None:
        self.playwright = None
        self.browser = None
        self.projector = None
        self.console = None
        self.devtools: dict[str, object] = {}  # page name -> its DevTools session (main_thread_seconds)
        # page wall clock (s) - bench wall clock (s), and its uncertainty (half the best round trip)
        self.offset = 0.0
        self.offset_error = 0.0
        # time.monotonic() - time.time(), read together
        self.mono_minus_wall = 0.0

    async def open(self, base_url: str, projector_token: str, event_id: int, staff_cookie: str) -> None:
        from playwright.async_api import async_playwright

        self.playwright = await async_playwright().start()
        self.browser = await self.playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        projector_context = await self.browser.new_context(viewport={"width": 1280, "height": 720})
        self.projector = await projector_context.new_page()
        await self.projector.goto(f"{base_url}/p/{projector_token}", wait_until="load")
        await self.projector.wait_for_function("window.facilitatorDrawn !== undefined", timeout=20_000)
        name, _, value = staff_cookie.partition("=")
        console_context = await self.browser.new_context(viewport={"width": 1280, "height": 800})
        await console_context.add_cookies([{"name": name, "value": value, "url": base_url}])
        self.console = await console_context.new_page()
        await self.console.goto(f"{base_url}/console/{event_id}", wait_until="load")
        for page_name, page in (("projector", self.projector), ("console", self.console)):
            session = await page.context.new_cdp_session(page)
            await session.send("Performance.enable")
            self.devtools[page_name] = session
        await self.align_clocks()

    async def align_clocks(self, samples: int = 15) -> None:
        best = None
        for _ in range(samples):
            before = time.time()
            page_ms = await self.projector.evaluate(NOW_JS)
            after = time.time()
            rtt = after - before
            if best is None or rtt < best[0]:
                best = (rtt, page_ms / 1000 - (before + after) / 2)
        assert best is not None
        self.offset_error, self.offset = best[0] / 2, best[1]
        self.mono_minus_wall = min(
            (time.monotonic() - time.time() for _ in range(5)), key=abs
        )  # both read back to back; the smallest is the least disturbed

    async def drawn(self) -> dict[int, float]:
        """Entry id -> when its card was drawn on the projector page, on the bench's time.monotonic() clock."""
        marks = await self.projector.evaluate("window.facilitatorDrawn")
        return {int(k): v / 1000 - self.offset + self.mono_minus_wall for k, v in marks.items()}

    async def main_thread_seconds(self) -> dict[str, dict[str, float]]:
        """Page name -> the seconds its renderer's main thread has spent since it opened (``PAGE_METRICS``): its
        CPU time, and its tasks' wall time in all and by kind. Which page takes a shared laptop's CPU, and on what,
        where the processes' own CPU does not say (a renderer may serve both pages)."""
        seconds = {}
        for page_name, session in self.devtools.items():
            metrics = (await session.send("Performance.getMetrics"))["metrics"]  # type: ignore[attr-defined]
            values = {m["name"]: m["value"] for m in metrics}
            seconds[page_name] = {name: values[metric] for name, metric in PAGE_METRICS.items()}
        return seconds

    async def start_trace(self) -> None:
        """Chromium's timeline (every renderer's tasks, by kind) until ``stop_trace``."""
        await self.browser.start_tracing(categories=["devtools.timeline"])  # type: ignore[attr-defined]

    async def stop_trace(self, path: Path) -> None:
        path.write_bytes(await self.browser.stop_tracing())  # type: ignore[attr-defined]

    async def screenshots(self, folder: Path) -> list[Path]:
        """Both pages as they stand (the projector at 1280x720, the console at 1280x800), for a look after a burst."""
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for page_name, page in (("projector", self.projector), ("console", self.console)):
            path = folder / f"{page_name}.png"
            await page.screenshot(path=str(path))
            paths.append(path)
        return paths

    async def reset(self) -> None:
        await self.projector.evaluate("window.facilitatorDrawn = {}")

    def pids(self) -> list[int]:
        """Chromium's processes (browser, renderers, GPU and utility): descendants of this process named chrom*."""
        children: dict[int, list[int]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
        found, stack = [], [os.getpid()]
        while stack:
            pid = stack.pop()
            for child in children.get(pid, []):
                stack.append(child)
                try:
                    if Path(f"/proc/{child}/comm").read_text().startswith("chrom"):
                        found.append(child)
                except OSError:
                    pass
        return found

    async def close(self) -> None:
        try:
            if self.browser is not None:
                await self.browser.close()
        finally:
            if self.playwright is not None:
                await self.playwright.stop()


def trace_summary(path: Path, top: int = 12) -> str:
    """Each renderer's main thread in a Chromium trace (``--browser-trace``), by the kind of work: each complete
    event's own time (its duration less its children's), summed by name, the largest first. A renderer is named by
    the app's script it ran (static/projector/projector.js: "projector")."""
    import json
    import re

    events = json.loads(path.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    main_threads = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M" and e["name"] == "thread_name" and e["args"]["name"] == "CrRendererMain"
    }
    page_of: dict[int, str] = {}
    by_thread: dict[tuple[int, int], list[dict]] = {}
    for event in events:
        data = (event.get("args") or {}).get("data")
        if isinstance(data, dict) and isinstance(data.get("url"), str):
            script = re.search(r"/static/(\w+)/\1\.js", data["url"])
            if script:
                page_of.setdefault(event["pid"], script.group(1))
        if event.get("ph") == "X" and "dur" in event and (event["pid"], event["tid"]) in main_threads:
            by_thread.setdefault((event["pid"], event["tid"]), []).append(event)
    lines = []
    for (pid, _), thread_events in sorted(by_thread.items()):
        own: dict[str, float] = {}
        thread_events.sort(key=lambda e: (e["ts"], -e["dur"]))
        enclosing: list[dict] = []  # outermost first
        for event in thread_events:
            while enclosing and enclosing[-1]["ts"] + enclosing[-1]["dur"] <= event["ts"]:
                enclosing.pop()
            if enclosing:
                parent = enclosing[-1]["name"]
                own[parent] = own.get(parent, 0.0) - event["dur"]
            own[event["name"]] = own.get(event["name"], 0.0) + event["dur"]
            enclosing.append(event)
        total = sum(own.values()) or 1.0
        lines.append(f"{page_of.get(pid, 'renderer')} (pid {pid}): main thread {total / 1000:.0f} ms in its tasks")
        for name, micros in sorted(own.items(), key=lambda item: -item[1])[:top]:
            lines.append(f"{micros / 1000:8.0f} ms  {100 * micros / total:5.1f}%  {name}")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    print(trace_summary(Path(sys.argv[1])))
