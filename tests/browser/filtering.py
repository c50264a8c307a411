"""Filtering a programme as a visitor does (fragments.filters, filters.js)."""

from __future__ import annotations


def open_filters(page) -> None:
    """Open the filters' panel, where it is closed."""
    panel = page.locator("details.podium-filter-panel")
    if not panel.evaluate("details => details.open"):
        panel.locator("summary").click()


def choose(page, name: str, value: str) -> None:
    """Show only `value` of `name` (stream, room, kind, language, day), or all for "":
    for streams and rooms, tick its box alone; for the others, pick its option."""
    open_filters(page)
    boxes = page.locator(f"form.podium-filters input[name={name}]")
    if boxes.count():
        for box in boxes.all():
            box.set_checked(box.get_attribute("value") == value)
    else:
        page.select_option(f"form.podium-filters select[name={name}]", value)
