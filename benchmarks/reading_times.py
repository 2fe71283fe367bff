"""Prints the reading time of each section in both languages, as the pages show it, with the text
counts behind it (a Markdown table for README.md / BENCHMARKS.md).

    .venv/bin/python -m benchmarks.reading_times [--root PATH]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from primer.content.loader import load_content
from primer.pages.reading_time import HAN, WORD, readable_text, reading_minutes


def counts(markdown: str) -> tuple[int, int]:
    """Returns (Han characters, Latin words) of a body's readable text."""
    text = readable_text(markdown)
    return len(HAN.findall(text)), len(WORD.findall(HAN.sub(" ", text)))


def table(root: Path) -> str:
    """Returns the Markdown table of reading times of the content under `root`."""
    content, _issues = load_content(root)
    rows = ["| § | section | zh: characters + Latin words | zh minutes | en: words | en minutes |",
            "| --- | --- | --- | --- | --- | --- |"]
    totals = [0, 0]
    for section in content.sections:
        han, latin = counts(section.body("zh"))
        _, words = counts(section.body("en"))
        zh, en = reading_minutes(section.body("zh")), reading_minutes(section.body("en"))
        totals[0] += zh
        totals[1] += en
        rows.append(f"| {section.order} | {section.id} | {han:,} + {latin:,} | {zh} | {words:,} | {en} |")
    rows.append(f"| | all sections | | {totals[0]} | | {totals[1]} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    print(table(parser.parse_args(argv).root))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
