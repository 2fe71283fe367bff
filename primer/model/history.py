"""Eras and timeline events."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from primer.content.fields import LANGS, FieldReader
from primer.content.schemas import vocabulary
from primer.model.common import Localized, Origin, Record

EVENT_TAGS = vocabulary("event", "tags", "items")


@dataclass(frozen=True, slots=True, kw_only=True)
class Era(Record):
    """A period of the history, with an inclusive year range (`end` None = ongoing)."""

    start: int
    end: int | None
    name: Localized
    description: Localized
    note: Localized | None

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> Era:
        """Reads one entry of `content/eras.yml`."""
        texts = {lang: reader.mapping(lang) for lang in LANGS}
        name = {lang: block.text("name") if block else "" for lang, block in texts.items()}
        description = {lang: block.text("description") if block else "" for lang, block in texts.items()}
        note = reader.localized("note") if "note" in reader.data else None
        start = reader.integer("start") or 0
        end = reader.integer("end")
        if end is not None and end < start:
            reader.error("end", f"'end' ({end}) is before 'start' ({start})")
        return cls(
            id=reader.identifier("id"), start=start, end=end, name=Localized.of(name),
            description=Localized.of(description), note=Localized.of(note) if note else None,
            origin=Origin.of(reader),
        )

    def contains(self, year: int) -> bool:
        """Tells whether `year` falls in this era."""
        return self.start <= year and (self.end is None or year <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEvent(Record):
    """A dated milestone (one `content/timeline/<id>.yml`)."""

    date: str
    approximate: bool
    tags: tuple[str, ...]
    title: Localized
    summary: Localized
    terms: tuple[str, ...]
    sources: tuple[str, ...]
    translated_from: str = ""

    @classmethod
    def from_yaml(cls, reader: FieldReader, eras: tuple[Era, ...]) -> TimelineEvent:
        """Reads a `content/timeline/<id>.yml` mapping, checking that an era covers its date (the era
        is not kept: `Content.era_of` finds it from the date)."""
        date = read_date(reader)
        year = int(date[:4]) if date else 0
        era = era_of(year, eras) if date else ""
        if date and eras and not era:
            reader.error("date", f"no era in content/eras.yml covers the year {year}")
        declared = reader.identifier("era")
        if declared and era and declared != era:
            reader.error("era", f"'era' is '{declared}' but the date {date} falls in era '{era}'; "
                         "remove 'era' (it is derived) or fix the date")
        blocks = {lang: reader.mapping(lang) for lang in LANGS}
        return cls(
            id=reader.identifier("id"), date=date, approximate=reader.boolean("approximate"),
            tags=tuple(tag for tag in reader.ids("tags") if tag in EVENT_TAGS),
            title=Localized.of({lang: b.text("title") if b else "" for lang, b in blocks.items()}),
            summary=Localized.of({lang: b.text("summary") if b else "" for lang, b in blocks.items()}),
            terms=reader.ids("terms"), sources=reader.ids("sources"),
            origin=Origin.of(reader), translated_from=reader.text("translated_from"),
        )

    @property
    def year(self) -> int:
        """Returns the event's year."""
        return int(self.date[:4])


def era_of(year: int, eras: tuple[Era, ...]) -> str:
    """Returns the id of the era that covers `year` ('' if none does)."""
    return next((era.id for era in eras if era.contains(year)), "")


DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def read_date(reader: FieldReader) -> str:
    """Reads a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (a bare year may be a number) and checks that
    it exists in the calendar; the schema checks its form."""
    raw = reader.data.get("date")
    text = str(raw) if isinstance(raw, int) and not isinstance(raw, bool) else reader.text("date")
    match = DATE_PATTERN.match(text)
    if not match:
        return ""
    year, month, day = (int(part) if part else 0 for part in match.groups())
    if month and not 1 <= month <= 12:
        reader.error("date", f"'date' '{text}' has no month {month}")
        return ""
    if day and not 1 <= day <= calendar.monthrange(year, month)[1]:
        reader.error("date", f"'date' '{text}' has no day {day} in that month")
        return ""
    return text
