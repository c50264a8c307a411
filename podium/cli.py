"""The command line: `check`, `build` and `serve`.

Exit codes: 0 clean (warnings allowed), 1 problems in the data or the build,
2 usage or environment problems (argparse uses 2 for usage as well).
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import os
import sys
import time
from pathlib import Path

from . import history, translations
from .engine import build, checking, serve
from .engine.layout import BuildError, Layout, SetupError
from .pages import page_count
from .programme.check import DocumentCache, Result
from .programme.model import Programme
from .programme.problems import Problems
from .programme.schema import is_web_address
from .repository import lock
from .text.words import count

EXIT_OK, EXIT_PROBLEMS, EXIT_ENVIRONMENT = 0, 1, 2


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    layout = Layout((root or Path.cwd()).resolve())
    if not (layout.root / "data").is_dir() and args.run in (_check, _build, _serve):
        print(f"error: no data/ folder in {layout.root}: run build.py from the project's folder", file=sys.stderr)
        return EXIT_ENVIRONMENT
    try:
        if args.run in _WRITING:
            with lock.exclusive(layout.root, _WRITING[args.run]):
                return args.run(layout, args)
        return args.run(layout, args)
    except lock.Busy as error:
        print(f"error: {error}. Nothing was done.", file=sys.stderr)
        return EXIT_ENVIRONMENT
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
    new = commands.add_parser(
        "new", help="make data/ your own conference: name, dates and time zone (the seed moves to examples/)"
    )
    new.add_argument("--name", help="the conference's name, as it is to appear")
    new.add_argument("--start", help="its first day, e.g. 2027-09-14")
    new.add_argument("--end", help="its last day (default: the first)")
    new.add_argument("--timezone", help="the venue's IANA time zone, e.g. Europe/Berlin")
    new.add_argument("--language", default="en", help="the site's language, a BCP 47 tag (default: %(default)s)")
    new.set_defaults(run=_new)
    upgrade = commands.add_parser(
        "upgrade", help="take a newer Podium into this repository, in one commit; data/, docs/ pages and mkdocs.yml stay yours"
    )
    upgrade.add_argument("source", nargs="?", help="Podium's repository, an address or folder (default: the git remote 'podium')")
    upgrade.add_argument("--ref", default="main", help="the branch or tag of Podium to take (default: %(default)s)")
    upgrade.set_defaults(run=_upgrade)
    verify = commands.add_parser(
        "verify", help="check the built site/: every link and asset resolves, nothing from other hosts, page budgets"
    )
    verify.set_defaults(run=_verify)
    imports = commands.add_parser(
        "import", help="bring a programme into data/ from pretalx, frab, c3voc, Indico or a spreadsheet"
    )
    imports.add_argument("source", type=Path, help="schedule.json, schedule.xml, an Indico export, or a CSV/XLSX file")
    imports.add_argument("--mapping", type=Path, help="for a spreadsheet: which column holds what (YAML)")
    imports.add_argument("--timezone", help="the venue's time zone, when the source names none (e.g. Europe/Berlin)")
    imports.add_argument("--dry-run", action="store_true", help="say what would change, and write nothing")
    imports.add_argument("--force", action="store_true", help="overwrite files edited by hand since the last import")
    imports.add_argument(
        "--take", action="append", default=[], metavar="FILE",
        help="overwrite this file edited by hand with the source's version (data/sessions/x.yml); may be repeated",
    )  # fmt: skip
    imports.set_defaults(run=_import)
    return parser


def _check(layout: Layout, args: argparse.Namespace) -> int:
    result, programme = _check_and_report(layout, args.strict)
    _github_job_summary("Data check", result, programme)
    if programme is None:
        return EXIT_PROBLEMS
    _note_language(programme.conference.language)
    print(f"{_summary(result)}: no errors")
    return EXIT_OK


def _build(layout: Layout, args: argparse.Namespace) -> int:
    started = time.perf_counter()
    if build.recover_publication(layout):
        print("note: site/ was put back as it was before a build that was stopped half way", file=sys.stderr)
    result, programme = _check_and_report(layout, args.strict)
    phases = {"check": time.perf_counter() - started}
    if programme is None:
        _github_job_summary("Build", result, programme)
        print("Nothing was built; site/ is unchanged.", file=sys.stderr)
        return EXIT_PROBLEMS
    _note_language(programme.conference.language)
    programme = dataclasses.replace(programme, history=history.read(layout.root))
    phases["history"] = time.perf_counter() - started - phases["check"]
    try:
        phases.update(build.build(layout, programme))
    except BuildError:
        print("Nothing was published; site/ is unchanged.", file=sys.stderr)
        raise
    print(f"{_summary(result)}: built site/ in {time.perf_counter() - started:.1f} s")
    _github_job_summary("Build", result, programme, pages=page_count(programme))
    if args.timings:
        # Wall times; the exports are made while MkDocs runs, so `mkdocs` includes them.
        print("timings: " + " ".join(f"{name}={seconds:.3f}" for name, seconds in phases.items()), file=sys.stderr)
    return EXIT_OK


def _serve(layout: Layout, args: argparse.Namespace) -> int:
    published = history.read(layout.root)  # the commits' history: a save makes no publication

    def check(cache: DocumentCache) -> serve.Checked:
        result, programme = _check_and_report(layout, args.strict, cache)
        if programme is None:
            return serve.Checked(None, result.problems.sorted(), "")
        programme = dataclasses.replace(programme, history=published)
        return serve.Checked(programme, result.problems.sorted(), _summary(result))

    return EXIT_OK if serve.serve(layout, args.dev_addr, check) else EXIT_PROBLEMS


def _note_language(tag: str) -> None:
    """Say so when Podium does not speak the site's language: its own words are then English."""
    if translations.catalog_for(tag) is None:
        spoken = ", ".join(locale.replace("_", "-") for locale in translations.LANGUAGES)
        print(
            f"note: Podium's own words are in English on this site: it has no translation for '{tag}'"
            f" (it speaks {spoken}; the README says how to add a language)",
            file=sys.stderr,
        )


def _checked(layout: Layout, strict: bool, cache: DocumentCache | None = None) -> Result | None:
    """Check the data and print every problem; None when the build must stop."""
    result, programme = _check_and_report(layout, strict, cache)
    return None if programme is None else result


def _check_and_report(layout: Layout, strict: bool, cache: DocumentCache | None = None) -> tuple[Result, Programme | None]:
    """Check the data and print every problem; the programme to publish, or None when the build must stop."""
    result = checking.check(layout.root, cache)
    _report(result.problems)
    programme = result.programme
    if programme is None or result.problems.errors or (strict and result.problems.warnings):
        counts = f"{len(result.problems.errors)} error(s), {len(result.problems.warnings)} warning(s)"
        print(f"{counts}{' (--strict: warnings count as errors)' if strict else ''}", file=sys.stderr)
        return result, None
    # The publishing workflow knows the site's address (GitHub Pages) when the data does not.
    site_url = os.environ.get("PODIUM_SITE_URL", "").strip()
    if site_url and not programme.conference.url:
        if not is_web_address(site_url):
            print(f"error: PODIUM_SITE_URL {site_url!r} is not a web address Podium can publish at", file=sys.stderr)
            return result, None
        result.programme = programme = programme.published_at(site_url)
    return result, programme


def _new(layout: Layout, args: argparse.Namespace) -> int:
    from .repository import new_conference  # for `new` only

    given = {"name": args.name, "start": args.start, "end": args.end, "timezone": args.timezone}
    try:
        answers = new_conference.complete(given, ask=input if sys.stdin.isatty() else None)
        conference = new_conference.NewConference.parse(**answers, language=args.language)
        done = new_conference.start_conference(layout.root, conference)
    except new_conference.NewConferenceError as error:
        print(f"error: {error}. Nothing was changed.", file=sys.stderr)
        return EXIT_ENVIRONMENT if isinstance(error, new_conference.MissingAnswers) else EXIT_PROBLEMS
    for line in done:
        print(line)
    result, programme = _check_and_report(layout, strict=False)
    if programme is None:
        return EXIT_PROBLEMS
    print(f"{_summary(result)}: no errors. Next: edit the files in data/, then make serve to see them.")
    return EXIT_OK


def _upgrade(layout: Layout, args: argparse.Namespace) -> int:
    from .repository import upgrade  # for `upgrade` only

    try:
        done = upgrade.upgrade(layout.root, args.source, args.ref)
    except upgrade.UpgradeError as error:
        print(f"error: {error}. Nothing was changed.", file=sys.stderr)
        return EXIT_PROBLEMS
    if done is None:
        print("Podium is up to date: nothing to take.")
        return EXIT_OK
    removed = f", {count(done.removed, 'file')} Podium no longer has removed" if done.removed else ""
    print(f"Podium upgraded to {done.commit[:12]}: {count(range(done.updated), 'file')} of Podium's updated{removed};"
          " data/, your pages in docs/ and mkdocs.yml untouched. One commit: git push to publish.")  # fmt: skip
    return EXIT_OK


def _verify(layout: Layout, args: argparse.Namespace) -> int:
    from .engine import site_check  # for `verify` only

    if not (layout.site / "index.html").is_file():
        print("error: no built site in site/: run build.py build first", file=sys.stderr)
        return EXIT_ENVIRONMENT
    report = site_check.verify(layout.site)
    for problem in report.problems:
        print(f"error: {problem}", file=sys.stderr)
    for warning in report.warnings:
        print(f"warning: {warning} (a link in the data: give it its https://)", file=sys.stderr)
    heaviest, weight = report.heaviest
    print(
        f"site/: {count(range(report.pages), 'page')}, {count(range(report.links), 'link')} checked,"
        f" {count(report.problems, 'problem')}, {count(report.warnings, 'warning')}; heaviest first visit {weight / 1024:.0f} KB ({heaviest},"
        f" budget {site_check.PAGE_BUDGET // 1024} KB)"
    )
    return EXIT_PROBLEMS if report.problems else EXIT_OK


def _import(layout: Layout, args: argparse.Namespace) -> int:
    from . import importers  # for `import` only
    from .repository import new_conference

    try:
        imported = importers.read_source(args.source, args.timezone, args.mapping)
    except importers.SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        print("Nothing was imported; data/ is unchanged.", file=sys.stderr)
        return EXIT_PROBLEMS
    counts = ", ".join(
        count(items, singular, plural)
        for items, singular, plural in (
            (imported.sessions, "session", None), (imported.papers, "paper", None),
            (imported.people, "person", "people"), (imported.streams, "stream", None),
        ) + (((imported.rooms, "room", None),) if imported.rooms else ())
    )  # fmt: skip
    print(f"{args.source.name}: {imported.source}: {counts}")
    for note in imported.notes:
        print(f"note: {note}", file=sys.stderr)
    if not args.dry_run and new_conference.is_seed(layout.data):
        # A new repository's first import: the programme is the organiser's, not the seed's.
        for line in new_conference.set_seed_aside(layout.root):
            print(line)
    take = frozenset(path.removeprefix("data/") for path in args.take)
    outcome = importers.import_programme(layout.data, imported, args.dry_run, args.force, take)
    _print_plan(outcome.plan, args.dry_run)
    if args.dry_run or not outcome.wrote:
        return EXIT_OK
    result, programme = _check_and_report(layout, strict=False)
    if programme is None:
        print("The imported data has problems: fix them in the source and import again, or in data/.", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{_summary(result)}: no errors. Next: make serve, to see it.")
    return EXIT_OK


def _print_plan(plan, dry_run: bool) -> None:
    """`data/: 36 added, 1 changed, ...`, with the counts by kind of file and what was kept."""
    verb = "would be" if dry_run else "were"
    by_kind: dict[str, list[str]] = {}
    for what in ("added", "changed", "removed"):
        for path in getattr(plan, what):
            kind = path.split("/")[0] if "/" in path else "files"
            by_kind.setdefault(kind, []).append(what)
    parts = [f"{len(getattr(plan, what))} {what}" for what in ("added", "changed", "removed")]
    print(f"data/: {', '.join(parts)}, {len(plan.unchanged)} unchanged{' (dry run: nothing written)' if dry_run else ''}")
    for kind, whats in sorted(by_kind.items()):
        print(f"  {kind}: " + ", ".join(f"{whats.count(w)} {w}" for w in ("added", "changed", "removed") if w in whats))
    if plan.hand_written:
        print(f"Kept, written by hand (--take FILE or --force overwrites): {', '.join('data/' + p for p in plan.hand_written)}")
    unchanged_upstream = [path for path in plan.kept_edited if path not in plan.upstream and path not in plan.hand_written]
    if unchanged_upstream:
        print(
            f"Kept, edited by hand; the source has not changed them since: {', '.join('data/' + p for p in unchanged_upstream)}"
        )
    for path, changes in plan.upstream.items():
        print(
            f"Kept data/{path}, edited by hand; the source changed it since the last import (--take data/{path} takes its version):"
        )
        for change in changes:
            here = " (edited here too)" if change.edited_here else ""
            print(f"  {change.field}: {change.old}{here} → {change.new}")
    if plan.kept_removed:
        print(f"Gone from the source but edited by hand, so kept: {', '.join('data/' + p for p in plan.kept_removed)}")
    if plan.removed:
        print(f"Removed {verb} the files of items gone from the source: {', '.join('data/' + p for p in plan.removed)}")


def _github_job_summary(what: str, result: Result, programme: Programme | None, pages: int | None = None) -> None:
    """In GitHub Actions, the run's page shows the counts and every problem as a table."""
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary_file:
        return
    problems = result.problems.sorted()
    lines = [f"## Podium: {what.lower()}", ""]
    if result.programme is not None:
        counts = _summary(result) + (f", {pages} pages" if pages is not None else "")
        lines.append(f"**{_markdown_cell(counts)}**")
        lines.append("")
    verdict = "passed" if programme is not None else "failed: nothing was published" if what == "Build" else "failed"
    lines += [f"{what} {verdict}: {len(result.problems.errors)} error(s), {len(result.problems.warnings)} warning(s).", ""]
    if problems:
        lines += ["| file | line | problem | hint |", "|---|---|---|---|"]
        for problem in problems:
            where = f"{problem.position.line}:{problem.position.column}" if problem.position.line else ""
            message = f"{problem.severity}: {problem.message}"
            cells = (problem.position.path, where, message, problem.hint)
            lines.append("| " + " | ".join(_markdown_cell(cell) for cell in cells) + " |")
    with open(summary_file, "a", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n\n")


def _markdown_cell(text: str) -> str:
    """Organisers' text in a Markdown table cell: shown as typed, never as markup."""
    return html.escape(text, quote=False).replace("|", "&#124;").replace("\n", " ") if text else ""


def _report(problems: Problems) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems.sorted():
        print(problem, file=sys.stderr)
        if annotate:
            print(problem.as_annotation())


def _summary(result: Result) -> str:
    programme = result.programme
    if programme is None:
        return ""
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


# The commands that write into the project (or read what a build writes), each holding
# the folder while it runs: two at once could publish half of each other's site.
_WRITING = {_build: "build", _serve: "serve", _import: "import", _new: "new", _upgrade: "upgrade", _verify: "verify"}
