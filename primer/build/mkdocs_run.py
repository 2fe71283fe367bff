"""One language's strict MkDocs build:
`python -m primer.build.mkdocs_run CONFIG SITE_DIR [--offline] [--exports DIR]`.

It does what `mkdocs build --strict -f CONFIG -d SITE_DIR` does, with the run's own parameters:
whether it is the file:// edition, and which exports (made by the same run) the downloads page
lists. MkDocs' command line cannot set a plugin's option, and an environment variable read by the
config would hide a parameter three layers down."""

from __future__ import annotations

import argparse
import logging
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


def log_to_stderr() -> None:
    """Prints MkDocs' log as its command line does (`INFO    -  message`)."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(handler)


def main(argv: list[str] | None = None) -> int:
    """Builds one language; returns 0, or 1 when MkDocs aborted (its reason is printed)."""
    parser = argparse.ArgumentParser(prog="python -m primer.build.mkdocs_run", description=__doc__)
    parser.add_argument("config", help="the language's MkDocs config (mkdocs.yml, mkdocs.en.yml, …)")
    parser.add_argument("site_dir", help="where the site is written")
    parser.add_argument("--offline", action="store_true", help="build the file:// edition")
    parser.add_argument("--exports", help="folder of the exports this run made (the downloads page lists them)")
    args = parser.parse_args(argv)
    log_to_stderr()
    try:
        config = load_config(config_file=args.config, site_dir=args.site_dir, strict=True)
        config.plugins["primer"].config.offline = args.offline
        config.plugins["primer"].config.exports = args.exports
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        print(f"Error: {error.format_message()}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
