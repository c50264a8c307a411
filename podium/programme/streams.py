"""A stream's colour: the bar beside its sessions in the timetable, checked for contrast.

A bar is a graphic that tells streams apart, so WCAG 2.2 AA (1.4.11, non-text
contrast) asks 3:1 against what is next to it: the page, in the light scheme and in
the dark one (Material's default and slate backgrounds). A colour that misses is an
error that gives the ratios measured, so the organiser can pick a darker or lighter one.
"""

from __future__ import annotations

from .problems import Position, Problems

MINIMUM_CONTRAST = 3.0
# Material for MkDocs' page backgrounds: default (white) and slate (hsl(225, 15%, 14%)).
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}


def check_colour(colour: str, at: Position, problems: Problems) -> None:
    ratios = {scheme: contrast(colour, background) for scheme, background in BACKGROUNDS.items()}
    failing = {scheme: ratio for scheme, ratio in ratios.items() if ratio < MINIMUM_CONTRAST}
    if failing:
        measured = ", ".join(f"{ratio:.2f}:1 on the {scheme} page" for scheme, ratio in ratios.items())
        problems.error(
            at,
            f"colour {colour} is too faint beside the sessions ({measured}; WCAG AA asks 3:1 on both)",
            "pick a colour of middle lightness, such as #1976d2, #2e7d32 or #e65100",
        )


def contrast(first: str, second: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    """WCAG's relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
