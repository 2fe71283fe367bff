"""What the offline archive holds: its pages and exactly the files they load.

Material's offline build also writes source maps, search packs for every language lunr knows,
the search index as JSON beside the JavaScript copy the pages load, sitemaps and a 404 page that
nothing opens from disk: about half of the archive. Pages and their references are read from the
build itself, so a new asset is archived as soon as a page loads it."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable, Iterator
from pathlib import Path

LOADED_BY_TAG = re.compile(r'<(?:script|img)\b[^>]*?\bsrc="([^"]+)"|<link\b[^>]*?\brel="(?:stylesheet|icon)"[^>]*?'
                           r'\bhref="([^"]+)"')
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
WORKER = re.compile(r'"search":\s*"([^"]+)"')
SEARCH_INDEX = "search/search_index.js"
NOTICES = ("LICENSE", "README.txt")  # licences of vendored code travel with it
UNOPENED_PAGES = {"404.html"}  # shown by web servers, never from disk


def local_target(page: str, reference: str) -> str | None:
    """Returns the archive path a reference of `page` loads, or None for other hosts and data URLs."""
    if re.match(r"^([a-z][a-z0-9+.-]*:|//|#)", reference, re.I):
        return None
    path = reference.split("#", 1)[0].split("?", 1)[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else None


def search_packs(language_root: str, index_script: str) -> Iterator[str]:
    """Yields the lunr files Material's search worker imports for the index's languages (it
    builds their names the same way: one pack per language but English, a segmenter for
    Japanese, Hindi and Thai, the multi-language pack for several)."""
    config = json.loads(index_script.split("=", 1)[1].strip().rstrip(";"))["config"]
    langs = config["lang"]
    lunr = posixpath.join(language_root, "assets/javascripts/lunr")
    segmenters = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}
    packs = [f"{lunr}/{segmenters[lang]}" for lang in langs if lang in segmenters]
    packs += [f"{lunr}/min/lunr.{lang}.min.js" for lang in langs if lang != "en"]
    packs += [f"{lunr}/min/lunr.multi.min.js"] if len(langs) > 1 else []
    if packs:
        yield f"{lunr}/min/lunr.stemmer.support.min.js"
        yield from packs


def page_references(site: Path, page: str) -> Iterator[str]:
    """Yields what a page loads: scripts, images, stylesheets and what they name, the search worker."""
    html = (site / page).read_text(encoding="utf-8")
    for match in LOADED_BY_TAG.finditer(html):
        target = local_target(page, match.group(1) or match.group(2))
        if target:
            yield target
            if target.endswith(".css") and (site / target).is_file():
                css = (site / target).read_text(encoding="utf-8")
                yield from filter(None, (local_target(target, url) for url in CSS_URL.findall(css)))
    worker = WORKER.search(html)
    if worker:
        yield from filter(None, [local_target(page, worker.group(1)), *imported_worker(page, worker.group(1))])


def imported_worker(page: str, worker: str) -> Iterator[str | None]:
    """Yields the script the search worker imports: our worker names Material's own in its URL's
    fragment (`primer-search.js#search.<hash>.min.js`, overrides/main.html), a file beside it."""
    script, _, fragment = worker.partition("#")
    if fragment.endswith(".js") and "/" not in fragment:
        yield local_target(page, posixpath.join(posixpath.dirname(script), fragment))


def archived_files(site: Path) -> set[str]:
    """Returns the paths (relative to `site`) the offline archive holds."""
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name not in UNOPENED_PAGES}
    kept = set(pages)
    for page in pages:
        kept.update(page_references(site, page))
    for index in site.glob(f"*/{SEARCH_INDEX}"):
        language_root = index.parent.parent.relative_to(site).as_posix()
        kept.add(index.relative_to(site).as_posix())
        kept.update(search_packs(language_root, index.read_text(encoding="utf-8")))
    kept.update(p.relative_to(site).as_posix() for p in site.rglob("*") if p.name in NOTICES)
    return {path for path in kept if (site / path).is_file()}


def archive_filter(site: Path) -> Callable[[Path], bool]:
    """Returns whether a file of the offline build at `site` goes into the archive."""
    kept = archived_files(site)
    return lambda path: path.relative_to(site).as_posix() in kept
