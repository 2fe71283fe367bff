"""The real site, built once: sections, glossary, timeline and classification in both languages."""

from __future__ import annotations

import json
import re
from html import unescape
from itertools import pairwise
from pathlib import Path

import pytest

from primer.languages import CODES, language
from primer.pages.render import plain_text
from tests.helpers import article

pytestmark = pytest.mark.slow
LANGS = CODES  # every edition of the registry, the derived 繁體中文 one too


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_six_sections_per_language_with_descriptions(real_site: Path, editions) -> None:
    """Each language has the six sections, each with its own meta description and references."""
    for lang in LANGS:
        for section in editions[lang].sections:
            html = read(real_site, f"{language(lang).folder}/sections/{section.id}/index.html")
            found = re.search(r'<meta name="description" content="([^"]*)">', html)
            assert found and unescape(found.group(1)) == section.description.get(lang)
            assert 'id="references"' in html


def test_heading_anchors_are_identical_across_languages(real_site: Path, content) -> None:
    """Every section page has the same heading ids in every language."""
    for section in content.sections:
        ids = [re.findall(r'<h[2-6] id="([^"]+)"',
                          article(read(real_site, f"{language(lang).folder}/sections/{section.id}/index.html")))
               for lang in LANGS]
        assert all(found == ids[0] for found in ids), section.id


def test_glossary_lists_every_term_with_backlinks(real_site: Path, content) -> None:
    """The glossary has an anchor per term in both languages, and most terms appear somewhere."""
    for lang in LANGS:
        html = read(real_site, f"{language(lang).folder}/glossary/index.html")
        ids = set(re.findall(r'<h3 id="([a-z0-9-]+)"', html))
        assert ids == set(content.terms)
        unmentioned = html.count('data-appears-in=') - len(re.findall(r'data-appears-in="[^"]+"><a ', html))
        assert unmentioned < len(content.terms) / 3


def test_tooltips_carry_the_definition(real_site: Path, editions) -> None:
    """A section links terms with their own definitions (as plain text) as tooltips."""
    for lang in LANGS:
        content = editions[lang]
        body = article(read(real_site, f"{language(lang).folder}/sections/definition/index.html"))
        links = re.findall(r'<a href="../../glossary/#([a-z0-9-]+)" class="primer-term" title="([^"]+)"', body)
        assert len(links) >= 5
        assert len({term for term, _ in links}) == len(links)  # first mention only
        for term_id, tooltip in links:  # the definition as readable text: Markdown marks dropped
            definition = re.sub(r"\[([^\]]*)\]\([^)]*\)|[*_`]", r"\1", content.terms[term_id].text(lang).definition)
            assert unescape(tooltip) == " ".join(definition.split()), term_id


def test_timeline_is_ordered_and_grouped_by_era(real_site: Path, content) -> None:
    """Events appear in date order inside their era's block, with identical anchors in both languages."""
    anchors = {}
    for lang in LANGS:
        html = article(read(real_site, f"{language(lang).folder}/timeline/index.html"))
        found = re.findall(r'<li class="primer-event" id="([a-z0-9-]+)"', html)
        anchors[lang] = found
        assert found == [event.id for event in content.events]
        for era in content.eras:
            block = re.search(rf'<div class="primer-era" data-era="{era.id}">(.*?)</ol>', html, re.S)
            assert block, era.id
            inside = re.findall(r'<li class="primer-event" id="([a-z0-9-]+)"', block.group(1))
            assert inside == [e.id for e in content.events if content.era_of(e) == era.id]
    assert all(found == anchors[LANGS[0]] for found in anchors.values())


def test_timeline_has_filter_markup_that_is_hidden_without_js(real_site: Path, content) -> None:
    """Tag buttons exist for every used tag; the toolbar starts hidden (progressive enhancement)."""
    html = article(read(real_site, "en/timeline/index.html"))
    assert re.search(r'<div class="primer-timeline-tools" data-primer-filter="" hidden="">', html)
    tags = {tag for event in content.events for tag in event.tags}
    assert set(re.findall(r'data-tag="([a-z-]*)" aria-pressed', html)) == tags | {""}


def jsonld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_json_ld_describes_timeline_and_glossary(real_site: Path, content) -> None:
    """The timeline is an ItemList of Events and the glossary a DefinedTermSet, from the same data."""
    timeline = jsonld(read(real_site, "zh/timeline/index.html"))
    assert timeline["@type"] == "ItemList"
    assert [item["item"]["startDate"] for item in timeline["itemListElement"]] == [e.date for e in content.events]
    assert all(item["item"]["@type"] == "Event" for item in timeline["itemListElement"])
    glossary = jsonld(read(real_site, "en/glossary/index.html"))
    assert glossary["@type"] == "DefinedTermSet"
    assert {t["termCode"] for t in glossary["hasDefinedTerm"]} == set(content.terms)


def test_glossary_json_ld_describes_each_term_by_its_definitions_first_sentence(real_site: Path, content) -> None:
    """Each DefinedTerm's description is a whole first sentence of the visible definition, not all of it."""
    for folder, lang in (("zh", "zh"), ("en", "en")):
        glossary = jsonld(read(real_site, f"{folder}/glossary/index.html"))
        for entry in glossary["hasDefinedTerm"]:
            definition = plain_text(content.terms[entry["termCode"]].text(lang).definition)
            assert definition.startswith(entry["description"])
            assert entry["description"][-1] in "。！？.!?"
            assert len(entry["description"]) < len(definition) or definition[-1] in "。！？.!?"
        shortened = sum(len(e["description"]) < len(plain_text(content.terms[e["termCode"]].text(lang).definition))
                        for e in glossary["hasDefinedTerm"])
        assert shortened > len(glossary["hasDefinedTerm"]) // 2


def test_classification_matrix_cells_match_model_classes(real_site: Path, content) -> None:
    """Each matrix cell lists exactly the models with that modality and level."""
    html = article(read(real_site, "en/classification/index.html"))
    for modality in content.axes[0].classes:
        for level in content.axes[1].classes:
            cell = re.search(rf'<td data-row="{modality.id}" data-column="{level.id}">(.*?)</td>', html, re.S)
            assert cell, (modality.id, level.id)
            listed = set(re.findall(r'#([a-z0-9-]+)"', cell.group(1)))
            expected = {m.id for m in content.models()
                        if modality.id in m.classes["modality"] and level.id in m.classes["level"]}
            assert listed == expected


def test_axis_pages_list_examples_for_every_class(real_site: Path, content) -> None:
    """Each class section on an axis page has at least one example model linked to the glossary."""
    for axis in content.axes:
        html = article(read(real_site, f"zh/classification/{axis.id}/index.html"))
        for cls in axis.classes:
            part = html.split(f'id="{cls.id}"', 1)[1].split("<h2", 1)[0]
            assert re.search(r'href="../../glossary/#[a-z0-9-]+"', part), cls.id


def test_chinese_glossary_index_is_by_pinyin_initial(real_site: Path, content) -> None:
    """The zh index groups terms under the first letter of their pinyin (大模型 under D, 微调 under W)."""
    html = read(real_site, "zh/glossary/index.html")
    index = re.search(r'<nav class="primer-glossary-index".*?</nav>', html, re.S).group(0)
    letters = dict(re.findall(r"<dt>(.)</dt>\s*<dd>(.*?)</dd>", index, re.S))
    assert 'href="#large-model"' in letters["D"] and 'href="#fine-tuning"' in letters["W"]
    assert list(letters) == sorted(letters, key=lambda letter: (letter == "#", letter))


def footer_link(html: str, direction: str) -> str:
    """Returns the href of the page footer's previous or next link ('' if none)."""
    found = re.search(rf'<a href="([^"]*)" class="md-footer__link md-footer__link--{direction}"', html)
    return found.group(1) if found else ""


def test_previous_and_next_follow_the_reading_path(real_site: Path, content) -> None:
    """From the home page, "next" walks the six sections in order, then the glossary; "previous" walks back."""
    for lang in LANGS:
        folder = real_site / language(lang).folder
        pages = [folder / "index.html",
                 *[folder / "sections" / section.id / "index.html" for section in content.sections],
                 folder / "glossary" / "index.html"]
        for here, there in pairwise(pages):
            after = here.parent / footer_link(here.read_text(encoding="utf-8"), "next") / "index.html"
            assert after.resolve() == there, (lang, here)
            before = there.parent / footer_link(there.read_text(encoding="utf-8"), "prev") / "index.html"
            assert before.resolve() == here, (lang, there)


@pytest.mark.parametrize(("lang", "separator", "other"), [("zh", "、", ", "), ("en", ", ", "、"), ("zh-Hant", "、", ", ")])
def test_glossary_lists_use_the_page_language_separators(real_site: Path, lang: str, separator: str,
                                                          other: str) -> None:
    """Related terms are joined with 、 on Chinese pages and with commas on English ones."""
    html = (real_site / language(lang).folder / "glossary/index.html").read_text(encoding="utf-8")
    related = [re.sub(r"<[^>]+>", "", dd) for dd in re.findall(r'<dd><a href="#[a-z0-9-]+">.*?</dd>', html)]
    joined = [text for text in related if separator in text]
    assert joined and not any(other in text for text in related)
