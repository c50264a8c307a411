"""The web app manifest and its icons: what lets a phone add the programme to its home screen.

The icons are drawn here, from the conference's short name (or its initials), in white
on Material's default indigo, with Pillow's own font, so they are the same bytes on
every machine. The text stays in the middle three fifths, inside the circle that
Android's "maskable" icons may be cut to.
"""

from __future__ import annotations

import io
import json

from anyascii import anyascii
from PIL import Image, ImageDraw, ImageFont

from ..programme import addresses
from ..programme.model import Conference

BACKGROUND = "#4051b5"  # Material's default primary colour, as on the site's header
FOREGROUND = "#ffffff"
ICON_SIZES = (180, 192, 512)  # Apple's touch icon, then the manifest's two
_TEXT_BOX = 0.6  # of the icon's side
_LONGEST_LINE = 6  # characters, before the name gives way to its initials


def manifest(conference: Conference) -> bytes:
    icons = [
        {"src": addresses.icon(size), "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"} for size in ICON_SIZES[1:]
    ]
    icons.append({**icons[-1], "purpose": "maskable"})
    data = {
        "name": conference.name,
        "short_name": conference.short_name or conference.name,
        "lang": conference.language,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": FOREGROUND,
        "theme_color": BACKGROUND,
        "icons": icons,
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"


def icon(conference: Conference, size: int) -> bytes:
    """A square PNG of `size` pixels with the conference's short name."""
    image = Image.new("RGB", (size, size), BACKGROUND)
    draw = ImageDraw.Draw(image)
    text = "\n".join(icon_lines(conference.short_name or conference.name))
    box = size * _TEXT_BOX
    font_size = size
    while font_size > 8:
        font = ImageFont.load_default(size=font_size)
        left, top, right, bottom = draw.multiline_textbbox((0, 0), text, font=font, align="center")
        if right - left <= box and bottom - top <= box:
            break
        font_size = int(font_size * 0.92)
    draw.multiline_text((size / 2, size / 2), text, font=font, fill=FOREGROUND, anchor="mm", align="center")
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def icon_lines(name: str) -> list[str]:
    """The name in at most two short lines: `ASPC 2019` → ASPC / 2019; a long name → its initials.

    Pillow's font has Latin letters only: other scripts are transliterated (anyascii).
    """
    words = anyascii(name).split() or ["?"]
    if all(len(word) <= _LONGEST_LINE for word in words) and len(words) <= 2:
        return words
    year = next((word for word in reversed(words) if word.isdigit() and len(word) == 4), None)
    others = [word for word in words if word != year] or words
    initials = "".join(word[0].upper() for word in others if word[0].isalnum())[:4] or others[0][:_LONGEST_LINE]
    return [initials, year] if year else [initials]
