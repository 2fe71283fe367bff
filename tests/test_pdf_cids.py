"""Renumbering the CIDs of a PDF's text: ToUnicode CMaps and width arrays, without a build."""

from __future__ import annotations

from decimal import Decimal

import pikepdf

from primer.exports.pdf_cids import cmap_of, renumbered, renumbered_cmap, renumbered_widths, unicode_map, widths
from primer.exports.pdf_faces import default_width

SKIA_CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfchar
<0003> <0020>
<07AF> <4E00>
endbfchar
2 beginbfrange
<0010> <0012> <00FE>
<0020> <0021> [<0041> <D83DDE00>]
endbfrange
endcmap
"""


def test_ranges_count_up_past_a_byte_and_arrays_give_each_cid_its_text() -> None:
    """bfrange destinations count up as numbers (00FE, 00FF, 0100); array ranges map one by one."""
    found = unicode_map(SKIA_CMAP)
    assert found[0x0010].hex() == "00fe" and found[0x0012].hex() == "0100"
    assert found[0x0020] == "A".encode("utf-16-be") and found[0x0021] == "😀".encode("utf-16-be")
    assert found[0x07AF] == "一".encode("utf-16-be") and len(found) == 7


def test_a_renumbered_cmap_keys_each_text_by_its_new_cid_and_drops_cids_not_kept() -> None:
    """The rewritten CMap maps new CIDs to the same texts; CIDs without a new number are left out."""
    cmap = renumbered_cmap(SKIA_CMAP, {0x0003: 1, 0x07AF: 2, 0x0011: 3})
    assert unicode_map(cmap) == {1: b"\x00\x20", 2: "一".encode("utf-16-be"), 3: b"\x00\xff"}


def test_widths_are_read_in_both_forms_and_rewritten_as_runs_of_new_cids() -> None:
    """`c [w …]` and `first last w` entries read alike; consecutive new CIDs share one entry."""
    array = pikepdf.Array([3, [Decimal(278)], 100, 102, Decimal(1000)])
    assert dict(widths(array)) == {3: 278, 100: 1000, 101: 1000, 102: 1000}
    rewritten = renumbered_widths(array, {3: 1, 100: 2, 101: 3, 102: 5})
    assert rewritten == pikepdf.Array([1, [278, 1000, 1000], 5, [1000]])


def test_a_string_of_two_byte_cids_is_renumbered_cid_by_cid() -> None:
    """Each two-byte CID of a shown string becomes its new number."""
    assert renumbered(bytes.fromhex("07af00030010"), {0x07AF: 2, 0x0003: 1, 0x0010: 0x0102}) == bytes.fromhex("000200010102")


def test_consecutive_cids_share_a_range_that_stays_within_one_high_byte() -> None:
    """A run of CIDs becomes bfrange entries split where the high byte changes; a lone CID a bfchar."""
    texts = {cid: chr(0x4E00 + cid).encode("utf-16-be") for cid in range(0x00FE, 0x0102)} | {0x0200: b"\x00A"}
    cmap = cmap_of(texts)
    assert b"<00FE> <00FF> [<4EFE> <4EFF>]" in cmap and b"<0100> <0101> [<4F00> <4F01>]" in cmap
    assert b"1 beginbfchar\n<0200> <0041>\nendbfchar" in cmap
    assert unicode_map(cmap) == texts


def test_a_merged_font_states_its_default_width_as_a_whole_number() -> None:
    """`/DW` is the most common whole width (poppler ignores a real one and spaces text wrongly)."""
    assert default_width({1: Decimal("556.15234"), 2: Decimal("556.15234"), 3: 1000, 4: 500, 5: 500}) == 500
    assert default_width({1: Decimal("556.15234")}) == 1000
