"""The one matcher factory and the case rule beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

from primer.content.loader import load_content
from primer.exports.epub_chapters import chapter_html, markdown_setup
from primer.terms.termmatch import match_key
from tests.helpers import FIXTURES, ROOT


def test_acronyms_keep_their_case_and_other_names_fold() -> None:
    """`RLHF` is matched as written; `Transformer` and `transformer` are one name."""
    assert match_key("RLHF") == "RLHF"
    assert match_key("Transformer") == match_key("transformer") == "transformer"


def test_the_epub_does_not_link_a_term_inside_a_known_name(tmp_path: Path) -> None:
    """EPUB chapters use the site's matcher: the term LLM inside the proper name 'Acme LLM Lab' stays plain text."""
    shutil.copytree(FIXTURES / "mini" / "content", tmp_path / "content")
    (tmp_path / "content/names.yml").write_text("zh: [某实验室]\nen: [Acme LLM Lab]\n", encoding="utf-8")
    body = tmp_path / "content/sections/01-basics/en.md"
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace("\n## ", "\nBuilt at Acme LLM Lab.\n\n## ", 1), encoding="utf-8")
    content, _ = load_content(tmp_path)
    html = "".join(chapter_html(content, "en", markdown_setup(ROOT / "mkdocs.en.yml")).values())
    assert "Acme LLM Lab" in html
