"""Summarise a py-spy raw profile (``py-spy record -f raw``): where the server's samples went.

    .venv/bin/python -m bench._profile PROFILE.txt [--top 25] [--match facilitator/]

Prints the share of samples per function, inclusive (anywhere on the stack) and self (top of stack),
and the share per app frame (the innermost frame whose file matches ``--match``).
"""

from __future__ import annotations

import argparse
import collections
import re

FRAME_RE = re.compile(r"^(?P<fn>.*) \((?P<file>[^:()]+):(?P<line>\d+)\)$")


def load(path: str):
    stacks = []
    with open(path) as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line:
                continue
            stack, _, count = line.rpartition(" ")
            stacks.append((stack.split(";"), int(count)))
    return stacks


def name(frame: str) -> str:
    match = FRAME_RE.match(frame)
    return f"{match['fn']} ({match['file']})" if match else frame


def summarise(path: str, top: int = 25, match: str = "facilitator/") -> str:
    stacks = load(path)
    total = sum(c for _, c in stacks) or 1
    inclusive: collections.Counter = collections.Counter()
    self_time: collections.Counter = collections.Counter()
    app_frame: collections.Counter = collections.Counter()
    for frames, count in stacks:
        for fn in {name(f) for f in frames}:
            inclusive[fn] += count
        self_time[name(frames[-1])] += count
        app = [f for f in frames if match in f]
        app_frame[app[-1] if app else "(outside the app)"] += count
    lines = [f"{path}: {total} samples"]
    for title, counter in (("inclusive", inclusive), ("self", self_time), ("innermost app frame", app_frame)):
        lines.append(f"-- {title}")
        for fn, count in counter.most_common(top):
            lines.append(f"{100 * count / total:5.1f}%  {fn}")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("profile")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--match", default="facilitator/")
    options = parser.parse_args()
    print(summarise(options.profile, options.top, options.match))
