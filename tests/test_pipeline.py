"""primer.exports.pipeline: every language's books made at once, forked where the builds are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from primer.exports import pipeline
from primer.exports.manifest import FileFacts

LANGS = ["zh", "en", "zh-Hant"]


def facts_of(lang: str) -> FileFacts:
    """What a language's books report, and in which process they were made."""
    if lang == "en" and os.environ.get("PRIMER_TEST_FAIL_EN"):
        raise RuntimeError("the en PDF could not be printed")
    return {f"book-{lang}.pdf": {"pages": len(lang), "pid": os.getpid()}}


@pytest.mark.parametrize("forked", [True, False])
def test_every_language_reports_its_books(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forked: bool) -> None:
    """Forked or in threads, every language's facts come back, forked ones from processes of their own."""
    monkeypatch.setattr(pipeline, "can_fork", lambda root: forked)
    facts, failed = pipeline.every_language(tmp_path, LANGS, facts_of, tmp_path)
    assert failed == []
    assert {name: found["pages"] for name, found in facts.items()} == {"book-zh.pdf": 2, "book-en.pdf": 2,
                                                                       "book-zh-Hant.pdf": 7}
    pids = {found["pid"] for found in facts.values()}
    assert (os.getpid() not in pids and len(pids) == 3) if forked else pids == {os.getpid()}


def test_a_failed_language_is_reported_with_its_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A language whose books fail in its forked process is a failed build with the error's text;
    the others still report."""
    monkeypatch.setattr(pipeline, "can_fork", lambda root: True)
    monkeypatch.setenv("PRIMER_TEST_FAIL_EN", "1")
    facts, failed = pipeline.every_language(tmp_path, LANGS, facts_of, tmp_path)
    assert [result.lang for result in failed] == ["en"] and not failed[0].ok
    assert "the en PDF could not be printed" in failed[0].output
    assert set(facts) == {"book-zh.pdf", "book-zh-Hant.pdf"}
