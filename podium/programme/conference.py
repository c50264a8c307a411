"""data/conference.yml: the event's name, time zone, language, dates and formats."""

from __future__ import annotations

import datetime as dt
import difflib
import zoneinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import babel
import babel.dates

from .load import Document
from .model import Conference, Venue
from .problems import Problems
from .times import read_date

DEFAULT_LANGUAGE = "en"
# The language's own long date ("Tuesday, 10 September 2019" in en-AU, "Dienstag, 10. September
# 2019" in de, "2019年9月10日星期二" in zh-Hans) and short time (10:55 or 10:55 am).
DEFAULT_DATE_FORMAT = "full"
DEFAULT_TIME_FORMAT = "short"


def read_conference(document: Document, problems: Problems) -> Conference | None:
    """The conference, or None when a field it cannot do without is at fault (reported)."""
    data = document.data
    zone = _zone(document, problems)
    language = _language(document, problems)
    date_format = data.get("date_format", DEFAULT_DATE_FORMAT)
    time_format = data.get("time_format", DEFAULT_TIME_FORMAT)
    for key, pattern in (("date_format", date_format), ("time_format", time_format)):
        _check_pattern(document, key, pattern, language, problems)
    start_date = read_date(document, ("start_date",), problems)
    end_date = read_date(document, ("end_date",), problems)
    if start_date and end_date and end_date < start_date:
        problems.error(
            document.position(("end_date",)),
            f"end_date {end_date} is before start_date {start_date}",
        )
    url = data.get("url")
    if zone is None or language is None or "name" not in data:
        return None
    return Conference(
        name=data["name"],
        zone=zone,
        language=language,
        date_format=date_format,
        time_format=time_format,
        short_name=data.get("short_name"),
        url=url if url is None or url.endswith("/") else url + "/",
        start_date=start_date,
        end_date=end_date,
        venue=Venue(**data.get("venue") or {}),
        default_duration=int(data.get("default_duration", 60)),
        day_change=_day_change(data.get("day_change")),
    )


def _day_change(text: str | None) -> dt.time:
    """`06:00` as a time (checked by the schema); midnight without one."""
    if not text:
        return dt.time(0)
    hours, minutes = text.split(":")
    return dt.time(int(hours), int(minutes))


def _zone(document: Document, problems: Problems) -> ZoneInfo | None:
    name = document.data.get("timezone")
    if name is None:
        return None  # reported by the schema check
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        close = difflib.get_close_matches(name, _zone_names(), n=1)
        hint = f"did you mean '{close[0]}'?" if close else "use an IANA name such as Australia/Sydney"
        problems.error(document.position(("timezone",)), f"unknown time zone '{name}'", hint)
        return None


def _language(document: Document, problems: Problems) -> str | None:
    language = document.data.get("language", DEFAULT_LANGUAGE)
    try:
        babel.Locale.parse(language, sep="-")
    except (ValueError, babel.UnknownLocaleError):
        problems.error(
            document.position(("language",)),
            f"unknown language '{language}'",
            "use a BCP 47 tag such as en-AU",
        )
        return None
    return language


def _check_pattern(document: Document, key: str, pattern: str, language: str | None, problems: Problems) -> None:
    if language is None or pattern in ("short", "full"):
        return
    sample = dt.datetime(2019, 9, 10, 10, 55, tzinfo=dt.UTC)
    try:
        babel.dates.format_datetime(sample, pattern, locale=language.replace("-", "_"))
    except Exception as error:  # noqa: BLE001 (Babel raises several types for a bad pattern)
        problems.error(document.position((key,)), f"{key} is not a valid CLDR pattern: {error}")


def _zone_names() -> list[str]:
    return sorted(zoneinfo.available_timezones())
