"""Writes synthetic content in the real `content/` format, deterministic for a seed.

Usage: .venv/bin/python benchmarks/generate.py OUT_CONTENT_DIR [--pages N] [--terms T] [--events E] [--seed S]

The result passes `build.py check`: N article sections per language (the format allows at most
999: folders are named NN-<id>, NNN-<id> past 99), T glossary terms with nested Chinese names, E timeline events,
the three eras, a two-axis taxonomy, sources, and the home and about pages."""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.textgen import NameFactory, Prose, TermNames

MAX_SECTIONS = 999
TERM_KINDS = ("concept", "method", "architecture", "field", "model", "model-family", "product",
              "organization", "hardware")
EVENT_TAGS = ("architecture", "model", "product", "method", "dataset", "milestone")
ERAS = (("early", 1956, 2005, "萌芽期", "Early period"), ("deep-learning", 2006, 2017, "探索沉淀期", "Exploration"),
        ("pretrained", 2018, None, "迅猛发展期", "Rapid development"))
AXES = {"modality": ("language", "vision", "multimodal"), "level": ("l0", "l1", "l2")}
PAGES = ("glossary", "timeline", "classification", "home", "about")


@dataclass(frozen=True, slots=True, kw_only=True)
class Scale:
    """How much content to write."""

    pages: int = 20
    terms: int = 500
    events: int = 60
    sources: int = 0  # 0: one per ten terms, at least 12
    headings: int = 6
    paragraphs: int = 3  # per heading

    def source_count(self) -> int:
        """Returns the number of sources to write."""
        return self.sources or max(12, self.terms // 10)


@dataclass(slots=True)
class Synthetic:
    """The ids generated so far, shared by the writers."""

    rng: random.Random
    seed: int
    sources: list[str] = field(default_factory=list)
    terms: dict[str, TermNames] = field(default_factory=dict)
    events: list[str] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    _names: dict[str, list[str]] = field(default_factory=dict)

    def some(self, items: list[str], low: int, high: int) -> list[str]:
        """Returns between low and high distinct items."""
        return self.rng.sample(items, min(len(items), self.rng.randint(low, high)))

    def term_ids(self) -> list[str]:
        """Returns the term ids (cached with the names)."""
        if "ids" not in self._names:
            self._names["ids"] = list(self.terms)
        return self._names["ids"]

    def names(self, lang: str) -> list[str]:
        """Returns every surface form of every term in `lang` (terms are all named before use)."""
        if lang in self._names:
            return self._names[lang]
        names: list[str] = []
        for term in self.terms.values():
            names += [term.zh, *term.zh_aliases] if lang == "zh" else [term.en, *term.en_aliases]
            names += [term.abbr] if term.abbr else []
        self._names[lang] = names
        return names


def dump(path: Path, data: dict[str, Any]) -> None:
    """Writes one YAML file the way contributors do (UTF-8, block style)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def write_sources(out: Path, state: Synthetic, count: int) -> None:
    """Writes `sources/<id>.yml`."""
    for index in range(count):
        year = 1990 + index % 36
        source_id = f"author{index:04d}-{year}-topic"
        state.sources.append(source_id)
        dump(out / "sources" / f"{source_id}.yml", {
            "id": source_id, "kind": state.rng.choice(("paper", "report", "announcement")),
            "title": f"Synthetic study number {index} on scale", "authors": [f"Author {index}", "et al."],
            "year": year, "venue": "Benchmark Proceedings", "url": f"https://example.org/papers/{index}",
        })


def term_entry(state: Synthetic, term_id: str, names: TermNames, kind: str, model_index: int) -> dict[str, Any]:
    """Returns the YAML mapping of one glossary term."""
    rng = state.rng
    zh, en = Prose(rng, "zh", state.names("zh"), []), Prose(rng, "en", state.names("en"), [])
    entry: dict[str, Any] = {"id": term_id, "kind": kind}
    if names.abbr:
        entry["abbr"] = names.abbr
    entry["year"] = rng.randint(1956, 2025)
    entry["zh"] = {"term": names.zh, "aliases": list(names.zh_aliases),
                   "definition": zh.sentence() + zh.sentence()}
    entry["en"] = {"term": names.en, "aliases": list(names.en_aliases),
                   "definition": en.sentence() + " " + en.sentence()}
    entry["related"] = [other for other in state.some(state.term_ids(), 0, 4) if other != term_id]
    entry["sources"] = state.some(state.sources, 1, 2)
    if kind == "model":  # round-robin first, so every class gets an example model
        entry["organization"] = f"Lab {model_index % 17}"
        entry["classes"] = {axis: [classes[model_index % len(classes)] if model_index < 9 else rng.choice(classes)]
                            for axis, classes in AXES.items()}
    return entry


def write_terms(out: Path, state: Synthetic, count: int) -> None:
    """Writes `glossary/<id>.yml`; the names are drawn first so entries can relate to any term."""
    factory = NameFactory(state.rng)
    for index in range(count):
        state.terms[f"term-{index:05d}"] = factory.term()
    kinds = ["model"] * 9 + [state.rng.choice(TERM_KINDS) for _ in range(max(0, count - 9))]
    models = 0
    for (term_id, names), kind in zip(state.terms.items(), kinds, strict=True):
        dump(out / "glossary" / f"{term_id}.yml", term_entry(state, term_id, names, kind, models))
        models += kind == "model"


def write_eras_and_taxonomy(out: Path) -> None:
    """Writes `eras.yml` and `taxonomy.yml`."""
    eras = [{"id": era_id, "start": start, "end": end,
             "zh": {"name": zh, "description": f"从 {start} 年开始的阶段，这里是合成的说明文字。"},
             "en": {"name": en, "description": f"The period from {start}; synthetic description text."}}
            for era_id, start, end, zh, en in ERAS]
    dump(out / "eras.yml", {"eras": eras})
    axes = [{"id": axis, "zh": {"name": f"按 {axis} 分类", "description": "合成的分类轴说明。"},
             "en": {"name": f"By {axis}", "description": "A synthetic classification axis."},
             "classes": [{"id": cls, "zh": {"name": f"类别 {cls}", "description": "合成的类别说明。"},
                          "en": {"name": f"Class {cls}", "description": "A synthetic class."}} for cls in classes]}
            for axis, classes in AXES.items()]
    dump(out / "taxonomy.yml", {"axes": axes})


def write_events(out: Path, state: Synthetic, count: int) -> None:
    """Writes `timeline/<id>.yml`, spread over 1956–2025."""
    rng = state.rng
    term_ids = state.term_ids()
    zh, en = Prose(rng, "zh", state.names("zh"), []), Prose(rng, "en", state.names("en"), [])
    for index in range(count):
        year = 1956 + (index * 70) // max(1, count)
        event_id = f"event-{index:04d}-{year}"
        state.events.append(event_id)
        dump(out / "timeline" / f"{event_id}.yml", {
            "id": event_id, "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "approximate": False, "tags": rng.sample(EVENT_TAGS, rng.randint(1, 2)),
            "zh": {"title": f"合成事件 {index}", "summary": zh.sentence() + zh.sentence()},
            "en": {"title": f"Synthetic event {index}", "summary": en.sentence() + " " + en.sentence()},
            "terms": state.some(term_ids, 1, 4), "sources": state.some(state.sources, 1, 2),
        })


def section_body(state: Synthetic, lang: str, scale: Scale, sources: list[str], own: str) -> str:
    """Returns one section's Markdown: headings with ids, citations, links, code, a note, a table."""
    rng = random.Random(f"{state.seed}-{own}-{lang}")
    prose = Prose(rng, lang, state.names(lang), state.names("en" if lang == "zh" else "zh"))
    blocks, pending = [], list(sources)
    for number in range(1, scale.headings + 1):
        level = "###" if number % 3 == 0 else "##"
        title = f"第 {number} 部分" if lang == "zh" else f"Part {number}"
        blocks.append(f"{level} {title} {{#part-{number}}}")
        for _ in range(scale.paragraphs):
            cites = [pending.pop()] if pending else [rng.choice(sources)] if rng.random() < 0.5 else []
            blocks.append(prose.paragraph(cites))
        blocks.append(extra_block(state, prose, rng, lang, number, own))
    return "\n\n".join(block for block in blocks if block) + "\n"


def extra_block(state: Synthetic, prose: Prose, rng: random.Random, lang: str, number: int, own: str) -> str:
    """Returns a link list, code block, admonition or table, in turn."""
    names = state.names(lang)
    kind = number % 4
    if kind == 1:
        term, event = rng.choice(state.term_ids()), rng.choice(state.events)
        other = rng.choice(state.sections)
        see = "参见" if lang == "zh" else "See"
        return (f"- {see} [{names[0]}](term:{term})\n- [{event}](event:{event})\n"
                f"- [{other}](section:{other}#part-1)\n- [timeline](page:timeline)\n- [top](#part-1)")
    if kind == 2:
        return f"```python\n# {rng.choice(names)} {rng.choice(names)}\nmodel = load(\"{rng.choice(names)}\")\n```"
    if kind == 3:
        title = "注意" if lang == "zh" else "Note"
        return f'!!! note "{title}"\n    {prose.sentence()}'
    rows = "\n".join(f"| {rng.choice(names)} | {rng.randint(1956, 2025)} |" for _ in range(4))
    header = "| 名称 | 年份 |" if lang == "zh" else "| Name | Year |"
    return f"{header}\n|---|---|\n{rows}"


def write_document(folder: Path, meta: dict[str, Any], bodies: dict[str, str]) -> None:
    """Writes `meta.yml`, `zh.md` and `en.md` of a section or page."""
    dump(folder / "meta.yml", meta)
    for lang, body in bodies.items():
        (folder / f"{lang}.md").write_text(body, encoding="utf-8")


def write_sections(out: Path, state: Synthetic, scale: Scale) -> None:
    """Writes `sections/NN-<id>/` (`NNN-<id>` past 99)."""
    state.sections.extend(f"topic-{order}" for order in range(1, scale.pages + 1))
    for order, section_id in enumerate(state.sections, start=1):
        sources = state.some(state.sources, 2, 5)
        meta = {"id": section_id, "order": order,
                "title": {"zh": f"合成章节 {order}", "en": f"Synthetic section {order}"},
                "description": {"zh": f"第 {order} 个合成章节。", "en": f"Synthetic section number {order}."},
                "terms": state.some(state.term_ids(), 2, 6), "sources": sources}
        bodies = {lang: section_body(state, lang, scale, sources, section_id) for lang in ("zh", "en")}
        write_document(out / "sections" / f"{order:02d}-{section_id}", meta, bodies)


def write_pages(out: Path, state: Synthetic) -> None:
    """Writes the home and about pages."""
    for page_id in ("home", "about"):
        meta = {"id": page_id, "title": {"zh": f"合成{page_id}", "en": f"Synthetic {page_id}"},
                "description": {"zh": "合成页面。", "en": "A synthetic page."},
                "terms": state.some(state.term_ids(), 1, 2), "sources": state.sources[:2] if page_id == "about" else []}
        bodies = {}
        for lang in ("zh", "en"):
            prose = Prose(random.Random(f"{state.seed}-{page_id}-{lang}"), lang, state.names(lang), [])
            links = " ".join(f"[{name}](page:{name})" for name in PAGES if name != page_id)
            cites = state.sources[:2] if page_id == "about" else []
            bodies[lang] = f"{prose.paragraph(cites)}\n\n{links} [{state.sections[0]}](section:{state.sections[0]})\n"
        write_document(out / "pages" / page_id, meta, bodies)


def generate(out: Path, scale: Scale, seed: int = 0) -> dict[str, Any]:
    """Replaces `out` (a content folder) with synthetic content; returns what was written."""
    if not 1 <= scale.pages <= MAX_SECTIONS:
        raise ValueError(f"pages must be 1–{MAX_SECTIONS}: section folders are named NN-<id> or NNN-<id>")
    if scale.terms < 9:
        raise ValueError("terms must be at least 9 (every taxonomy class needs an example model)")
    if out.exists():
        shutil.rmtree(out)
    state = Synthetic(random.Random(seed), seed)
    write_sources(out, state, scale.source_count())
    write_terms(out, state, scale.terms)
    write_eras_and_taxonomy(out)
    write_events(out, state, scale.events)
    write_sections(out, state, scale)
    write_pages(out, state)
    size = sum(path.stat().st_size for path in out.rglob("*.md"))
    return {**asdict(scale), "sources": scale.source_count(), "seed": seed, "markdown_bytes": size}


def main(argv: list[str] | None = None) -> int:
    """Command line: writes synthetic content into a folder."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="the content folder to (re)create, e.g. /tmp/synthetic/content")
    parser.add_argument("--pages", type=int, default=20, help=f"sections per language (1–{MAX_SECTIONS})")
    parser.add_argument("--terms", type=int, default=500)
    parser.add_argument("--events", type=int, default=60)
    parser.add_argument("--headings", type=int, default=6, help="headings per section")
    parser.add_argument("--paragraphs", type=int, default=3, help="paragraphs per heading (text volume)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    scale = Scale(pages=args.pages, terms=args.terms, events=args.events, headings=args.headings,
                  paragraphs=args.paragraphs)
    print(generate(args.out, scale, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
