"""The command line: `check`, `build` and `serve`.

Exit codes: 0 clean (warnings allowed), 1 problems in the data or the build,
2 usage or environment problems (argparse uses 2 for usage as well).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .engine import build, checking, serve
from .engine.layout import BuildError, Layout, SetupError
from .programme.check import DocumentCache, Result
from .programme.problems import Problems
from .text.words import count

EXIT_OK, EXIT_PROBLEMS, EXIT_ENVIRONMENT = 0, 1, 2


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    layout = Layout((root or Path.cwd()).resolve())
    if not (layout.root / "data").is_dir():
        print(f"error: no data/ folder in {layout.root}: run build.py from the project's folder", file=sys.stderr)
        return EXIT_ENVIRONMENT
    try:
        return args.run(layout, args)
    except SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_ENVIRONMENT
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    except KeyboardInterrupt:
        return EXIT_OK
    except Exception as error:  # a bug in Podium, not in the data
        if os.environ.get("PODIUM_DEBUG"):
            raise
        print(
            f"internal error: {type(error).__name__}: {error}\n"
            "This is a bug in Podium, not in your data. Run again with PODIUM_DEBUG=1 for details.",
            file=sys.stderr,
        )
        return EXIT_ENVIRONMENT


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="build.py", description="Podium: a conference programme as a website.")
    commands = parser.add_subparsers(required=True, metavar="command")
    check = commands.add_parser("check", help="check every data file and report all problems")
    check.set_defaults(run=_check)
    build = commands.add_parser("build", help="check, then build the site into site/")
    build.add_argument("--timings", action="store_true", help="print how long each phase took")
    build.set_defaults(run=_build)
    serve = commands.add_parser("serve", help="build and serve with live reload on changes to data/ and docs/")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: %(default)s)")
    serve.set_defaults(run=_serve)
    for command in (check, build, serve):
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
    return parser


def _check(layout: Layout, args: argparse.Namespace) -> int:
    result = _checked(layout, args.strict)
    if result is None:
        return EXIT_PROBLEMS
    print(f"{_summary(result)}: no errors")
    return EXIT_OK


def _build(layout: Layout, args: argparse.Namespace) -> int:
    started = time.perf_counter()
    result = _checked(layout, args.strict)
    phases = {"check": time.perf_counter() - started}
    if result is None:
        print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        phases.update(build.build(layout, result.programme))
    except BuildError:
        print("Nothing was published; site/ is unchanged.", file=sys.stderr)
        raise
    print(f"{_summary(result)}: built site/ in {time.perf_counter() - started:.1f} s")
    if args.timings:
        # Wall times; the exports are made while MkDocs runs, so `mkdocs` includes them.
        print("timings: " + " ".join(f"{name}={seconds:.3f}" for name, seconds in phases.items()), file=sys.stderr)
    return EXIT_OK


def _serve(layout: Layout, args: argparse.Namespace) -> int:
    def check(cache: DocumentCache):
        result = _checked(layout, args.strict, cache)
        return None if result is None else (result.programme, _summary(result))

    return EXIT_OK if serve.serve(layout, args.dev_addr, check) else EXIT_PROBLEMS


def _checked(layout: Layout, strict: bool, cache: DocumentCache | None = None) -> Result | None:
    """Check the data and print every problem; None when the build must stop."""
    result = checking.check(layout.root, cache)
    _report(result.problems)
    failing = result.problems.errors or (strict and result.problems.warnings)
    if failing or result.programme is None:
        counts = f"{len(result.problems.errors)} error(s), {len(result.problems.warnings)} warning(s)"
        print(f"{counts}{' (--strict: warnings count as errors)' if strict else ''}", file=sys.stderr)
        return None
    # The publishing workflow knows the site's address (GitHub Pages) when the data does not.
    site_url = os.environ.get("PODIUM_SITE_URL", "").strip()
    if site_url.startswith(("https://", "http://")):
        result.programme = result.programme.published_at(site_url)
    return result


def _report(problems: Problems) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems.sorted():
        print(problem, file=sys.stderr)
        if annotate:
            print(problem.as_annotation())


def _summary(result: Result) -> str:
    programme = result.programme
    parts = [count(programme.sessions, "session")]
    if programme.papers:
        parts.append(count(programme.papers, "paper"))
    parts += [
        count(programme.people, "person", "people"),
        count(programme.streams, "stream"),
    ]
    if result.problems.warnings:
        parts.append(count(result.problems.warnings, "warning"))
    return ", ".join(parts)
