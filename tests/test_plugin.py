"""The `primer` MkDocs plugin: registration, typed options, per-build state, the offline parameter."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest
from material.plugins.search import plugin as search_plugin
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from primer.build.plugin import OFFLINE_SHIM, PrimerPlugin
from primer.languages import LANGUAGES
from tests.helpers import FIXTURES, make_project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the tiny fixture content (not built)."""
    return make_project(tmp_path_factory.mktemp("plugin"), FIXTURES / "mini" / "content")


@pytest.fixture(autouse=True)
def material_jieba(monkeypatch: pytest.MonkeyPatch) -> None:
    """on_config puts the segmentation memo into Material's search module: restored after each test."""
    monkeypatch.setattr(search_plugin, "jieba", search_plugin.jieba)


def configured(project: Path, config_name: str = "mkdocs.yml", **options: Any) -> MkDocsConfig:
    """Loads a language's config, sets plugin options as a run would, and runs the config event."""
    config = load_config(config_file=str(project / config_name))
    for name, value in options.items():
        config.plugins["primer"].config[name] = value
    return config.plugins.on_config(config)


def test_entry_point_registers_the_plugin() -> None:
    """`plugins: primer` in mkdocs.yml finds PrimerPlugin through the package's entry point."""
    assert entry_points(group="mkdocs.plugins")["primer"].load() is PrimerPlugin


def test_unknown_language_is_a_config_error() -> None:
    """The `lang` option accepts only the registry's language codes."""
    errors, _ = PrimerPlugin().load_config({"lang": "fr"})
    assert [name for name, _ in errors] == ["lang"]


def test_crosslink_links_first_mentions_by_default() -> None:
    """`crosslink.first_only` defaults to true and is typed."""
    plugin = PrimerPlugin()
    assert plugin.load_config({"lang": "zh"}) == ([], [])
    assert plugin.config.crosslink.first_only is True
    errors, _ = PrimerPlugin().load_config({"lang": "zh", "crosslink": {"first_only": "yes"}})
    assert errors


def test_language_comes_from_the_option(project: Path) -> None:
    """Each language's config builds that language's state."""
    config = configured(project, "mkdocs.en.yml")
    assert config.plugins["primer"].build.lang == "en"


def test_offline_option_makes_the_file_edition(project: Path) -> None:
    """`offline: true` turns Material's offline plugin on (no directory URLs) with our vendored shim."""
    config = configured(project, offline=True)
    assert config.plugins["material/offline"].config.enabled is True
    assert config.use_directory_urls is False
    assert config.extra["polyfills"] == [OFFLINE_SHIM]


def test_hosted_build_keeps_directory_urls(project: Path) -> None:
    """Without the option the build is the hosted site: directory URLs, no polyfill, offline plugin off."""
    config = configured(project)
    assert config.plugins["material/offline"].config.enabled is False
    assert config.use_directory_urls is True
    assert "polyfills" not in config.extra


def test_each_build_starts_with_fresh_state(project: Path) -> None:
    """A plugin object that sees a second build (serve, if it is kept) starts it from fresh state."""
    config = configured(project)
    plugin = config.plugins["primer"]
    first = plugin.build
    first.mentions["llm"] = {"sections/x/": "X"}
    plugin.on_config(config)
    assert plugin.build is not first
    assert plugin.build.mentions == {}


def test_the_switcher_and_glossary_links_take_their_urls_from_the_builds_files(project: Path) -> None:
    """In the file:// edition the nested classification/index.md is classification/index.html in
    MkDocs' Files, and the switcher sends every language there."""
    config = configured(project, offline=True)
    plugin = config.plugins["primer"]
    plugin.on_files(Files([]), config=config)
    assert plugin.urls.url("classification/index.md") == "classification/index.html"
    found = plugin.switcher.alternates("classification/index.md", "..")
    assert [a.href for a in found] == [f"../../{language.folder}/classification/index.html" for language in LANGUAGES]
    assert plugin.linker.glossary_url == "glossary.html"


def test_files_placed_elsewhere_than_the_pages_links_assume_stop_the_build(project: Path) -> None:
    """If MkDocs' Files disagree with the URLs the generated pages link to (here the URL style
    changed after the pages were made), the build stops instead of publishing broken links."""
    config = configured(project)
    config.use_directory_urls = False
    with pytest.raises(PluginError, match="elsewhere than the generated links assume"):
        config.plugins["primer"].on_files(Files([]), config=config)
