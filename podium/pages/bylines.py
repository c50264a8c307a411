"""A paper's authors as conference programmes print them.

Names in reading order; where some authors present and some do not, the presenters
marked "(presenting)"; each affiliation written once: after the names where all
share one, beside each name where none is shared, else numbered (Ada Ng¹, Bo Li¹²
and under them ¹ UNSW Sydney; ² Monash University). A long list is shortened to its
first authors with "et al."; the paper's own page names everyone with their roles.
"""

from __future__ import annotations

from markupsafe import escape

from ..programme.model import Appearance
from ..translations import _
from . import labels


def byline(authors: tuple[Appearance, ...] | list[Appearance]) -> list[str]:
    """The lines (HTML) naming `authors`: the names, then the affiliations where they
    are written apart. Empty for no authors."""
    if not authors:
        return []
    shown = list(authors) if len(authors) <= labels.AUTHORS_LISTED else list(authors[: labels.AUTHORS_LISTED - 1])
    marked = len({a.presenting for a in authors}) > 1  # everyone presenting goes without saying

    def name(author: Appearance, number: str = "") -> str:
        mark = " " + escape(_("(presenting)")) if marked and author.presenting else ""
        return f"{escape(author.person.name)}{number}{mark}"

    affiliations = list(dict.fromkeys(a.affiliation for a in shown if a.affiliation))
    with_one = [a for a in shown if a.affiliation]
    if not affiliations:
        return [_shortened([name(a) for a in shown], authors, ", ")]
    if len(affiliations) == 1 and len(with_one) == len(shown) > 1:  # all of one place
        return [_shortened([name(a) for a in shown], authors, ", "), str(escape(affiliations[0]))]
    if len(affiliations) == len(with_one):  # none shared: each beside its author
        beside = [f"{name(a)}, {escape(a.affiliation)}" if a.affiliation else name(a) for a in shown]
        return [_shortened(beside, authors, "; ")]
    number = {affiliation: i for i, affiliation in enumerate(affiliations, start=1)}
    numbered = [name(a, f"<sup>{number[a.affiliation]}</sup>" if a.affiliation else "") for a in shown]
    keys = "; ".join(f"<sup>{number[affiliation]}</sup>\u00a0{escape(affiliation)}" for affiliation in affiliations)
    return [_shortened(numbered, authors, ", "), keys]


def _shortened(parts: list[str], authors, separator: str) -> str:
    """`parts` joined, with "et al." where they are the first of a longer list."""
    joined = separator.join(parts)
    if len(parts) < len(authors):
        return str(escape(_("%(names)s et al.", names="\0"))).replace("\0", joined)
    return joined
