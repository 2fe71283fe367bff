"""The tagged structure without Chromium's NonStruct elements: same roles, same reading order, a
parent tree that still maps every marked-content id to the element holding it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from playwright.sync_api import Browser

from primer.exports.pdf_structure import PLACE_KEYS, collapse_nonstruct, is_element, kids

Leaf = tuple[str, tuple[str, int]]  # role of the nearest meaningful element; where the content is drawn

# Nested divs (NonStruct), lists, a table, links, enough paragraphs to run over three pages, and a
# quotation whose divs of bare text (MCIDs of NonStructs) fall on two pages.
PARAGRAPHS = "".join(f"<div><div><p>Paragraph {n} with <a href='#t'>a link</a> and <em>stress</em>.</p></div></div>"
                     for n in range(120))
HTML = f"""<!doctype html><html lang="en"><body><div><h1 id="t">Title</h1>
<div><ul><li><div>one</div></li><li><div><div>two</div></div></li></ul></div>
<div><table><tr><th>a</th><td><div>b</div></td></tr></table></div>{PARAGRAPHS}
<blockquote>{"".join(f"<div>Line {n}</div>" for n in range(80))}</blockquote></div></body></html>"""


@pytest.fixture(scope="module")
def tagged_pdf(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small document as Chromium prints it, tagged, before any post-processing."""
    page = browser.new_page()
    page.set_content(HTML)
    path = tmp_path_factory.mktemp("structure") / "tagged.pdf"
    page.pdf(path=str(path), format="A4", tagged=True)
    page.close()
    return path


def elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Object]:
    """Yields every structure element reachable from the tree's root, depth first."""
    stack = [kid for kid in reversed(kids(pdf.Root.StructTreeRoot)) if is_element(kid)]
    while stack:
        elem = stack.pop()
        yield elem
        stack.extend(kid for kid in reversed(kids(elem)) if is_element(kid))


def where(pdf: pikepdf.Pdf, elem: pikepdf.Object, kid: int | pikepdf.Object) -> tuple[str, int] | None:
    """Returns where a marked-content kid is drawn (a page by index, or a form by object number) and
    its MCID; None for an object reference."""
    if isinstance(kid, int):
        return f"page {pdf.pages.index(pikepdf.Page(elem.Pg))}", kid
    if kid.get("/Type") != "/MCR":
        return None
    if "/Stm" in kid:
        return f"form {kid.Stm.objgen[0]}", int(kid.MCID)
    return f"page {pdf.pages.index(pikepdf.Page(kid.get('/Pg', elem.get('/Pg'))))}", int(kid.MCID)


def leaves(pdf: pikepdf.Pdf) -> list[Leaf]:
    """Returns the content in tagged reading order, each with the role of its nearest element that
    is not a NonStruct."""
    found: list[Leaf] = []

    def walk(elem: pikepdf.Object, role: str) -> None:
        role = role if elem.S == "/NonStruct" else str(elem.S)
        for kid in kids(elem):
            if is_element(kid):
                walk(kid, role)
            else:
                found.append((role, where(pdf, elem, kid) or ("annotation", kid.Obj.objgen[0])))

    for top in kids(pdf.Root.StructTreeRoot):
        walk(top, "")
    return found


def holders(pdf: pikepdf.Pdf) -> dict[tuple[str, int], tuple[int, int]]:
    """Maps (page or form, MCID) to the element whose kids hold it, read from the tree."""
    found = {}
    for elem in elements(pdf):
        for kid in kids(elem):
            place = None if is_element(kid) else where(pdf, elem, kid)
            if place is not None:
                found[place] = elem.objgen
    return found


def parent_tree_holders(pdf: pikepdf.Pdf) -> dict[tuple[str, int], tuple[int, int]]:
    """Maps (page or form, MCID) to the element the parent tree names for it."""
    tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    drawn = [(f"page {index}", page.obj) for index, page in enumerate(pdf.pages)]
    drawn += [(f"form {obj.objgen[0]}", obj) for obj in pdf.objects
              if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == "/Form"]
    found = {}
    for place, holder in drawn:
        if "/StructParents" in holder:
            for mcid, elem in enumerate(tree[int(holder.StructParents)]):
                if isinstance(elem, pikepdf.Dictionary):
                    found[place, mcid] = elem.objgen
    return found


def test_collapsing_keeps_the_roles_and_reading_order_of_the_content(tagged_pdf: Path) -> None:
    """Every MCID and annotation keeps its place in reading order and its meaningful role."""
    with pikepdf.open(tagged_pdf) as pdf:
        before = leaves(pdf)
        assert collapse_nonstruct(pdf) > 100
        assert leaves(pdf) == before
        assert len({place for _, (place, _) in before if place.startswith("page")}) >= 3


def test_the_parent_tree_maps_each_mcid_to_the_element_that_now_holds_it(tagged_pdf: Path) -> None:
    """Every page's parent-tree entries name exactly the elements whose kids hold those MCIDs."""
    with pikepdf.open(tagged_pdf) as pdf:
        collapse_nonstruct(pdf)
        assert parent_tree_holders(pdf) == holders(pdf)


def test_no_nonstruct_is_left_that_says_nothing_but_its_place(tagged_pdf: Path) -> None:
    """After collapsing, every structure element has a role other than NonStruct."""
    with pikepdf.open(tagged_pdf) as pdf:
        assert any(elem.S == "/NonStruct" for elem in elements(pdf))
        collapse_nonstruct(pdf)
        assert [elem for elem in elements(pdf) if elem.S == "/NonStruct"] == []


def test_a_nonstruct_carrying_a_language_is_kept(tagged_pdf: Path) -> None:
    """A NonStruct with /Lang keeps its language and its place: it is not collapsed."""
    with pikepdf.open(tagged_pdf) as pdf:
        marked = next(elem for elem in elements(pdf) if elem.S == "/NonStruct" and is_element(elem.P))
        marked.Lang = pikepdf.String("fr")
        collapse_nonstruct(pdf)
        kept = [elem for elem in elements(pdf) if elem.S == "/NonStruct"]
        assert [elem.objgen for elem in kept] == [marked.objgen]
        assert set(kept[0].keys()) - PLACE_KEYS == {"/Lang"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_books_structure_has_no_bare_nonstruct_and_a_consistent_parent_tree(real_dist: Path, lang: str) -> None:
    """In the exported books, the parent tree agrees with the structure tree, NonStructs gone."""
    with pikepdf.open(real_dist / f"large-model-primer-{lang}.pdf") as pdf:
        assert [elem.objgen for elem in elements(pdf) if elem.S == "/NonStruct"] == []
        assert parent_tree_holders(pdf) == holders(pdf)
        assert len(holders(pdf)) > 5_000
