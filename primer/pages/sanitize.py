"""An allowlist sanitizer for page HTML rendered from contributors' Markdown.

Python-Markdown passes raw HTML through; contributors' text must never reach readers as markup
that runs. Everything Markdown and our templates emit is on the allowlist; scripts, event
handlers, forms, frames, styles and non-http(s) URLs are not. As a second line of defence behind
`build.py check`, an image (or anything else the browser would fetch) from another host loses its
URL: pages load only the site's own files."""

from __future__ import annotations

import nh3

from primer.checks.remote import SRCSET_ATTRIBUTES, URL_ATTRIBUTES, is_remote

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "section", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
    "ul", "article", "header", "button",
    # Figures: inline SVG drawn by primer/figures (shapes and text only: no scripts, links or styles).
    "svg", "title", "desc", "g", "rect", "ellipse", "circle", "path", "text", "tspan",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role", "aria-label", "aria-hidden", "aria-labelledby",
          "aria-live", "aria-pressed", "hidden"},
    "button": {"type"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "time": {"datetime"},
    "details": {"open"},
    "ol": {"start"},
    "svg": {"viewBox", "viewbox"},
    "rect": {"x", "y", "width", "height", "rx"},
    "ellipse": {"cx", "cy", "rx", "ry"},
    "circle": {"cx", "cy", "r"},
    "path": {"d"},
    "text": {"x", "y", "text-anchor"},
    "tspan": {"dy"},
}
URL_SCHEMES = {"http", "https", "mailto"}
REMOVED_WITH_CONTENT = {"script", "style"}


def sanitize_html(html: str) -> str:
    """Returns `html` with everything outside the allowlist removed."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags=REMOVED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        generic_attribute_prefixes={"data-"},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
        attribute_filter=_without_remote_loads,
    )


def _without_remote_loads(element: str, attribute: str, value: str) -> str | None:
    """Drops an attribute that would make the browser fetch a file from another host."""
    if attribute in URL_ATTRIBUTES and is_remote(value):
        return None
    if attribute in SRCSET_ATTRIBUTES and any(is_remote(c.split()[0]) for c in value.split(",") if c.split()):
        return None
    return value
