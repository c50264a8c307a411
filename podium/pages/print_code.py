"""The QR code of a page's address, for its foot on paper: a printed handout leads back to the site.

Drawn at build time (segno) as one SVG path: no service, no script, and nothing on
screen. Only where the site's address is known (conference.yml's `url`): without it
there is no address to encode.
"""

from __future__ import annotations

import itertools

import segno
from markupsafe import Markup, escape

# Four modules of light around the code, as the standard asks for a reader to find it.
_QUIET = 4


def address_code(url: str | None) -> Markup:
    """`<div class="podium-print-code">` holding the QR code of `url`; "" without one."""
    if not url:
        return Markup("")
    # One fixed mask: segno otherwise scores all eight, five times the work on every
    # page; any mask makes a valid code (the tests read it back with another library).
    code = segno.make(url, error="m", micro=False, mask=0, boost_error=False)
    size = len(code.matrix) + 2 * _QUIET
    return Markup(
        f'<div class="podium-print-code" aria-hidden="true"><svg xmlns="http://www.w3.org/2000/svg"'
        f' viewBox="-{_QUIET} -{_QUIET} {size} {size}" shape-rendering="crispEdges">'
        f'<title>{escape(url)}</title><path stroke="#000" d="{_path(code.matrix)}"/></svg></div>'
    )


def _path(matrix) -> str:
    """The dark modules as horizontal strokes one module thick: an absolute move to each
    row's first run, relative moves to the next runs of the row."""
    parts = []
    for y, row in enumerate(matrix):
        pen = None  # where this row's last stroke ended
        x = 0
        for dark, run in itertools.groupby(row):
            length = sum(1 for _ in run)
            if dark:
                parts.append(f"M{x} {y + 0.5}h{length}" if pen is None else f"m{x - pen} 0h{length}")
                pen = x + length
            x += length
    return "".join(parts)
