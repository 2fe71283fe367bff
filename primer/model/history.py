"""Eras and timeline events."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from primer.content.fields import LANGS, FieldReader
from primer.content.schemas import keys, vocabulary
from primer.model.common import Localized, Origin

EVENT_TAGS = vocabulary("event", "tags", "items")


@dataclass(frozen=True, slots=True, kw_only=True)
class Era:
    """A period of the history, with an inclusive year range (`end` None = ongoing)."""

    id: str
    start: int
    end: int | None
    name: Localized
    description: Localized
    note: Localized | None
    origin: Origin

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> Era:
        """Reads one entry of `content/eras.yml`."""
        reader.check_keys(keys("eras", "eras", "items"))
        texts = {lang: reader.mapping(lang) for lang in LANGS}
        name = {lang: block.text("name") if block else "" for lang, block in texts.items()}
        description = {lang: block.text("description") if block else "" for lang, block in texts.items()}
        note = reader.localized("note", required=False) if "note" in reader.data else None
        start = reader.integer("start", low=1800, high=2100) or 0
        end = reader.integer("end", required=False, low=1800, high=2100)
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
class TimelineEvent:
    """A dated milestone (one `content/timeline/<id>.yml`)."""

    id: str
    date: str
    approximate: bool
    era: str
    tags: tuple[str, ...]
    title: Localized
    summary: Localized
    terms: tuple[str, ...]
    sources: tuple[str, ...]
    origin: Origin
    translated_from: str = ""

    @classmethod
    def from_yaml(cls, reader: FieldReader, eras: tuple[Era, ...]) -> TimelineEvent:
        """Reads a `content/timeline/<id>.yml` mapping; the era is derived from the date."""
        reader.check_keys(keys("event"))
        date = read_date(reader)
        year = int(date[:4]) if date else 0
        era = next((era.id for era in eras if era.contains(year)), "") if date else ""
        if date and eras and not era:
            reader.error("date", f"no era in content/eras.yml covers the year {year}")
        declared = reader.identifier("era", required=False)
        if declared and era and declared != era:
            reader.error("era", f"'era' is '{declared}' but the date {date} falls in era '{era}'; "
                         "remove 'era' (it is derived) or fix the date")
        tags = reader.ids("tags", required=True, min_items=1)
        for tag in tags:
            if tag not in EVENT_TAGS:
                reader.error("tags", f"unknown tag '{tag}'; use one of: {', '.join(EVENT_TAGS)}")
        blocks = {lang: reader.mapping(lang) for lang in LANGS}
        for block in blocks.values():
            if block:
                block.check_keys(keys("event", "zh"))
        return cls(
            id=reader.identifier("id"), date=date, approximate=reader.boolean("approximate"), era=era,
            tags=tags,
            title=Localized.of({lang: b.text("title", max_length=200) if b else "" for lang, b in blocks.items()}),
            summary=Localized.of({lang: b.text("summary", max_length=1500) if b else "" for lang, b in blocks.items()}),
            terms=reader.ids("terms"), sources=reader.ids("sources", required=True, min_items=1),
            origin=Origin.of(reader), translated_from=reader.text("translated_from", required=False, max_length=12),
        )

    @property
    def year(self) -> int:
        """Returns the event's year."""
        return int(self.date[:4])




DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def read_date(reader: FieldReader) -> str:
    """Reads a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date and checks that it exists in the calendar."""
    text = reader.text("date", max_length=10)
    match = DATE_PATTERN.match(text)
    if text and not match:
        reader.error("date", f"'date' '{text}' must be YYYY, YYYY-MM or YYYY-MM-DD")
        return ""
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
