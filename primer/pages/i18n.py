"""Language alternates of a page: every language publishes the same page paths side by side.

The languages are primer.languages.LANGUAGES, in order: the first is the default (hreflang
`x-default`). Each is published under its URL folder and tagged with its BCP 47 tag."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from primer.languages import Language

# Material's bundle fetches `<href>/sitemap.xml` for every `link[rel=alternate]` to power its own
# "stay on page" language switch. Ours is computed at build time, and those fetches would be a 404
# per page and a request to another host, so the copied bundle gets a selector that matches nothing.
ALTERNATE_PREFETCH = 'M("link[rel=alternate]")'
NO_PREFETCH = 'M("link[rel=alternate][data-primer-sitemap]")'


@dataclass(frozen=True, slots=True)
class Alternate:
    """The same page in one language: relative link for the switcher, absolute URL for hreflang."""

    lang: str
    hreflang: str
    name: str
    href: str
    url: str
    current: bool


def alternates(*, page_url: str, base_url: str, current: str, languages: Sequence[Language],
               site_url: str) -> list[Alternate]:
    """Returns the page in every language, the default language first.

    Arguments:
        page_url: the page's URL relative to its language root (`sections/history/`).
        base_url: the relative path from the page to its language root (`../..`).
        languages: the site's languages, the default first.
        site_url: the absolute URL of the current language root, if configured.
    """
    root = site_url.rstrip("/").rsplit("/", 1)[0] + "/" if site_url else ""
    result = []
    for language in languages:
        folder = language.folder
        href = f"{base_url}/../{folder}/{page_url}"
        result.append(Alternate(lang=language.code, hreflang=language.tag, name=language.name, href=href,
                                url=f"{root}{folder}/{page_url}" if root else href, current=language.code == current))
    return result


def without_alternate_prefetch(bundle: str) -> str:
    """Returns Material's bundle with its sitemap prefetch for `<link rel=alternate>` disabled.

    Raises ValueError when the bundle no longer has exactly one such call (a Material upgrade)."""
    if NO_PREFETCH in bundle and ALTERNATE_PREFETCH not in bundle:
        return bundle  # already done (a rebuild into the same folder)
    if bundle.count(ALTERNATE_PREFETCH) != 1:
        raise ValueError(f"Material's bundle has {bundle.count(ALTERNATE_PREFETCH)} copies of "
                         f"{ALTERNATE_PREFETCH} (expected 1): update primer/pages/i18n.py for this Material version")
    return bundle.replace(ALTERNATE_PREFETCH, NO_PREFETCH)
