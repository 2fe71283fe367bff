"""The edition an export belongs to: the commit it was built from and that commit's time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from primer.build.sitebuild import git_output, source_date_epoch
from primer.languages import language

DEFAULT_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold


@dataclass(frozen=True, slots=True)
class Edition:
    """Stamps every export with the same commit and time, so two builds of a commit are identical."""

    commit: str  # full hash, '' outside a git checkout
    epoch: int  # seconds since 1970, never before 1980

    @property
    def date(self) -> str:
        """Returns the edition's date as YYYY-MM-DD (UTC)."""
        return datetime.fromtimestamp(self.epoch, tz=UTC).strftime("%Y-%m-%d")

    @property
    def timestamp(self) -> str:
        """Returns the edition's time as an ISO 8601 UTC timestamp without fractions."""
        return datetime.fromtimestamp(self.epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True, kw_only=True)
class Book:
    """What a reader's software shows about an exported book, the same in the PDF and the EPUB."""

    lang: str  # the site's language code (zh, en)
    language: str  # its BCP 47 tag
    identifier: str  # the language's hosted URL: stable across editions
    title: str
    author: str
    subject: str
    rights: str
    edition: Edition


def language_tag(lang: str) -> str:
    """Returns the BCP 47 tag of a site language (`zh-Hans`: the site's Chinese is Simplified)."""
    return language(lang).tag


def current_edition(root: Path) -> Edition:
    """Returns the checkout's edition: its last commit, dated by $SOURCE_DATE_EPOCH or that commit."""
    epoch = max(int(source_date_epoch(root) or DEFAULT_EPOCH), DEFAULT_EPOCH)
    return Edition(commit=last_commit(root), epoch=epoch)


def last_commit(root: Path) -> str:
    """Returns the hash of the last commit, or '' outside a git checkout."""
    return git_output(root, "rev-parse", "--verify", "HEAD")
