"""The cross-linker alone (primer.terms.termmatch + primer.terms.crosslink) on synthetic page HTML.

Text grows 1×, 2×, 4× and the glossary 100, 1,000, 5,000 terms; the mention density stays the
same, so a linear linker shows constant MB/s across sizes and near-constant across term counts."""

from __future__ import annotations

import html as html_lib
import random
import statistics
import time
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from benchmarks.textgen import NameFactory, Prose, TermNames

BASE_BYTES = 1024 * 1024
SIZES = (1, 2, 4)
TERM_COUNTS = (100, 1000, 5000)


def glossary(count: int, seed: int) -> dict[str, TermNames]:
    """Returns `count` synthetic terms by id."""
    factory = NameFactory(random.Random(seed))
    return {f"term-{index:05d}": factory.term() for index in range(count)}


def surface_forms(terms: dict[str, TermNames], lang: str) -> list[tuple[str, str]]:
    """Returns (form, term id) pairs of one language, as `BuildState.matcher` feeds them."""
    pairs = []
    for term_id, names in terms.items():
        forms = [names.zh, *names.zh_aliases] if lang == "zh" else [names.en, *names.en_aliases]
        pairs += [(form, term_id) for form in forms + ([names.abbr] if names.abbr else [])]
    return pairs


def page_html(terms: dict[str, TermNames], size: int, seed: int) -> str:
    """Returns about `size` bytes of rendered-page-like HTML mixing Chinese and English blocks."""
    rng = random.Random(seed)
    zh_names = [form for form, _ in surface_forms(terms, "zh")]
    en_names = [form for form, _ in surface_forms(terms, "en")]
    zh, en = Prose(rng, "zh", zh_names, en_names), Prose(rng, "en", en_names, zh_names)
    blocks: list[str] = []
    length, number = 0, 0
    while length < size:
        number += 1
        block = section_html(rng, zh if number % 2 else en, zh_names + en_names, number)
        blocks.append(block)
        length += len(block.encode("utf-8"))
    return "\n".join(blocks)


def section_html(rng: random.Random, prose: Prose, names: list[str], number: int) -> str:
    """Returns one heading with paragraphs, a link list, code, a note and a table, as Markdown renders them."""
    paragraphs = "".join(f"<p>{html_lib.escape(prose.paragraph([]))}</p>\n" for _ in range(3))
    name = html_lib.escape(rng.choice(names))
    return (
        f'<h2 id="part-{number}">{name}<a class="headerlink" href="#part-{number}">¶</a></h2>\n{paragraphs}'
        f'<ul><li><a href="../glossary/#x">{name}</a> and {name}</li></ul>\n'
        f'<div class="highlight"><pre><span></span><code>model = load("{name}")</code></pre></div>\n'
        f'<div class="admonition note"><p class="admonition-title">Note</p>'
        f"<p>{html_lib.escape(prose.sentence())}</p></div>\n"
        f"<table><thead><tr><th>{name}</th></tr></thead><tbody><tr><td>{name} 2019</td></tr></tbody></table>\n"
    )


def link_renderer(terms: dict[str, TermNames]) -> Callable[[str, str], str]:
    """Returns a `render_link` that renders the real term-link template with a short tooltip."""
    from primer.pages.render import environment

    template = environment().get_template("term-link.html.j2")

    @lru_cache(maxsize=65536)
    def render_link(term_id: str, text: str) -> str:
        tooltip = f"Definition of {terms[term_id].en}."
        return template.render(href=f"../glossary/#{term_id}", tooltip=tooltip, term_id=term_id, text=text).strip()

    return render_link


def timed(function: Callable[[], Any], runs: int) -> tuple[list[float], Any]:
    """Returns the CPU times of `runs` calls and the last result.

    The linker is single-threaded CPU work: CPU time of this process is what it costs, and unlike
    wall time it does not grow when other processes share the machine."""
    times, result = [], None
    for _ in range(runs):
        started = time.process_time()
        result = function()
        times.append(time.process_time() - started)
    return times, result


def measure_case(terms: dict[str, TermNames], size: int, runs: int, seed: int) -> dict[str, Any]:
    """Measures building the automata, then splitting, matching and linking one page of `size` bytes."""
    from primer.terms.crosslink import SEPARATOR, link_terms, text_nodes
    from primer.terms.termmatch import TermMatcher

    html = page_html(terms, size, seed)
    pairs = surface_forms(terms, "zh") + surface_forms(terms, "en")  # a mixed page meets both languages' forms
    build_times, matcher = timed(lambda: TermMatcher(pairs), runs)
    render_link = link_renderer(terms)
    node_times, nodes = timed(lambda: list(text_nodes(html)), runs)
    joined = SEPARATOR.join(node.text for node in nodes)
    find_times, matches = timed(lambda: matcher.find(joined), runs)
    link_times, result = timed(lambda: link_terms(html, matcher, render_link, first_only=True), runs)
    megabytes = len(html.encode("utf-8")) / 1e6
    median = statistics.median(link_times)
    return {"terms": len(terms), "forms": len(pairs), "bytes": len(html.encode("utf-8")), "text_nodes": len(nodes),
            "matches": len(matches), "linked": result.html.count('class="primer-term"'),
            "automaton_build_s": statistics.median(build_times), "text_nodes_s": statistics.median(node_times),
            "find_s": statistics.median(find_times), "link_terms_s": {"median": median, "min": min(link_times),
                                                                      "max": max(link_times), "runs": link_times},
            "mb_per_s": megabytes / median,
            "mb_per_s_min_max": [megabytes / max(link_times), megabytes / min(link_times)]}


def crosslink_benchmark(runs: int, seed: int = 0, progress: Callable[[str], None] = print) -> list[dict[str, Any]]:
    """Runs every (terms, size) case."""
    results = []
    for count in TERM_COUNTS:
        terms = glossary(count, seed)
        for factor in SIZES:
            case = measure_case(terms, BASE_BYTES * factor, runs, seed)
            case["size_factor"] = factor
            results.append(case)
            progress(f"  cross-link {count} terms × {factor}× text ({case['bytes'] / 1e6:.1f} MB): "
                     f"{case['mb_per_s']:.2f} MB/s, {case['matches']} matches")
    return results
