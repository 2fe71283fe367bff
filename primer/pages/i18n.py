"""Language alternates of a page: the same site-map page in every language, for the language
switcher and hreflang.

The languages are primer.languages.LANGUAGES, in order: the first is the default (hreflang
`x-default`). Each is published under its URL folder and tagged with its BCP 47 tag."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from primer.languages import Language

# Material's bundle fetches `<href>/sitemap.xml` for every `link[rel=alternate]` to power its own
# "stay on page" language switch. Ours is computed at build time, and those fetches would be a 404
# per page and a request to another host, so the copied bundle gets a selector that matches nothing.
ALTERNATE_PREFETCH = 'M("link[rel=alternate]")'
NO_PREFETCH = 'M("link[rel=alternate][data-primer-sitemap]")'


class LanguageSwitcher:
    """Where the language switcher and hreflang send a reader from each page: the page of the same
    site-map id in every language, or that language's home page where it has no such page.

    Built once a build's files are known, from every language's URL registry (this language's read
    from MkDocs' Files; the others' computed by MkDocs' File class for the same URL style)."""

    def __init__(self, pages: Mapping[str, Mapping[str, str]], ids: Mapping[str, str], current: str,
                 languages: Sequence[Language], site_url: str) -> None:
        """Arguments:
            pages: language code -> {site-map page id -> URL relative to that language's root}.
            ids: the current language's source URI -> site-map page id.
            current: the code of the language being built.
            languages: the site's languages, the default first.
            site_url: the absolute URL of the current language root, if configured.
        """
        self.pages, self.ids, self.current, self.languages = pages, ids, current, languages
        self.root = site_url.rstrip("/").rsplit("/", 1)[0] + "/" if site_url else ""

    def alternates(self, uri: str, base_url: str) -> list[Alternate]:
        """Returns the page at source URI `uri` in every language, the default language first;
        `base_url` is the relative path from the page to its language root."""
        page_id = self.ids.get(uri, "")
        return [self._alternate(language, page_id, base_url) for language in self.languages]

    def _alternate(self, language: Language, page_id: str, base_url: str) -> Alternate:
        """Returns the page `page_id` in `language`, or that language's home page if it has none."""
        urls = self.pages.get(language.code, {})
        path = f"{language.folder}/{urls.get(page_id, urls.get('home', ''))}"  # from the site root
        href = f"{base_url}/../{path}"
        return Alternate(language, href, self.root + path if self.root else href, current=language.code == self.current)


@dataclass(frozen=True, slots=True)
class Alternate:
    """A page in one language: the relative link the switcher follows, the absolute URL hreflang names."""

    language: Language
    href: str
    url: str
    current: bool

    @property
    def lang(self) -> str:
        """Returns the language's code (the switcher's `data-lang`)."""
        return self.language.code

    @property
    def hreflang(self) -> str:
        """Returns the language's BCP 47 tag."""
        return self.language.tag

    @property
    def name(self) -> str:
        """Returns the language's own name, as the switcher shows it."""
        return self.language.name


def without_alternate_prefetch(bundle: str) -> str:
    """Returns Material's bundle with its sitemap prefetch for `<link rel=alternate>` disabled.

    Raises ValueError when the bundle no longer has exactly one such call (a Material upgrade)."""
    if NO_PREFETCH in bundle and ALTERNATE_PREFETCH not in bundle:
        return bundle  # already done (a rebuild into the same folder)
    if bundle.count(ALTERNATE_PREFETCH) != 1:
        raise ValueError(f"Material's bundle has {bundle.count(ALTERNATE_PREFETCH)} copies of "
                         f"{ALTERNATE_PREFETCH} (expected 1): update primer/pages/i18n.py for this Material version")
    return bundle.replace(ALTERNATE_PREFETCH, NO_PREFETCH)
