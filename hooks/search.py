"""MkDocs hook: the search index gets every glossary name (for ranking) and is written in UTF-8."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; the package sits beside them
    sys.path.insert(0, str(ROOT))

from primer.build.state import BuildState  # noqa: E402
from primer.search.index import rewrite_search_index  # noqa: E402


@event_priority(-50)  # after Material's search plugin writes the index, before offline inlines it (-100)
def on_post_build(config: MkDocsConfig) -> None:
    state: BuildState = config["primer_state"]
    rewrite_search_index(Path(config.site_dir), state.content, config.use_directory_urls)
