"""The `derive` command line.

Exit codes: 0 when every step of every file is verified (or ends as the file says to
expect); 1 when any step is refuted or undecided; 2 when an input cannot be used (the
message says file, line and column).

A fully cached run imports neither SymPy nor the parser: results are looked up by the
files' bytes first, and only the misses are read and checked.
"""

from __future__ import annotations

import argparse
import os
import sys

from derive import __version__

EXIT_OK, EXIT_FAILED, EXIT_INPUT = 0, 1, 2

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
undecided; 2 unusable input.
example: derive check examples/gan_mode_collapse.tex
"""


def build_parser():
    parser = argparse.ArgumentParser(
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
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the marks (default: when writing to a terminal)")
    _checking_options(check)
    report = commands.add_parser(
        "report", help="render checked derivations as course notes (md, tex, pdf, html)",
        description="Check each FILE and render the results as a report through the Jinja "
                    "templates: Markdown (GitHub, MyST), LaTeX, PDF (latexmk), or one "
                    "self-contained HTML file whose math renders offline (MathML).",
        epilog="exit codes: 0 report written; 2 unusable input or no TeX for --format pdf.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    report.add_argument("--format", choices=("md", "tex", "pdf", "html"), default="html",
                        help="the report's format (default html)")
    report.add_argument("-o", "--output", metavar="PATH",
                        help="where to write it (default: FIRST-FILE-NAME.FORMAT here); figures "
                             "go beside it")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4",
                        help="page size of the LaTeX/PDF report (default a4)")
    report.add_argument("--templates", metavar="DIR",
                        help="a folder of templates that replace the bundled ones by name")
    _checking_options(report)
    watch = commands.add_parser(
        "watch", help="check files again whenever they are saved, printing what changed",
        description="Check each FILE, then again on every save; print only the steps whose "
                    "verdict changed, new and removed steps, and errors. Ctrl-C stops.")
    watch.add_argument("files", nargs="+", metavar="FILE", help="derivation file or document")
    watch.add_argument("--budget", type=_positive_float, default=5.0, metavar="SECONDS",
                       help="time allowed per step (default 5)")
    watch.add_argument("--seed", type=int, default=0, help="seed of the numeric check (default 0)")
    watch.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the marks (default: when writing to a terminal)")
    watch.add_argument("--debounce", type=int, default=300, help=argparse.SUPPRESS)
    cache = commands.add_parser("cache", help="show or empty the result cache",
                                description="The result cache (see the README).")
    cache.add_argument("action", choices=("info", "clear"),
                       help="info: where it is and how many entries; clear: empty it")
    return parser


def _checking_options(parser):
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="derivation file or document: .tex, .md, .ipynb, .yaml")
    parser.add_argument("--budget", type=_positive_float, default=5.0, metavar="SECONDS",
                        help="time allowed per step; a step past it is undecided (default 5)")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the random instances of the numeric check (default 0)")
    parser.add_argument("-j", "--jobs", type=_positive_int, default=os.cpu_count() or 1,
                        metavar="N", help="check N files at a time (default: the number of cores)")
    parser.add_argument("--no-cache", action="store_true",
                        help="check everything again, and do not store the results")


def _number_at_least(kind, least, name):
    """An argparse type: a `kind` number no smaller than `least`."""
    def parse(text):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {name}: {text!r}") from None
        if not value >= least or (least == 0 and value == 0):
            raise argparse.ArgumentTypeError(f"must be {'more than' if least == 0 else 'at least'} {least}")
        return value
    return parse


_positive_float = _number_at_least(float, 0, "a number")
_positive_int = _number_at_least(int, 1, "a whole number")


def main(argv=None):
    parser = build_parser()
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
    if args.format == "json":
        from derive.interfaces import json_output
        sys.stdout.write(json_output.render(done, errors))
    else:
        for result in done:
            print(terminal.render_result(result, style))
        if len(args.files) > 1:
            print(terminal.grand_total(done, errors, style))
    if errors:
        return EXIT_INPUT
    return EXIT_OK if all(_ok(r) for r in done) else EXIT_FAILED


def collect_results(args):
    """(serialised results in file order, error dicts): cached ones looked up, the rest
    checked; errors are printed to stderr as they are found."""
    from derive.cache import Cache
    from derive.interfaces import terminal

    progress = terminal.Progress()
    cache = Cache(enabled=not args.no_cache)
    options = (args.budget, args.seed)
    results, errors = [None] * len(args.files), []
    keys, misses = {}, []
    for i, path in enumerate(args.files):
        try:
            with open(path, "rb") as handle:
                content = handle.read()
        except OSError as exc:
            errors.append({"file": path, "line": None, "column": None,
                           "message": f"cannot read: {exc.strerror}", "text": ""})
            continue
        keys[i] = cache.key(path, content, options)
        hit = cache.get(keys[i])
        if hit is not None:
            results[i] = dict(hit, file=str(path))
        else:
            misses.append(i)
    for i, outcome in _check_all(args, misses, progress):
        if "error" in outcome:
            errors.append(outcome["error"])
        else:
            results[i] = outcome["result"]
            cache.put(keys[i], outcome["result"])
    progress.clear()
    for error in errors:
        print(terminal.error_text(error), file=sys.stderr)
    return [r for r in results if r is not None], errors


def _ok(result):
    return all(s["verdict"] in ("verified", "definition") or s["verdict"] == s.get("expect")
               for s in result["steps"] + result["claims"])


def _check_all(args, misses, progress):
    """(index, {"result": dict} or {"error": dict}) for each miss, in input order."""
    if not misses:
        return
    jobs = min(args.jobs, len(misses))
    tasks = [(args.files[i], args.budget, args.seed, 1 if jobs > 1 else args.jobs) for i in misses]
    if jobs == 1:
        outcomes = map(_check_one, tasks)
    else:
        import multiprocessing
        _warm_up()
        pool = multiprocessing.get_context("fork").Pool(jobs)
        outcomes = pool.imap(_check_one, tasks, chunksize=max(1, min(8, len(tasks) // (4 * jobs))))
    try:
        for n, (i, outcome) in enumerate(zip(misses, outcomes), 1):
            progress.show(f"checked {n}/{len(misses)}: {args.files[i]}")
            yield i, outcome
    finally:
        if jobs > 1:
            pool.close()
            pool.join()


WARM_UP = r"""% derive: variable x
% derive: density p, q
$$ 2 D_{JS}(p \| q) = \mathbb{E}_{x \sim p}\left[\log \frac{2 p(x)}{p(x) + q(x)}\right]
   + \mathbb{E}_{x \sim q}\left[\log \frac{2 q(x)}{p(x) + q(x)}\right] = H(p, q) - H(p) + 0 $$
"""


def _warm_up():
    """Import, and exercise once, what every worker needs, before forking them: the
    workers then start with the parser built and SymPy's caches warm. Only an
    optimisation: whatever goes wrong here is ignored."""
    import tempfile

    from derive.checker import Options, check
    from derive.frontend.tex_file import load_tex
    try:
        check(load_tex(tempfile.gettempdir() + "/warm-up.tex", WARM_UP), Options(jobs=1, budget=1))
    except Exception:  # noqa: BLE001 - the real run reports real problems
        pass


def _check_one(task):
    """Read and check one file; everything comes back as plain data (it may cross processes)."""
    path, budget, seed, jobs = task
    from derive.checker import Options, check
    from derive.frontend import InputError, load
    from derive.interfaces.json_output import result_dict
    try:
        derivation = load(path)
    except InputError as exc:
        return {"error": _error(exc)}
    except Exception as exc:  # a bug of ours: still a message, not a traceback
        return {"error": _error(InputError(
            f"derive could not read this file ({type(exc).__name__}: {exc}); this is a bug "
            "in derive, please report it", path))}
    return {"result": result_dict(check(derivation, Options(budget=budget, seed=seed, jobs=jobs)))}


def _error(exc):
    return {"file": exc.file, "line": exc.line, "column": exc.column, "message": exc.message,
            "text": str(exc), **({"cell": exc.cell} if getattr(exc, "cell", None) else {})}
