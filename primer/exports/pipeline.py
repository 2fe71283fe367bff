"""`build.py export`: offline archive, single-file HTML, PDF, EPUB, data and llms.txt into `dist/`,
built in a temporary folder and swapped in only when everything succeeded; and `build.py build
--with-exports`: the same exports, then the hosted site whose downloads pages list them, in one pass."""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from primer.build.cache import content_version
from primer.build.editions import Forked, can_fork, fork_call, output_to
from primer.build.sitebuild import LanguageBuild, build_languages, build_site, publish, write_root_files
from primer.content.derived import derived_content
from primer.exports.archive import zip_folder
from primer.exports.data import write_data
from primer.exports.edition import Book, Edition, current_edition, language_tag
from primer.exports.epub import write_epub
from primer.exports.epub_chapters import MarkdownSetup
from primer.exports.llms import llms_full_txt, llms_txt
from primer.exports.manifest import FileFacts, write_manifest
from primer.exports.offline import archive_filter
from primer.exports.pdf import print_pdf
from primer.exports.singlefile import single_file
from primer.languages import CODES, language
from primer.model import Content
from primer.pages.downloads import ARCHIVE, export_name
from primer.pages.sitemap import hosted_site_urls


def book_setup(root: Path, content: Content, lang: str, edition: Edition) -> tuple[Book, MarkdownSetup]:
    """Reads a language's MkDocs config (not thread-safe: call it from one thread) for the book's
    metadata and the Markdown extensions its pages are rendered with."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / language(lang).config))
    home = content.pages["home"]
    book = Book(lang=lang, language=language_tag(lang), identifier=str(config.site_url or ""),
                title=home.title.get(lang), author=str(config.site_author or ""),
                subject=home.description.get(lang), rights=str(config.copyright or ""), edition=edition)
    return book, MarkdownSetup(extensions=list(config.markdown_extensions), configs=dict(config.mdx_configs))


def language_files(content: Content, offline: Path, staging: Path, book: Book, setup: MarkdownSetup) -> FileFacts:
    """Writes one language's single-file HTML, PDF, EPUB and llms files; returns their page and
    chapter counts by file name."""
    lang, base = book.lang, book.identifier
    html_file = staging / export_name(lang, "html")
    html_file.write_text(single_file(offline / language(lang).folder, content, lang, base), encoding="utf-8")
    pages = print_pdf(html_file, staging / export_name(lang, "pdf"), book)
    chapters = write_epub(staging / export_name(lang, "epub"), content, book, setup)
    llms = staging / "llms" / language(lang).folder
    llms.mkdir(parents=True, exist_ok=True)
    hosted = hosted_site_urls(content, lang, base)
    (llms / "llms.txt").write_text(llms_txt(content, lang, hosted), encoding="utf-8")
    (llms / "llms-full.txt").write_text(llms_full_txt(content, lang, hosted), encoding="utf-8")
    return {export_name(lang, "pdf"): {"pages": pages}, export_name(lang, "epub"): {"chapters": chapters}}


@contextlib.contextmanager
def dist_staging(root: Path) -> Iterator[Path]:
    """Yields a fresh folder beside `dist/` to write the exports into; removes it unless published."""
    staging = Path(tempfile.mkdtemp(prefix=".dist-staging-", dir=root))
    staging.chmod(0o755)  # mkdtemp makes it private; the published folder must be readable
    try:
        yield staging
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def export(root: Path, content: Content, progress: Callable[[str], None]) -> list[LanguageBuild]:
    """Builds every export and publishes `dist/`; returns failed builds (none on success)."""
    with dist_staging(root) as staging:
        failed = write_exports(root, content, progress, staging)
        if not failed:
            publish(staging, root / "dist")
        return failed


def build_with_exports(root: Path, content: Content, progress: Callable[[str], None],
                       parallel: bool = True) -> list[LanguageBuild]:
    """Builds every export, then every language's hosted site listing them on its downloads page
    and serving them under downloads/; publishes `site/`, then `dist/`, only when all succeeded."""
    with dist_staging(root) as staging:
        failed = write_exports(root, content, progress, staging)
        if not failed:
            failed = build_site(root, list(CODES), progress, lambda: content, parallel, exports=staging) or []
        if not failed:
            publish(staging, root / "dist")
        return failed


def write_exports(root: Path, content: Content, progress: Callable[[str], None],
                  staging: Path) -> list[LanguageBuild]:
    """Writes every export into `staging`; returns failed builds (none on success)."""
    langs = list(CODES)
    edition = current_edition(root)
    work = Path(tempfile.mkdtemp(prefix=".export-work-", dir=root))
    try:
        offline_site = work / "offline"
        results = build_languages(root, langs, offline_site, progress, offline=True, label="offline ")
        failed = [r for r in results or [] if not r.ok]
        if failed:
            return failed
        write_root_files(offline_site, hosted=False)
        progress("zipping the offline archive …")
        zip_folder(offline_site, staging / ARCHIVE, edition.epoch, keep=archive_filter(offline_site))
        progress("writing single-file HTML, PDF and EPUB …")
        version = content_version(root)
        shown = {lang: derived_content(root, content, lang, version) for lang in langs}  # as each edition reads
        setups = {lang: book_setup(root, shown[lang], lang, edition) for lang in langs}

        def files_of(lang: str) -> FileFacts:
            return language_files(shown[lang], offline_site, staging, *setups[lang])

        facts, failed = every_language(root, langs, files_of, work)
        if failed:
            return failed
        write_data(content, staging / "data")
        write_manifest(staging, edition, facts)
        return []
    finally:
        shutil.rmtree(work)


def every_language(root: Path, langs: list[str], files_of: Callable[[str], FileFacts],
                   work: Path) -> tuple[FileFacts, list[LanguageBuild]]:
    """Runs `files_of` for every language at once; returns what they report and the languages that
    failed. Where the builds are forked (`editions.can_fork`) each language runs in a forked process:
    most of a PDF's cost is our own Python (fonts, structure), which threads would run one at a time."""
    facts: FileFacts = {}
    if not can_fork(root):
        with ThreadPoolExecutor(max_workers=len(langs)) as pool:
            for found in pool.map(files_of, langs):
                facts.update(found)
        return facts, []
    with contextlib.ExitStack() as stack:
        logs = {lang: stack.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) for lang in langs}

        def start(lang: str) -> Forked:
            def write() -> int:
                output_to(logs[lang])
                (work / f"facts-{lang}.json").write_text(json.dumps(files_of(lang)), encoding="utf-8")
                return 0

            return fork_call(write)

        running = {lang: start(lang) for lang in langs}
        failed = []
        for lang, process in running.items():
            if process.wait() == 0:
                facts.update(json.loads((work / f"facts-{lang}.json").read_text(encoding="utf-8")))
            else:
                logs[lang].seek(0)
                failed.append(LanguageBuild(lang=lang, ok=False, output=f"exports: {logs[lang].read().strip()}"))
    return facts, failed
