"""The words pages show for the data's fixed values: kinds of sessions, kinds of links."""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

from ..programme.model import Appearance, Link, Session

KIND_LABELS = {
    "talk": "Talk",
    "paper-session": "Session of papers",
    "panel": "Panel",
    "symposium": "Symposium",
    "roundtable": "Roundtable",
    "workshop": "Workshop",
    "posters": "Poster session",
    "keynote": "Keynote",
    "plenary": "Plenary",
    "break": "Break",
    "social": "Social event",
    "other": "Other",
}

LINK_LABELS = {
    "slides": "Slides",
    "paper": "Paper",
    "video": "Video",
    "livestream": "Livestream",
    "code": "Code",
    "website": "Website",
    "other": "Link",
}


def language(tag: str, locale: str) -> str:
    """A BCP 47 tag's name in the site's language (`de` → `German`), or the tag itself."""
    try:
        name = Locale.parse(tag, sep="-").get_display_name(locale)
    except (ValueError, TypeError, UnknownLocaleError):
        return tag
    return name[:1].upper() + name[1:] if name else tag


def kind(session: Session) -> str:
    """`Keynote`, or `Keynote, for everyone` when it belongs to every stream."""
    label = KIND_LABELS[session.kind]
    return f"{label}, for everyone" if session.is_for_everyone else label


def shows_kind(session: Session) -> bool:
    """A talk is what a session is unless said otherwise: its kind goes without saying."""
    return session.kind != "talk" or session.is_for_everyone


def link(link: Link) -> str:
    return link.label or LINK_LABELS[link.kind]


def author(appearance: Appearance) -> str:
    """`Lijie Fang (Presenter)`, `Anna Becker (Co-author, not presenting)`."""
    notes = [appearance.role] if appearance.role else []
    if not appearance.presenting:
        notes.append("not presenting")
    return f"{appearance.person.name} ({', '.join(notes)})" if notes else appearance.person.name


def roles(appearances: tuple[Appearance, ...]) -> list[tuple[str, list[Appearance]]]:
    """The appearances grouped by role, in order of first mention: [("Chair", [...]), ...].

    Those without a role are grouped under "People".
    """
    groups: dict[str, list[Appearance]] = {}
    for appearance in appearances:
        groups.setdefault(appearance.role or "People", []).append(appearance)
    return list(groups.items())
