"""Cross-linking terms in rendered HTML: a table of cases over a fixed term set."""

from __future__ import annotations

import pytest

from primer.model import Content
from primer.pages.render import ui_strings
from primer.terms.crosslink import link_terms
from primer.terms.glossary_links import fill_appears_in
from primer.terms.termmatch import KNOWN_NAME, TermMatcher, term_matcher

FORMS = [
    ("大模型", "large-model"), ("基础模型", "large-model"), ("foundation model", "large-model"),
    ("大语言模型", "llm"), ("LLM", "llm"), ("large language model", "llm"),
    ("语言", "language"), ("模型", "model"),
    ("GPT", "gpt"), ("GPT-4", "gpt-4"), ("GPT-3.5", "gpt-3-5"),
    ("RAG", "rag"), ("RLHF", "rlhf"), ("self-attention", "self-attention"), ("attention", "attention"),
    ("Transformer", "transformer"), ("微调", "fine-tuning"), ("fine-tuning", "fine-tuning"),
    ("L0", "l0"), ("DALL·E", "dall-e"), ("ChatGPT", "chatgpt"), ("Q&A", "qa"),
    ("AI", "ai"), ("人工智能", "ai"), ("mixture of experts", "moe"),
    ("Stability AI", KNOWN_NAME), ("Shanghai AI Laboratory", KNOWN_NAME), ("上海人工智能实验室", KNOWN_NAME),
]
MATCHER = TermMatcher(FORMS)


def render(term_id: str, text: str) -> str:
    return f"[{term_id}:{text}]"


def linked(html: str, first_only: bool = True) -> str:
    return link_terms(html, MATCHER, render, first_only=first_only).html


CASES = [
    # nested Chinese terms: the longest wins, anywhere in CJK text
    ("<p>大语言模型很大</p>", "<p>[llm:大语言模型]很大</p>"),
    ("<p>大模型</p>", "<p>[large-model:大模型]</p>"),
    ("<p>基础模型即大模型</p>", "<p>[large-model:基础模型]即大模型</p>"),
    ("<p>语言和模型</p>", "<p>[language:语言]和[model:模型]</p>"),
    ("<p>这是大语言模型与大模型</p>", "<p>这是[llm:大语言模型]与[large-model:大模型]</p>"),
    ("<p>中文大模型训练</p>", "<p>中文[large-model:大模型]训练</p>"),
    # mixed zh/en sentences
    ("<p>GPT-4 是大模型</p>", "<p>[gpt-4:GPT-4] 是[large-model:大模型]</p>"),
    ("<p>用RLHF微调</p>", "<p>用[rlhf:RLHF][fine-tuning:微调]</p>"),
    ("<p>基于Transformer的模型</p>", "<p>基于[transformer:Transformer]的[model:模型]</p>"),
    ("<p>L0 通用</p>", "<p>[l0:L0] 通用</p>"),
    # Latin boundaries, case and acronyms
    ("<p>GPT-4 beats GPT</p>", "<p>[gpt-4:GPT-4] beats [gpt:GPT]</p>"),
    ("<p>GPT-3.5 and GPT</p>", "<p>[gpt-3-5:GPT-3.5] and [gpt:GPT]</p>"),
    ("<p>GPT-5 is not GPT</p>", "<p>GPT-5 is not [gpt:GPT]</p>"),
    ("<p>drag and drop</p>", "<p>drag and drop</p>"),
    ("<p>use RAG here</p>", "<p>use [rag:RAG] here</p>"),
    ("<p>rag doll</p>", "<p>rag doll</p>"),
    ("<p>GPTs</p>", "<p>[gpt:GPTs]</p>"),
    ("<p>LLMs are big</p>", "<p>[llm:LLMs] are big</p>"),
    ("<p>Large language models</p>", "<p>[llm:Large language models]</p>"),
    ("<p>FOUNDATION MODEL</p>", "<p>[large-model:FOUNDATION MODEL]</p>"),
    ("<p>llm in lower case</p>", "<p>llm in lower case</p>"),
    ("<p>multi-head self-attention</p>", "<p>multi-head [self-attention:self-attention]</p>"),
    ("<p>attentions</p>", "<p>[attention:attentions]</p>"),
    ("<p>inattention</p>", "<p>inattention</p>"),
    ("<p>Transformers</p>", "<p>[transformer:Transformers]</p>"),
    ("<p>transformer_x</p>", "<p>transformer_x</p>"),
    ("<p>fine-tuning works</p>", "<p>[fine-tuning:fine-tuning] works</p>"),
    ("<p>DALL·E draws</p>", "<p>[dall-e:DALL·E] draws</p>"),
    ("<p>ChatGPT's reply</p>", "<p>[chatgpt:ChatGPT]'s reply</p>"),
    # never inside code, links, headings, kbd, abbr, opt-out spans
    ("<p><code>大模型</code> 大模型</p>", "<p><code>大模型</code> [large-model:大模型]</p>"),
    ("<pre><code>GPT</code></pre><p>GPT</p>", "<pre><code>GPT</code></pre><p>[gpt:GPT]</p>"),
    ('<p><a href="x">GPT</a> GPT</p>', '<p><a href="x">GPT</a> [gpt:GPT]</p>'),
    ("<h2>大模型</h2><p>大模型</p>", "<h2>大模型</h2><p>[large-model:大模型]</p>"),
    ("<p><kbd>LLM</kbd><abbr>RAG</abbr></p>", "<p><kbd>LLM</kbd><abbr>RAG</abbr></p>"),
    ('<p><span class="no-crosslink">微调</span> 微调</p>', '<p><span class="no-crosslink">微调</span> [fine-tuning:微调]</p>'),
    ('<p title="大模型">x</p>', '<p title="大模型">x</p>'),
    ("<script>var a = '大模型';</script><p>x</p>", "<script>var a = '大模型';</script><p>x</p>"),
    # admonitions and tables are ordinary containers
    ('<div class="admonition note"><p class="admonition-title">注</p><p>微调</p></div>',
     '<div class="admonition note"><p class="admonition-title">注</p><p>[fine-tuning:微调]</p></div>'),
    ("<table><tr><td>GPT</td><td>大模型</td></tr></table>", "<table><tr><td>[gpt:GPT]</td><td>[large-model:大模型]</td></tr></table>"),
    # entities and split terms
    ("<p>Q&amp;A time</p>", "<p>[qa:Q&A] time</p>"),
    ("<p>a &lt;b&gt; GPT</p>", "<p>a &lt;b&gt; [gpt:GPT]</p>"),
    ("<p>大<em>模型</em></p>", "<p>大<em>[model:模型]</em></p>"),
    ("<p>Trans<b>former</b></p>", "<p>Trans<b>former</b></p>"),
    # the first-occurrence rule
    ("<p>GPT and GPT</p>", "<p>[gpt:GPT] and GPT</p>"),
    ("<p>大模型</p><p>大模型</p>", "<p>[large-model:大模型]</p><p>大模型</p>"),
    ("<p>基础模型、大模型</p>", "<p>[large-model:基础模型]、大模型</p>"),
    # the term's own glossary entry
    ('<div data-term-entry="gpt"><p>GPT and GPT-4</p></div>', '<div data-term-entry="gpt"><p>GPT and [gpt-4:GPT-4]</p></div>'),
    # known proper names block the terms inside them; the next real mention is linked
    ("<p>Stability AI builds AI</p>", "<p>Stability AI builds [ai:AI]</p>"),
    ("<p>Shanghai AI Laboratory and AI</p>", "<p>Shanghai AI Laboratory and [ai:AI]</p>"),
    ("<p>上海人工智能实验室研究人工智能</p>", "<p>上海人工智能实验室研究[ai:人工智能]</p>"),
    ("<p>Stability AIs</p>", "<p>Stability AIs</p>"),
    # never inside controls: summary, label, button, select options
    ("<details><summary>大模型</summary><p>大模型</p></details>",
     "<details><summary>大模型</summary><p>[large-model:大模型]</p></details>"),
    ("<label>GPT <input></label><p>GPT</p>", "<label>GPT <input></label><p>[gpt:GPT]</p>"),
    ("<button>RLHF</button><select><option>RAG</option></select>", "<button>RLHF</button><select><option>RAG</option></select>"),
    # whitespace runs and line breaks inside a multi-word term
    ("<p>a mixture of\nexperts</p>", "<p>a [moe:mixture of\nexperts]</p>"),
    ("<p>Mixture  of \t\r\n Experts, then AI</p>", "<p>[moe:Mixture  of \t\r\n Experts], then [ai:AI]</p>"),
    ("<p>x\n\nStability\nAI and\n\nAI</p>", "<p>x\n\nStability\nAI and\n\n[ai:AI]</p>"),
    ("<p>nothing here</p>", "<p>nothing here</p>"),
    ("", ""),
]


@pytest.mark.parametrize(("html", "expected"), CASES)
def test_link_terms(html: str, expected: str) -> None:
    """Each row: input HTML, HTML with first mentions linked."""
    assert linked(html) == expected


def test_every_mention_can_be_linked_when_configured() -> None:
    """first_only=False links every occurrence."""
    assert linked("<p>GPT and GPT</p>", first_only=False) == "<p>[gpt:GPT] and [gpt:GPT]</p>"


def test_mentions_include_unlinked_occurrences() -> None:
    """"Appears in" sees terms even where the first-occurrence rule leaves them unlinked."""
    result = link_terms("<p>GPT and GPT</p><h2>RLHF</h2><p>RLHF</p>", MATCHER, render)
    assert result.mentioned == {"gpt", "rlhf"}


def test_a_known_name_is_not_a_mention() -> None:
    """A term inside a proper name is not counted for "appears in" either."""
    assert link_terms("<p>Stability AI</p>", MATCHER, render).mentioned == set()


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Shanghai AI Laboratory", []), ("en", "Stability AI releases AI", ["AI"]),
    ("zh", "上海人工智能实验室", []), ("zh", "Stability AI 与人工智能", ["人工智能"]),
])
def test_the_real_matcher_blocks_listed_names_and_organizations(content: Content, lang: str, text: str,
                                                                expected: list[str]) -> None:
    """content/names.yml and every model's organization are blockers in the site's own matcher."""
    found = term_matcher(content, lang).find_in_prose(text)
    assert [text[match.start:match.end] for match in found] == expected


def test_unclosed_tags_do_not_stop_linking() -> None:
    """Malformed HTML degrades gracefully instead of raising."""
    assert linked("<p><b>GPT</p><p>大模型") == "<p><b>[gpt:GPT]</p><p>[large-model:大模型]"


def test_the_table_has_at_least_forty_cases() -> None:
    """The issue asks for a table of at least 40 cases."""
    assert len(CASES) >= 40


@pytest.mark.parametrize(("mentioning", "links", "rest"), [(3, 3, ""), (11, 11, ""), (12, 10, " and 2 more pages")])
def test_appears_in_lists_are_cut_after_ten_pages(mentioning: int, links: int, rest: str) -> None:
    """A term on many pages lists the first ten and counts the others (never "1 more")."""
    glossary = '<dd class="primer-appears-in" data-appears-in="rag">none</dd>'
    pages = {f"sections/p{n}/": f"Page <{n}>" for n in range(mentioning)}
    strings = {"appears_more": "and {count} more pages", "list_separator": ", "}
    html = fill_appears_in(glossary, {"rag": pages}, "glossary/", strings)
    assert html.count("<a href=") == links
    assert 'href="../sections/p0/">Page &lt;0&gt;</a>' in html
    assert html.endswith(f"</a>{rest}</dd>")


def test_appears_in_lists_join_with_the_languages_separator() -> None:
    """Chinese pages join the list with 、 (the interface strings' list separator), English with a comma."""
    glossary = '<dd class="primer-appears-in" data-appears-in="rag">none</dd>'
    pages = {"sections/a/": "甲", "sections/b/": "乙"}
    for lang, joined in (("zh", "甲</a>、<a"), ("en", "甲</a>, <a")):
        assert joined in fill_appears_in(glossary, {"rag": pages}, "glossary/", ui_strings()[lang])


def test_ascii_lower_changes_ascii_letters_only() -> None:
    """Offsets must not move: 'İ' lower-cases to two characters with str.lower."""
    from primer.terms.termmatch import ascii_lower

    text = "RAG İstanbul ÀÉ 大模型 GPT-4 \ud800"
    folded = ascii_lower(text)
    assert folded == "rag İstanbul ÀÉ 大模型 gpt-4 \ud800"
    assert len(folded) == len(text)


def test_fast_search_agrees_with_the_exhaustive_one_on_random_texts() -> None:
    """`find` uses the automata's leftmost-longest search and redoes a chunk the slow way when a
    pick fails a boundary or the two automata disagree; the answer must always be the slow one's."""
    import random

    from primer.terms.termmatch import CHUNK_SEPARATOR

    rng = random.Random(8)
    alphabet = ["a", "b", "A", "B", "1", "-", " ", "大", "模", "型", "语", "言"]
    for _ in range(400):
        forms = {"".join(rng.choice(alphabet[:10]) for _ in range(rng.randint(1, 4))).strip(" -") for _ in range(12)}
        forms.discard("")
        matcher = TermMatcher((form, f"t{n}") for n, form in enumerate(sorted(forms)))
        pieces = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(rng.randint(1, 5))]
        for text in (CHUNK_SEPARATOR.join(pieces), "".join(pieces)):
            assert matcher.find(text) == matcher._greedy(text), (sorted(forms), text)


def test_whitespace_runs_are_matched_like_single_spaces_on_random_texts() -> None:
    """`find_in_prose` equals matching a copy with every whitespace run made one space, mapped back
    character by character (the slow, obvious way)."""
    import random
    import re

    from primer.terms.termmatch import CHUNK_SEPARATOR

    rng = random.Random(17)
    matcher = TermMatcher([("a b", "ab"), ("b", "b"), ("a b c", "abc"), ("大 模型", "big")])
    alphabet = ["a", "b", "c", " ", "  ", "\n", "\t", " \n ", "大", "模型", CHUNK_SEPARATOR]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        origin, collapsed = [], []
        for run in re.finditer(r"[ \t\n\r\f\v]+|[^ \t\n\r\f\v]", text):
            origin.append(run.start())
            collapsed.append(" " if run.group(0).isspace() else run.group(0))
        expected = [(origin[m.start], origin[m.end - 1] + 1, m.term_id) for m in matcher.find("".join(collapsed))]
        assert [(m.start, m.end, m.term_id) for m in matcher.find_in_prose(text)] == expected, repr(text)
