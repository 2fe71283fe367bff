"""Finding citations, internal links and code spans in Markdown bodies."""

from __future__ import annotations

import random

from primer.content.markdown_refs import TOKEN, rewrite_body, scan_body, tokens


def test_tokens_finds_what_token_finditer_finds_on_random_lines() -> None:
    """`tokens` jumps between possible starts; it must find exactly TOKEN.finditer's matches."""
    rng = random.Random(8)
    alphabet = ["a", "大", " ", "`", "``", "[", "]", "(", ")", "@", ";", "#", "\"", "[@src-1]",
                "](term:llm)", "](https://x.org)", "](section:a#b)", "[@a; @b]"]
    found = 0
    for _ in range(3000):
        line = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        expected = [(m.start(), m.end(), m.group(0)) for m in TOKEN.finditer(line)]
        assert [(m.start(), m.end(), m.group(0)) for m in tokens(line)] == expected, line
        found += len(expected)
    assert found > 3000


def test_scan_and_rewrite_skip_code_and_keep_columns() -> None:
    """Links inside code spans and fences are neither reported nor rewritten; columns are 1-based."""
    body = "## 标题 {#t}\n\n见 `[x](term:a)` 与 [大模型](term:llm)[@src]。\n\n```\n[y](term:b)\n```\n"
    line = body.split("\n")[2]
    refs = scan_body(body)
    assert [(link.target, link.line, link.column) for link in refs.links] == [("llm", 3, line.index("](term:llm") + 1)]
    assert [(c.source_id, c.column) for c in refs.citations] == [("src", line.index("[@src") + 1)]
    rewritten = rewrite_body(body, cite=lambda s: f"<{s}>", link=lambda scheme, target, anchor: f"/{target}/")
    assert rewritten == body.replace("](term:llm)[@src]", "](/llm/)<src>")
