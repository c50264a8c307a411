"""The words pages show for the data's fixed values: kinds of sessions, kinds of links."""

from __future__ import annotations

import functools

from babel import Locale, UnknownLocaleError

from ..programme.model import Appearance, Link, Session
from ..translations import N_, _

# In English; kind_label() and link() give them in the site's language.
KIND_LABELS = {
    "talk": N_("Talk"),
    "paper-session": N_("Session of papers"),
    "panel": N_("Panel"),
    "symposium": N_("Symposium"),
    "roundtable": N_("Roundtable"),
    "workshop": N_("Workshop"),
    "posters": N_("Poster session"),
    "keynote": N_("Keynote"),
    "plenary": N_("Plenary"),
    "break": N_("Break"),
    "social": N_("Social event"),
    "other": N_("Other"),
}

LINK_LABELS = {
    "slides": N_("Slides"),
    "paper": N_("Paper"),
    "video": N_("Video"),
    "livestream": N_("Livestream"),
    "code": N_("Code"),
    "website": N_("Website"),
    "other": N_("Link"),
}


@functools.lru_cache(maxsize=256)
def language(tag: str, locale: str) -> str:
    """A BCP 47 tag's name in the site's language (`de` → `German`), or the tag itself.
    Kept: every list entry of a session in another language names it."""
    try:
        name = Locale.parse(tag, sep="-").get_display_name(locale)
    except (ValueError, TypeError, UnknownLocaleError):
        return tag
    return name[:1].upper() + name[1:] if name else tag


def kind(session: Session) -> str:
    """`Keynote`, or `Keynote, for everyone` when it belongs to every stream."""
    label = kind_label(session.kind)
    return _("%(kind)s, for everyone", kind=label) if session.is_for_everyone else label


def kind_label(kind: str) -> str:
    """`Keynote` for `keynote`, in the site's language."""
    return _(KIND_LABELS[kind])


def shows_kind(session: Session) -> bool:
    """A talk is what a session is unless said otherwise: its kind goes without saying, and
    "Other" says nothing."""
    return session.kind not in ("talk", "other") or session.is_for_everyone


# More authors than this are shortened in lists and on session pages: the first three,
# then "et al."; the paper's page has them all (a poster's may have twenty).
AUTHORS_LISTED = 4


def first_authors(names: list[str], separator: str = ", ") -> str:
    """`names` joined, or the first three of a longer list with "et al."."""
    if len(names) <= AUTHORS_LISTED:
        return separator.join(names)
    return _("%(names)s et al.", names=separator.join(names[: AUTHORS_LISTED - 1]))


def link(link: Link) -> str:
    return link.label or _(LINK_LABELS[link.kind])


def roles(appearances: tuple[Appearance, ...]) -> list[tuple[str, list[Appearance]]]:
    """The appearances grouped by role, in order of first mention: [("Chair", [...]), ...].

    Those without a role are grouped under "People".
    """
    groups: dict[str, list[Appearance]] = {}
    for appearance in appearances:
        groups.setdefault(appearance.role or _("People"), []).append(appearance)
    return list(groups.items())
