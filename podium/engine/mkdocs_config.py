"""What the engine is told: the generated build/mkdocs.yml.

MkDocs and ProperDocs read the same file (engines.py runs them); Zensical reads it
too, but runs no hooks (the README lists what else it lacks).
"""

from __future__ import annotations

import html
import importlib.util
import json
import os
from pathlib import Path

import yaml

from .. import pages, translations
from ..programme.model import Programme
from ..translations import N_, _
from . import mkdocs_settings
from . import preview as preview_files
from .layout import Layout

HOOKS = Path(__file__).resolve().parent / "mkdocs_hooks.py"
# The words of the repository's mkdocs.yml that are Podium's: given in the site's
# language. A title an organiser wrote stays as written.
PODIUM_WORDS = (
    N_("Home"), N_("Programme"), N_("Streams"), N_("People"), N_("Rooms"), N_("My programme"), N_("Changes"), N_("About"),
    N_("For organisers"), N_("Switch to dark mode"), N_("Switch to light mode"),
)  # fmt: skip


def config(layout: Layout, programme: Programme, page_bundles: bool = False, preview: bool = False) -> str:
    """build/mkdocs.yml; with `page_bundles`, the hook adds the pages from build/pages/;
    with `preview` (serve), every page loads the notice of the data's problems."""
    conference = programme.conference
    translations.use(conference.language)
    project = _project_config(layout)
    settings = mkdocs_settings.merged(project)
    config: dict = {
        # Material prints site_name into HTML without escaping it: escape it here.
        "site_name": html.escape(conference.name),
        "docs_dir": "docs",
        **settings,
        "theme": {
            **settings["theme"],
            "language": _theme_language(conference.language),
            "custom_dir": os.path.relpath(pages.THEME, layout.work),
        },
        # INHERIT replaces lists: the project's own hooks are named again, before Podium's.
        "hooks": [*_project_hooks(layout), os.path.relpath(HOOKS, layout.work)],
        # The exact language tag for <html lang>, which the theme's own list lacks (en-AU),
        # and the words Podium's theme and scripts show, in the site's language.
        "extra": {"podium": {
            "language": conference.language,
            "words": {"printed_from": _("Printed from"), "not_found": _("Page not found"), "changes_feed": _("Changes")},
            "browser_words": translations.browser_messages(),
        },
        # Material's "Made with Material for MkDocs" is English in every language.
        "generator": False},
    }  # fmt: skip
    if project or _unreadable_settings(layout):
        # The organiser's own settings (mkdocs.yml), which MkDocs reads with their tags, and
        # reports itself where they are broken: a broken file is never passed over.
        config = {"INHERIT": os.path.relpath(layout.root / "mkdocs.yml", layout.work), **config}
    config["nav"] = _translated(config["nav"])
    if isinstance(config["theme"].get("palette"), list):
        config["theme"]["palette"] = _translated(config["theme"]["palette"])
    if published := programme.history.published:
        config["extra"]["podium"]["published"] = published  # starred.js: has the programme changed since?
    if page_bundles:
        config["extra"]["podium"]["pages"] = os.path.relpath(layout.page_bundles, layout.work)
    if preview:
        config["extra"]["podium"]["preview"] = preview_files.SCRIPT
    if conference.url:
        config["site_url"] = conference.url
    # JSON is YAML too, and JSON quoting cannot be misread.
    return json.dumps(config, indent=2, ensure_ascii=False) + "\n"


def _project_config(layout: Layout) -> dict:
    """The project's mkdocs.yml as plain values ({} when it cannot be read: MkDocs reports that itself)."""
    try:
        text = (layout.root / "mkdocs.yml").read_text(encoding="utf-8")
        config = yaml.load(text, Loader=_AnyTagLoader)
    except (OSError, yaml.YAMLError):
        return {}
    return config if isinstance(config, dict) else {}


def _unreadable_settings(layout: Layout) -> bool:
    """Whether the project's mkdocs.yml is there but not a mapping of settings (broken YAML, a list)."""
    try:
        text = (layout.root / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return False
    try:
        value = yaml.load(text, Loader=_AnyTagLoader)
    except yaml.YAMLError:
        return True
    return value is not None and not isinstance(value, dict)


def _translated(value):
    """Navigation titles and toggle names of mkdocs.yml that are Podium's words, in the site's language."""
    if isinstance(value, list):
        return [_translated(item) for item in value]
    if isinstance(value, dict):
        return {
            (_(key) if key in PODIUM_WORDS else key): (_(item) if key == "name" and item in PODIUM_WORDS else _translated(item))
            for key, item in value.items()
        }
    return value


def _project_hooks(layout: Layout) -> list[str]:
    """The hooks the project's mkdocs.yml names, as paths from build/."""
    config = _project_config(layout)
    hooks = config.get("hooks")
    if not isinstance(hooks, list):
        return []
    return [os.path.relpath(layout.root / hook, layout.work) for hook in hooks if isinstance(hook, str)]


class _AnyTagLoader(yaml.SafeLoader):
    """Reads an mkdocs.yml's plain values; MkDocs' own tags (!ENV, !relative) become nothing."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _theme_language(tag: str) -> str:
    """Material's translation closest to the tag: en-AU → en, pt-BR → pt-BR."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return "en"
    available = Path(spec.origin).parent / "templates" / "partials" / "languages"
    for candidate in (tag, tag.split("-")[0]):
        if (available / f"{candidate}.html").is_file():
            return candidate
    return "en"
