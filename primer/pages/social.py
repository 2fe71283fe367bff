"""What a page tells sharing previews and readers who spot a mistake: Open Graph and Twitter card
fields, and a link to the repository's content-error form filled in with the page.

Everything is plain text here; the template escapes it. No third-party script: the report link is
an ordinary GitHub URL whose query names the issue form and pre-fills its fields by id."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

from primer.languages import Language

SOCIAL_IMAGE = "assets/images/social.png"  # drawn by scripts/social_image.py, 1200×630
SOCIAL_IMAGE_SIZE = (1200, 630)
ISSUE_FORM = "content-error.yml"  # .github/ISSUE_TEMPLATE/; its field `page` takes the page URL


@dataclass(frozen=True, slots=True)
class Sharing:
    """Per-page preview fields (title, description, absolute URL and image, locales) and report link."""

    title: str
    description: str
    url: str
    image: str
    image_alt: str
    image_size: tuple[int, int]
    locale: str
    alternate_locales: tuple[str, ...]
    kind: str
    report_url: str
    report_label: str


def locale_of(language: Language) -> str:
    """Returns the Open Graph locale (`zh_CN`) of a site language."""
    return language.locale


def report_url(repository: str, page_url: str, title: str, prefix: str) -> str:
    """Returns the link that opens the content-error form with the page's title and URL filled in."""
    query = urlencode({"template": ISSUE_FORM, "title": f"{prefix}{title}", "page": page_url})
    return f"{repository.rstrip('/')}/issues/new?{query}"


def sharing(*, page_title: str, description: str, canonical_url: str, site_url: str, site_name: str,
            current: str, languages: Sequence[Language], repository: str, strings: dict[str, str],
            is_article: bool) -> Sharing:
    """Returns a page's sharing fields.

    Arguments:
        page_title: the page's title as the theme holds it (HTML-escaped), empty on the home page.
        description: the page's description, HTML-escaped the same way.
        strings: this language's interface words (`report_error`, `report_title_prefix`, `social_image_alt`).
    """
    title = html.unescape(page_title) or site_name
    url = canonical_url or site_url
    own = next(language for language in languages if language.code == current)
    return Sharing(
        title=title, description=html.unescape(description), url=url,
        image=urljoin(site_url, SOCIAL_IMAGE), image_alt=strings["social_image_alt"],
        image_size=SOCIAL_IMAGE_SIZE, locale=locale_of(own),
        alternate_locales=tuple(locale_of(language) for language in languages if language is not own),
        kind="article" if is_article else "website",
        report_url=report_url(repository, url, title, strings["report_title_prefix"]),
        report_label=strings["report_error"],
    )
