"""`derive watch FILE…`: check the files, then check each again whenever it is saved and
print only what changed — a step whose verdict changed, a step that is new, a step that
is gone, an error that appeared or went away — and a one-line summary per re-check.

Steps are matched across versions by what they say (kind, relation and both sides as
written), so inserting a line above a step does not make it "changed". The folders of the
files are watched, not the files, so editors that save by renaming work too. Watching is
`watchfiles` (an optional dependency: the `watch` extra).
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

from derive.interfaces import terminal

INSTALL_HINT = "derive watch needs the watchfiles package: pip install 'derive-checker[watch]'"


def run_watch(args, stream=None):
    stream = stream or sys.stdout
    try:
        import watchfiles
    except ImportError:
        print(f"derive: error: {INSTALL_HINT}", file=sys.stderr)
        return 2
    style = terminal.Style.for_stream(stream, args.color)
    targets = {str(Path(f).resolve()): f for f in args.files}
    state = {}
    for path in args.files:
        state[path] = _check(path, args)
        _print_full(state[path], style, stream)
    stream.flush()
    folders = sorted({str(Path(p).parent) for p in targets})
    try:
        for changes in watchfiles.watch(*folders, debounce=args.debounce, step=50,
                                        watch_filter=lambda _change, p: p in targets,
                                        raise_interrupt=False):
            for resolved in sorted({p for _, p in changes}):
                path = targets[resolved]
                now = _check(path, args)
                lines = changed_lines(state[path], now, style)
                state[path] = now
                stamp = time.strftime("%H:%M:%S")
                print(f"[{stamp}] {path}: " + _summary(now, style), file=stream)
                for line in lines:
                    print(line, file=stream)
                stream.flush()
    except KeyboardInterrupt:
        pass
    return 0


def _check(path, args):
    """The file's serialised result or error, checked like `derive check` does."""
    from derive.checker import Options, check_files
    from derive.interfaces.cli import _serialised
    (outcome,) = check_files([(path, None)], Options(budget=args.budget, seed=args.seed, jobs=1))
    return _serialised(outcome, path)


def _print_full(outcome, style, stream):
    if "error" in outcome:
        print(terminal.error_text(outcome["error"]), file=stream)
    else:
        print(terminal.render_result(outcome["result"], style), file=stream)


def _summary(outcome, style):
    if "error" in outcome:
        return style.paint("unreadable", terminal.COLOURS[terminal.ERROR])
    result = outcome["result"]
    return terminal.summary_line(result["summary"], style, result["steps"] + result["claims"])


def _keyed(outcome):
    """{(kind, relation, lhs, rhs, occurrence): step dict} of a check's outcome."""
    if "error" in outcome:
        return {}
    seen, out = Counter(), {}
    for step in sorted(outcome["result"]["steps"] + outcome["result"]["claims"], key=lambda s: s["index"]):
        key = (step["kind"], step["relation"], step["lhs_latex"], step["latex"])
        seen[key] += 1
        out[(*key, seen[key])] = step
    return out


def changed_lines(before, after, style):
    """The lines that say what differs between two outcomes of checking one file."""
    lines = []
    if "error" in after:
        if before.get("error", {}).get("text") != after["error"].get("text"):
            lines.append(terminal.error_text(after["error"]))
        return lines
    if "error" in before:
        lines.append("  now readable")
    old, new = _keyed(before), _keyed(after)
    for key, step in new.items():
        previous = old.get(key)
        if previous is not None and previous["verdict"] == step["verdict"]:
            continue
        if step["verdict"] == "error":              # a row that cannot be read: where and why
            lines += [terminal.error_text(e) for e in terminal.unreadable_errors(
                {"file": after["result"]["file"], "steps": [step]})]
            continue
        was = f"was {previous['verdict']}" if previous else "new"
        body = terminal.render_step(step, style)
        lines += [body[0], body[1] + f", {was}", *body[2:]]
    for key, step in old.items():
        if key not in new:
            lines.append(f"  gone: step {step['index']} "
                         f"{terminal.shorten(terminal.printable(step['latex']), 60)} ({step['verdict']})")
    return lines
