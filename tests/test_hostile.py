"""Malformed and hostile content: each input gives a located error or is rendered inert —
never a traceback, a hang or a half-written site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import build
from primer.checks.run import run_check
from primer.pages.sanitize import sanitize_html
from tests.helpers import FIXTURES, article, make_project, run_build

TERM = "content/glossary/llm.yml"
EVENT = "content/timeline/gpt-3-2020.yml"
SOURCE = "content/sources/brown-2020-gpt3.yml"
BODY = "content/sections/01-basics/en.md"
META = "content/sections/01-basics/meta.yml"
# Text appended to BODY as "\n<markup>\n" starts on this line of the fixture file.
APPENDED = (FIXTURES / "mini" / BODY).read_bytes().count(b"\n") + 2


def replace(old: str, new: str):
    """Returns an edit that replaces text in a file."""
    def edit(text: bytes) -> bytes:
        assert old.encode() in text, old
        return text.replace(old.encode(), new.encode(), 1)
    return edit


def put(data: bytes):
    """Returns an edit that replaces the whole file."""
    return lambda _text: data


REMOTE = ("would be loaded from another host; pages load only the site's own files: put the file under the "
          "site's assets (docs/assets/) instead, or link to the page that shows it")
# (id, file, edit, expected issue line — exact, or a regex when it starts with '^')
CASES = [
    ("yaml-syntax", TERM, replace("kind: concept", "kind: [concept"), f"^{TERM}:\\d+:\\d+: YAML syntax error"),
    ("tab-indent", TERM, replace("  term: 大语言模型", "\tterm: 大语言模型"), f"^{TERM}:\\d+:\\d+: YAML syntax error"),
    ("python-tag", TERM, replace("kind: concept", "kind: !!python/object/apply:os.system [ls]"),
     f"^{TERM}:2:7: YAML syntax error: could not determine a constructor"),
    ("wrong-type-list", TERM, replace("definition: 在海量文本上", "definition: [在海量文本上"),
     f"^{TERM}:\\d+:\\d+: YAML syntax error"),
    ("wrong-type-bool", TERM, replace("term: large language model", "term: yes"),
     f"{TERM}:9:3: 'en.term' must be text, not true or false"),
    ("wrong-type-mapping", TERM, replace("related: [large-model, transformer]", "related: {a: b}"),
     f"{TERM}:12:1: 'related' must be a list, not a mapping of fields"),
    ("null-required", TERM, replace("term: 大语言模型", "term: ~"), f"{TERM}:5:3: missing required field 'zh.term'"),
    ("top-level-list", TERM, put(b"- id: llm\n"), f"{TERM}:1: top level must be a mapping of fields (key: value)"),
    ("empty-file", TERM, put(b""), f"{TERM}:1: file is empty"),
    ("control-character", TERM, replace("term: large language model", 'term: "large\\0language model"'),
     f"{TERM}:9:3: 'en.term' contains a control character; remove it"),
    ("control-character-in-list", TERM, replace("aliases: [大型语言模型]", 'aliases: ["大型\\e语言模型"]'),
     f"{TERM}:6:3: 'zh.aliases[]' contains a control character; remove it"),
    ("non-utf8", TERM, put("id: llm\nkind: 概念\n".encode("gb18030")), f"{TERM}:2: file is not valid UTF-8; re-save it as UTF-8"),
    ("duplicate-key", TERM, replace("kind: concept", "kind: concept\nkind: method"), f"{TERM}:3: duplicate key 'kind'; keep only one"),
    ("huge-value", TERM, replace("definition: A language model", "definition: " + "x" * 5000 + " A language model"),
     f"{TERM}:11:3: 'en.definition' is longer than 1200 characters; shorten it"),
    ("huge-file", TERM, lambda text: text + b"# " + b"x" * (600 * 1024) + b"\n", f"{TERM}: file is larger than 512 KiB; split it"),
    ("path-id", TERM, replace("id: llm", "id: ../x"), f"{TERM}:1:1: 'id' '../x' is not a valid id: use a-z, 0-9 and single '-'"),
    ("path-related", TERM, replace("related: [large-model, transformer]", "related: [../../etc/passwd]"),
     f"{TERM}:12:1: 'related[]' '../../etc/passwd' is not a valid id: use a-z, 0-9 and single '-'"),
    ("unknown-related", TERM, replace("related: [large-model, transformer]", "related: [nobody]"),
     f"{TERM}:12: unknown term 'nobody' in 'related'; check the id or add it"),
    ("self-related", TERM, replace("related: [large-model, transformer]", "related: [llm]"),
     f"{TERM}:12: a term cannot be related to itself"),
    ("unknown-source", TERM, replace("sources: [brown-2020-gpt3]", "sources: [ghost-1999]"),
     f"{TERM}:13: unknown source 'ghost-1999' in 'sources'; check the id or add it"),
    ("alias-bomb", TERM, replace("aliases: [大型语言模型]",
                                 "aliases: &a [[x, x, x], [x, x, x]]\n  extra: &b [*a, *a, *a, *a, *a, *a, *a, *a]"),
     f"{TERM}:6:3: 'zh.aliases[]' must be text, not a list"),
    ("javascript-url", SOURCE, replace("url: https://arxiv.org/abs/2005.14165", "url: javascript:alert(1)"),
     f"{SOURCE}:7:1: 'url' 'javascript:alert(1)' has the wrong form; expected a web address starting with https:// or http://"),
    ("impossible-date", EVENT, replace("date: 2020-05", "date: 2023-02-30"), f"{EVENT}:2: 'date' '2023-02-30' has no day 30 in that month"),
    ("unknown-tag", EVENT, replace("tags: [model]", "tags: [rumour]"),
     f"{EVENT}:3:1: 'tags[]' must be one of: architecture, model, product, method, dataset, milestone, organization, policy (not 'rumour')"),
    ("era-mismatch", EVENT, replace("date: 2020-05", "date: 2020-05\nera: early"),
     f"{EVENT}:3: 'era' is 'early' but the date 2020-05 falls in era 'pretrained'; remove 'era' (it is derived) or fix the date"),
    ("md-javascript-link", BODY, lambda t: t + b"\n[click](javascript:alert(1))\n",
     f"{BODY}:{APPENDED}:7: link 'javascript:alert(1' is not allowed; use https:// URLs or section:, term:, event:, page:, figure: links"),
    ("md-data-link", BODY, lambda t: t + b"\n[x](data:text/html;base64,PHNjcmlwdD4=)\n",
     f"{BODY}:{APPENDED}:3: link 'data:text/html;base64,PHNjcmlwdD4=' is not allowed; use https:// URLs or section:, term:, event:, page:, figure: links"),
    ("md-heading-without-id", BODY, lambda t: t + b"\n## Hostile heading\n", f"{BODY}:{APPENDED}: heading 'Hostile heading' has no id; add one like {{#my-id}} (a-z, 0-9, -)"),
    ("md-bad-heading-id", BODY, lambda t: t + b'\n## X {#"onmouseover=alert(1)}\n',
     f"{BODY}:{APPENDED}: heading id '\"onmouseover=alert(1)' must use a-z, 0-9 and single '-'"),
    ("md-missing-anchor", BODY, lambda t: t + b"\n[x](section:basics#nowhere)\n", f"{BODY}:{APPENDED}:3: section 'basics' has no heading id 'nowhere'"),
    ("meta-unknown-field", META, replace("order: 1", "order: 1\nonload: alert(1)"),
     f"{META}:3:1: unknown field 'onload'; expected one of: crosslink, description, id, order, sources, terms, title, translated_from"),
    *[(name, BODY, lambda t, markup=markup: t + f"\n{markup}\n".encode(), f"{BODY}:{line}:{column}: {holder} '{url}' {REMOTE}")
      for name, markup, line, column, holder, url in [
          ("md-remote-image", "![pixel](https://example.com/pixel.png)", APPENDED, 10, "image", "https://example.com/pixel.png"),
          ("md-remote-image-reference", "![pixel][p]\n\n[p]: //example.com/p.png", APPENDED + 2, 6, "image", "//example.com/p.png"),
          ("html-img", '<img src="https://example.com/p.png">', APPENDED, 11, "<img src>", "https://example.com/p.png"),
          ("html-img-entities", '<img src="&#104;ttps://example.com/p.png">', APPENDED, 11, "<img src>",
           "&#104;ttps://example.com/p.png"),
          ("html-srcset", '<img src="a.png" srcset="a.png 1x, https://example.com/p.png 2x">', APPENDED, 26,
           "<img srcset>", "https://example.com/p.png"),
          ("html-video-poster", '<video poster="https://example.com/p.jpg"></video>', APPENDED, 16, "<video poster>",
           "https://example.com/p.jpg"),
          ("html-audio-source", '<audio><source src="https://example.com/a.mp3"></audio>', APPENDED, 21, "<source src>",
           "https://example.com/a.mp3"),
          ("html-track", '<video><track src="//example.com/t.vtt"></video>', APPENDED, 20, "<track src>", "//example.com/t.vtt"),
          ("html-iframe", '<iframe src="https://example.com/"></iframe>', APPENDED, 14, "<iframe src>", "https://example.com/"),
          ("html-object", '<object data="https://example.com/x.swf"></object>', APPENDED, 15, "<object data>",
           "https://example.com/x.swf"),
          ("html-embed", "<embed src=https://example.com/x.swf>", APPENDED, 12, "<embed src>", "https://example.com/x.swf"),
          ("html-style-attribute", '<p style="background: url(https://example.com/bg.png)">x</p>', APPENDED, 23, "<p style>",
           "https://example.com/bg.png"),
          ("html-style-element", "<style>p{background:url('//example.com/bg.png')}</style>", APPENDED, 21, "<style>",
           "//example.com/bg.png"),
          ("html-style-import", '<style>@import "https://example.com/s.css";</style>', APPENDED, 8, "<style>",
           "https://example.com/s.css"),
          ("html-link", '<link rel="stylesheet" href="https://example.com/s.css">', APPENDED, 30, "<link href>",
           "https://example.com/s.css"),
          ("svg-image-href", '<svg><image href="https://example.com/s.png"/></svg>', APPENDED, 19, "<image href>",
           "https://example.com/s.png"),
          ("svg-use-xlink-href", '<svg><use xlink:href="https://example.com/s.svg#a"/></svg>', APPENDED, 23, "<use xlink:href>",
           "https://example.com/s.svg#a"),
      ]],
    ("yaml-remote-image", TERM, replace("definition: A language model", "definition: A ![x](https://example.com/x.png) language model"),
     f"{TERM}:11:22: image 'https://example.com/x.png' {REMOTE}"),
]


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "mini" / "content", tmp_path / "content")
    return tmp_path


@pytest.mark.parametrize(("name", "path", "edit", "expected"), CASES, ids=[case[0] for case in CASES])
def test_hostile_input_gives_a_located_error(project: Path, name: str, path: str, edit, expected: str) -> None:
    """The checker names the file and line of the problem and exits 1."""
    target = project / path
    target.write_bytes(edit(target.read_bytes()))
    lines = [issue.format() for issue in run_check(project)[1]]
    if expected.startswith("^"):
        assert any(re.match(expected, line) for line in lines), lines
    else:
        assert expected in lines, lines
    assert build.main(["--root", str(project), "check"]) == 1


def test_there_are_at_least_25_hostile_cases() -> None:
    """The issue asks for at least 25 malformed or hostile inputs (plus the inert-rendering ones)."""
    assert len(CASES) >= 25


def test_bom_and_crlf_content_builds_like_any_other(project: Path) -> None:
    """Windows line ends and a byte-order mark are not errors."""
    term = project / TERM
    term.write_bytes(b"\xef\xbb\xbf" + term.read_bytes().replace(b"\n", b"\r\n"))
    assert [i.format() for i in run_check(project)[1]] == []


def test_related_cycles_are_fine(project: Path) -> None:
    """a -> b -> a is normal for related terms and renders without recursion."""
    assert "related: [llm]" in (project / "content/glossary/large-model.yml").read_text(encoding="utf-8")
    assert "large-model" in (project / TERM).read_text(encoding="utf-8")
    assert [i.format() for i in run_check(project)[1]] == []


def test_hostile_text_in_every_field_is_rendered_inert(tmp_path: Path) -> None:
    """Markup, handlers, template syntax and front matter in content come out as text."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)> {{ 7*7 }} {% raw %}"
    for path, old in ((TERM, "在海量文本上预训练、参数规模很大的语言模型。"),
                      (EVENT, "OpenAI releases GPT-3."), ("content/taxonomy.yml", "Process text.")):
        file = project / path
        file.write_text(file.read_text(encoding="utf-8").replace(old, f"'{payload}'"), encoding="utf-8")
    body = project / BODY
    body.write_text("---\ntitle: injected\n---\n" + body.read_text(encoding="utf-8")
                    + f"\n{payload}\n\n<a href=\"javascript:alert(3)\" onclick=\"x()\">a</a>\n", encoding="utf-8")
    result = run_build(project, "build")
    assert result.returncode == 0, result.stderr
    for page in (project / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        text = article(html) if "md-content__inner" in html else html
        assert not re.search(r"<script>alert|<[a-z][^<>]*\son(error|click)=|href=\"javascript:", text), page
        assert " 49 " not in text, page
    glossary = article((project / "site/zh/glossary/index.html").read_text(encoding="utf-8"))
    assert "{{ 7*7 }} {% raw %}" in glossary  # Markdown definitions: markup removed, text kept
    axis = article((project / "site/en/classification/modality/index.html").read_text(encoding="utf-8"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in axis  # plain-text fields: escaped
    section = (project / "site/en/sections/basics/index.html").read_text(encoding="utf-8")
    assert "<title>Basics" in section  # the body's front matter did not replace ours


def test_json_ld_cannot_close_its_script_element(tmp_path: Path) -> None:
    """A title with </script> stays inside the JSON-LD string (as \\u003c), so no markup escapes."""
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content")
    event = project / EVENT
    event.write_text(event.read_text(encoding="utf-8").replace(
        "title: GPT-3 is released", "title: '</script><script>alert(9)</script>'"), encoding="utf-8")
    assert run_build(project, "build", "--lang", "en").returncode == 0
    html = (project / "site/en/timeline/index.html").read_text(encoding="utf-8")
    assert "<script>alert(9)" not in html
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(9)" in html


@pytest.mark.parametrize("markup", [
    "[a site](https://example.com/page)", '<a href="https://example.com/page">a site</a>', "<https://example.com/>",
    "`<img src=\"https://example.com/p.png\">`", "```html\n<img src=\"https://example.com/p.png\">\n```",
    '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">',
], ids=["md-link", "html-link", "autolink", "code-span", "fenced-code", "data-url"])
def test_links_to_other_sites_and_code_are_not_remote_resources(project: Path, markup: str) -> None:
    """Following a link is the reader's choice, and code is text: neither is reported."""
    body = project / BODY
    body.write_text(body.read_text(encoding="utf-8") + f"\n{markup}\n", encoding="utf-8")
    assert [issue.format() for issue in run_check(project)[1] if "another host" in issue.message] == []


@pytest.mark.parametrize(("html", "expected"), [
    ('<p><img src="https://example.com/p.png" alt="x"></p>', '<p><img alt="x"></p>'),
    ('<p><img src="//example.com/p.png" alt="x"></p>', '<p><img alt="x"></p>'),
    ('<p><img src="../assets/images/logo.svg" alt="x"></p>', '<p><img src="../assets/images/logo.svg" alt="x"></p>'),
    ('<p><a href="https://example.com/">x</a></p>', '<p><a href="https://example.com/">x</a></p>'),
    ('<p><iframe src="https://example.com/"></iframe><video poster="https://example.com/p.jpg"></video></p>',
     "<p></p>"),
    ('<p style="background:url(https://example.com/b.png)">x</p><link rel="stylesheet" href="https://example.com/s.css">',
     "<p>x</p>"),
], ids=["img", "img-network-path", "img-local", "link", "frames-media", "css-link"])
def test_the_sanitizer_drops_whatever_would_load_from_another_host(html: str, expected: str) -> None:
    """Second line of defence: rendered HTML keeps no URL the browser would fetch from another host."""
    assert sanitize_html(html) == expected
