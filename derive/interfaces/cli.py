"""The `derive` command line.

Exit codes: 0 when every step of every file is verified (or ends as the file says to
expect); 1 when any step is refuted or undecided; 2 when an input cannot be used (the
message says file, line and column); 130 when interrupted. Never a traceback: bad option
values, unreadable files and our own errors are one-line messages, a file that cannot be
checked is reported as such while the other files still are, and a closed output pipe
(`derive check … | head`) ends the run quietly.

A fully cached run imports neither SymPy nor the parser: results are looked up by the
files' bytes first, and only the misses are read and checked.
"""

from __future__ import annotations

import argparse
import math
import os
import sys

from derive import __version__
from derive.options import MAX_BUDGET, MAX_JOBS

EXIT_OK, EXIT_FAILED, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130

DESCRIPTION = """\
Check derivations written in LaTeX probability notation, step by step.

A derivation file is a .tex file or LaTeX document, a Markdown/MyST page (.md) or a
Jupyter notebook (.ipynb) — directives such as '% derive: density p_r, p_\\theta' (or
'<!-- derive: … -->') and display math as in the notes — or a .yaml file (title,
context, steps with justifications). Every step ends verified (a
symbolic proof), refuted (a counterexample, shown) or undecided (what was tried).
"""

CHECK_EPILOG = """\
exit codes: 0 every step verified (or as the file expects); 1 a step refuted or
undecided; 2 unusable input; 130 interrupted.
example: derive check examples/gan_mode_collapse.tex
"""


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error as one line (and exit code 2)."""

    def error(self, message):
        self.exit(EXIT_INPUT, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser():
    parser = _Parser(
        prog="derive", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"derive {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check derivation files and print a verdict per step",
        description="Check every step of each FILE and print a verdict per step.",
        epilog=CHECK_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text for people (default), json for programs (schema in the README)")
    check.add_argument("--show-reading", action="store_true",
                       help="show how derive read each step, in plain text (the JSON always "
                            "has it)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the marks (default: when writing to a terminal)")
    _checking_options(check)
    report = commands.add_parser(
        "report", help="render checked derivations as course notes (md, tex, pdf, html)",
        description="Check each FILE and render the results as a report through the Jinja "
                    "templates: Markdown (GitHub, MyST), LaTeX, PDF (latexmk), or one "
                    "self-contained HTML file whose math renders offline (MathML).",
        epilog="exit codes: 0 report written; 2 unusable input (a row derive could not read is "
               "still shown in the report, as its source) or no TeX for --format pdf.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    report.add_argument("--format", choices=("md", "tex", "pdf", "html"), default="html",
                        help="the report's format (default html)")
    report.add_argument("-o", "--output", metavar="PATH",
                        help="where to write it (default: FIRST-FILE-NAME.FORMAT here); figures "
                             "go beside it")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4",
                        help="page size of the LaTeX/PDF report (default a4)")
    report.add_argument("--templates", metavar="DIR", type=_folder,
                        help="a folder of templates that replace the bundled ones by name")
    _checking_options(report)
    watch = commands.add_parser(
        "watch", help="check files again whenever they are saved, printing what changed",
        description="Check each FILE, then again on every save; print only the steps whose "
                    "verdict changed, new and removed steps, and errors. Ctrl-C stops.")
    watch.add_argument("files", nargs="+", metavar="FILE", help="derivation file or document")
    watch.add_argument("--budget", type=_budget, default=5.0, metavar="SECONDS",
                       help="time allowed per step (default 5)")
    watch.add_argument("--seed", type=int, default=0, help="seed of the numeric check (default 0)")
    watch.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the marks (default: when writing to a terminal)")
    watch.add_argument("--debounce", type=int, default=300, help=argparse.SUPPRESS)
    cache = commands.add_parser("cache", help="show or empty the result cache",
                                description="The result cache (see the README).")
    cache.add_argument("action", choices=("info", "clear"),
                       help="info: where it is and how many entries; clear: remove derive's "
                            "entries from it")
    return parser


def _checking_options(parser):
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="derivation file or document: .tex, .md, .ipynb, .yaml")
    parser.add_argument("--budget", type=_budget, default=5.0, metavar="SECONDS",
                        help="time allowed per step, all of its work included; a step past it "
                             f"is undecided (default 5, at most {MAX_BUDGET})")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the random instances of the numeric check (default 0)")
    parser.add_argument("-j", "--jobs", type=_jobs, default=min(os.cpu_count() or 1, MAX_JOBS),
                        metavar="N", help="at most N worker processes over all files and steps "
                                          f"(default: the number of cores; at most {MAX_JOBS})")
    parser.add_argument("--no-cache", action="store_true",
                        help="check everything again, and do not store the results")


def _budget(text):
    """An argparse type: seconds, a finite number in (0, MAX_BUDGET]."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not (math.isfinite(value) and 0 < value <= MAX_BUDGET):
        raise argparse.ArgumentTypeError(
            f"must be a number of seconds more than 0 and at most {MAX_BUDGET}, not {text!r}")
    return value


def _folder(text):
    """An argparse type: an existing folder (a mistyped --templates would fall back to the
    bundled templates without a word)."""
    if not os.path.isdir(text):
        raise argparse.ArgumentTypeError(f"no such folder: {text!r}")
    return text


def _jobs(text):
    """An argparse type: a whole number of worker processes in [1, MAX_JOBS]."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= MAX_JOBS:
        raise argparse.ArgumentTypeError(f"must be from 1 to {MAX_JOBS}, not {text!r}")
    return value


def main(argv=None):
    """Run the command line; returns the exit code. Never raises, never a traceback."""
    try:
        code = _run(build_parser(), argv)
        sys.stdout.flush()
        return code
    except BrokenPipeError:            # the reader went away (`| head`): nothing to say
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        print("derive: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last resort: one line, not a traceback
        print(f"derive: {_internal(exc)}", file=sys.stderr)
        return EXIT_INPUT


def _run(parser, argv):
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args)
    if args.command == "cache":
        return run_cache(args)
    if args.command == "watch":
        from derive.interfaces.watch import run_watch
        return run_watch(args)
    if args.command == "report":
        from derive.reports.write import run_report
        return run_report(args, collect_results(args))
    parser.print_help()
    return EXIT_INPUT


def _silence_stdout():
    """Point stdout at /dev/null, so that flushing it at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def run_cache(args):
    from derive.cache import Cache
    cache = Cache()
    if args.action == "clear":
        print(f"removed {cache.clear()} entries from {cache.folder}")
    else:
        print(f"{cache.folder}: {cache.size()} entries")
    return EXIT_OK


def run_check(args):
    from derive.interfaces import terminal

    style = terminal.Style.for_stream(sys.stdout, args.color)
    done, errors = collect_results(args)
    code = EXIT_INPUT if errors or any(map(_unreadable, done)) else \
        EXIT_OK if all(_ok(r) for r in done) else EXIT_FAILED
    try:
        if args.format == "json":
            from derive.interfaces import json_output
            sys.stdout.write(json_output.render(done, errors))
        else:
            for result in done:
                try:
                    text = terminal.render_result(result, style, reading=args.show_reading)
                except Exception as exc:  # noqa: BLE001 - this file's error; the others print
                    print(f"{result['file']}: error: {_internal(exc)}", file=sys.stderr)
                    code = EXIT_INPUT
                    continue
                print(text)
            if len(args.files) > 1:
                print(terminal.grand_total(done, errors, style))
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    return code


def collect_results(args):
    """(serialised results, error dicts), each in the order the files were given: cached
    results looked up, the rest read and checked; errors are printed to stderr."""
    from derive.cache import Cache
    from derive.frontend import InputError, read_bytes
    from derive.interfaces import terminal

    progress = terminal.Progress()
    cache = Cache(enabled=not args.no_cache)
    options = (args.budget, args.seed)
    outcomes, misses = [None] * len(args.files), []
    for i, path in enumerate(args.files):
        try:
            content = read_bytes(path)
        except InputError as exc:
            outcomes[i] = _error(exc)
            continue
        key = cache.key(path, content, options)
        hit = cache.get(key)
        if hit is not None:
            outcomes[i] = {"result": dict(hit, file=str(path))}
        else:
            misses.append((i, content, key))
    if misses:
        for (i, _, key), outcome in zip(misses, _check_all(args, misses, progress)):
            outcomes[i] = outcome
            if "result" in outcome:
                cache.put(key, outcome["result"])
    progress.clear()
    errors = [o["error"] for o in outcomes if "error" in o]
    for outcome in outcomes:
        shown = [outcome["error"]] if "error" in outcome else \
            terminal.unreadable_errors(outcome["result"])
        for error in shown:
            print(terminal.error_text(error), file=sys.stderr)
    return [o["result"] for o in outcomes if "result" in o], errors


def _unreadable(result):
    """Whether a row of the file could not be read (its input was unusable)."""
    return any(s["verdict"] == "error" for s in result["steps"] + result["claims"])


def _ok(result):
    return all(s["verdict"] in ("verified", "definition") or s["verdict"] == s.get("expect")
               for s in result["steps"] + result["claims"])


def _check_all(args, misses, progress):
    """{"result": dict} or {"error": dict} for each miss, in order: all files read and
    checked on one pool of `args.jobs` workers."""
    from derive.checker import Options, check_files
    from derive.frontend import InputError

    paths = [args.files[i] for i, _, _ in misses]
    finished = [0]

    def on_file(k, _):
        finished[0] += 1
        progress.show(f"checked {finished[0]}/{len(paths)}: {paths[k]}")

    try:
        checked = check_files([(args.files[i], content) for i, content, _ in misses],
                              Options(budget=args.budget, seed=args.seed, jobs=args.jobs), on_file)
    except Exception as exc:  # noqa: BLE001 - a bug of ours: every file says so, no traceback
        checked = [InputError(_internal(exc), path) for path in paths]
    return [_serialised(outcome, path) for outcome, path in zip(checked, paths)]


def _serialised(outcome, path):
    from derive.frontend import InputError
    from derive.interfaces.json_output import result_dict

    if isinstance(outcome, InputError):
        return _error(outcome)
    try:
        return {"result": result_dict(outcome)}
    except Exception as exc:  # noqa: BLE001 - this file's error; the others still print
        return _error(InputError(_internal(exc), path))


def _internal(exc):
    return f"internal error ({type(exc).__name__}: {exc}), please report it"


def _error(exc):
    return {"error": {"file": exc.file, "line": exc.line, "column": exc.column,
                      "message": exc.message, "text": str(exc),
                      **({"cell": exc.cell} if getattr(exc, "cell", None) else {})}}
