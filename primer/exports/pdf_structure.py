"""The tagged structure without Chromium's `NonStruct` elements.

Chromium tags every `div` it prints as a `NonStruct` element: about 9,000 of the 13,000 elements of
each book, each an indirect dictionary with its parent, page and kids. PDF/UA gives `NonStruct` no
meaning ("grouping element with no semantic significance"), so its kids can sit in its parent
instead, in its place and order: the roles and the reading order of the content stay what they were.
A `NonStruct` carrying anything more than its place in the tree (`/Lang`, `/Alt`, `/ActualText`,
`/ID`, attributes, a title) is kept, and so is one directly under the tree's root (the root takes no
marked content)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TypeGuard

import pikepdf

# A NonStruct with only these keys says nothing beyond its place in the tree.
PLACE_KEYS = {"/Type", "/S", "/P", "/Pg", "/K"}

Kid = int | pikepdf.Object
Entry = tuple[Kid, pikepdf.Object | None]  # a kid, and the page of an integer MCID


def kids(elem: pikepdf.Object) -> list[Kid]:
    """Returns an element's kids as a list (`/K` is absent, one kid, or an array)."""
    value = elem.get("/K")
    if value is None:
        return []
    return list(value) if isinstance(value, pikepdf.Array) else [value]


def is_element(kid: Kid) -> TypeGuard[pikepdf.Object]:
    """Tells a structure element from a marked-content or object reference (or a bare MCID)."""
    return isinstance(kid, pikepdf.Dictionary) and "/S" in kid


def is_collapsible(elem: pikepdf.Object) -> bool:
    """A NonStruct element that carries nothing but its place in the tree."""
    return bool(elem.S == "/NonStruct") and set(elem.keys()) <= PLACE_KEYS


class Collapse:
    """One pass over a structure tree: every collapsible NonStruct's kids moved into its parent,
    and where each collapsed element went (for the parent tree)."""

    def __init__(self) -> None:
        self.into: dict[tuple[int, int], pikepdf.Object] = {}  # collapsed element -> its parent

    def entries(self, elem: pikepdf.Object) -> list[Entry]:
        """Returns `elem`'s kids with its collapsible NonStruct kids replaced by their own entries,
        after rewriting every element below it."""
        page, found, changed = elem.get("/Pg"), list[Entry](), False
        for kid in kids(elem):
            if not is_element(kid):
                found.append((kid, page if isinstance(kid, int) else None))
                continue
            inner = self.entries(kid)
            if is_collapsible(kid):
                self.into[kid.objgen] = elem
                found.extend(inner)
                changed = True
            else:
                found.append((kid, None))
        if changed:
            self.write(elem, found)
        return found

    def write(self, elem: pikepdf.Object, found: list[Entry]) -> None:
        """Sets `elem`'s kids to `found`: integer MCIDs of its most common page stay integers (that
        page becomes its `/Pg`), those of other pages become marked-content references."""
        pages = Counter(page.objgen for kid, page in found if isinstance(kid, int) and page is not None)
        home = pages.most_common(1)[0][0] if pages else None
        new = pikepdf.Array()
        for kid, page in found:
            if isinstance(kid, int) and page is not None and page.objgen != home:
                new.append(pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=page, MCID=kid))
                continue
            if isinstance(kid, int) and page is not None:
                elem.Pg = page
            elif is_element(kid):
                kid.P = elem
            new.append(kid)
        if len(new) == 1:
            elem.K = new[0]
        elif len(new):
            elem.K = new
        elif "/K" in elem:
            del elem.K

    def survivor(self, elem: pikepdf.Object) -> pikepdf.Object:
        """Returns the element that now holds what `elem` held (itself if it was kept)."""
        while elem.objgen in self.into:
            elem = self.into[elem.objgen]
        return elem


def number_tree_values(node: pikepdf.Object) -> Iterator[tuple[pikepdf.Object, int]]:
    """Yields (array, index) of every value slot of a number tree, leaves and kids alike."""
    nums = node.get("/Nums", pikepdf.Array())
    for index in range(1, len(nums), 2):
        yield nums, index
    for child in node.get("/Kids", pikepdf.Array()):
        yield from number_tree_values(child)


def repoint_parent_tree(parent_tree: pikepdf.Object, collapse: Collapse) -> None:
    """Points every parent-tree entry (per page: one element per MCID; per annotation: one
    element) that named a collapsed element at the element now holding its kids."""
    for nums, index in number_tree_values(parent_tree):
        value = nums[index]
        if isinstance(value, pikepdf.Array):
            for slot, elem in enumerate(value):
                if isinstance(elem, pikepdf.Dictionary) and elem.objgen in collapse.into:
                    value[slot] = collapse.survivor(elem)
        elif isinstance(value, pikepdf.Dictionary) and value.objgen in collapse.into:
            nums[index] = collapse.survivor(value)


def collapse_nonstruct(pdf: pikepdf.Pdf) -> int:
    """Moves the kids of every NonStruct element that carries nothing but its place into its parent
    and drops it; returns how many were dropped (they become unreferenced and are not saved)."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return 0
    collapse = Collapse()
    for top in kids(root):
        if is_element(top):
            collapse.entries(top)
    if "/ParentTree" in root:
        repoint_parent_tree(root.ParentTree, collapse)
    return len(collapse.into)
