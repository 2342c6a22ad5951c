"""The arithmetic of bench.load's ``--cpu-breakdown`` table: what the parts account for, and what they leave."""

from __future__ import annotations

from bench import _breakdown


def _row(lines: list[str], label: str) -> list[str]:
    found = [line for line in lines if line.rstrip().endswith(label)]
    assert len(found) == 1, (label, lines)
    return found[0].split()


def test_the_rest_is_the_burst_cpu_less_the_top_level_parts_only():
    writer = "the entry writer's batches"
    screen = "the safety screen"  # inside the writer's batches: not counted twice
    frames = "websocket frames read (wsproto) and handed on"
    measured = _breakdown.Measured(
        parts={writer: (0.8, 100), screen: (0.3, 600), frames: (0.2, 600)},
        tasks={"the entry writer": 0.9, "gevent's hub (its loop, callbacks and timers)": 0.4},
    )

    lines = _breakdown.lines(measured, entries=1000, cpu_seconds=2.0)

    assert _row(lines, writer)[:3] == ["800", "40%", "100"]  # µs per entry, share, calls
    assert _row(lines, screen)[:3] == ["300", "15%", "600"]
    assert _row(lines, "in no part above")[:2] == ["1000", "50%"]  # 2.0 - 0.8 - 0.2 s
    assert _row(lines, "not seen by the task clock")[:2] == ["700", "35%"]  # 2.0 - 0.9 - 0.4 s
    # the tasks, the most costly first
    tasks = [line for line in lines if "the entry writer" in line and "batches" not in line]
    assert lines.index(tasks[0]) < lines.index(next(line for line in lines if "gevent's hub" in line))


def test_the_bare_stack_lists_no_part_of_the_app():
    lines = _breakdown.lines(_breakdown.Measured({}, {}), entries=10, cpu_seconds=1.0, app_parts=False)

    assert not any(label in "\n".join(lines) for _, _, label, _ in _breakdown.APP_PARTS)
    assert _row(lines, "in no part above")[:2] == ["100000", "100%"]
